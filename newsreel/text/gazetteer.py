"""Every film title, alias and person name in the knowledge graph, in one token automaton.

Names are tokenized and folded (`normalize.tokenize`): each distinct token gets an integer
id, and each name becomes a tuple of ids in a pyahocorasick automaton over integer
sequences. Matching therefore happens on whole words only, accents and quote styles are
folded away, and the trie has one node per name *token* rather than per character, which
keeps a 1,000,000-name graph to a few hundred megabytes (see bench/text_core.py).

(Token ids are spelled as three 7-bit letters in the automaton: see `_encode`.)

A "form" is one folded token sequence; several entities can share it (two films titled
Dune, "Tár" and "Tar"). Candidates are packed integers: entity index * 4 + name kind, where
the entity index counts films first, then people.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass
from typing import Callable, Iterator, Sequence

import ahocorasick

from newsreel.text.normalize import TOKEN_RE, fold, tokenize
from newsreel.text.types import CreditRef, FilmRef, KnowledgeGraph, PersonRef

__all__ = ["Candidate", "Gazetteer", "TITLE", "ALIAS", "VARIANT", "family_first", "given_name_tokens",
           "person_variants", "surname_tokens"]

TITLE, ALIAS, VARIANT = 0, 1, 2  # how a form names its entity: the title/name, an alias, a loose variant

# Punctuation dropped to make a loose variant of a title: "Dune Part Two" for "Dune: Part Two".
_SOFT_PUNCT = frozenset(":,-")
# Surname particles kept with the surname ("del Toro") and suffixes skipped ("Downey Jr.").
_PARTICLES = frozenset("de del della der di da das dos du van von la le st".split())
_SUFFIXES = frozenset("jr sr ii iii iv".split())


# Each token id is spelled as three automaton letters, 7 bits each, from disjoint ranges
# (0-127, 128-255, 256-383). pyahocorasick finds a node's child by a linear scan, so a trie
# over whole-token ids would scan tens of thousands of root children for every word of an
# article; with 7-bit letters no node has more than 128 children. A match can only start at
# a letter from the first range, that is, at the start of a token.
_MAX_TOKENS = 1 << 21


def _encode(token_ids: Sequence[int]) -> tuple[int, ...]:
    letters: list[int] = []
    extend = letters.extend
    for token_id in token_ids:
        extend((token_id >> 14, 128 | (token_id >> 7) & 127, 256 | token_id & 127))
    return tuple(letters)


@dataclass(frozen=True)
class Candidate:
    kind: str  # "film" or "person"
    key: str
    name_kind: int  # TITLE, ALIAS or VARIANT
    entity: FilmRef | PersonRef


# East Asian family names. A two-word name that starts with one of these and ends with a
# hyphenated given name ("Bong Joon-ho", "Yun Seo-ah", "Hou Hsiao-hsien") is written family
# name first: its surname is the first word, and the text may write it in either order. Other
# names in family-first order need the other order as an alias in the graph.
EAST_ASIAN_FAMILY_NAMES = frozenset(
    """
    kim lee yi park pak choi choe jung jeong chung kang cho jo yoon yun jang chang lim im han oh
    seo shin sin kwon hwang ahn an song yoo yu ryu hong jeon jun ko go moon mun yang son bae baek
    paik heo huh nam sim shim noh roh ha kwak sung seong cha joo ju woo koo gu min na jin ji um
    eom byun byeon chae won bang chun cheon bong yeon hyun hyeon do jeong yeom yum pyo seok tak yeo kong
    gong gil ok pyeon maeng ra
    zhang wang li liu chen huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng liang xie
    tang feng deng xiao jia cao peng zeng tian dong yuan pan cai jiang yu du ye cheng wei su lu
    ding shen ren yao hou tan jiao qiao hsu hsieh hsiao tsai chiang chou wong leung cheung
    lam chan tsui ng
    """.split()
)


# Common Japanese family names. Japanese given names carry no hyphen, so a two-word name is
# read family name first only when it starts with one of these and its other word is spelled
# as romanised Japanese can be (`_ROMAJI_RE`): "Mori Kaede", not "Mori Gilbert" (round
# twenty-five). Names that are also common Western given names ("Abe") are left out.
JAPANESE_FAMILY_NAMES = frozenset(
    """
    sato suzuki takahashi tanaka watanabe ito yamamoto nakamura kobayashi kato yoshida yamada
    sasaki yamaguchi matsumoto inoue kimura hayashi shimizu yamazaki mori ikeda hashimoto
    yamashita ishikawa nakajima maeda fujita ogawa goto okada hasegawa murakami kondo ishii saito
    sakamoto endo aoki fujii nishimura fukuda ota miura fujiwara okamoto matsuda nakagawa nakano
    harada ono tamura takeuchi kaneko wada nakayama ishida ueda morita hara shibata sakai kudo
    yokoyama miyazaki miyamoto uchida takagi ando taniguchi ohno maruyama imai takada fujimoto
    takeda murata ueno sugiyama masuda hirano otsuka koyama kurosawa ozu mizoguchi kitano
    hamaguchi miike naruse oshima imamura shinoda kawase hosoda shinkai takahata kitamura
    nishikawa okabe sakaguchi yoshikawa tsukamoto iwai kurokawa
    """.split()
)
# One romanised Japanese word (Hepburn, long vowels written double or not at all): syllables of
# an optional consonant (or "sh", "ch", "ts", a doubled consonant) and a vowel, or a closing "n".
_ROMAJI_RE = re.compile(r"(?:(?:[kgsztdnhbpmrjf]y?|sh|ch|ts|w|y|[kstp](?=[kstp]))?[aeiou]|n(?![aeiou]))+")


def _japanese_family_first(words: Sequence[str]) -> bool:
    return (fold(words[0]) in JAPANESE_FAMILY_NAMES and words[1][:1].isupper()
            and _ROMAJI_RE.fullmatch(fold(words[1])) is not None)


def family_first(name: str) -> bool:
    """Whether a person's name is written family name first by the name-order rules above."""
    words = name.split()
    if len(words) != 2:
        return False
    if "-" in words[1]:
        return words[1][:1].isupper() and fold(words[0]) in EAST_ASIAN_FAMILY_NAMES
    return _japanese_family_first(words)


def given_name_tokens(name: str) -> tuple[str, ...]:
    """The folded given name ("sean",) of Sean Baker, ("seo", "-", "ah") of Yun Seo-ah; () for a
    single name or initials ("J.J. Abrams"), which are no name to stand alone."""
    words = name.split()
    if len(words) < 2:
        return ()
    word = words[1] if family_first(name) else words[0]
    if len(word.rstrip(".")) <= 2 or "." in word:
        return ()
    return tuple(token for _, _, token in tokenize(word))


def person_variants(name: str) -> list[str]:
    """Other spellings of a person's name that the text uses for it: initials run together or
    spaced apart ("JJ Abrams", "J. J. Abrams" for "J.J. Abrams", and back), and a family-first
    East Asian name in the other order ("Joon-ho Bong")."""
    variants = []
    words = name.split()
    if len(words) >= 2 and len(name) > 1 and (name[1] == "." or name[1:2].isupper()):
        first = words[0]
        letters = first.replace(".", "")
        if 2 <= len(letters) <= 3 and letters.isalpha() and letters.isupper() and (
            first == letters or first == ".".join(letters) + "."
        ):
            rest = " ".join(words[1:])
            variants.append(f"{letters} {rest}" if first != letters else f"{'.'.join(letters)}. {rest}")
    if family_first(name):
        variants.append(f"{words[1]} {words[0]}")
    elif len(words) == 2 and family_first(f"{words[-1]} {words[0]}"):
        # The graph holding the name given name first ("Da-hye Kim"): the text may write it in
        # the order of its language, "Kim Da-hye", as the rule reads the other way (round nineteen).
        variants.append(f"{words[1]} {words[0]}")
    return variants


def surname_tokens(name: str) -> tuple[str, ...]:
    """The folded surname of a person's name: ("baker",) for Sean Baker, ("del", "toro"),
    ("nyong", "'", "o") for Lupita Nyong'o, ("yun",) for Yun Seo-ah (family name first,
    see `family_first`); () for a single name."""
    if family_first(name):
        return tuple(token for _, _, token in tokenize(name.split()[0]))
    words = name.split()
    while len(words) > 1 and fold(words[-1]).rstrip(" .,") in _SUFFIXES:
        words.pop()
    if len(words) < 2:
        return ()
    start = len(words) - 1
    while start > 1 and fold(words[start - 1]) in _PARTICLES:
        start -= 1
    return tuple(token for _, _, token in tokenize(" ".join(words[start:])))


class Gazetteer:
    """Lookups over one KnowledgeGraph: the name automaton, entities by key, and credits."""

    graph: KnowledgeGraph
    films_by_key: dict[str, FilmRef]
    people_by_key: dict[str, PersonRef]

    def __init__(self, graph: KnowledgeGraph) -> None:
        self.graph = graph
        self._films = graph.films
        self._people = graph.people
        self._nfilms = len(graph.films)
        self.films_by_key = {film.key: film for film in graph.films}
        self.people_by_key = {person.key: person for person in graph.people}
        self._vocab: dict[str, int] = {}
        self._words: list[str] = [""]  # token id -> folded token; id 0 is "not a name token"
        self._form_len = array("H")
        self._form_cand = array("q")  # the candidate, or -1 when several (see _multi)
        self._multi: dict[int, list[int]] = {}
        # Forms of names that start with a lower-case letter ("tick, tick... BOOM!"), which
        # may match lower-case text; every other form needs a capital in the text.
        self.lowercase_forms: set[int] = set()
        self._shared_index: dict[int, tuple[dict[str, int], dict[int, list[int]]]] = {}
        self._families: dict[tuple[str, ...], list[frozenset[str]]] | None = None
        # Surnames and given names of the people articles name, worked out once (a dict that
        # grows with the people named, not with the graph).
        self._surnames: dict[str, tuple[str, ...]] = {}
        self._given_names: dict[str, tuple[str, ...]] = {}
        # Who is credited on each film articles name, as a set: asked for every candidate title
        # of every article (bench/text_core.py), kept rather than rebuilt from the credits.
        self._people_of: dict[str, frozenset[str]] = {}
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS, ahocorasick.KEY_SEQUENCE)
        # Tuples, not sets: a film has a few dozen credits at most, and with a million names
        # the difference is hundreds of megabytes.
        films_of: dict[str, list[str]] = {}
        credits_of: dict[str, list[CreditRef]] = {}
        for credit in graph.credits:
            films = films_of.setdefault(credit.person, [])
            if credit.film not in films:
                films.append(credit.film)
            credits_of.setdefault(credit.film, []).append(credit)
        self._films_of = {key: tuple(value) for key, value in films_of.items()}
        self._credits_of = {key: tuple(value) for key, value in credits_of.items()}

    @classmethod
    def build(cls, graph: KnowledgeGraph) -> "Gazetteer":
        """Index every title, alias and name of `graph` (about 3 s per million names)."""
        gazetteer = cls(graph)
        add = gazetteer._add_name
        for index, film in enumerate(graph.films):
            add(film.title, index * 4 + TITLE)
            for alias in film.aliases:
                add(alias, index * 4 + ALIAS)
        offset = gazetteer._nfilms
        for index, person in enumerate(graph.people):
            add(person.name, (offset + index) * 4 + TITLE)
            for alias in person.aliases:
                add(alias, (offset + index) * 4 + ALIAS)
            for variant in person_variants(person.name):
                add(variant, (offset + index) * 4 + VARIANT)
        if len(gazetteer._form_len):
            gazetteer._automaton.make_automaton()
        return gazetteer

    # -- building -----------------------------------------------------------------------

    def _add_name(self, name: str, candidate: int) -> None:
        tokens = TOKEN_RE.findall(name.lower()) if name.isascii() else [token for _, _, token in tokenize(name)]
        if not tokens:
            return
        lower = name[:1].islower() or (not name[:1].isalpha() and next((c for c in name if c.isalpha()), "A").islower())
        form = self._add_form(tokens, candidate)
        if lower:
            self.lowercase_forms.add(form)
        if len(tokens) > 1 and not _SOFT_PUNCT.isdisjoint(tokens):
            loose = [token for token in tokens if token not in _SOFT_PUNCT]
            if loose:
                form = self._add_form(loose, (candidate & ~3) | VARIANT)
                if lower:
                    self.lowercase_forms.add(form)

    def _add_form(self, tokens: list[str], candidate: int) -> int:
        get = self._vocab.get
        ids = [get(token) or self._new_token(token) for token in tokens]
        key = _encode(ids)
        form = self._automaton.get(key, -1)
        if form < 0:
            form = len(self._form_len)
            self._form_len.append(min(len(ids), 65535))
            self._form_cand.append(candidate)
            self._automaton.add_word(key, form)
            return form
        existing = self._form_cand[form]
        if existing == candidate:
            return form
        if existing >= 0:
            if existing >> 2 == candidate >> 2:  # same entity: keep the stronger name kind
                self._form_cand[form] = min(existing, candidate)
                return form
            self._form_cand[form] = -1
            self._multi[form] = [existing, candidate]
            return form
        entries = self._multi[form]
        for position, entry in enumerate(entries):
            if entry >> 2 == candidate >> 2:
                entries[position] = min(entry, candidate)
                return form
        entries.append(candidate)
        return form

    def _new_token(self, token: str) -> int:
        token_id = len(self._words)
        if token_id >= _MAX_TOKENS:
            raise ValueError(f"the knowledge graph's names hold more than {_MAX_TOKENS - 1:,} distinct words")
        self._vocab[token] = token_id
        self._words.append(token)
        return token_id

    # -- matching -----------------------------------------------------------------------

    def token_id(self, folded: str) -> int:
        """The id of a folded token, 0 when no name contains it."""
        return self._vocab.get(folded, 0)

    @property
    def vocabulary(self) -> dict[str, int]:
        """Folded token -> id, for callers that map many tokens at once (do not modify)."""
        return self._vocab

    def word(self, token_id: int) -> str:
        return self._words[token_id]

    def iter_forms(self, token_ids: tuple[int, ...]) -> Iterator[tuple[int, int, int]]:
        """(first token index, last token index, form) for every name in the id sequence."""
        if not len(self._form_len):
            return
        form_len = self._form_len
        for last, form in self._automaton.iter(_encode(token_ids)):
            last //= 3
            yield last - form_len[form] + 1, last, form

    def entries(self, form: int) -> Sequence[int]:
        """The packed candidates of a form (cheap; see `candidate`), in ascending order: films
        first (below `film_limit`), then people. `build` adds every film before any person and
        each in the graph's order, and callers split the two by a search rather than a walk."""
        packed = self._form_cand[form]
        return self._multi[form] if packed < 0 else (packed,)

    def is_film(self, packed: int) -> bool:
        return packed >> 2 < self._nfilms

    @property
    def film_limit(self) -> int:
        """Packed candidates below this are films, the rest people."""
        return self._nfilms << 2

    def film_at(self, packed: int) -> FilmRef:
        return self._films[packed >> 2]

    def shared_title_index(self, form: int) -> tuple[dict[str, int], dict[int, list[int]]]:
        """For a title many films share: their packed candidates by film key and by year.

        Built on first use and kept, so an article naming "Love" does not walk the hundreds
        of films called Love every time.
        """
        index = self._shared_index.get(form)
        if index is None:
            by_key: dict[str, int] = {}
            by_year: dict[int, list[int]] = {}
            for entry in self.entries(form):
                if self.is_film(entry):
                    film = self._films[entry >> 2]
                    by_key[film.key] = entry
                    if film.year is not None:
                        by_year.setdefault(film.year, []).append(entry)
            index = self._shared_index[form] = (by_key, by_year)
        return index

    def candidate(self, packed: int) -> Candidate:
        return self._candidate(packed)

    def candidates(self, form: int) -> list[Candidate]:
        """The films and people a form may name."""
        packed = self._form_cand[form]
        return [self._candidate(entry) for entry in (self._multi[form] if packed < 0 else (packed,))]

    def _candidate(self, packed: int) -> Candidate:
        index, name_kind = packed >> 2, packed & 3
        if index < self._nfilms:
            film = self._films[index]
            return Candidate("film", film.key, name_kind, film)
        person = self._people[index - self._nfilms]
        return Candidate("person", person.key, name_kind, person)

    def lookup(self, name: str) -> list[Candidate]:
        """Films and people whose title, name or alias is exactly `name` (folded)."""
        return [self._candidate(entry) for entry in self.lookup_entries(name)]

    def lookup_entries(self, name: str) -> Sequence[int]:
        """The packed candidates `lookup` would return, without making a Candidate of each
        (a title hundreds of films share costs a Candidate per film)."""
        ids = []
        for _, _, token in tokenize(name):
            token_id = self._vocab.get(token)
            if token_id is None:
                return ()
            ids.append(token_id)
        if not ids or not len(self._form_len):
            return ()
        # The whole name as one key: exactly the form `iter_forms` would report spanning it.
        form = self._automaton.get(_encode(ids), -1)
        return self.entries(form) if form >= 0 else ()

    # -- credits ------------------------------------------------------------------------

    def people_of(self, film_key: str) -> frozenset[str]:
        """Keys of everyone credited on the film."""
        found = self._people_of.get(film_key)
        if found is None:
            found = self._people_of[film_key] = frozenset(credit.person for credit in self._credits_of.get(film_key, ()))
        return found

    def films_of(self, person_key: str) -> tuple[str, ...]:
        """Keys of every film the person is credited on, in the graph's order."""
        return self._films_of.get(person_key, ())

    def credits_of(self, film_key: str) -> tuple[CreditRef, ...]:
        return self._credits_of.get(film_key, ())

    def surname(self, person_key: str) -> tuple[str, ...]:
        return self._name_part(self._surnames, surname_tokens, person_key)

    def given_name(self, person_key: str) -> tuple[str, ...]:
        return self._name_part(self._given_names, given_name_tokens, person_key)

    def _name_part(self, cache: dict[str, tuple[str, ...]], tokens: Callable[[str], tuple[str, ...]],
                   person_key: str) -> tuple[str, ...]:
        """One part of a person's name as folded tokens, worked out once per person (empty if unknown)."""
        found = cache.get(person_key)
        if found is None:
            person = self.people_by_key.get(person_key)
            found = cache[person_key] = tokens(person.name) if person else ()
        return found

    def families(self) -> dict[tuple[str, ...], list[frozenset[str]]]:
        """Folded surname -> the groups of people sharing it who are credited on one film
        together (the Safdie brothers on Uncut Gems). Built on first use: only an article
        naming a family ("the Wachowskis") pays for it, about a second per million names."""
        if self._families is None:
            people = self.people_by_key
            families: dict[tuple[str, ...], set[frozenset[str]]] = {}
            for credits in self._credits_of.values():
                if len(credits) < 2:
                    continue
                by_last: dict[str, set[str]] = {}
                for credit in credits:
                    person = people.get(credit.person)
                    if person is not None:
                        by_last.setdefault(person.name.rsplit(None, 1)[-1].lower(), set()).add(credit.person)
                for keys in by_last.values():
                    if len(keys) < 2:
                        continue
                    by_surname: dict[tuple[str, ...], set[str]] = {}
                    for key in keys:
                        surname = surname_tokens(people[key].name)
                        if surname:
                            by_surname.setdefault(surname, set()).add(key)
                    for surname, members in by_surname.items():
                        if len(members) >= 2:
                            families.setdefault(surname, set()).add(frozenset(members))
            merged: dict[tuple[str, ...], list[frozenset[str]]] = {}
            for surname, groups in families.items():
                # Groups that share a member are one family (the Coens on several films).
                result: list[set[str]] = []
                for group in groups:
                    joined = [g for g in result if g & group]
                    union = set(group).union(*joined)
                    result = [g for g in result if not g & group] + [union]
                merged[surname] = [frozenset(g) for g in result]
            self._families = merged
        return self._families

    def __len__(self) -> int:
        """The number of distinct name forms indexed."""
        return len(self._form_len)

