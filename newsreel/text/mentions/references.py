"""Names that are not a title or a full name: a first name alone, a family, a description.

Each reads what the article has already been found to name (`Named`), so each runs after
the full names and titles it leans on:

- "Ada" after "Ada Varga": the one person named so far with that given name;
- "the Safdie brothers", "the Wachowskis", "the del Campos": each person in the graph with
  that surname credited on one film with another of them;
- "Kubrick's 1980 film", "Carpenter's 1982 original": the film of that person (and year)
  whose title the article names near by.
"""

from __future__ import annotations

from newsreel.text.gazetteer import Gazetteer
from newsreel.text.mentions.named import Named
from newsreel.text.mentions.people import SAYING
from newsreel.text.mentions.tokens import Span, Tokens, is_year
from newsreel.text.normalize import KIN_NOUNS, NAME_WORDS, is_common

# Confidence of each kind of reference (see docs/text-core.md, "Mentions: confidence").
FIRST_NAME, FIRST_NAME_WORD, FAMILY, FAMILY_CHOSEN, DESCRIPTION = 0.8, 0.6, 0.85, 0.7, 0.85

# "the Greaves family" is a household, not a team of filmmakers: it names no one.
_FAMILY_NOUNS = frozenset("brothers sisters siblings twins".split())
_PARTICLES = frozenset("de del della der di da das dos du van von la le st".split())
# Nouns a description of a film ends with: "Kubrick's 1980 film", "Carpenter's original".
_DESCRIBED = frozenset(
    "film films movie picture feature original remake debut sequel prequel documentary drama comedy "
    "thriller follow-up adaptation classic version breakthrough".split()
)
_DESCRIPTION_WORDS = 1  # a year, the only word allowed between "'s" and the noun
_NEARBY_PARAGRAPHS = 2  # how far away the title may be named for a description to find it


def accept_first_names(gaz: Gazetteer, named: Named, covered: set[int]) -> None:
    """A given name standing alone after the full name: the one person named so far who has it.

    A given name that is also an everyday word ("Will", "June", "Hope") counts only before a
    verb of saying or as a possessive, and then below the link threshold: "in June" is a month.
    """
    t = named.tokens
    full: list[tuple[int, str, tuple[str, ...]]] = []  # (token after the name, key, given name)
    surnames: set[str] = set()
    for first, (kind, key, last) in named.accepted.items():
        if kind == "person" and last > first:
            given = gaz.given_name(key)
            if given:
                full.append((last + 1, key, given))
            surnames.update(gaz.surname(key)[:1])
    if not full:
        return
    full.sort()
    heads = {given[0] for _, _, given in full} - surnames
    new: list[tuple[int, int, str, float]] = []
    start = full[0][0]
    for i in t.positions(heads, start):
        word = t.folded[i]
        if i in covered or i in named.accepted:
            continue
        if not t.raw[i][:1].isupper():
            continue
        matches = {}
        for position, key, given in full:
            if position > i:
                break
            last = i + len(given) - 1
            if tuple(t.folded[i : last + 1]) == given and t.para[last] == t.para[i]:
                matches[key] = last
        if len(matches) != 1:
            continue  # nobody named so far, or two people with this given name
        (key, last), = matches.items()
        if t.in_longer_name(i, last):
            continue  # "Ada Lovelace Prize"
        noun = _kin_before(t, i)
        if noun is not None and not _introduced_as(named, key, noun):
            continue  # "Marta's grandson, Augustine": a relative the text introduces, not Augustine Kerrow
        if _age_after(t, last):
            continue  # "said Rafferty, 6,": a child the text introduces by name and age (round seventy-two)
        confidence = FIRST_NAME
        if is_common(word) or word in NAME_WORDS:
            after = t.folded[last + 1] if last + 1 < len(t.folded) else ""
            if not (after in SAYING or after == "'"):
                continue
            confidence = FIRST_NAME_WORD
        new.append((i, last, key, confidence))
    for first, last, key, confidence in new:
        named.accept(first, last, "person", key, confidence)


_CHILD_AGE = 12  # the oldest age read as a child's


def _age_after(t: Tokens, last: int) -> bool:
    """Does a child's age in commas follow the given name ("Rafferty, 6,", "Isla, 7.")? A child
    introduced so is new to the text (a tabloid gives an adult's age at the given name too:
    "laughed Sienna, 31,")."""
    at = last + 1
    return (at + 1 < len(t.folded) and t.para[at + 1] == t.para[last] and t.folded[at] == ","
            and t.folded[at + 1].isdigit() and 1 <= int(t.folded[at + 1]) <= _CHILD_AGE)


# What stands before a kinship noun that introduces a relative: "their daughter", "Marta's grandson".
_KIN_OWNERS = frozenset(("his", "her", "their", "its", "s", "’s", "'s", "a", "the", "whose", "my", "our", "your"))


def _kin_before(t: Tokens, i: int) -> str | None:
    """The kinship noun token `i` follows with its owner ("Marta's grandson, Augustine", "her son
    Tomas"), or None. A writer names a relative so when introducing them: the given name is
    theirs, not the short name of someone named in full before (unless that person was named
    as the same relative: "his son, the producer Torben Haversham" … "Their son Torben")."""
    before = i - 1
    if before >= 0 and t.folded[before] == ",":
        before -= 1
    if before >= 1 and t.para[before - 1] == t.para[i] and t.folded[before] in KIN_NOUNS and t.folded[before - 1] in _KIN_OWNERS:
        return t.folded[before]
    return None


def _introduced_as(named: Named, key: str, noun: str) -> bool:
    """Was the person named in full, somewhere, within a few words after this kinship noun?"""
    t = named.tokens
    for first, (kind, other, last) in named.accepted.items():
        if kind == "person" and other == key and last > first:
            if any(t.folded[j] == noun and t.para[j] == t.para[first] for j in range(max(0, first - 4), first)):
                return True
    return False


def accept_given_names_before_a_surname(gaz: Gazetteer, named: Named, covered: set[int]) -> None:
    """ "Piet and Ansel Hulbrook", "Ilka, Dorota and Marit Maravell": relatives named together
    with the surname written once, after the last given name. Each given name before it is the
    relative the graph holds under that given name and surname, when the graph credits them on
    one film with the one named in full (a family, as for "the Hulbrook brothers"); any other
    word before "and" is left alone (round thirty-four)."""
    t = named.tokens
    folded = t.folded
    found: list[tuple[int, str]] = []
    for first, (kind, key, last) in list(named.accepted.items()):
        if kind != "person" or last <= first or first < 2:
            continue
        given, surname = gaz.given_name(key), gaz.surname(key)
        if not given or not surname or tuple(folded[first:last + 1]) != given + surname:
            continue
        if folded[first - 1] != "and" or t.para[first - 2] != t.para[first] or not t.raw[first - 2][:1].isupper():
            continue
        members = [group for group in gaz.families().get(surname, []) if key in group]
        if not members:
            continue
        by_given = {gaz.given_name(other): other for group in members for other in group if other != key}
        i = first - 2
        while i >= 0 and t.para[i] == t.para[first]:
            if i in covered or i in named.accepted or not t.raw[i][:1].isupper() or not t.word(i):
                break
            other = by_given.get((folded[i],))
            if other is None:
                break
            found.append((i, other))
            if i >= 2 and folded[i - 1] == "," and t.para[i - 1] == t.para[i]:
                i -= 2  # "Ilka, Dorota and Marit Maravell"
                continue
            break
    for i, other in found:
        named.accept(i, i, "person", other, FAMILY)


def accept_families(gaz: Gazetteer, named: Named, covered: set[int]) -> None:
    """ "the Safdie brothers", "the Wachowskis", "the de Vries siblings": each member."""
    t = named.tokens
    folded = t.folded
    for i in [i for i, word in enumerate(folded) if word == "the"]:
        if i + 1 >= len(folded) or i + 1 in covered:
            continue
        j = i + 1
        while j < len(folded) and folded[j] in _PARTICLES and t.para[j] == t.para[i]:
            j += 1
        if j >= len(folded) or t.para[j] != t.para[i] or not t.raw[j][:1].isupper() or not t.word(j):
            continue
        particles = tuple(folded[i + 1 : j])
        word = folded[j]
        nxt = folded[j + 1] if j + 1 < len(folded) else ""
        candidates: list[tuple[tuple[str, ...], int]] = []
        if nxt in _FAMILY_NOUNS:
            candidates.append((particles + (word,), j + 1))
        if word.endswith("es") and len(word) > 4:
            candidates.append((particles + (word[:-2],), j))
        if word.endswith("s") and len(word) > 3:
            candidates.append((particles + (word[:-1],), j))
        for surname, last in candidates:
            groups = _family_groups(gaz, surname)
            if not groups:
                continue
            if last == j and t.in_longer_name(j, j):
                break  # "the Russos Bakery"
            members, confidence = _choose_group(gaz, named, groups)
            members = _credited_together(gaz, named, members)
            present = {key for key in members if key in named.person_paras}
            called = _called_by_given_name(gaz, named, members, last + 1, covered)
            if called:
                # "the Nkemelu brothers … Chidi … Obinna": the members the article goes on to
                # call by name are the family it means (a family is two or more), and those
                # names are theirs.
                if len(present | set(called)) >= 2:
                    members = frozenset(present | set(called))
                for key, places in called.items():
                    for first, end, weight in places:
                        named.accept(first, end, "person", key, weight)
            elif len(present) >= 2:
                # "The Garsides are three generations deep" after the article named three of
                # them: the family it wrote about, not a member it never named.
                members = frozenset(present)
            elif named.film_paras:
                members = _sharing_a_role(gaz, members, set(named.film_paras))
            if members:
                named.accept_group(i + 1, last, "person", sorted(members), confidence)
            break


def _called_by_given_name(gaz: Gazetteer, named: Named, members: frozenset[str], start: int, covered: set[int]
                          ) -> dict[str, list[tuple[int, int, float]]]:
    """The family's members the article calls by their given name alone after `start`, with
    where and how sure: a given name another person the article names also has is nobody's, and
    one that is an everyday word ("Will") counts only before a verb of saying or a possessive."""
    t = named.tokens
    others = {gaz.given_name(key) for kind, key, _ in named.accepted.values() if kind == "person" and key not in members}
    found: dict[str, list[tuple[int, int, float]]] = {}
    for key in members:
        given = gaz.given_name(key)
        if not given or given in others:
            continue
        size = len(given)
        for i in range(start, len(t.folded) - size + 1):
            last = i + size - 1
            if tuple(t.folded[i : last + 1]) != given or not t.raw[i][:1].isupper():
                continue
            if i in covered or i in named.accepted or t.in_longer_name(i, last) or t.continues_name(i, last):
                continue
            weight = FIRST_NAME
            if is_common(t.folded[i]) or t.folded[i] in NAME_WORDS:
                after = t.folded[last + 1] if last + 1 < len(t.folded) else ""
                if not (after in SAYING or after == "'"):
                    continue
                weight = FIRST_NAME_WORD
            found.setdefault(key, []).append((i, last, weight))
    return found


def _family_groups(gaz: Gazetteer, surname: tuple[str, ...]) -> list[frozenset[str]]:
    return gaz.families().get(surname, []) if surname and surname[-1] else []


def _credited_together(gaz: Gazetteer, named: Named, members: frozenset[str]) -> frozenset[str]:
    """The members credited on a film the article names, when two or more are: "the Farrant
    sisters, who scored *Gull House*" are the two on its credits, not a namesake the graph joined
    to one of them through another film (round forty-two). Otherwise every member."""
    if len(members) < 3 or not named.film_paras:
        return members  # the cheap test: a pair is the family, and no film narrows it
    named_films = set(named.film_paras)
    on = frozenset(key for key in members if not named_films.isdisjoint(gaz.films_of(key)))
    return on if len(on) >= 2 else members


def _sharing_a_role(gaz: Gazetteer, members: frozenset[str], films: set[str]) -> frozenset[str]:
    """Of three or more relatives on the article's films, none of them named, the two or more who
    share a role there that the others do not have ("the Lisle sisters" who wrote it, not their
    brother on its crew), when only one such role parts them; else all of them (round forty-seven)."""
    if len(members) < 3:
        return members
    by_role: dict[str, set[str]] = {}
    for film in films:
        for credit in gaz.credits_of(film):
            if credit.person in members:
                by_role.setdefault(credit.role, set()).add(credit.person)
    parting = {frozenset(people) for people in by_role.values() if 2 <= len(people) < len(members)}
    return next(iter(parting)) if len(parting) == 1 else members


def _choose_group(gaz: Gazetteer, named: Named, groups: list[frozenset[str]]) -> tuple[frozenset[str], float]:
    """The family the article means: the only one, else the one credited on a film the article
    names (held below the link threshold), else none."""
    if len(groups) == 1:
        return groups[0], FAMILY
    named_films = set(named.film_paras)
    fitting = [group for group in groups if any(set(gaz.films_of(key)) & named_films for key in group)]
    if len(fitting) == 1:
        return fitting[0], FAMILY_CHOSEN
    return frozenset(), 0.0


def accept_descriptions(gaz: Gazetteer, named: Named, title_spans: list[Span]) -> None:
    """ "Kubrick's 1980 film", "Carpenter's original": the film of that person (of that year,
    when one is given) whose title the article names within two paragraphs, or, with a year, the
    one film of that person the graph has from that year; that title itself,
    when it was left undecided in the same paragraph, is taken too. Any other word
    before the noun ("Kubrick's last film") may point to a film the article never names, so it
    is left alone."""
    t = named.tokens
    folded = t.folded
    by_film: dict[str, list[Span]] | None = None  # built at the first description: most articles have none
    for end, person in list(named.person_ends.items()):
        if not (end + 2 < len(folded) and folded[end + 1] == "'" and folded[end + 2] == "s"):
            continue
        first = end + 3
        year = None
        last = None
        for k in range(first, min(len(folded), first + _DESCRIPTION_WORDS + 1)):
            if t.para[k] != t.para[end] or (not t.word(k) and folded[k] != "-"):
                break
            if is_year(folded[k]) and year is None:
                year = int(folded[k])
            elif folded[k] in _DESCRIBED:
                last = k
                break
            else:
                break  # "Varga's last film", "her wartime drama" may be a film the article never names
        if last is None or first in named.accepted:
            continue
        if by_film is None:
            by_film = _titles_by_film(gaz, title_spans)
        films = [key for key in gaz.films_of(person)
                 if (year is None or gaz.films_by_key[key].year == year) and key in by_film
                 and any(abs(span.para - t.para[end]) <= _NEARBY_PARAGRAPHS for span in by_film[key])]
        if len(films) != 1 and year is not None:
            # "Haversham's 1979 film about a dock strike": with its year, the one film of that
            # person the graph has from that year, even where the article never names its title.
            dated = [key for key in gaz.films_of(person) if gaz.films_by_key[key].year == year]
            films = dated if len(dated) == 1 else films
        if len(films) != 1:
            continue
        film = films[0]
        after = last + 1
        while after < len(folded) and folded[after] in "\"'“‘*_":
            after += 1
        if any(span.first == after for span in by_film.get(film, ())):
            first = None  # "Jonze's film *Her*": the title itself is the mention
        if first is not None:
            named.accept(first, last, "film", film, DESCRIPTION, link=False)
        for span in by_film.get(film, ()):
            # Only in the description's own paragraph: elsewhere a title left undecided may
            # mean both films ("There are now two films called Saltmarsh").
            if span.first not in named.accepted and span.para == t.para[end]:
                named.accept(span.first, span.last, "film", film, DESCRIPTION)


def _titles_by_film(gaz: Gazetteer, spans: list[Span]) -> dict[str, list[Span]]:
    by_film: dict[str, list[Span]] = {}
    for span in spans:
        for entry in span.entries:
            if gaz.is_film(entry):
                by_film.setdefault(gaz.film_at(entry).key, []).append(span)
    return by_film
