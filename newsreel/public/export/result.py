"""What an export reports: `ExportResult` (files written, kept, removed) and `ExportError`.

Depends on: nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class ExportError(Exception):
    """The export cannot go on; the message names the file or path at fault."""


@dataclass
class ExportResult:
    """What one export did, counted in files."""

    written: int = 0
    unchanged: int = 0
    removed: int = 0
    pages: int = 0
    rendered: int = 0
    skipped: list[str] = field(default_factory=list)

    def summary(self) -> str:
        line = (f"{self.pages} pages; {self.written} files written, {self.unchanged} unchanged, "
                f"{self.removed} removed")
        if self.rendered:
            line += f"; {self.rendered} pages rendered first"
        if self.skipped:
            line += f"; {len(self.skipped)} skipped"
        return line
