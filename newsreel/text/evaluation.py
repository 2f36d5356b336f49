"""Scoring the text core against a hand-made gold standard (used by `newsreel evaluate`).

Pure functions over plain data: the command reads the files and runs the pipeline, this
module validates what it read and turns predictions and gold into one dict of metrics.

Gold, per article file name (see issue 3):
    {"films": [keys], "people": [keys],
     "quotes": [{"text_start": "first words of the quote", "speaker": key or null}],
     "spoiler_films": [keys], "spoiler_sentences": [phrases from spoiler blocks]}
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from newsreel.text.normalize import fold, tokenize
from newsreel.text.types import (CreditRef, FilmRef, ImageRef, KnowledgeGraph, Mention, Paragraph, PersonRef,
                                 ProcessedArticle)

__all__ = [
    "EvaluationError",
    "GoldArticle",
    "GoldQuote",
    "PredictedQuote",
    "Prediction",
    "gold_from_json",
    "graph_from_json",
    "headline_paragraphs",
    "plain_headline",
    "predict",
    "score",
    "split_headline",
]

_KEY_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ROLES = ("director", "writer", "producer", "actor", "crew")


class EvaluationError(ValueError):
    """An evaluation input is malformed; the message names the file and JSON path."""


_QUOTE_KINDS = ("speech", "qa")
try:  # mentions below this are neither linked nor indexed, so they do not count as found
    from newsreel.text.mentions import LINK_CONFIDENCE
except ImportError:  # an older core (bench/attribution.py --core) has no mention confidence
    LINK_CONFIDENCE = 0.0
# A person's page shows a quote at or above this confidence (the site's setting may differ;
# the evaluation reports what the core's own threshold would publish).
SURE_CONFIDENCE = 0.8


@dataclass(frozen=True)
class GoldQuote:
    text_start: str
    speaker: str | None
    kind: str = "speech"  # "qa" for an answer in an interview transcript


class PredictedQuote(NamedTuple):
    """One extracted quote as the scorer sees it; a plain (text, speaker) pair is one too."""

    text: str
    speaker: str | None
    confidence: float = 1.0
    fragment_starts: tuple[int, ...] = ()
    kind: str = "speech"


@dataclass(frozen=True)
class GoldArticle:
    films: frozenset[str]
    people: frozenset[str]
    quotes: tuple[GoldQuote, ...]
    spoiler_films: frozenset[str]
    spoiler_sentences: tuple[str, ...]
    format: str = ""  # the article's format ("qa", "press release", ...), for figures per format


@dataclass
class Prediction:
    """What the text core produced for one article."""

    films: set[str]
    people: set[str]
    quotes: list[PredictedQuote]  # or plain (quote text, speaker key or None) pairs
    spoiler_films: set[str]
    surfaces: dict[str, str]  # every excerpt a reader can see, by name ("summary", ...)
    seconds: float = 0.0


# -- reading and validating -----------------------------------------------------------------


def _type_name(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "true/false", type(None): "null",
            int: "a number", float: "a number"}.get(type(value), type(value).__name__)


def _fail(source: str, path: str, message: str) -> EvaluationError:
    return EvaluationError(f"{source}: {path}: {message}")


def _string(item: Mapping, name: str, path: str, source: str, *, required: bool = True) -> str:
    value = item.get(name)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise _fail(source, f"{path}.{name}", f"must be a non-empty string, not {_type_name(value)}")
    return value.strip()


def _key(item: Mapping, name: str, path: str, source: str) -> str:
    value = _string(item, name, path, source)
    if not _KEY_RE.match(value):
        raise _fail(source, f"{path}.{name}", f"{value!r} must be lowercase letters, digits and single hyphens")
    return value


def _aliases(item: Mapping, path: str, source: str) -> tuple[str, ...]:
    value = item.get("aliases", [])
    if value is None:
        return ()
    if not isinstance(value, list):
        raise _fail(source, f"{path}.aliases", f"must be a list of strings, not {_type_name(value)}")
    for index, alias in enumerate(value):
        if not isinstance(alias, str) or not alias.strip():
            raise _fail(source, f"{path}.aliases[{index}]", "must be a non-empty string")
    return tuple(alias.strip() for alias in value)


def _list(data: Mapping, name: str, source: str) -> list:
    value = data.get(name, [])
    if not isinstance(value, list):
        raise _fail(source, name, f"must be a list, not {_type_name(value)}")
    return value


def _object(item: Any, path: str, source: str) -> Mapping:
    if not isinstance(item, dict):
        raise _fail(source, path, f"must be an object, not {_type_name(item)}")
    return item


def graph_from_json(data: Any, source: str = "kb.json") -> KnowledgeGraph:
    """A KnowledgeGraph from knowledge-graph JSON; raise EvaluationError naming the JSON path."""
    data = _object(data, "$", source)
    films, people, credits = [], [], []
    seen: dict[str, str] = {}
    for index, item in enumerate(_list(data, "films", source)):
        path = f"films[{index}]"
        item = _object(item, path, source)
        key = _key(item, "key", path, source)
        year = item.get("year")
        if year is not None and (not isinstance(year, int) or isinstance(year, bool) or not 1870 <= year <= 2100):
            raise _fail(source, f"{path}.year", f"must be a whole number between 1870 and 2100, not {year!r}")
        if key in seen:
            raise _fail(source, f"{path}.key", f"{key!r} repeats {seen[key]}.key")
        seen[key] = path
        films.append(FilmRef(key=key, title=_string(item, "title", path, source), year=year,
                             aliases=_aliases(item, path, source)))
    seen_people: dict[str, str] = {}
    for index, item in enumerate(_list(data, "people", source)):
        path = f"people[{index}]"
        item = _object(item, path, source)
        key = _key(item, "key", path, source)
        if key in seen_people:
            raise _fail(source, f"{path}.key", f"{key!r} repeats {seen_people[key]}.key")
        seen_people[key] = path
        people.append(PersonRef(key=key, name=_string(item, "name", path, source), aliases=_aliases(item, path, source)))
    for index, item in enumerate(_list(data, "credits", source)):
        path = f"credits[{index}]"
        item = _object(item, path, source)
        film, person = _key(item, "film", path, source), _key(item, "person", path, source)
        if film not in seen:
            raise _fail(source, f"{path}.film", f"{film!r} is not a key in films")
        if person not in seen_people:
            raise _fail(source, f"{path}.person", f"{person!r} is not a key in people")
        role = _string(item, "role", path, source)
        if role not in _ROLES:
            raise _fail(source, f"{path}.role", f"{role!r} is not one of: {', '.join(_ROLES)}")
        credits.append(CreditRef(film=film, person=person, role=role,
                                 character=_string(item, "character", path, source, required=False)))
    return KnowledgeGraph(films=tuple(films), people=tuple(people), credits=tuple(credits))


def gold_from_json(
    data: Any, articles: Iterable[str], graph: KnowledgeGraph, source: str = "gold.json"
) -> dict[str, GoldArticle]:
    """Gold per article; every article needs gold, every key must be in the graph."""
    data = _object(data, "$", source)
    names = sorted(articles)
    missing = [name for name in names if name not in data]
    if missing:
        raise _fail(source, "$", f"no gold for article(s): {', '.join(missing)}")
    extra = sorted(set(data) - set(names))
    if extra:
        raise _fail(source, "$", f"gold for missing article(s): {', '.join(extra)}")
    film_keys = {film.key for film in graph.films}
    person_keys = {person.key for person in graph.people}
    gold = {}
    for name in names:
        path = _json_key(name)
        item = _object(data[name], path, source)

        def keys(field_name: str, known: set[str], kind: str) -> frozenset[str]:
            values = item.get(field_name, [])
            if not isinstance(values, list):
                raise _fail(source, f"{path}.{field_name}", f"must be a list of {kind} keys")
            for index, value in enumerate(values):
                if not isinstance(value, str) or value not in known:
                    raise _fail(source, f"{path}.{field_name}[{index}]", f"{value!r} is not a {kind} key in kb.json")
            return frozenset(values)

        quotes = []
        raw_quotes = item.get("quotes", [])
        if not isinstance(raw_quotes, list):
            raise _fail(source, f"{path}.quotes", "must be a list")
        for index, quote in enumerate(raw_quotes):
            quote_path = f"{path}.quotes[{index}]"
            quote = _object(quote, quote_path, source)
            speaker = quote.get("speaker")
            if speaker is not None and speaker not in person_keys:
                raise _fail(source, f"{quote_path}.speaker", f"{speaker!r} is neither null nor a person key in kb.json")
            kind = quote.get("kind", "speech")
            if kind not in _QUOTE_KINDS:
                raise _fail(source, f"{quote_path}.kind", f"{kind!r} is not one of: {', '.join(_QUOTE_KINDS)}")
            quotes.append(GoldQuote(text_start=_string(quote, "text_start", quote_path, source), speaker=speaker, kind=kind))
        sentences = item.get("spoiler_sentences", [])
        if not isinstance(sentences, list) or not all(isinstance(s, str) and s.strip() for s in sentences):
            raise _fail(source, f"{path}.spoiler_sentences", "must be a list of non-empty strings")
        gold[name] = GoldArticle(
            films=keys("films", film_keys, "film"),
            people=keys("people", person_keys, "person"),
            quotes=tuple(quotes),
            spoiler_films=keys("spoiler_films", film_keys, "film"),
            spoiler_sentences=tuple(sentences),
            format=_string(item, "format", path, source, required=False),
        )
    return gold


def _json_key(name: str) -> str:
    return f'["{name}"]'


def split_headline(source: str) -> tuple[str, str]:
    """(headline, body) of an article whose first non-blank line may be "# Headline".

    The headline's line is blanked, not removed, so line numbers in errors still match the file.
    """
    lines = source.splitlines(keepends=True)
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        if line.startswith("# "):
            return line[2:].strip(), "".join(lines[:index]) + "\n" + "".join(lines[index + 1 :])
        break
    return "", source


_EMPHASIS_RE = re.compile(r"(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1")


def html_to_text(html: str) -> str:
    """Visible text of an HTML fragment (tags dropped, entities decoded)."""
    import html as html_module
    import re

    return html_module.unescape(re.sub(r"<[^>]+>", " ", html))


def any_picture(reference: str) -> ImageRef:
    """The image library of an evaluation, which has none: every picture an article shows is
    known, with a stand-in alt text and credit. Pictures are not what a set measures, and a
    set written elsewhere shows them as its site did (alone, captioned, without a credit)."""
    return ImageRef(url=reference, alt=reference, credit="(not part of the evaluation)")


def plain_headline(headline: str) -> str:
    """The headline without Markdown emphasis or code marks."""
    return _EMPHASIS_RE.sub(r"\2", headline).replace("`", "").strip()


def predict(
    processed: ProcessedArticle, *, seconds: float = 0.0, extra_mentions: Iterable[Mention] = ()
) -> Prediction:
    """A Prediction from the pipeline's output; `extra_mentions` adds e.g. the headline's."""
    # Only what the site would index counts: the pipeline keeps unsure mentions apart, and
    # the headline's (found separately) are held to the same threshold.
    mentions = list(processed.mentions) + [m for m in extra_mentions if m.confidence >= LINK_CONFIDENCE]
    summary = processed.summary
    # safe_text is what search snippets and API excerpts are cut from; feed_html is the
    # feed item body (spoiler blocks replaced by notices); summaries feed every card.
    surfaces = {"safe_text": processed.safe_text, "feed_html": html_to_text(processed.feed_html)}
    if summary is not None:
        surfaces["summary"] = summary.text
        surfaces["meta_description"] = summary.short
    return Prediction(
        films={m.key for m in mentions if m.kind == "film"},
        people={m.key for m in mentions if m.kind == "person"},
        quotes=[
            PredictedQuote(quote.text, quote.speaker_key, quote.confidence, quote.fragment_starts, quote.kind)
            for quote in processed.quotes
        ],
        spoiler_films=set(processed.spoiler_films),
        surfaces=surfaces,
        seconds=seconds,
    )


def headline_paragraphs(headline: str, paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
    """The headline as a heading paragraph before the body's, offsets shifted to match."""
    shift = len(headline) + 2
    return [Paragraph(headline, 0, kind="heading")] + [
        Paragraph(p.text, p.start + shift, kind=p.kind, spoiler_film=p.spoiler_film) for p in paragraphs
    ]


# -- scoring ---------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return [token for _, _, token in tokenize(text) if token[:1].isalnum()]


def quote_matches(text_start: str, quote_text: str) -> bool:
    """True when the quote starts with `text_start`, ignoring case, accents, quote marks and
    punctuation (words are compared one by one)."""
    wanted = _words(text_start)
    return bool(wanted) and _words(quote_text)[: len(wanted)] == wanted


def quote_matches_within(text_start: str, quote_text: str, fragment_starts: Sequence[int]) -> bool:
    """True when the quote starts with `text_start`, or one of its later fragments does: a
    quotation kept whole across its attribution ("…,” she said. “…”) holds both gold spans."""
    return any(quote_matches(text_start, quote_text[at:]) for at in (0, *fragment_starts))


def _contains(surface: str, phrase: str) -> bool:
    folded = f" {fold(phrase)} "
    return folded.strip() != "" and folded in f" {fold(surface)} "


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def _set_metrics(pairs: Sequence[tuple[frozenset[str] | set[str], set[str]]]) -> dict[str, Any]:
    tp = fp = fn = 0
    per_article = []
    for gold, predicted in pairs:
        a, b, c = len(gold & predicted), len(predicted - gold), len(gold - predicted)
        tp, fp, fn = tp + a, fp + b, fn + c
        per_article.append(_prf(a, b, c))
    micro = _prf(tp, fp, fn)
    count = len(per_article) or 1
    macro = {f"macro_{name}": round(sum(m[name] for m in per_article) / count, 4) for name in ("precision", "recall", "f1")}
    return {**micro, **macro, "true_positives": tp, "false_positives": fp, "false_negatives": fn}


def _tagged(films: Iterable[str], people: Iterable[str]) -> set[str]:
    return {f"film:{key}" for key in films} | {f"person:{key}" for key in people}


def score(gold: Mapping[str, GoldArticle], predictions: Mapping[str, Prediction], *, details: bool = False) -> dict[str, Any]:
    """Every metric of issue 3 as one JSON-ready dict."""
    names = sorted(gold)
    films = _set_metrics([(gold[n].films, predictions[n].films) for n in names])
    people = _set_metrics([(gold[n].people, predictions[n].people) for n in names])
    both = _set_metrics(
        [(_tagged(gold[n].films, gold[n].people), _tagged(predictions[n].films, predictions[n].people)) for n in names]
    )
    leaks: list[dict[str, str]] = []
    spoiler_films_right = 0
    problems: dict[str, dict[str, Any]] = {}
    tally = _QuoteTally()
    by_format: dict[str, list[str]] = {}
    for name in names:
        expected, predicted = gold[name], predictions[name]
        by_format.setdefault(expected.format or "unlabelled", []).append(name)
        missed, misattributed, unmatched = tally.add(expected.quotes, [PredictedQuote(*q) for q in predicted.quotes])
        for phrase in expected.spoiler_sentences:
            for surface_name, surface in predicted.surfaces.items():
                if _contains(surface, phrase):
                    leaks.append({"article": name, "phrase": phrase, "surface": surface_name})
        if set(expected.spoiler_films) == predicted.spoiler_films:
            spoiler_films_right += 1
        if details:
            problems[name] = {
                "films_missed": sorted(expected.films - predicted.films),
                "films_wrong": sorted(predicted.films - expected.films),
                "people_missed": sorted(expected.people - predicted.people),
                "people_wrong": sorted(predicted.people - expected.people),
                "quotes_missed": missed,
                "quotes_misattributed": misattributed,
                "false_quotes": [text[:80] for text in unmatched],
            }
    count = len(names)
    times = [predictions[n].seconds * 1000 for n in names]
    result: dict[str, Any] = {
        "articles": count,
        "films": films,
        "people": people,
        "mentions": both,
        "quotes": tally.figures(count),
        "spoilers": {
            "leaks": len(leaks),
            "leaked": leaks,
            "spoiler_films_exact": spoiler_films_right,
            "surfaces_checked": sorted({s for n in names for s in predictions[n].surfaces}),
        },
        "timing": {
            "total_seconds": round(sum(times) / 1000, 4),
            "mean_ms_per_article": round(statistics.fmean(times), 2) if times else 0.0,
            "median_ms_per_article": round(statistics.median(times), 2) if times else 0.0,
            "max_ms_per_article": round(max(times), 2) if times else 0.0,
        },
    }
    if len(by_format) > 1 or "unlabelled" not in by_format:
        result["by_format"] = {
            fmt: _format_figures(gold, predictions, members) for fmt, members in sorted(by_format.items())
        }
    if details:
        result["details"] = {name: value for name, value in problems.items() if any(value.values())}
    return result


def _format_figures(gold: Mapping[str, GoldArticle], predictions: Mapping[str, Prediction], names: list[str]) -> dict[str, Any]:
    """Mentions and quotes for the articles of one format."""
    both = _set_metrics(
        [(_tagged(gold[n].films, gold[n].people), _tagged(predictions[n].films, predictions[n].people)) for n in names]
    )
    tally = _QuoteTally()
    for n in names:
        tally.add(gold[n].quotes, [PredictedQuote(*q) for q in predictions[n].quotes])
    quotes = tally.figures(len(names))
    return {
        "articles": len(names),
        "mentions": {k: both[k] for k in ("precision", "recall")},
        "quotes": {k: quotes[k] for k in ("gold", "recall", "recall_strict", "attribution_accuracy", "on_wrong_page", "false_quotes")},
    }


class _QuoteTally:
    """Quote figures summed over articles.

    Found (recall): an extracted quote begins with the gold quote or holds it at a fragment
    boundary; one extracted quote may hold several gold quotes, each at its own boundary.
    Strict: it must begin with it, one extracted quote per gold quote. A quote is "on a page"
    when its speaker is a graph person at the core's sure confidence; "on the wrong page" when
    that person did not say it (a gold quote of someone else, or no gold quote at all)."""

    def __init__(self) -> None:
        self.gold = self.found = self.strict = self.attributed = self.extracted = self.false_quotes = 0
        self.kinds: dict[str, list[int]] = {}  # kind -> [gold, found, attributed]
        self.on_pages = self.on_wrong_page = self.to_wrong_person = self.held = 0
        self.gold_with_person = self.person_recalled = 0

    def add(self, expected: Sequence[GoldQuote], predicted: Sequence[PredictedQuote]) -> tuple[list[str], list[dict], list[str]]:
        used: set[tuple[int, int]] = set()
        used_strict: set[int] = set()
        matched: set[int] = set()
        missed: list[str] = []
        misattributed: list[dict[str, Any]] = []
        right_on_page: set[int] = set()
        for quote in expected:
            self.gold += 1
            kind = self.kinds.setdefault(quote.kind, [0, 0, 0])
            kind[0] += 1
            if quote.speaker is not None:
                self.gold_with_person += 1
            for index, p in enumerate(predicted):
                if index not in used_strict and quote_matches(quote.text_start, p.text):
                    used_strict.add(index)
                    self.strict += 1
                    break
            hit = None
            for index, p in enumerate(predicted):
                for at in (0, *p.fragment_starts):
                    if (index, at) not in used and quote_matches(quote.text_start, p.text[at:]):
                        hit = (index, at)
                        break
                if hit:
                    break
            if hit is None:
                missed.append(quote.text_start)
                continue
            used.add(hit)
            matched.add(hit[0])
            p = predicted[hit[0]]
            self.found += 1
            kind[1] += 1
            if p.speaker == quote.speaker:
                self.attributed += 1
                kind[2] += 1
                if p.speaker is not None and p.confidence >= SURE_CONFIDENCE:
                    self.person_recalled += 1
                    right_on_page.add(hit[0])
            else:
                misattributed.append({"quote": quote.text_start, "expected": quote.speaker, "got": p.speaker,
                                      "confidence": p.confidence})
                if p.speaker is not None:
                    self.to_wrong_person += 1
        self.extracted += len(predicted)
        unmatched = [p.text for index, p in enumerate(predicted) if index not in matched]
        self.false_quotes += len(unmatched)
        for index, p in enumerate(predicted):
            if p.speaker is None:
                continue
            if p.confidence >= SURE_CONFIDENCE:
                self.on_pages += 1
                if index not in right_on_page:
                    self.on_wrong_page += 1
            else:
                self.held += 1
        return missed, misattributed, unmatched

    def figures(self, articles: int) -> dict[str, Any]:
        def ratio(a: int, b: int) -> float:
            return round(a / b, 4) if b else 1.0

        return {
            "gold": self.gold,
            "extracted": self.extracted,
            "found": self.found,
            "recall": ratio(self.found, self.gold),
            "recall_strict": ratio(self.strict, self.gold),
            "attribution_accuracy": ratio(self.attributed, self.found),
            "by_kind": {
                kind: {"gold": g, "recall": ratio(f, g), "attribution_accuracy": ratio(a, f)}
                for kind, (g, f, a) in sorted(self.kinds.items())
            },
            # Attribution to graph people at the sure confidence: what person pages show.
            "person_pages": {
                "precision": ratio(self.on_pages - self.on_wrong_page, self.on_pages),
                "recall": ratio(self.person_recalled, self.gold_with_person),
                "shown": self.on_pages,
                "held_for_an_editor": self.held,
            },
            "on_wrong_page": self.on_wrong_page,
            "on_wrong_page_per_100": round(100 * self.on_wrong_page / self.on_pages, 2) if self.on_pages else 0.0,
            "given_to_the_wrong_person_at_any_confidence": self.to_wrong_person,
            "false_quotes": self.false_quotes,
            "false_quotes_per_10_articles": round(self.false_quotes * 10 / articles, 2) if articles else 0.0,
        }
