"""What the writing desk's editor learns from the server while someone types: the text core's
reading of the text (films, people, quotes, spoilers, problems) shaped for the "In this story"
panel, completions from the knowledge graph, and the film each spoiler block hides.

The browser never parses Markdown: it shows what these functions say."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable

from newsreel.films import name_starts
from newsreel.films.graph import current_gazetteer
from newsreel.films.models import Credit, Film, Person
from newsreel.newsroom.quote_checks import quote_key
from newsreel.text.normalize import fold, is_common
from newsreel.text.quotes import SURE_CONFIDENCE
from newsreel.text.quotes.outsiders import find_outsiders
from newsreel.text.spoilers import normalize_title, resolve_film
from newsreel.text.types import ProcessedArticle, TextError

COMPLETIONS = 8
QUOTE_CHARACTERS = 160
_SPOILER_LINE = re.compile(r"^(?:\s*(?:>|[-*+]|\d+[.)]))*\s*:::\s*spoiler\b[ \t]*(.*?)\s*$", re.I)
_FENCE = re.compile(r"^\s*(?:>\s*)*(```|~~~)")
_ROLE_ORDER = {"director": 0, "writer": 1, "cast": 2, "producer": 3, "crew": 4}


def spoiler_blocks(body: str) -> list[dict[str, Any]]:
    """Each `:::spoiler` line (1-based) with the film it hides, or why it hides none."""
    films = current_gazetteer().graph.films
    blocks, fence = [], None
    for number, line in enumerate(body.split("\n"), start=1):
        fenced = _FENCE.match(line)
        if fenced:
            fence = fenced.group(1) if fence is None else (None if fenced.group(1) == fence else fence)
            continue
        match = None if fence else _SPOILER_LINE.match(line)
        if not match:
            continue
        reference = match.group(1)
        if not reference:
            blocks.append({"line": number, "problem": "which film? (name it after :::spoiler)"})
            continue
        try:  # a key (what the completion inserts) is one look-up; a title is searched for
            film = current_gazetteer().films_by_key.get(reference.lower()) or resolve_film(reference, films, line=number)
        except TextError as error:
            blocks.append({"line": number, "problem": error.message})
        else:
            blocks.append({"line": number, "key": film.key, "title": f"{film.title} ({film.year})" if film.year else film.title})
    return blocks


def _directors(film_ids: Iterable[int]) -> dict[int, str]:
    names: dict[int, str] = {}
    for film_id, name in (Credit.objects.filter(film_id__in=list(film_ids), role="director")
                          .order_by("order", "pk").values_list("film_id", "person__name")):
        names.setdefault(film_id, name)
    return names


def film_label(film: Film, director: str | None) -> str:
    """"(1984, David Lynch)": what tells same-named films apart."""
    parts = [str(film.year)] if film.year else []
    if director:
        parts.append(director)
    return f"({', '.join(parts)})" if parts else ""


def _person_details(person_ids: Iterable[int]) -> dict[int, str]:
    credits: dict[int, Credit] = {}
    for credit in Credit.objects.filter(person_id__in=list(person_ids)).select_related("film"):
        best = credits.get(credit.person_id)
        rank = (_ROLE_ORDER.get(credit.role, 9), -(credit.film.year or 0))
        if best is None or rank < (_ROLE_ORDER.get(best.role, 9), -(best.film.year or 0)):
            credits[credit.person_id] = credit
    details = {}
    for person_id, credit in credits.items():
        role = credit.character and f"plays {credit.character} in" or {
            "director": "director of", "writer": "writer of", "producer": "producer of", "cast": "in",
        }.get(credit.role, f"{credit.job or 'crew'} on")
        year = f" ({credit.film.year})" if credit.film.year else ""
        details[person_id] = f"({role} {credit.film.title}{year})"
    return details


@dataclass(frozen=True)
class Completion:
    kind: str  # "film" or "person"
    key: str
    label: str  # what the list shows first and what is inserted: the title or the name
    detail: str  # "(1984, David Lynch)", "(director of Harbor Lights (2025))"

    def as_json(self) -> dict[str, str]:
        return {"kind": self.kind, "key": self.key, "entity": f"{self.kind}:{self.key}", "label": self.label,
                "detail": self.detail, "insert": self.label}


def _match(prefix: str, kinds: set[str]) -> list[Completion]:
    found: list[Completion] = []
    # Each kind is one range of the completion index (newsreel.films.name_starts), however large the graph.
    if "film" in kinds:
        ids = name_starts.find("film", prefix, COMPLETIONS)
        by_id = Film.objects.in_bulk(ids)
        films = [by_id[pk] for pk in ids if pk in by_id]
        directors = _directors(film.pk for film in films)
        found += [Completion("film", film.key, film.title, film_label(film, directors.get(film.pk))) for film in films]
    if "person" in kinds:
        ids = name_starts.find("person", prefix, COMPLETIONS)
        by_id = Person.objects.in_bulk(ids)
        people = [by_id[pk] for pk in ids if pk in by_id]
        details = _person_details(person.pk for person in people)
        found += [Completion("person", person.key, person.name, details.get(person.pk, "(person)")) for person in people]
    # Exact names first, then the shortest (the likeliest to be what is being typed).
    folded = name_starts.folded(prefix)
    return sorted(found, key=lambda c: (name_starts.folded(c.label) != folded, len(c.label)))[:COMPLETIONS]


def complete(typed: str, kinds: set[str] | None = None) -> tuple[str, list[Completion]]:
    """Completions for the end of `typed` ("Yesterday Harbor Li"): the longest run of its last
    words that starts a film title or a person's name, and what it starts."""
    kinds = kinds or {"film", "person"}
    typed = " ".join(typed.split())[:100]
    words = typed.split(" ")
    for count in range(min(len(words), 5), 0, -1):
        suffix = " ".join(words[-count:])
        if len(suffix) < 2:
            continue
        found = _match(suffix, kinds)
        if found:
            return suffix, found
    return "", []


def _quote_speaker(quote, people: dict[str, str]) -> str:
    if quote.speaker_key:
        name = people.get(quote.speaker_key, quote.speaker_key)
    elif quote.speaker_name:
        name = quote.speaker_name
    else:
        return "speaker unknown"
    return name if quote.confidence >= SURE_CONFIDENCE else f"{name} (a guess: check it)"


def story_knowledge(processed: ProcessedArticle, overrides: dict[str, Any]) -> dict[str, Any]:
    """The panel's data: films (spoiled or mentioned), people, quotes, and what to check."""
    gazetteer = current_gazetteer()
    removed = set(overrides.get("remove") or [])
    pinned = {item["surface"]: f"{item['kind']}:{item['key']}" for item in overrides.get("add") or []}
    films: dict[str, dict[str, Any]] = {}
    people: dict[str, dict[str, Any]] = {}
    links: list[dict[str, str]] = []
    for mention in sorted(processed.mentions, key=lambda m: m.start):
        entity = f"{mention.kind}:{mention.key}"
        if mention.kind == "film":
            ref = gazetteer.films_by_key.get(mention.key)
            row = films.setdefault(mention.key, {
                "entity": entity, "key": mention.key, "title": ref.title if ref else mention.key,
                "year": ref.year if ref else None, "surface": mention.surface, "mentioned": False, "spoiled": False,
            })
            row["mentioned"] = row["mentioned"] or not mention.in_spoiler
        else:
            ref = gazetteer.people_by_key.get(mention.key)
            people.setdefault(mention.key, {"entity": entity, "key": mention.key,
                                            "name": ref.name if ref else mention.key, "surface": mention.surface})
        if not any(link["entity"] == entity for link in links):
            links.append({"entity": entity, "surface": mention.surface})
    for item in overrides.get("add") or []:
        if item["kind"] == "film" and item["key"] not in films and item["key"] in gazetteer.films_by_key:
            ref = gazetteer.films_by_key[item["key"]]
            films[item["key"]] = {"entity": f"film:{ref.key}", "key": ref.key, "title": ref.title, "year": ref.year,
                                  "surface": item["surface"], "mentioned": True, "spoiled": False}
    for key in processed.spoiler_films:
        ref = gazetteer.films_by_key.get(key)
        row = films.setdefault(key, {"entity": f"film:{key}", "key": key, "title": ref.title if ref else key,
                                     "year": ref.year if ref else None, "surface": "", "mentioned": False})
        row["spoiled"] = True
    for row in films.values():
        row["linked"] = bool(row["surface"]) and row["entity"] not in removed and row["key"] not in removed
    speakers = {q.speaker_key for q in processed.quotes if q.speaker_key in gazetteer.people_by_key}
    names = {key: gazetteer.people_by_key[key].name for key in speakers}
    quotes = [{"text": q.text if len(q.text) <= QUOTE_CHARACTERS else q.text[:QUOTE_CHARACTERS - 1].rstrip() + "…",
               "speaker": _quote_speaker(q, names), "in_spoiler": q.in_spoiler}
              for q in processed.quotes]
    return {
        "films": list(films.values()),
        "people": list(people.values()),
        "quotes": quotes,
        "links": links,
        "warnings": (_ambiguities(processed, films, pinned) + _unknown_titles(processed, films)
                     + _unknown_people(processed, pinned)),
        "spoiler_note": processed.spoiler_note,
        "words": processed.word_count,
        "minutes": processed.reading_minutes,
    }


def checked_quotes(quotes: list[dict[str, Any]], processed: ProcessedArticle, found: list) -> list[dict[str, Any]]:
    """The panel's quotes with what the story page's quote check knows of each: the full words
    (what a check is posted with), the confidence, the editor's decision if any, and whether the
    quote is in the latest saved revision (only those can be checked: a check holds a saved
    quote). `found` is `quote_checks.found_quotes(article)`."""
    saved = {quote.key: quote for quote in found}
    rows = []
    for row, quote in zip(quotes, processed.quotes):
        known = saved.get(quote_key(quote.text))
        check = known.check if known else None
        rows.append({**row, "full": quote.text, "confidence": round(quote.confidence, 2),
                     "saved": known is not None, "verdict": check.verdict if check else "",
                     "checked_speaker": known.speaker if check else "",
                     "core_speaker": known.speaker if known and not check else ""})
    return rows


# Derived once per knowledge graph (the gazetteer is rebuilt when the graph changes).
_by_graph: dict[str, tuple[object, Any]] = {}


def _graph_index(name: str, build) -> Any:
    graph = current_gazetteer().graph
    cached = _by_graph.get(name)
    if cached is None or cached[0] is not graph:
        cached = (graph, build(graph))
        _by_graph[name] = cached
    return cached[1]


def _films_by_name(graph) -> dict[str, list]:
    names: dict[str, list] = {}
    for film in graph.films:
        for name in {normalize_title(film.title), *(normalize_title(alias) for alias in film.aliases)}:
            names.setdefault(name, []).append(film)
    return names


def _same_named() -> dict[str, list]:
    """Names (normalized) that more than one film answers to."""
    return _graph_index("same", lambda graph: {name: films for name, films in _films_by_name(graph).items()
                                               if len(films) > 1})


def _film_names() -> set[str]:
    return _graph_index("names", lambda graph: set(_films_by_name(graph)))


_WORD = re.compile(r"[\w'’:.\-]+")


def _same_named_in_text(processed: ProcessedArticle) -> dict[str, list]:
    """Runs of words in the text (each starting with a capital) that several films answer to:
    the text core links none of them, so the writer is asked which one is meant."""
    same = _same_named()
    if not same:
        return {}
    longest = max(len(name.split()) for name in same) + 1
    # Only a word that begins such a name can start one: most capitals are asked nothing more.
    starts = _graph_index("same-starts", lambda graph: {name.split()[0] for name in _same_named() if name})
    found: dict[str, list] = {}
    for paragraph in processed.paragraphs:
        if starts.isdisjoint(normalize_title(paragraph.text).split()):
            continue  # no word of the paragraph begins such a name: one fold, not one per word
        words = list(_WORD.finditer(paragraph.text))
        for i, first in enumerate(words):
            if not first.group()[0].isupper():
                continue
            head = normalize_title(first.group()).split()
            if not head or head[0] not in starts:
                continue
            for j in range(i, min(i + longest, len(words))):
                surface = paragraph.text[first.start():words[j].end()].rstrip(".:")
                films = same.get(normalize_title(surface))
                if films:
                    found.setdefault(surface, films)
    return found


def _ambiguities(processed: ProcessedArticle, films: dict[str, dict[str, Any]],
                 pinned: dict[str, str]) -> list[dict[str, Any]]:
    """"Night Ferry: 2 films match; which one?", unless the writer pinned the name."""
    linked = {row["surface"]: row for row in films.values() if row["surface"]}
    warnings = []
    for surface, candidates in _same_named_in_text(processed).items():
        if surface in pinned:
            continue
        stored = {film.key: film for film in Film.objects.filter(key__in=[c.key for c in candidates])}
        directors = _directors(film.pk for film in stored.values())
        options = [{"entity": f"film:{key}", "label": f"{film.title} {film_label(film, directors.get(film.pk))}".strip()}
                   for key, film in sorted(stored.items(), key=lambda item: item[1].year or 0)]
        row = linked.get(surface)
        now = next((o["label"] for o in options if row and o["entity"] == row["entity"]), None)
        message = f"“{surface}”: {len(options)} films match; " + (f"linked to {now}. Which one?" if now
                                                                  else "not linked. Which one?")
        warnings.append({"surface": surface, "message": message,
                         "options": [o for o in options if not row or o["entity"] != row["entity"]]})
    return warnings


_QUOTED = re.compile(r"“([^”\n]{1,80})”|\"([^\"\n]{1,80})\"")
_YEAR_AFTER = re.compile(r"\s*\((1[89]\d\d|20\d\d)\)")
_SMALL_WORDS = frozenset("a an the of in on and or to for at by with from as but nor vs".split())
UNKNOWN_NAMES = 12  # at most this many unknown names are listed: the panel is a side column


def _title_cased(text: str) -> bool:
    """Written like a title: a capital first, every word but the small ones capitalised, no
    sentence punctuation (“Salt Road”, not “we shot it at night,”)."""
    words = text.split()
    if not words or len(words) > 8 or not text[0].isupper() or text.rstrip()[-1] in ",.;!?…":
        return False
    if len(words) == 1 and is_common(fold(text)):
        return False  # “Yes”, “Cut”: a word said, not a title
    return all(word[0].isupper() or not word[0].isalpha() or word.lower() in _SMALL_WORDS for word in words)


def _title_spans(processed: ProcessedArticle):
    """(paragraph, start, end, how) for each span set in italics or in quotes like a title."""
    for paragraph in processed.paragraphs:
        for start, end in paragraph.emphasis:
            yield paragraph, start, end, "italics"
        for match in _QUOTED.finditer(paragraph.text):
            group = 1 if match.group(1) is not None else 2
            if _title_cased(match.group(group).strip()):
                yield paragraph, match.start(group), match.end(group), "quotes"


def _unknown_titles(processed: ProcessedArticle, films: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Italics or quotes that look like a title (capitalised, up to eight words) no film in the
    graph has, each with what "add to the graph" needs (its title, and a year written after it)."""
    known = {normalize_title(row["title"]) for row in films.values()} | {normalize_title(row["surface"]) for row in films.values()}
    seen, warnings = set(), []
    for paragraph, start, end, how in _title_spans(processed):
        text = paragraph.text[start:end].strip()
        if not text or not text[0].isupper() or len(text.split()) > 8 or text in seen:
            continue
        seen.add(text)
        if normalize_title(text) in known or normalize_title(text) in _film_names():
            continue
        year = _YEAR_AFTER.match(paragraph.text, end + (how == "quotes"))
        where = "in italics" if how == "italics" else "in quotes"
        warnings.append({"surface": text, "options": [],
                         "add": {"kind": "film", "title": text, "year": int(year.group(1)) if year else None},
                         "message": f"“{text}” is set {where} like a title, but no film in the knowledge graph has that name."})
        if len(warnings) >= UNKNOWN_NAMES:
            break
    return warnings


def _person_names() -> set[str]:
    return _graph_index("people", lambda graph: {normalize_title(name) for person in graph.people
                                                 for name in (person.name, *person.aliases)})


def _unknown_people(processed: ProcessedArticle, pinned: dict[str, str]) -> list[dict[str, Any]]:
    """Capitalised names of two or more words that no mention covers and that are no film's
    title or made only of everyday words ("Mara Quellon said"): the text core's speakers
    outside the graph (`find_outsiders`), offered to be added as people."""
    seen, warnings = set(), []
    for outsider in find_outsiders(processed.paragraphs, [*processed.mentions, *processed.unsure_mentions]):
        name = outsider.name
        words = name.split()
        folded = normalize_title(name)
        if name in seen or name in pinned or len(words) < 2 or len(words) > 5:
            continue
        seen.add(name)
        if all(is_common(fold(word)) for word in words) or folded in _film_names() or folded in _person_names():
            continue
        warnings.append({"surface": name, "options": [], "add": {"kind": "person", "name": name},
                         "message": f"“{name}” looks like a person's name, but nobody in the knowledge graph has it."})
        if len(warnings) >= UNKNOWN_NAMES:
            break
    return warnings
