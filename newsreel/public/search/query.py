"""What a reader typed, parsed into a query that cannot fail in the database.

Readers type anything: quotes, AND/OR/NOT, NEAR(, stars, unbalanced brackets, emoji,
a pasted paragraph. Nothing they type reaches a database query language as written:
the parser keeps only words (letters and digits, the same characters both full-text
engines index) and a few plain meanings, and each backend compiles the parsed query
from those words alone.

The meanings kept, as a web search box has them:

    harbor lights       every word must appear (in any field, in any order)
    "harbor lights"     the words must appear together, in this order
    orchard OR harbor   either one (OR in capitals, between two words or phrases)
    -spoiler, NOT x     leave out articles with this word or phrase
    light*              words starting with "light" (three letters or more before the star)

Anything else (AND, brackets, NEAR, punctuation) is a separator. A query with no word
left to look for is empty: the page then asks for words instead of searching.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Longer input is cut here: no headline needs more, and a pasted paragraph must not
# become a query with hundreds of terms.
MAX_QUERY_CHARS = 200
MAX_CLAUSES = 12
MAX_PHRASE_WORDS = 8
MIN_PREFIX_CHARS = 3

# A word: letters and digits (Unicode); the underscore is punctuation to both engines.
_WORD = re.compile(r"[^\W_]+")
# A quoted phrase (an unclosed quote runs to the end), or a run of non-space characters.
_TOKEN = re.compile(r'(?P<neg>-?)"(?P<phrase>[^"]*)"?|(?P<bare>[^\s"]+)')
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff\ue000-\uf8ff]")


@dataclass(frozen=True)
class Term:
    """One word, or a phrase of words in order; `prefix` lets the last word be a prefix."""

    words: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True)
class Clause:
    """Matches when any of its alternatives does; `negated` clauses leave articles out."""

    alternatives: tuple[Term, ...]
    negated: bool = False


@dataclass(frozen=True)
class ParsedQuery:
    text: str  # the reader's text, cleaned and cut to MAX_QUERY_CHARS (shown back in the box)
    clauses: tuple[Clause, ...]
    truncated: bool = False

    @property
    def positive(self) -> tuple[Clause, ...]:
        return tuple(clause for clause in self.clauses if not clause.negated)

    @property
    def negative(self) -> tuple[Clause, ...]:
        return tuple(clause for clause in self.clauses if clause.negated)

    @property
    def is_empty(self) -> bool:
        """Nothing to look for (only negations count as nothing: they cannot rank)."""
        return not self.positive

    @property
    def words(self) -> tuple[str, ...]:
        """Every word looked for, once each, in order (for highlighting and display)."""
        seen: dict[str, None] = {}
        for clause in self.positive:
            for term in clause.alternatives:
                for word in term.words:
                    seen.setdefault(word, None)
        return tuple(seen)


def clean_text(raw: str | None) -> tuple[str, bool]:
    """Normalised, control-free text cut to MAX_QUERY_CHARS; True when it was cut."""
    text = unicodedata.normalize("NFKC", raw or "")
    text = _CONTROL.sub(" ", text)
    text = " ".join(text.split())
    if len(text) > MAX_QUERY_CHARS:
        return text[:MAX_QUERY_CHARS].rstrip(), True
    return text, False


def parse_query(raw: str | None) -> ParsedQuery:
    """Parse whatever a reader typed; never raises."""
    text, truncated = clean_text(raw)
    clauses: list[Clause] = []
    pending_or = False
    negate_next = False
    for match in _TOKEN.finditer(text):
        bare = match.group("bare")
        if bare is not None:
            if bare == "OR":
                pending_or = bool(clauses) and not clauses[-1].negated
                continue
            if bare in ("AND", "&&", "+"):
                continue
            if bare == "NOT":
                negate_next = True
                continue
            negated = bare.startswith("-") and len(bare) > 1
            term = _term(bare.lstrip("-"), allow_prefix=True)
        else:
            negated = bool(match.group("neg"))
            term = _term(match.group("phrase"), allow_prefix=False)
        if term is None:
            continue
        negated = negated or negate_next
        negate_next = False
        if pending_or and not negated and clauses:
            last = clauses.pop()
            clauses.append(Clause(last.alternatives + (term,)))
        else:
            clauses.append(Clause((term,), negated=negated))
        pending_or = False
    if len(clauses) > MAX_CLAUSES:
        clauses, truncated = clauses[:MAX_CLAUSES], True
    return ParsedQuery(text=text, clauses=tuple(_dedupe(clauses)), truncated=truncated)


def _term(text: str, *, allow_prefix: bool) -> Term | None:
    words = tuple(word.casefold() for word in _WORD.findall(text))[:MAX_PHRASE_WORDS]
    if not words:
        return None
    prefix = allow_prefix and text.rstrip().endswith("*") and len(words[-1]) >= MIN_PREFIX_CHARS
    return Term(words, prefix)


def _dedupe(clauses: list[Clause]) -> list[Clause]:
    seen: set[Clause] = set()
    kept = []
    for clause in clauses:
        if clause not in seen:
            seen.add(clause)
            kept.append(clause)
    return kept


def fts5_match(query: ParsedQuery) -> str:
    """The FTS5 MATCH expression: every word double-quoted, so none is an operator."""

    def term(t: Term) -> str:
        return '"' + " ".join(t.words) + '"' + (" *" if t.prefix else "")

    def clause(c: Clause) -> str:
        return "(" + " OR ".join(term(t) for t in c.alternatives) + ")"

    expression = " AND ".join(clause(c) for c in query.positive)
    if query.negative:
        expression = f"({expression}) NOT (" + " OR ".join(clause(c) for c in query.negative) + ")"
    return expression


def tsquery_text(query: ParsedQuery) -> str:
    """PostgreSQL to_tsquery() text: words are letters and digits only, so none is syntax."""

    def term(t: Term) -> str:
        words = list(t.words)
        if t.prefix:
            words[-1] += ":*"
        return "(" + " <-> ".join(words) + ")" if len(words) > 1 else words[0]

    def clause(c: Clause) -> str:
        return "(" + " | ".join(term(t) for t in c.alternatives) + ")"

    parts = [clause(c) for c in query.positive] + ["!" + clause(c) for c in query.negative]
    return " & ".join(parts)
