"""What is wrong with an article's input and where: plain data, free of Django, so importers
that parse files without a database describe problems the same way the intake does."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.field}, line {self.line}" if self.line else self.field
        return f"{where}: {self.message}"
