"""Quotes checked before they name anyone.

The text core finds each quote of a story with a speaker and a confidence
(docs/text-core.md). An editor may confirm the speaker, name another one (a person in the
knowledge graph, a name that is not in it, or an organisation), or say that the words are
not a quote at all. Each decision is a `QuoteCheck` kept with the story and found again by
the quote's words, so it holds through every save and republish that leaves them alone.

Publishing applies the checks to the quotes it stores (`apply_checks`); a check made on a
live story applies at once to its stored quotes and tells the public site which people's
pages changed (`quotes_checked`). Person and film pages show a quote only when its speaker
is confirmed, or the core is sure and the site does not ask for every quote to be confirmed
(`Quote.objects.sure()`, NEWSREEL_CONFIRM_EVERY_QUOTE).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Iterable

from django.conf import settings
from django.db import transaction

from newsreel.films.models import Person
from newsreel.newsroom.models import Article, Quote, QuoteCheck, QuoteVerdict, SpeakerKind
from newsreel.newsroom.permissions import QUOTE_CHECK, require
from newsreel.newsroom.signals import quotes_checked
from newsreel.text.quotes import SURE_CONFIDENCE

SPEAKER_NAME_MAX = 200


class QuoteCheckError(ValueError):
    """A check that cannot be kept as asked; the message says what to change."""


def quote_key(text: str) -> str:
    """The quote's identity across revisions: its words, case and spacing folded."""
    folded = " ".join(text.split()).casefold()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class FoundQuote:
    """One quote of the latest revision as the desk shows it: the core's reading, and the
    editor's check when there is one."""

    text: str
    position: int
    in_spoiler: bool
    confidence: float
    core_person: Person | None
    core_name: str
    check: QuoteCheck | None

    @property
    def key(self) -> str:
        return quote_key(self.text)

    @property
    def sure(self) -> bool:
        return self.confidence >= SURE_CONFIDENCE

    @property
    def waiting(self) -> bool:
        """Whether the quote names a graph person but stays off their page until confirmed."""
        if self.check is not None or self.core_person is None:
            return False
        return settings.CONFIRM_EVERY_QUOTE or not self.sure

    @property
    def speaker(self) -> str:
        """Who the quote is given to, after the editor's check."""
        check = self.check
        if check is not None and check.verdict == QuoteVerdict.SPEAKER:
            return str(check.person) if check.person else check.speaker_name
        if self.core_person is not None:
            return self.core_person.name
        return self.core_name


def _core_quotes(derived: dict) -> list[tuple[str, str | None, str, int, bool, float]]:
    """The quotes a revision's core found, as stored with it (older revisions lack confidence)."""
    quotes = []
    for item in derived.get("quotes", []):
        text, key, name, start, in_spoiler = item[:5]
        quotes.append((text, key, name or "", int(start), bool(in_spoiler), float(item[5]) if len(item) > 5 else 0.0))
    return quotes


def found_quotes(article: Article) -> list[FoundQuote]:
    """Every quote the core found in the latest saved revision, with its check."""
    revision = article.latest_revision
    if revision is None:
        return []
    quotes = _core_quotes(revision.derived or {})
    people = Person.objects.in_bulk({key for _, key, *_ in quotes if key}, field_name="key")
    checks = {check.key: check for check in article.quote_checks.select_related("person")}
    return [
        FoundQuote(text=text, position=start, in_spoiler=in_spoiler, confidence=confidence,
                   core_person=people.get(key) if key else None, core_name=name, check=checks.get(quote_key(text)))
        for text, key, name, start, in_spoiler, confidence in quotes
    ]


def apply_checks(article: Article, quotes: Iterable[Quote]) -> list[Quote]:
    """The quotes to store for `article`, with its checks applied (unsaved Quote objects in,
    unsaved Quote objects out; "not a quote" ones left out)."""
    checks = {check.key: check for check in article.quote_checks.select_related("person")}
    kept = []
    for quote in quotes:
        check = checks.get(quote_key(quote.text))
        if check is None:
            kept.append(quote)
            continue
        if check.verdict == QuoteVerdict.NOT_A_QUOTE:
            continue
        if check.verdict == QuoteVerdict.SPEAKER:
            quote.person = check.person if check.speaker_kind == SpeakerKind.PERSON else None
            quote.speaker_name = "" if quote.person else check.speaker_name
            quote.organisation = check.speaker_kind == SpeakerKind.ORGANISATION
        quote.checked = True
        kept.append(quote)
    return kept


def _live_quotes(article: Article) -> list[Quote]:
    """The live revision's quotes as the core found them, before any check."""
    revision = article.live_revision
    quotes = _core_quotes(revision.derived or {}) if revision else []
    people = Person.objects.in_bulk({key for _, key, *_ in quotes if key}, field_name="key")
    return [
        Quote(article=article, person=people.get(key) if key else None, speaker_name=name[:SPEAKER_NAME_MAX],
              text=text, position=start, in_spoiler=in_spoiler, confidence=confidence)
        for text, key, name, start, in_spoiler, confidence in quotes
    ]


def _restamp(article: Article) -> None:
    """Store the live story's quotes again with its checks, and tell the site whose pages changed."""
    if not article.is_live:
        return  # stored quotes belong to live stories; the next publish applies the checks
    before = set(article.quotes.filter(person__isnull=False).values_list("person__key", flat=True))
    article.quotes.all().delete()
    stored = Quote.objects.bulk_create(apply_checks(article, _live_quotes(article)))
    after = {quote.person.key for quote in stored if quote.person is not None}
    quotes_checked.send(sender=Article, article=article, people=before | after)


def check_quote(article: Article, *, text: str, verdict: str, user=None, speaker_kind: str = "",
                person_key: str = "", speaker_name: str = "") -> QuoteCheck:
    """Keep an editor's decision on one quote of `article` (replacing an earlier one)."""
    require(user, QUOTE_CHECK, article)
    if verdict not in QuoteVerdict.values:
        raise QuoteCheckError(f"“{verdict}” is not a decision on a quote; choose confirm, change speaker or not a quote.")
    found = {quote.key: quote for quote in found_quotes(article)}
    key = quote_key(text)
    if key not in found:
        raise QuoteCheckError("That quote is no longer in the latest revision of the story; reload the page.")
    person = None
    speaker_name = " ".join(speaker_name.split())
    if verdict == QuoteVerdict.SPEAKER:
        if speaker_kind == SpeakerKind.PERSON:
            person = Person.objects.filter(key=person_key.strip()).first()
            if person is None:
                raise QuoteCheckError(f"No person in the knowledge graph has the key “{person_key.strip()}”; "
                                      "pick one from the list, or choose “a name not in the graph”.")
            speaker_name = ""
        elif speaker_kind in (SpeakerKind.NAME, SpeakerKind.ORGANISATION):
            if not speaker_name:
                raise QuoteCheckError("Type the speaker's name (or the organisation's).")
            if len(speaker_name) > SPEAKER_NAME_MAX:
                raise QuoteCheckError(f"The speaker's name is longer than {SPEAKER_NAME_MAX} characters.")
        else:
            raise QuoteCheckError("Say who the new speaker is: a person in the graph, a name not in it, "
                                  "or an organisation.")
    else:
        speaker_kind, speaker_name = "", ""
    with transaction.atomic():
        check, _ = QuoteCheck.objects.update_or_create(
            article=article, key=key,
            defaults={"text": found[key].text, "verdict": verdict, "speaker_kind": speaker_kind, "person": person,
                      "speaker_name": speaker_name, "checked_by": user},
        )
        _restamp(article)
    return check


def undo_check(article: Article, *, text: str, user=None) -> bool:
    """Forget the decision on one quote: the core's reading applies again. False when there was none."""
    require(user, QUOTE_CHECK, article)
    with transaction.atomic():
        deleted, _ = article.quote_checks.filter(key=quote_key(text)).delete()
        if deleted:
            _restamp(article)
    return bool(deleted)


def restore_checks(article: Article, checks: list[dict]) -> int:
    """Put back decisions exported with a story (`newsreel import content`): kept as they were
    (who, when), then applied to its stored quotes as a new decision would be. Returns how many.

    Each entry: {"text", "verdict", "speaker_kind", "person" (a key or None), "speaker_name",
    "checked_by" (a user or None), "checked_at"}; the caller has checked the values."""
    people = Person.objects.in_bulk({entry["person"] for entry in checks if entry.get("person")}, field_name="key")
    with transaction.atomic():
        for entry in checks:
            check, _ = QuoteCheck.objects.update_or_create(
                article=article, key=quote_key(entry["text"]),
                defaults={"text": entry["text"], "verdict": entry["verdict"],
                          "speaker_kind": entry.get("speaker_kind") or "",
                          "person": people.get(entry.get("person") or ""),
                          "speaker_name": entry.get("speaker_name") or "", "checked_by": entry.get("checked_by")})
            if entry.get("checked_at"):  # auto_now: the time it was checked comes back through an update
                QuoteCheck.objects.filter(pk=check.pk).update(checked_at=entry["checked_at"])
        if checks:
            _restamp(article)
    return len(checks)
