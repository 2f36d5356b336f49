"""Find the films and people an article names, and decide which entity each name means.

Precision comes first: a wrong link is worse than none. The rules, in the order applied:

1. Every title, alias and name in the gazetteer is matched on folded whole-word tokens
   (accents, quote styles and case do not matter for matching; offsets stay in the text).
   A match must start with a capital unless the name itself starts lower-case; overlapping
   matches keep the leftmost, then the longest.
2. People named in full (or by an alias) are taken; a name shared by two people in the
   graph is resolved by their credits on films the article names, or left unlinked.
3. A surname alone ("Baker", "Baker's") is a person only when exactly one person with that
   surname was named in full earlier in the article, and the surname is not part of a
   longer proper name ("Sharon Stone").
4. Film titles are scored for each film that carries them. Evidence:
   set in quotes or italics +2; title-cased where a common word would be lower-case +1 (+2
   for a title of several words); right after "film"/"movie"/... +2; film vocabulary
   within ten words +1; a year in parentheses after it +4 when it is the film's year
   (another year rules the film out); the film's year within six words +2; a person
   credited on the film named in the same paragraph +3, elsewhere in the article +2, and
   +3 more when the title is attributed to them ("Villeneuve's Dune", "Dune by Denis
   Villeneuve"); a spoiler block for the film in the same paragraph +3, elsewhere +2;
   "new"/"original" just before a title shared by several films +1.5 to the newest/oldest.
   A one-word title that is a word of a character's name in another film the article is
   about ("Wren" when Ember's heroine is Wren Aldana) is the character, unless set in
   quotes or followed by a year.
   A distinctive title (not made of everyday words) is taken when it is capitalized; as the
   first word of a sentence or heading, a one-word title also needs some evidence above, or
   the film named elsewhere in the article ("Consent is a key theme" is not a film). A one-word
   title the article also uses in lower case counts as an everyday word. A title
   made of everyday words (Her, Up, Us, Heat, Nope, Wicked) needs typographic evidence
   (quotes, italics, mid-sentence capitals, a year in parentheses) and at least 2 points of
   evidence from its context or the article; a title that is also a common proper name (Chicago, Jackie) needs a score of 3
   without counting capitals, part of it from the words around the title. When several
   films carry the title, the best score must beat the next by at least 1; a tie is
   settled only if the article elsewhere resolved the title to one of them.

Italics: Markdown emphasis is stripped from paragraph text. When a Paragraph carries
`emphasis` (a tuple of (start, end) offsets in its text), a title set exactly in italics
counts like a quoted one; without it, quotes, capitals and context carry the evidence.
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from newsreel.text.gazetteer import Candidate, Gazetteer
from newsreel.text.normalize import TOKEN_RE, CONTEXT_WORDS, FILM_NOUNS, NAME_WORDS, fold_token, is_common, tokenize
from newsreel.text.types import Href, LinkTarget, Mention, Paragraph, TextError

__all__ = ["find_mentions", "link_targets"]

_QUOTES = frozenset("\"'")
_OPENERS = frozenset("\"'([")
_SENTENCE_END = frozenset(".!?:;")
_INSIDE_CLOSE = frozenset(",.!?")
_SMALL_WORDS = frozenset("a an the of in on and or to for at by with from as but nor vs".split())
_CONTEXT_WINDOW = 10
_YEAR_WINDOW = 6
_WORD_TIER, _NAME_TIER, _PROPER_TIER = "word", "name", "proper"
_ARTICLES = frozenset(("the", "a", "an"))
_SAYING = frozenset(
    "said says say told tells added adds explained explains recalled recalls noted notes admitted admits "
    "laughed laughs agreed agrees argued argues insisted insists continued continues replied replies "
    "wrote writes was is has had who also then never will would could can did does didn doesn isn wasn "
    "hasn won wins took takes made makes knew knows thinks thought".split()
)
_MANY = 16  # films sharing one title beyond which only those with evidence are scored
# Words just before a title that point to the newer or the older of two films with that title.
_NEW_CUES = frozenset("new newer latest upcoming forthcoming remake reboot".split())
_OLD_CUES = frozenset("original old older classic first".split())


class _Tokens:
    """The article's tokens in one sequence, paragraphs separated by an id-0 token."""

    def __init__(self, paragraphs: Sequence[Paragraph], gazetteer: Gazetteer) -> None:
        self.start: list[int] = []  # offset in the paragraph text
        self.end: list[int] = []
        self.folded: list[str] = []
        self.raw: list[str] = []
        self.para: list[int] = []
        self.spaced: list[bool] = []  # whitespace (or the paragraph start) before the token
        ids: list[int] = []
        vocabulary_get = gazetteer.vocabulary.get
        starts, ends, folds, raws, paras, spaced = self.start, self.end, self.folded, self.raw, self.para, self.spaced
        for index, paragraph in enumerate(paragraphs):
            text = paragraph.text
            ascii_lower = text.lower() if text.isascii() else None
            previous_end = -1
            for match in TOKEN_RE.finditer(text):
                start, end = match.span()
                raw = match.group()
                folded = ascii_lower[start:end] if ascii_lower is not None else fold_token(raw)
                starts.append(start)
                ends.append(end)
                folds.append(folded)
                raws.append(raw)
                paras.append(index)
                spaced.append(start != previous_end)
                ids.append(vocabulary_get(folded, 0))
                previous_end = end
            self.start.append(len(text))
            self.end.append(len(text))
            self.folded.append("")
            self.raw.append("")
            self.para.append(-1)
            self.spaced.append(True)
            ids.append(0)
        self.ids = tuple(ids)

    def word(self, i: int) -> bool:
        return 0 <= i < len(self.folded) and self.folded[i][:1].isalnum()


class _Span:
    __slots__ = ("first", "last", "form", "entries", "para")

    def __init__(self, first: int, last: int, form: int, entries: Sequence[int], para: int) -> None:
        self.first = first
        self.last = last
        self.form = form
        self.entries = entries  # packed candidates (Gazetteer.candidate unpacks one)
        self.para = para


class _Resolver:
    def __init__(self, paragraphs: Sequence[Paragraph], gazetteer: Gazetteer) -> None:
        self.paragraphs = paragraphs
        self.gaz = gazetteer
        self.t = _Tokens(paragraphs, gazetteer)
        self.accepted: dict[int, tuple[str, str, int]] = {}  # first token -> (kind, key, last token)
        self.person_paras: dict[str, set[int]] = {}
        self.film_paras: dict[str, set[int]] = {}
        self.spoiler_paras: dict[str, set[int]] = {}
        self.person_ends: dict[int, str] = {}  # last token of an accepted person mention -> key
        self.person_starts: dict[int, str] = {}
        self.covered: set[int] = set()  # tokens inside any name the automaton matched
        self.character_films: dict[str, set[str]] = {}  # a word of a character's name -> films
        self._article_films: set[str] | None = None
        self.deferred: list[Candidate] = []
        # Words the article also uses in lower case: there, a one-word title is an everyday word.
        self.lowercase_words = {f for f, r in zip(self.t.folded, self.t.raw) if r[:1].islower()}
        for index, paragraph in enumerate(paragraphs):
            if paragraph.spoiler_film:
                self.spoiler_paras.setdefault(paragraph.spoiler_film, set()).add(index)

    # -- steps --------------------------------------------------------------------------

    def run(self) -> list[Mention]:
        spans = self._spans()
        deferred_films: list[_Span] = []
        deferred_people: list[_Span] = []
        is_film = self.gaz.is_film
        for span in spans:
            if not any(is_film(entry) for entry in span.entries):
                people = [c for c in map(self.gaz.candidate, span.entries) if self._person_shape_ok(span, c)]
                if len(people) == 1:
                    self._accept(span, people[0])
                elif people:
                    deferred_people.append(span)
            else:
                deferred_films.append(span)
        self._surnames()
        self._characters(deferred_films)
        ties: list[tuple[_Span, list[Candidate]]] = []
        for span in deferred_films:
            choice, tied = self._decide_film(span)
            if choice is not None:
                self._accept(span, choice)
            elif tied:
                ties.append((span, tied))
        for span in deferred_people:
            choice = self._decide_person(span)
            if choice is not None:
                self._accept(span, choice)
        # One sense per article: a tied title follows the film the article settled on.
        for span, tied in ties:
            settled = [c for c in tied if c.key in self.film_paras]
            if len(settled) == 1:
                self._accept(span, settled[0])
        return self._mentions()

    def _spans(self) -> list[_Span]:
        t, gaz = self.t, self.gaz
        found = []
        for first, last, form in gaz.iter_forms(t.ids):
            head = t.raw[first]
            if head[:1].islower() and form not in gaz.lowercase_forms:
                # "the Holdovers": a lower-case article before a capitalized title is left out.
                if head in _ARTICLES and first < last and t.raw[first + 1][:1].isupper():
                    found.append((first + 1, -last, form))
                continue
            found.append((first, -last, form))
        found.sort()
        spans: list[_Span] = []
        taken_until = -1
        for first, negative_last, form in found:
            last = -negative_last
            if first <= taken_until:
                continue
            entries = gaz.entries(form)
            if not self._case_ok(first, last, entries):
                continue
            spans.append(_Span(first, last, form, entries, t.para[first]))
            self.covered.update(range(first, last + 1))
            taken_until = last
        return spans

    def _case_ok(self, first: int, last: int, entries: Sequence[int]) -> bool:
        """Reject "US" for Us and "HER" for Her: a short all-capitals everyday word (likely an
        acronym or shouting) needs a name spelled in capitals; "TÁR" still finds Tár."""
        raw = self.t.raw[first]
        if first == last and 2 <= len(raw) <= 3 and raw.isupper() and is_common(self.t.folded[first]):
            names = (_name_of(self.gaz.candidate(entry)).split() for entry in entries)
            return any(name and name[0].isupper() for name in names)
        return True

    def _accept(self, span: _Span, candidate: Candidate) -> None:
        self._accept_tokens(span.first, span.last, candidate.kind, candidate.key)

    def _accept_tokens(self, first: int, last: int, kind: str, key: str) -> None:
        self.accepted[first] = (kind, key, last)
        paras = self.person_paras if kind == "person" else self.film_paras
        paras.setdefault(key, set()).add(self.t.para[first])
        if kind == "person":
            self.person_ends[last] = key
            self.person_starts[first] = key

    # -- people -------------------------------------------------------------------------

    def _person_shape_ok(self, span: _Span, candidate: Candidate) -> bool:
        t = self.t
        words = [i for i in range(span.first, span.last + 1) if t.word(i)]
        spaced = [i for i in words if t.spaced[i]] or words  # "Nyong'o": judge "Nyong"
        if not words or not t.raw[spaced[-1]][:1].isupper():
            return False
        if len(words) == 1:
            word = t.folded[words[0]]
            if is_common(word) or word in NAME_WORDS:
                # A one-word name that is also an everyday word: only mid-sentence, standing alone.
                return not self._sentence_initial(span.first) and not self._in_longer_name(span.first, span.last)
        return True

    def _decide_person(self, span: _Span) -> Candidate | None:
        scores = []
        for candidate in map(self.gaz.candidate, span.entries):
            if candidate.kind != "person" or not self._person_shape_ok(span, candidate):
                continue
            score = 0
            for film_key in self.gaz.films_of(candidate.key):
                paras = self.film_paras.get(film_key)
                if paras:
                    score = max(score, 3 if span.para in paras else 2)
            scores.append((score, candidate))
        return _best(scores)

    def _surnames(self) -> None:
        t = self.t
        full: list[tuple[int, str]] = []  # (token after the full name, person key)
        surnames: dict[tuple[str, ...], set[str]] = {}
        for first, (kind, key, last) in self.accepted.items():
            if kind == "person":
                surname = self.gaz.surname(key)
                if surname:
                    full.append((last + 1, key))
                    surnames.setdefault(surname, set()).add(key)
        if not full:
            return
        full.sort()
        covered = self.covered
        heads = {surname[0] for surname in surnames}
        new: list[tuple[int, int, str]] = []
        earliest = full[0][0]
        for i in range(earliest, len(t.folded)):
            if t.folded[i] not in heads or i in covered:
                continue
            for surname, keys in surnames.items():
                last = i + len(surname) - 1
                if tuple(t.folded[i : last + 1]) != surname or t.para[last] != t.para[i]:
                    continue
                if not any(t.raw[j][:1].isupper() for j in range(i, last + 1)):
                    break
                named_before = {key for position, key in full if position <= i and key in keys}
                if len(named_before) == 1 and not self._in_longer_name(i, last) and self._surname_shape_ok(i, last):
                    new.append((i, last, named_before.pop()))
                break
        for first, last, key in new:
            self._accept_tokens(first, last, "person", key)

    def _surname_shape_ok(self, first: int, last: int) -> bool:
        """An everyday-word surname opening a sentence ("Young people...", "Stone walls...")
        counts only as a possessive or when a verb follows (a past tense, a verb of saying, an
        auxiliary): "Stone thanked the crew", not "Stone walls"."""
        t = self.t
        if first != last or not is_common(t.folded[first]) or not self._sentence_initial(first):
            return True
        after = t.folded[last + 1] if last + 1 < len(t.folded) else ""
        return after in ("'", ",") or after in _SAYING or (after.endswith("ed") and len(after) > 3)

    # -- films --------------------------------------------------------------------------

    def _characters(self, spans: Sequence[_Span]) -> None:
        """Words of the characters in films this article may be about ("Wren" in Ember)."""
        gaz = self.gaz
        films: set[str] = set()
        for span in spans:
            if len(span.entries) <= _MANY:
                films.update(gaz.film_at(e).key for e in span.entries if gaz.is_film(e))
        for person in self.person_paras:
            films.update(gaz.films_of(person))
        for film in films:
            for credit in gaz.credits_of(film):
                if credit.character:
                    for _, _, word in tokenize(credit.character):
                        if len(word) > 2 and word[0].isalnum():
                            self.character_films.setdefault(word, set()).add(film)

    def _decide_film(self, span: _Span) -> tuple[Candidate | None, list[Candidate]]:
        """The film (or person) a span names, or None with the candidates left tied."""
        gaz = self.gaz
        tier = self._tier(span)
        if tier is None:
            return None, []
        evidence = self._evidence(span)
        limit = gaz.film_limit
        people = [entry for entry in span.entries if entry >= limit]
        if tier == _WORD_TIER and not (evidence["quoted"] or evidence["cap_mid"] or evidence["paren_years"]):
            films = []  # an everyday word with nothing setting it apart: not a title here
        else:
            films = [entry for entry in span.entries if entry < limit]
        if len(films) > _MANY:
            films = self._distinguishable(span, films, evidence)
        years = [gaz.film_at(e).year for e in films if gaz.film_at(e).year is not None]
        evidence["newest"] = max(years) if len(years) > 1 else None
        evidence["oldest"] = min(years) if len(years) > 1 else None
        scores: list[tuple[float, Candidate]] = []
        self.deferred = []
        for candidate in map(gaz.candidate, films):
            score = self._film_score(span, candidate, evidence, tier)
            if score is not None:
                scores.append((score, candidate))
        for candidate in map(gaz.candidate, people):
            if self._person_shape_ok(span, candidate):
                score = 2.0
                for film_key in gaz.films_of(candidate.key):
                    if film_key in self.film_paras:
                        score += 2
                        break
                scores.append((score, candidate))
        if not scores:
            return None, list(self.deferred)
        scores.sort(key=lambda pair: -pair[0])
        if len(scores) > 1 and scores[0][0] - scores[1][0] < 1:
            top = scores[0][0]
            return None, [c for s, c in scores if top - s < 1 and c.kind == "film"]
        return scores[0][1], []

    def _distinguishable(self, span: _Span, films: list[int], evidence: dict[str, Any]) -> list[int]:
        """Of many films sharing a title, those with evidence of their own, plus two that
        stand for the rest (they all score alike, so they tie with each other)."""
        gaz = self.gaz
        if self._article_films is None:
            keys = set(self.spoiler_paras)
            for person in self.person_paras:
                keys.update(gaz.films_of(person))
            self._article_films = keys
        by_key, by_year = gaz.shared_title_index(span.form)
        own = {by_key[key] for key in self._article_films if key in by_key}
        for year in evidence["paren_years"] | evidence["near_years"]:
            own.update(by_year.get(year, ()))
        chosen = [entry for entry in films if entry in own]
        if not evidence["paren_years"]:
            chosen += [entry for entry in films[:3] if entry not in own][:2]
        return chosen

    def _tier(self, span: _Span) -> str | None:
        """How ordinary the matched words are; None when the match cannot be a title here."""
        t = self.t
        words = [t.folded[i] for i in range(span.first, span.last + 1) if t.word(i)]
        if not words:
            return None
        if any(word.isdigit() for word in words):
            return _PROPER_TIER
        if len(words) == 1 and words[0] in NAME_WORDS:
            return _NAME_TIER
        if len(words) == 1 and words[0] in self.lowercase_words:
            return _WORD_TIER
        if all(is_common(word) or word in NAME_WORDS or len(word) <= 2 for word in words):
            return _WORD_TIER
        return _PROPER_TIER

    def _evidence(self, span: _Span) -> dict[str, Any]:
        t = self.t
        first, last = span.first, span.last
        heading = self.paragraphs[span.para].kind == "heading"
        initial = self._sentence_initial(first)
        significant = [i for i in range(first, last + 1) if t.word(i) and t.folded[i] not in _SMALL_WORDS]
        capitals = sum(1 for i in significant if t.raw[i][:1].isupper())
        cap_mid = 0
        if not heading and not initial and significant and capitals == len(significant):
            cap_mid = 2 if len(significant) > 1 else 1
        elif not heading and initial and len(significant) > 1 and capitals == len(significant):
            cap_mid = 1  # a title-cased phrase opening a sentence is still unusual
        before = first - 1
        if before >= 0 and t.folded[before] in _QUOTES:
            before -= 1
        cue_new = cue_old = False
        for i in range(max(0, first - 3), first):
            if t.para[i] == span.para:
                cue_new = cue_new or t.folded[i] in _NEW_CUES
                cue_old = cue_old or t.folded[i] in _OLD_CUES
        return {
            "words": sum(1 for i in range(first, last + 1) if t.word(i)),
            "initial": initial or heading,
            "quoted": self._quoted(first, last) or self._emphasized(span),
            "cue_new": cue_new,
            "cue_old": cue_old,
            "cap_mid": cap_mid,
            "apposition": before >= 0 and t.folded[before] in FILM_NOUNS,
            "context": self._context(first, last),
            "paren_years": self._paren_years(last),
            "near_years": self._near_years(first, last),
            "longer_name": self._in_longer_name(first, last),
        }

    def _film_score(self, span: _Span, film: Candidate, evidence: dict[str, Any], tier: str) -> float | None:
        """The film's score for this span, or None when the span cannot be this film.

        A distinctive one-word title opening a sentence, with too little evidence, is also
        None but noted in `self.deferred`: it stands if the article names the film elsewhere.
        """
        year = film.entity.year
        paren_years = evidence["paren_years"]
        if paren_years and year is not None and year not in paren_years:
            return None
        single_word = evidence["words"] == 1
        if evidence["longer_name"] and single_word and not evidence["quoted"]:
            return None
        if single_word and not evidence["quoted"] and not paren_years:
            word = next(self.t.folded[i] for i in range(span.first, span.last + 1) if self.t.word(i))
            if self.character_films.get(word, set()) - {film.key}:
                return None  # a character's name in a film the article is about
        typographic = 2.0 if evidence["quoted"] else 0.0
        if tier == _WORD_TIER:
            typographic += evidence["cap_mid"]
        textual = 0.0  # what the words around the title say
        if evidence["apposition"]:
            textual += 2
        if evidence["context"]:
            textual += 1
        if paren_years and year in paren_years:
            textual += 4
        elif year is not None and year in evidence["near_years"]:
            textual += 2
        if evidence["cue_new"] and year is not None and year == evidence["newest"]:
            textual += 1.5
        if evidence["cue_old"] and year is not None and year == evidence["oldest"]:
            textual += 1.5
        article = 0.0  # what the rest of the article says
        for person_key in self.gaz.people_of(film.key):
            paras = self.person_paras.get(person_key)
            if paras:
                article = max(article, 3 if span.para in paras else 2)
                if article == 3:
                    break
        if self._attributed(span, film.key):
            article += 3
        spoiler_paras = self.spoiler_paras.get(film.key)
        if spoiler_paras:
            article += 3 if span.para in spoiler_paras else 2
        semantic = textual + article
        score = typographic + semantic
        if tier == _WORD_TIER and (not (typographic or paren_years) or semantic < 2):
            return None
        if tier == _NAME_TIER and (score < 3 or not (typographic or textual)):
            return None
        if tier == _PROPER_TIER and single_word and evidence["initial"] and not typographic and not semantic:
            self.deferred.append(film)
            return None
        return score

    # -- evidence helpers ---------------------------------------------------------------

    def _sentence_initial(self, first: int) -> bool:
        t = self.t
        i = first - 1
        while i >= 0 and t.para[i] == t.para[first] and t.folded[i] in _OPENERS:
            i -= 1
        if i < 0 or t.para[i] != t.para[first]:
            return True
        return t.folded[i] in _SENTENCE_END

    def _emphasized(self, span: _Span) -> bool:
        """True when the title is set in italics (paragraphs may carry `emphasis` spans)."""
        emphasis = getattr(self.paragraphs[span.para], "emphasis", ())
        if not emphasis:
            return False
        start, end = self.t.start[span.first], self.t.end[span.last]
        return any(s <= start and end <= e and (e - s) - (end - start) <= 6 for s, e in emphasis)

    def _attributed(self, span: _Span, film_key: str) -> bool:
        """True for "Villeneuve's Dune" or "Dune by Denis Villeneuve" with that person credited."""
        t = self.t
        first, last = span.first, span.last
        if first >= 1 and t.folded[first - 1] in _QUOTES:
            first -= 1
        people = self.gaz.people_of(film_key)
        if first >= 3 and t.folded[first - 1] == "s" and t.folded[first - 2] == "'":
            if self.person_ends.get(first - 3) in people:
                return True
        after = last + 1
        if after < len(t.folded) and t.folded[after] in _QUOTES:
            after += 1
        if after < len(t.folded) and t.folded[after] in _INSIDE_CLOSE:
            after += 1
        return after + 1 < len(t.folded) and t.folded[after] == "by" and self.person_starts.get(after + 1) in people

    def _quoted(self, first: int, last: int) -> bool:
        t = self.t
        opening = first - 1
        if opening < 0 or t.folded[opening] not in _QUOTES or t.spaced[first]:
            return False
        if not (t.spaced[opening] or t.folded[opening - 1] in _OPENERS or t.folded[opening - 1] == "-"):
            return False
        closing = last + 1
        if closing < len(t.folded) and t.folded[closing] in _INSIDE_CLOSE and not t.spaced[closing]:
            closing += 1
        if closing >= len(t.folded) or t.folded[closing] != t.folded[opening] or t.spaced[closing]:
            return False
        after = closing + 1
        return after >= len(t.folded) or t.spaced[after] or not t.word(after)

    def _context(self, first: int, last: int) -> bool:
        t = self.t
        para = t.para[first]
        low, high = max(0, first - _CONTEXT_WINDOW), min(len(t.folded), last + _CONTEXT_WINDOW + 1)
        for i in range(low, high):
            if (i < first or i > last) and t.para[i] == para and t.folded[i] in CONTEXT_WORDS:
                return True
        return False

    def _paren_years(self, last: int) -> set[int]:
        t = self.t
        if last + 1 >= len(t.folded) or t.folded[last + 1] != "(":
            return set()
        years = set()
        for i in range(last + 2, min(len(t.folded), last + 10)):
            token = t.folded[i]
            if token == ")":
                return years
            if len(token) == 4 and token.isdigit() and 1870 <= int(token) <= 2100:
                years.add(int(token))
        return set()

    def _near_years(self, first: int, last: int) -> set[int]:
        t = self.t
        para = t.para[first]
        years = set()
        for i in range(max(0, first - _YEAR_WINDOW), min(len(t.folded), last + _YEAR_WINDOW + 1)):
            token = t.folded[i]
            if t.para[i] == para and len(token) == 4 and token.isdigit() and 1870 <= int(token) <= 2100:
                years.add(int(token))
        return years

    def _in_longer_name(self, first: int, last: int) -> bool:
        """True when a capitalized, uncommon word sits right before or after the match."""
        t = self.t
        for i in (first - 1, last + 1):
            if t.word(i) and t.para[i] == t.para[first] and t.raw[i][:1].isupper():
                word = t.folded[i]
                if not is_common(word) and word not in CONTEXT_WORDS and not word.isdigit():
                    if i == first - 1 and self._sentence_initial(i) and t.raw[i].isupper():
                        continue
                    return True
        return False

    # -- output -------------------------------------------------------------------------

    def _mentions(self) -> list[Mention]:
        t = self.t
        mentions = []
        for first in sorted(self.accepted):
            kind, key, last = self.accepted[first]
            paragraph = self.paragraphs[t.para[first]]
            start, end = t.start[first], t.end[last]
            mentions.append(
                Mention(
                    kind=kind,
                    key=key,
                    start=paragraph.start + start,
                    end=paragraph.start + end,
                    surface=paragraph.text[start:end],
                    in_spoiler=paragraph.spoiler_film is not None,
                )
            )
        return mentions


def _best(scores: list[tuple[float, Candidate]]) -> Candidate | None:
    if not scores:
        return None
    scores = sorted(scores, key=lambda pair: -pair[0])
    if len(scores) > 1 and scores[0][0] - scores[1][0] < 1:
        return None
    return scores[0][1]


def _name_of(candidate: Candidate) -> str:
    entity = candidate.entity
    return getattr(entity, "title", None) or getattr(entity, "name", "")


def find_mentions(paragraphs: Sequence[Paragraph], gazetteer: Gazetteer) -> list[Mention]:
    """Every film and person the paragraphs name, in reading order, with document offsets."""
    if not paragraphs:
        return []
    return _Resolver(paragraphs, gazetteer).run()


def link_targets(
    mentions: Sequence[Mention], gazetteer: Gazetteer, overrides: Mapping[str, Any] | None = None, *, href: Href
) -> list[LinkTarget]:
    """One link per entity, at its first mention outside spoiler blocks (else its first).

    `href(kind, key)` makes each link's URL: the site hands it in (the core knows no URLs).

    `overrides` is the editors' word: {"remove": [keys], "add": [{"surface", "key", "kind"}]}.
    A removed key is never linked; an added link replaces the found one for that entity.
    An added entity no longer in the graph is skipped, so an old choice never breaks a save.
    """
    overrides = overrides or {}
    removed, added = _check_overrides(overrides)
    first: dict[tuple[str, str], Mention] = {}
    for mention in sorted(mentions, key=lambda m: m.start):
        entity = (mention.kind, mention.key)
        current = first.get(entity)
        if current is None or (current.in_spoiler and not mention.in_spoiler):
            first[entity] = mention
    chosen: dict[tuple[str, str], tuple[str, int | None]] = {
        entity: (mention.surface, mention.start) for entity, mention in first.items()
    }
    order = sorted(chosen, key=lambda entity: first[entity].start)
    for kind, key, surface in added:
        if (kind, key) not in chosen:
            order.append((kind, key))
        chosen[(kind, key)] = (surface, None)  # an editor's link goes at the first occurrence
    targets = []
    for kind, key in order:
        if key in removed or f"{kind}:{key}" in removed:
            continue
        if kind == "film":
            film = gazetteer.films_by_key.get(key)
            if film is None:
                continue
            surface, start = chosen[(kind, key)]
            targets.append(LinkTarget(surface=surface, href=href("film", key), title=film.display, start=start))
        else:
            person = gazetteer.people_by_key.get(key)
            if person is None:
                continue
            surface, start = chosen[(kind, key)]
            targets.append(LinkTarget(surface=surface, href=href("person", key), title=person.name, start=start))
    return targets


def _check_overrides(overrides: Mapping[str, Any]) -> tuple[set[str], list[tuple[str, str, str]]]:
    if not isinstance(overrides, Mapping):
        raise TextError(f"link_overrides must be an object, not {type(overrides).__name__}")
    unknown = set(overrides) - {"remove", "add"}
    if unknown:
        raise TextError(f"link_overrides: unknown field(s) {', '.join(sorted(unknown))} (expected remove, add)")
    remove = overrides.get("remove") or []
    if not isinstance(remove, (list, tuple)) or not all(isinstance(key, str) for key in remove):
        raise TextError("link_overrides.remove must be a list of keys")
    added = []
    for index, item in enumerate(overrides.get("add") or []):
        path = f"link_overrides.add[{index}]"
        if not isinstance(item, Mapping):
            raise TextError(f"{path} must be an object with surface, key and kind")
        for name in ("surface", "key", "kind"):
            if not isinstance(item.get(name), str) or not item[name].strip():
                raise TextError(f"{path}.{name} is required and must be a string")
        if item["kind"] not in ("film", "person"):
            raise TextError(f"{path}.kind must be \"film\" or \"person\", not {item['kind']!r}")
        added.append((item["kind"], item["key"], item["surface"]))
    return set(remove), added

