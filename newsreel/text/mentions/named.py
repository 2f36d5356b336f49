"""What the article has been found to name so far, and where.

Each decision reads what came before it: a surname needs the full name earlier, a shared
title is settled by the people the article names, a tie follows the film the article settled
on. This is that record, and the mentions it finally reports.
"""

from __future__ import annotations

from newsreel.text.mentions.tokens import Tokens
from newsreel.text.types import Mention


class Named:
    def __init__(self, tokens: Tokens) -> None:
        self.tokens = tokens
        self.accepted: dict[int, tuple[str, str, int]] = {}  # first token -> (kind, key, last token)
        self.confidence: dict[int, float] = {}  # first token -> how sure the finder is (see mentions/__init__)
        self.unlinked: set[int] = set()  # first tokens of references that are no name (never linked)
        # Names that stand for several entities at once ("the Safdie brothers": each brother):
        # (first token, last token, kind, key, confidence), never linked (one text, many pages).
        self.groups: list[tuple[int, int, str, str, float]] = []
        self.person_paras: dict[str, set[int]] = {}  # person key -> paragraphs naming them
        self.film_paras: dict[str, set[int]] = {}
        self.person_ends: dict[int, str] = {}  # last token of an accepted person mention -> key
        self.person_starts: dict[int, str] = {}
        self.spoiler_paras: dict[str, set[int]] = {}  # film key -> its spoiler paragraphs
        for index, paragraph in enumerate(tokens.paragraphs):
            if paragraph.spoiler_film:
                self.spoiler_paras.setdefault(paragraph.spoiler_film, set()).add(index)

    def accept(self, first: int, last: int, kind: str, key: str, confidence: float, *, link: bool = True) -> None:
        self.accepted[first] = (kind, key, last)
        self.confidence[first] = confidence
        if not link:
            self.unlinked.add(first)
        paras = self.person_paras if kind == "person" else self.film_paras
        paras.setdefault(key, set()).add(self.tokens.para[first])
        if kind == "person":
            self.person_ends[last] = key
            self.person_starts[first] = key

    def accept_group(self, first: int, last: int, kind: str, keys: list[str], confidence: float) -> None:
        for key in keys:
            self.groups.append((first, last, kind, key, confidence))
            paras = self.person_paras if kind == "person" else self.film_paras
            paras.setdefault(key, set()).add(self.tokens.para[first])

    def mentions(self) -> list[Mention]:
        """Every accepted name, in reading order, with offsets in the document."""
        t = self.tokens
        found = [(first, last, kind, key, self.confidence.get(first, 1.0), False)
                 for first, (kind, key, last) in self.accepted.items()]
        found += [(first, last, kind, key, confidence, True) for first, last, kind, key, confidence in self.groups]
        found.sort(key=lambda item: (item[0], item[3]))
        mentions = []
        for first, last, kind, key, confidence, group in found:
            paragraph = t.paragraphs[t.para[first]]
            start, end = t.start[first], t.end[last]
            mentions.append(
                Mention(
                    kind=kind,
                    key=key,
                    start=paragraph.start + start,
                    end=paragraph.start + end,
                    surface=paragraph.text[start:end],
                    in_spoiler=paragraph.spoiler_film is not None,
                    confidence=confidence,
                    group=group,
                    link=not group and first not in self.unlinked,
                )
            )
        return mentions
