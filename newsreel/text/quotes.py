"""Direct quotations and who said them.

`extract_quotes` reads the article's paragraphs in order and returns each direct quotation
once, with its speaker:

1. Quote marks are paired per paragraph (curly “…”, straight "…"; single marks only count
   inside a double-quoted span, where they are a quote within the quote, or at the top level
   when an attribution makes them speech). An opening mark left open at the end of a paragraph
   continues in the next paragraph when that one opens with a quote mark (newsroom convention).
2. Fragments join into one quotation when an attribution breaks a sentence
   ("…,” he said. “…”) or when the quotation runs across paragraphs.
3. A fragment is a quotation when it is attributed ("Baker explained", "added Quan",
   "Villeneuve told reporters:"), or when it is shaped like speech (three or more words,
   starting a sentence or introduced by a colon or comma, with its own closing punctuation),
   or when it is a long partial quote after a speech verb. Film titles, nicknames, scare
   quotes and quoted terms ("contract marriage", a “greatest day”) fail all three: they are
   short, mid-sentence and unattributed.
4. The speaker is the person the attribution names (a person mention → its key; a name not in
   the graph → `speaker_name`; "a spokesperson" → nobody). Pronouns and unattributed
   follow-on quotes take the speaker the text implies: the most recent of the subject of a
   preceding sentence in the paragraph and the previous quotation's speaker.

`Quote.start`/`end` span the quoted words in the document text (from the first character
after the opening mark to the last character before the final closing mark).
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
import weakref
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterator, Sequence

from newsreel.text.sentences import split_sentences
from newsreel.text.types import Mention, Paragraph, Quote

if TYPE_CHECKING:  # pragma: no cover - typing only
    from newsreel.text.gazetteer import Gazetteer

__all__ = ["extract_quotes", "SPEECH_VERBS"]

# Paragraph kinds whose quote marks can hold speech; headings, captions, notes and tables
# hold titles and credits.
_SPEECH_KINDS = frozenset({"paragraph", "quote", "list"})

# Finite speech verbs, as they appear in attributions.
SPEECH_VERBS = tuple(
    """
    said says say explained explains added adds told tells noted notes recalled recalls
    remarked remarks continued continues laughed laughs admitted admits insisted insists
    joked jokes shared shares asked asks wrote writes tweeted tweets posted posts elaborated
    elaborates stated states replied replies answered answers recounted recounts revealed
    reveals confessed confesses observed observes offered offers mused muses quipped quips
    reflected reflects argued argues acknowledged acknowledges agreed agrees concluded
    concludes declared declares announced announces exclaimed exclaims whispered whispers
    stressed stresses emphasized emphasises emphasised emphasizes teased teases promised
    promises warned warns claimed claims suggested suggests conceded concedes reminisced
    sighed smiled grinned described describes countered counters responded responds
    predicted predicts boasted boasts confided confides cautioned cautions marveled
    marvelled marvels gushed gushes raved raves lamented laments interjected chuckled
    chuckles beamed enthused enthuses cracked cracks opined opines wondered wonders asserted
    asserts maintained maintains texted emailed recalled confirmed confirms denied denies
    explains insisted began begins summarized summarised replied
    """.split()
)
_MULTIWORD_VERBS = ("pointed out", "points out", "went on", "goes on", "chimed in", "summed up", "sums up", "put it", "puts it", "according to")
# Participles that introduce a quotation only before it ("…, adding, “…”").
_PARTICIPLES = ("saying", "adding", "explaining", "telling", "noting", "recalling", "writing", "asking", "insisting", "joking", "continuing", "remarking", "replying", "declaring", "admitting", "arguing", "stressing", "calling")

_VERB_ALT = "|".join(sorted((re.escape(v) for v in set(SPEECH_VERBS) | set(_MULTIWORD_VERBS)), key=len, reverse=True))
_VERB_RE = re.compile(rf"(?:{_VERB_ALT})\b")
_ANY_SPEECH_RE = re.compile(rf"\b(?:{_VERB_ALT}|{'|'.join(_PARTICIPLES)})\b", re.IGNORECASE)
_ADVERB_RE = re.compile(r"(?:[a-z]+ly|later|then|once|also|recently|previously|simply|still|again)\s+")
_PRONOUN_RE = re.compile(r"(he|she|they)\b", re.IGNORECASE)
_ANON_RE = re.compile(
    rf"(?:the|a|an|one|another|his|her|their|its|our)\b[^,.;:!?\"“”]{{0,60}}?\s+(?:{_VERB_ALT})\b"
)
_NAME_TOKEN = r"(?:[A-Z][\w’'\-]*[a-z][\w’'\-]*|[A-Z]\.(?:\s?[A-Z]\.)*)"
_NAME_LINK = r"(?:de|del|della|da|das|dos|van|von|der|den|la|le|di|du|bin|al|ter|y)"
_NAME_RE = re.compile(rf"{_NAME_TOKEN}(?:\s+(?:{_NAME_LINK}\s+)*{_NAME_TOKEN})*")
# Capitalised words that are not names when they stand where a speaker would.
_NOT_NAMES = frozenset(
    """
    The A An And But Or So Yet Then Now Later When While After Before As At In On For Of To
    If It Its This That These Those There Here He She They We I You His Her Their Our My
    Your Who What Why How Where Which One Some Many Most All Both Each Every No Not
    Meanwhile However Still Also Asked Speaking Talking Writing Said Says
    Mr Mrs Ms Mx Dr Prof Sir Dame
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    January February March April May June July August September October November December
    """.split()
)
_CONNECTORS_RE = re.compile(
    r"(?:(?:but|and|then|later|still|so|yet|now|again|finally|here|there|also|instead|meanwhile|at one point|at first|at the time|afterward|afterwards)\b[\s,]*)*",
    re.IGNORECASE,
)
_POSSESSIVE_RE = re.compile(r"(?:['’]s?|s['’])(?!\w)")
_WORD_RE = re.compile(r"[\w’']+")
_TERMINAL = ".?!…"
_MARK_RE = re.compile(r"[“”\"]")
_PREPOSITIONS = "in|on|at|for|from|with|during|after|before|of|to|about|by|via|through|into|over|under|and|or|as|while|when"
# Words that may stand between a speech verb and a name: titles and lower-case roles.
_TITLE_RE = re.compile(
    rf"(?:(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sir|Dame)\.?\s+"
    rf"|(?:the\s+)?(?:(?!(?:{_PREPOSITIONS}|a|an|one|another)\b)[a-z][\w’'\-]*\s+){{1,3}}(?=[A-Z])"
    rf"|(?:the\s+)?(?:[a-z][\w’'\-]*\s+){{0,2}}[a-z][\w’'\-]*,\s+(?=[A-Z]))"
)
# "the director", "the 54-year-old filmmaker": a definite role that points back to a person
# already in the story, like a pronoun. "a spokesperson", "the studio" name nobody.
_ROLE_NOUNS = (
    "director|filmmaker|actor|actress|star|producer|writer|screenwriter|writer-director|composer|"
    "editor|cinematographer|performer|singer|comedian|novelist|author|showrunner|creator|"
    "newcomer|veteran|auteur|artist|designer|choreographer|co-star|lead|[0-9]+-year-old"
)
_ROLE_RE = re.compile(
    rf"the\s+(?:[\w’'\-]+\s+){{0,2}}?(?:{_ROLE_NOUNS})\b(?!['’]s)(?!\s*,\s*[A-Z])"
)
_OPENERS = "“\""
_CLOSERS = "”\""


@dataclass
class _Fragment:
    para: int  # index into the paragraph list
    open_at: int  # document offset of the opening mark
    start: int  # first character of the quoted words
    end: int  # after the last quoted character
    close_at: int | None  # document offset after the closing mark; None if left open
    single: bool = False  # delimited by single marks

    @property
    def closed(self) -> bool:
        return self.close_at is not None


@dataclass
class _Speaker:
    key: str | None = None
    name: str | None = None
    pronoun: str | None = None  # "he", "she", or "the" for a role ("the director said")
    explicit: bool = False  # the text names the speaker (or says "a spokesperson")
    weak: bool = False  # named only as a possessive ("Okafor's film"): a pronoun's last resort

    @property
    def known(self) -> bool:
        return bool(self.key or self.name)


@dataclass
class _Group:
    fragments: list[_Fragment] = field(default_factory=list)
    joints: list[str] = field(default_factory=list)  # "attribution" or "paragraph"


@dataclass
class _Said:
    """A quotation already attributed: where it was and who said it."""

    para: int
    last_para: int
    start: int
    speaker: _Speaker
    only_quote: bool  # its paragraph holds the quotation and its attribution, nothing more


_FEMALE = re.compile(
    r"\b(?:actress|sister|daughter|mother|wife|widow|aunt|niece|grandmother|girlfriend|"
    r"businesswoman|chairwoman|spokeswoman|Ms\.|Mrs\.|Miss)\W*$"
)
_MALE = re.compile(
    r"\b(?:actor|brother|son|father|husband|widower|uncle|nephew|grandfather|boyfriend|"
    r"businessman|chairman|spokesman|Mr\.)\W*$"
)
# Subject and reflexive pronouns only: "his"/"her" too often belong to someone else
# ("Baker sees Ani's breakdown as existential, with her showing gratitude").
_GENDERED_PRONOUN = re.compile(r"\b(he|himself|she|herself)\b", re.IGNORECASE)


class _Doc:
    """The article as the extractor sees it: paragraphs, text and person mentions."""

    def __init__(self, paragraphs: Sequence[Paragraph], mentions: Sequence[Mention], gazetteer: Any) -> None:
        self.paragraphs = list(paragraphs)
        self.gazetteer = gazetteer
        self.people = sorted((m for m in mentions if m.kind == "person"), key=lambda m: m.start)
        self.film_mentions = [m for m in mentions if m.kind == "film"]
        self.written_names: dict[str, str] = {}  # surname -> full name, for speakers not in the graph
        self._by_offset = [(p.start, p.start + len(p.text), i) for i, p in enumerate(self.paragraphs)]
        self._starts = [p.start for p in self.paragraphs]
        self._frags: dict[int, list[_Fragment]] = {}
        self.subjects_memo: dict[tuple[int, int], list[tuple[int, _Speaker]]] = {}
        self._add_short_names()
        self.gender = self._genders()
        counts: dict[str, int] = {}
        for m in self.people:
            counts[m.key] = counts.get(m.key, 0) + 1
        # The person the article is about: named most often (ties go to the first named).
        order = {m.key: i for i, m in reversed(list(enumerate(self.people)))}
        ranked = sorted(counts, key=lambda k: (-counts[k], order[k]))
        self.protagonist = ranked[0] if ranked and counts[ranked[0]] >= 2 else None

    def text(self, start: int, end: int) -> str:
        """Document text between two offsets that lie within one paragraph."""
        i = self.para_of(start)
        if i < 0:
            return ""
        p_start, p_end, _ = self._by_offset[i]
        return self.paragraphs[i].text[start - p_start : min(end, p_end) - p_start]

    def frags(self, index: int) -> list[_Fragment]:
        """The quote-mark fragments of paragraph `index` (computed once)."""
        found = self._frags.get(index)
        if found is None:
            found = self._frags[index] = _fragments(index, self.paragraphs[index])
        return found

    def para_of(self, offset: int) -> int:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and offset <= self._by_offset[i][1]:
            return i
        return -1

    def person_at(self, offset: int, slack: int = 0) -> Mention | None:
        for m in self.people:
            if offset <= m.start <= offset + slack:
                return m
            if m.start > offset + slack:
                break
        return None

    def people_between(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.people if start <= m.start and m.end <= end]

    def is_possessive(self, mention: Mention) -> bool:
        if re.search(r"['’]s?$", mention.surface):
            return True
        after = self.text(mention.end, mention.end + 3)
        return bool(_POSSESSIVE_RE.match(after))

    def full_name(self, key: str, surface: str) -> str:
        people = getattr(self.gazetteer, "people_by_key", None)
        person = people.get(key) if people else None
        return person.name if person is not None else surface

    def _add_short_names(self) -> None:
        """Speaker-side short names: "Maren said" once Maren Halloway was named, and a surname
        the mention finder left alone when it is unambiguous among people named so far."""
        if not self.people:
            return
        first_full: dict[str, int] = {}
        short: list[tuple[int, str, str]] = []  # (available from, short name, key)
        for m in self.people:
            if m.key in first_full:
                continue
            words = re.sub(r"['’]s?$", "", self.full_name(m.key, m.surface)).split()
            if len(words) < 2:
                continue
            first_full[m.key] = m.end
            short.append((m.end, words[0], m.key))
            short.append((m.end, words[-1], m.key))
        covered = [(m.start, m.end) for m in self.people]
        added: list[Mention] = []
        for i, paragraph in enumerate(self.paragraphs):
            for w in re.finditer(r"\b[A-Z][\w’'\-]*[a-z]\b", paragraph.text):
                word, at = w.group(0), paragraph.start + w.start()
                if word in _NOT_NAMES or any(s <= at < e for s, e in covered):
                    continue
                keys = {key for since, name, key in short if name == word and since <= at}
                if len(keys) != 1:
                    continue
                following = paragraph.text[w.end() : w.end() + 2]
                if following[:1] == " " and following[1:2].isupper():
                    continue  # part of a longer name ("Maren Okoye")
                added.append(Mention("person", keys.pop(), at, at + len(word), word))
        if added:
            self.people = sorted(self.people + added, key=lambda m: m.start)

    def _genders(self) -> dict[str, str]:
        """"m" or "f" for people the text genders: a role noun before the name ("his sister,
        Marion Greaves") or the first gendered pronoun after it in the same sentence."""
        votes: dict[str, list[str]] = {}
        for n, m in enumerate(self.people):
            before = self.text(max(m.start - 30, self._para_start(m.start)), m.start)
            vote = None
            weight = 2  # a role noun is firmer evidence than a pronoun
            if _FEMALE.search(before.rstrip(" ,")):
                vote = "f"
            elif _MALE.search(before.rstrip(" ,")):
                vote = "m"
            else:
                weight = 1
                nxt = self.people[n + 1].start if n + 1 < len(self.people) else m.end + 200
                after = self.text(m.end, min(nxt, m.end + 200))
                after = re.split(r"[.?!]\s|[“\"]", after)[0]
                pronoun = _GENDERED_PRONOUN.search(after)
                # "Ivy said he asked…": a pronoun after a speech verb is someone else.
                if pronoun and not _ANY_SPEECH_RE.search(after[: pronoun.start()]):
                    vote = "f" if pronoun.group(1).lower().startswith(("she", "her")) else "m"
            if vote:
                votes.setdefault(m.key, []).extend([vote] * weight)
        result = {}
        for key, v in votes.items():
            # A role noun decides (weight 2); pronouns alone must agree at least twice.
            f, m_ = v.count("f"), v.count("m")
            if f >= 2 and m_ == 0 or f >= 2 and f > m_ + 1:
                result[key] = "f"
            elif m_ >= 2 and f == 0 or m_ >= 2 and m_ > f + 1:
                result[key] = "m"
        return result

    def is_film_title(self, text: str) -> bool:
        lookup = getattr(self.gazetteer, "lookup", None)
        if lookup is not None:
            return any(c.kind == "film" for c in lookup(text))
        return _norm(text) in _film_titles(self.gazetteer)

    def _para_start(self, offset: int) -> int:
        i = self.para_of(offset)
        return self.paragraphs[i].start if i >= 0 else 0

    def fits(self, speaker: _Speaker, pronoun: str | None) -> bool:
        """Can `pronoun` ("he"/"she") refer to `speaker`?"""
        if not speaker.known:
            return False
        if pronoun not in ("he", "she") or speaker.key is None:
            return True
        gender = self.gender.get(speaker.key)
        return gender is None or gender == ("m" if pronoun == "he" else "f")

    def resolve_name(self, name: str, before: int) -> _Speaker:
        """A speaker written as a name with no person mention on it: a graph person the
        mention finder declined to link, a name outside the graph, or the surname of a
        name written earlier."""
        name = " ".join(name.split())
        lookup = getattr(self.gazetteer, "lookup", None)
        if " " in name and lookup is not None:
            keys = {c.key for c in lookup(name) if c.kind == "person"}
            if len(keys) == 1:
                return _Speaker(key=keys.pop(), explicit=True)
        if " " not in name:
            if name in self.written_names:
                return _Speaker(name=self.written_names[name], explicit=True)
        else:
            self.written_names[name.split()[-1]] = name
            self.written_names[name.split()[0]] = name
        return _Speaker(name=name, explicit=True)


def extract_quotes(
    paragraphs: Sequence[Paragraph], mentions: Sequence[Mention], gazetteer: Gazetteer | None
) -> list[Quote]:
    """Every direct quotation in the article, in reading order, with its speaker."""
    doc = _Doc(paragraphs, mentions, gazetteer)
    fragments: list[list[_Fragment]] = [
        doc.frags(i) if p.kind in _SPEECH_KINDS else [] for i, p in enumerate(doc.paragraphs)
    ]
    groups = _group(doc, fragments)
    quotes: list[Quote] = []
    history: list[_Said] = []
    for group in groups:
        if not _is_quotation(doc, group):
            continue
        speaker = _attribute(doc, group, history)
        first, last = group.fragments[0], group.fragments[-1]
        quotes.append(
            Quote(
                text=_quote_text(doc, group),
                start=first.start,
                end=last.end,
                speaker_key=speaker.key,
                speaker_name=None if speaker.key else speaker.name,
                in_spoiler=any(doc.paragraphs[f.para].spoiler_film for f in group.fragments),
            )
        )
        history.append(_Said(first.para, last.para, first.start, speaker, _only_quote(doc, group)))
    return _without_pull_quotes(doc, quotes)


def _without_pull_quotes(doc: _Doc, quotes: list[Quote]) -> list[Quote]:
    """Drop a block-quote (pull quote) repeat of words quoted in the body: one quotation,
    counted once. A block quote with words found nowhere else stays."""
    bodies = [(q, _norm(q.text)) for q in quotes if doc.paragraphs[doc.para_of(q.start)].kind != "quote"]
    kept = []
    for q in quotes:
        if doc.paragraphs[doc.para_of(q.start)].kind == "quote":
            words = _norm(q.text)
            if words and any(words in other or other in words for _, other in bodies if other):
                continue
        kept.append(q)
    return kept


def _only_quote(doc: _Doc, group: _Group) -> bool:
    """Is the quotation (with at most a short attribution) all its last paragraph holds?"""
    last = group.fragments[-1]
    paragraph = doc.paragraphs[last.para]
    outside = paragraph.text
    for f in doc.frags(last.para):
        outside = outside.replace(doc.text(f.open_at, (f.close_at or paragraph.start + len(paragraph.text))), " ")
    return len(_WORD_RE.findall(outside)) <= 6


# --- step 1: quote marks -----------------------------------------------------------------


def _fragments(index: int, paragraph: Paragraph) -> list[_Fragment]:
    text, base = paragraph.text, paragraph.start
    found: list[_Fragment] = []
    open_at: int | None = None
    for mark in _MARK_RE.finditer(text):
        i, ch = mark.start(), mark.group(0)
        if ch == "“" or (ch == '"' and open_at is None):
            if open_at is not None:
                # A second opening mark: the first was never closed; end it here.
                found.append(_fragment(index, text, base, open_at, i, None))
            open_at = i
        elif ch == "”" or ch == '"':
            if open_at is not None:
                found.append(_fragment(index, text, base, open_at, i, i + 1))
                open_at = None
    if open_at is not None:
        found.append(_fragment(index, text, base, open_at, len(text), None))
    found = [f for f in found if f.end > f.start]
    # British-style single-quoted speech outside every double-quoted span.
    for m in re.finditer(r"(?<![\w’'])[‘'](?=[A-Z])(.+?)(?<=[.,?!…—])[’'](?![\w])", text):
        s, e = m.start(), m.end()
        if any(f.open_at - base <= s < (f.close_at or base + len(text)) - base for f in found):
            continue
        frag = _fragment(index, text, base, s, e - 1, e)
        frag.single = True
        found.append(frag)
    found.sort(key=lambda f: f.open_at)
    return found


def _fragment(index: int, text: str, base: int, open_at: int, close_mark: int, close_at: int | None) -> _Fragment:
    s, e = open_at + 1, close_mark
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return _Fragment(index, base + open_at, base + s, base + e, None if close_at is None else base + close_at)


# --- step 2: joining fragments ------------------------------------------------------------


def _group(doc: _Doc, fragments: list[list[_Fragment]]) -> list[_Group]:
    groups: list[_Group] = []
    current: _Group | None = None
    for index, frags in enumerate(fragments):
        for k, frag in enumerate(frags):
            if current is not None and k == 0 and _continues(doc, current, frag):
                current.fragments.append(frag)
                current.joints.append("paragraph")
                continue
            if current is not None and k > 0 and _broken_by_attribution(doc, current.fragments[-1], frag):
                current.fragments.append(frag)
                current.joints.append("attribution")
                continue
            current = _Group([frag])
            groups.append(current)
        if not frags:
            current = None
    return groups


def _continues(doc: _Doc, group: _Group, frag: _Fragment) -> bool:
    """Does `frag` continue a quotation left open at the end of the previous paragraph?"""
    last = group.fragments[-1]
    if last.closed or last.para != frag.para - 1 or last.single:
        return False
    paragraph = doc.paragraphs[frag.para]
    return paragraph.text.lstrip()[:1] in _OPENERS and frag.open_at - paragraph.start == len(paragraph.text) - len(paragraph.text.lstrip())


def _broken_by_attribution(doc: _Doc, first: _Fragment, second: _Fragment) -> bool:
    """`“It works,” she said, “every time.”`: one quotation broken by its attribution."""
    if not first.closed or first.para != second.para or first.single != second.single:
        return False
    words = doc.text(first.start, first.end).rstrip().rstrip("’'").rstrip()
    if not words or words[-1] not in ",—–-…:;" and not words.endswith("..."):
        return False
    between = doc.text(first.close_at, second.open_at)
    if len(between) > 120:
        return False
    speaker, length = _after_attribution(doc, first.close_at, between)
    if speaker is None:
        return False
    if second.closed:
        # `“We argued,” Voss said. “Karl won,” Ana added.` — the second has its own speaker.
        own, _ = _after_attribution(doc, second.close_at, doc.text(second.close_at, second.close_at + 150))
        if own is not None and (own.explicit or own.pronoun):
            return False
    rest = between[length:].strip()
    return rest in ("", ",", ".", ":", ";", "—", "–") or bool(
        re.fullmatch(r"[^.;:!?\"“”]{0,70}[,.:]", rest)
    )


# --- step 3: quotation or not ---------------------------------------------------------------


def _is_quotation(doc: _Doc, group: _Group) -> bool:
    if len(group.fragments) > 1:
        return True
    frag = group.fragments[0]
    words = doc.text(frag.start, frag.end)
    n_words = len(_WORD_RE.findall(words))
    if n_words == 0 or _is_title(doc, frag):
        return False
    after = doc.text(frag.close_at, frag.close_at + 150) if frag.closed else ""
    ends_in_punct = words.rstrip()[-1:] in ",?!…—–-" or words.endswith(".")
    if frag.closed and ends_in_punct and _after_attribution(doc, frag.close_at, after)[0] is not None:
        return True
    lead, lead_start = _lead(doc, frag)
    lead_end = lead.rstrip()[-1:]
    if lead_end in (":", ",") and _before_attribution(doc, lead, lead_start, frag) is not None and n_words >= 2:
        return True
    if frag.single:
        return False  # single marks count only with an attribution
    # Introduced like speech: opening its sentence, after a colon or a dash, or after a comma
    # that follows a speech verb ("as if telling the audience, “…”"). A comma alone is not
    # enough: `Her next film, “The Quiet Room,” starts…` is an appositive title.
    introduced = (
        lead.strip() == ""
        or lead_end == ":"
        or lead.rstrip().endswith(("—", "–"))
        or (lead_end == "," and _ANY_SPEECH_RE.search(lead) is not None)
    )
    starts_like_sentence = words[:1].isupper() or words[:1].isdigit() or words.startswith(("…", "..."))
    # Closed like a sentence: its own final stop, or a sentence end right after the mark.
    # A trailing comma with no attribution after it continues a longer sentence instead.
    sentence_stop = words.rstrip()[-1:] in "?!…—–" or words.rstrip().endswith(".")
    closes_itself = sentence_stop or not frag.closed or _sentence_ends_after(after)
    if introduced and starts_like_sentence and closes_itself and n_words >= 3:
        return True
    # A partial quotation after a speech verb: `Baker said the ending was “a gut punch for everyone.”`
    if n_words >= 4 and _ANY_SPEECH_RE.search(lead):
        return True
    # Words in the first person are somebody speaking: `called it “the hardest thing I have done”`.
    if n_words >= 5 and re.search(r"\b(?:I|I['’]m|I['’]ve|I['’]d|me|my|we|we['’]re|us|our)\b", words):
        return True
    return n_words >= 12


def _is_title(doc: _Doc, frag: _Fragment) -> bool:
    """Is the quoted text a film title (AP style puts titles in quotes)?"""
    words = doc.text(frag.start, frag.end)
    bare = words.strip().rstrip(",.;:!?").strip()
    if bare and doc.is_film_title(bare):
        return True
    covered = sum(
        max(0, min(m.end, frag.start + len(bare)) - max(m.start, frag.start)) for m in doc.film_mentions
    )
    return bool(bare) and covered >= 0.9 * len(bare)


def _sentence_ends_after(after: str) -> bool:
    return re.match(r"\s*(?:[.?!…]|$)", after) is not None


def _lead(doc: _Doc, frag: _Fragment) -> tuple[str, int]:
    """The part of the sentence before the opening mark (and after any earlier quote)."""
    paragraph = doc.paragraphs[frag.para]
    local_open = frag.open_at - paragraph.start
    floor = 0
    for other_start, other_end in _closed_spans_before(doc, frag):
        floor = max(floor, other_end)
    region = paragraph.text[floor:local_open]
    if re.search(r"[.?!…][\"'”’)\]]*\s*$", region):
        return "", frag.open_at  # the quotation opens a new sentence
    spans = split_sentences(region)
    if not spans:
        return region, paragraph.start + floor
    s = spans[-1][0]
    return region[s:], paragraph.start + floor + s


def _lead_in_paragraph_before(doc: _Doc, frag: _Fragment) -> tuple[str, int]:
    """`Lena Okafor put it this way:` closing the paragraph before a quotation that opens
    its own paragraph is that quotation's lead-in."""
    paragraph = doc.paragraphs[frag.para]
    if frag.para == 0 or paragraph.text[: frag.open_at - paragraph.start].strip():
        return "", frag.open_at
    before = doc.paragraphs[frag.para - 1]
    if before.kind not in _SPEECH_KINDS or not before.text.rstrip().endswith(":"):
        return "", frag.open_at
    spans = split_sentences(before.text)
    if not spans:
        return "", frag.open_at
    s, e = spans[-1]
    return before.text[s:e], before.start + s


def _closed_spans_before(doc: _Doc, frag: _Fragment) -> list[tuple[int, int]]:
    paragraph = doc.paragraphs[frag.para]
    spans = []
    for f in doc.frags(frag.para):
        if f.close_at is not None and f.close_at <= frag.open_at:
            spans.append((f.open_at - paragraph.start, f.close_at - paragraph.start))
    return spans


# --- step 4: attribution ------------------------------------------------------------------


def _after_attribution(doc: _Doc, offset: int, after: str) -> tuple[_Speaker | None, int]:
    """Attribution right after a closing mark: `, Baker explained`, `, added Quan`,
    `, he said`, `, said Jane Doe, the producer`, `, a spokesperson said`, `, according to X`.
    Returns the speaker and how many characters of `after` the attribution used."""
    m = re.match(r"[\s,]*", after)
    pos = m.end() if m else 0
    if after[:pos].count("\n"):
        return None, 0
    closing = doc.text(offset - 3, offset)
    if re.search(r"[.…][’'\"”]*$", closing) and after[pos : pos + 1].isupper():
        # `“…three days to shoot.” Quan elaborated` — a full stop inside the quote ends the
        # sentence; what follows is the next sentence, not this quotation's attribution.
        return None, 0
    # A pull-quote credit: `“…” — Lena Okafor` or `“…” —Lena Okafor, director`.
    dash = re.match(r"\s*[—–]\s*|\s+-{1,2}\s*", after)
    if dash:
        speaker, end = _who(doc, offset, after, dash.end(), allow_anon=False)
        if speaker is not None and speaker.known and re.match(r"\s*(?:[,.(]|$)", after[end:]):
            return speaker, end
    # Verb first: "said Quan", "added Jane Doe, the film's producer", "according to Baker".
    verb = _VERB_RE.match(after, pos)
    if verb:
        who_at = verb.end()
        while who_at < len(after) and after[who_at] == " ":
            who_at += 1
        speaker, end = _who(doc, offset, after, who_at, allow_anon=True)
        if speaker is not None:
            return speaker, end
    # Speaker first: "Baker explained", "he said", "Jane Doe, the film's producer, said".
    speaker, end = _who(doc, offset, after, pos, allow_anon=False)
    if speaker is not None:
        rest = end
        appositive = re.match(r",[^,.;:!?\"“”]{1,70},\s*", after[rest:])
        if appositive and not _VERB_RE.match(after, rest + 1 + len(after[rest + 1 :]) - len(after[rest + 1 :].lstrip())):
            rest += appositive.end()
        else:
            rest += len(after[rest:]) - len(after[rest:].lstrip(" "))
        adverb = _ADVERB_RE.match(after, rest)
        if adverb:
            rest = adverb.end()
        verb = _VERB_RE.match(after, rest)
        if verb:
            return speaker, verb.end()
    anon = _ANON_RE.match(after, pos)
    if anon:
        if _ROLE_RE.match(after, pos):
            return _Speaker(pronoun="the"), anon.end()
        return _Speaker(explicit=True), anon.end()
    return None, 0


def _who(doc: _Doc, offset: int, text: str, at: int, *, allow_anon: bool) -> tuple[_Speaker | None, int]:
    """The speaker named at `text[at:]` (document offset `offset + at`)."""
    mention = doc.person_at(offset + at, slack=0)
    if mention is not None and not doc.is_possessive(mention):
        return _Speaker(key=mention.key, explicit=True), mention.end - offset
    pronoun = _PRONOUN_RE.match(text, at)
    if pronoun:
        if pronoun.group(1).lower() == "they":
            return _Speaker(explicit=True), pronoun.end()
        return _Speaker(pronoun=pronoun.group(1).lower()), pronoun.end()
    name = _NAME_RE.match(text, at)
    if name and name.group(0).split()[0] not in _NOT_NAMES:
        return doc.resolve_name(name.group(0), offset + at), name.end()
    # A title or role before the name: "Dr. Lena Okafor", "producer Tomas Reyes",
    # "the festival's director, Priya Nair".
    title = _TITLE_RE.match(text, at)
    if title and title.end() > at:
        speaker, end = _who(doc, offset, text, title.end(), allow_anon=False)
        if speaker is not None and speaker.known:
            return speaker, end
    if allow_anon:
        role = _ROLE_RE.match(text, at)
        if role:
            return _Speaker(pronoun="the"), role.end()
        anon = re.match(r"(?:the|a|an|one|another|his|her|their|its|our)\b[^,.;:!?\"“”]{0,60}", text[at:])
        if anon:
            return _Speaker(explicit=True), at + anon.end()
    return None, 0


def _before_attribution(doc: _Doc, lead: str, lead_start: int, frag: _Fragment) -> _Speaker | None:
    """Attribution in the lead-in clause: `Villeneuve told reporters:`, `She continued,`,
    `Baker has a different take:`, `said Priya Nair, a festival programmer:`."""
    stripped = lead.rstrip()
    colon = stripped.endswith(":")
    has_verb = _ANY_SPEECH_RE.search(stripped) is not None
    if not (colon or has_verb):
        return None
    body = stripped[:-1] if stripped[-1:] in ",:" else stripped
    # A pronoun subject: "She continued," "But he added:", "Asked about it, she laughed:".
    connectors = _CONNECTORS_RE.match(body)
    head = connectors.end() if connectors else 0
    pronoun = _PRONOUN_RE.match(body, head) or re.search(
        rf"(?:^|,\s+|\band\s+)(he|she|they)\s+(?:[a-z]+ly\s+)?(?:{_VERB_ALT})\b", body, re.IGNORECASE
    )
    if pronoun:
        word = pronoun.group(1).lower()
        return _Speaker(explicit=True) if word == "they" else _Speaker(pronoun=word)
    # A person mention that is the subject of the speech verb (or heads a colon clause).
    people = [m for m in doc.people_between(lead_start, lead_start + len(body)) if not doc.is_possessive(m)]
    for m in people:
        tail = doc.text(m.end, lead_start + len(body))
        if _ANY_SPEECH_RE.search(tail) or colon and _heads_clause(body, m.start - lead_start, head):
            return _Speaker(key=m.key, explicit=True)
    # A name not in the graph: "Festival programmer Priya Nair told the audience:".
    for name in _NAME_RE.finditer(body):
        first = name.group(0).split()[0]
        if first in _NOT_NAMES or name.start() == 0 and " " not in name.group(0):
            continue
        if doc.people_between(lead_start + name.start(), lead_start + name.end()):
            continue
        tail = body[name.end() :]
        if re.match(rf"(?:,[^,]{{1,70}},)?\s*(?:[a-z]+ly\s+)?(?:{_VERB_ALT})\b", tail) or (
            colon and _heads_clause(body, name.start(), head) and re.match(r"\s+[a-z]", tail)
        ):
            return doc.resolve_name(name.group(0), lead_start + name.start())
    # "said Jane Roe, a producer:" — verb first.
    verb_first = re.search(rf"\b(?:{_VERB_ALT})\s+", body)
    if verb_first:
        speaker, _ = _who(doc, lead_start, body, verb_first.end(), allow_anon=False)
        if speaker is not None:
            return speaker
    # "In a statement, the studio said:" — a speaker the text does not name.
    if re.search(rf"(?:^|[\s,])(?:the|a|an|one)\s+[\w’'\- ]{{1,40}}?\s+(?:[a-z]+ly\s+)?(?:{_VERB_ALT})\b", body[head:], re.IGNORECASE):
        return _Speaker(explicit=True)
    return None


def _heads_clause(body: str, at: int, head: int) -> bool:
    """Does the name at `at` start the clause (after connectors, a title or an opening phrase)?"""
    before = body[:at].rstrip()
    if at <= head or before == "" or before.endswith(","):
        return True
    # "Producer Tomas Reyes has a view:" — a lower-case role word or two before the name.
    return re.fullmatch(r"(?:[A-Z][a-z]+)?(?:\s*[a-z’'\-]+){0,3}", before[head:] if at > head else "") is not None


def _attribute(doc: _Doc, group: _Group, history: list[_Said]) -> _Speaker:
    candidates: list[_Speaker] = []
    for k, frag in enumerate(group.fragments):
        if frag.closed:
            after = doc.text(frag.close_at, frag.close_at + 150)
            speaker, _ = _after_attribution(doc, frag.close_at, after)
            if speaker is not None:
                candidates.append(speaker)
        if k == 0 or group.joints[k - 1] == "paragraph":
            lead, lead_start = _lead(doc, frag)
            if not lead.strip() and k == 0:
                lead, lead_start = _lead_in_paragraph_before(doc, frag)
            if lead.rstrip()[-1:] in (":", ",") or _ANY_SPEECH_RE.search(lead):
                speaker = _before_attribution(doc, lead, lead_start, frag)
                if speaker is not None:
                    candidates.append(speaker)
    for speaker in candidates:
        if speaker.known:
            return speaker
    if any(s.explicit for s in candidates):
        return _Speaker()  # "a spokesperson said": attributed, but to nobody we can name
    pronoun = next((s.pronoun for s in candidates if s.pronoun), None)
    return _implied_speaker(doc, group, history, pronoun)


def _implied_speaker(doc: _Doc, group: _Group, history: list[_Said], pronoun: str | None) -> _Speaker:
    """The speaker the text implies for a pronoun or an unattributed quotation.

    In order: the latest person the paragraph names as a subject before the quotation, or
    the paragraph's previous quotation, whichever comes later; in a back-and-forth of
    bare quotations, the speaker before last; the previous paragraph's quotation. A pronoun
    reaches further: the previous paragraph's subjects, the person the article is about
    (named most often), then the latest subject before it.
    Candidates whose gender the text contradicts are skipped."""
    frag = group.fragments[0]
    ordered: list[tuple[int, _Speaker]] = []
    for pos, speaker in _subjects(doc, frag.para, frag.open_at):
        ordered.append((pos, speaker))
    for said in history:
        if said.last_para == frag.para:
            ordered.append((said.start, said.speaker))
    ordered.sort(key=lambda item: -item[0])
    candidates = [speaker for _, speaker in ordered if not speaker.weak]
    if pronoun is None:
        candidates = candidates[:1]
    previous = history[-1] if history else None
    if previous is not None and previous.last_para == frag.para - 1:
        before = history[-2] if len(history) > 1 else None
        if (
            pronoun is None
            and previous.only_quote
            and _only_quote(doc, group)
            and before is not None
            and before.last_para >= frag.para - 2
            and before.speaker.known
            and previous.speaker.known
            and (before.speaker.key, before.speaker.name) != (previous.speaker.key, previous.speaker.name)
            and not _subjects(doc, frag.para, frag.open_at)
        ):
            # “Maybe a prequel,” Maren offered. / “Not even a prequel.” — a rejoinder.
            candidates.append(before.speaker)
        candidates.append(previous.speaker)
    def further() -> Iterator[_Speaker]:
        """A pronoun's wider search, produced lazily: most searches stop early."""
        if frag.para > 0:
            yield from (speaker for _, speaker in _subjects(doc, frag.para - 1, frag.open_at))
        if doc.protagonist is not None:
            yield _Speaker(key=doc.protagonist)
        for index in range(frag.para - 2, -1, -1):
            yield from (speaker for _, speaker in _subjects(doc, index, frag.open_at))
        yield from (said.speaker for said in reversed(history))
        yield from (speaker for _, speaker in ordered if speaker.weak)

    seen: list[_Speaker] = []
    for speaker in itertools.chain(candidates, further() if pronoun is not None else ()):
        if not speaker.weak and doc.fits(speaker, pronoun):
            return _Speaker(key=speaker.key, name=speaker.name)
        seen.append(speaker)
    for speaker in seen:
        if doc.fits(speaker, pronoun):
            return _Speaker(key=speaker.key, name=speaker.name)
    return _Speaker()


def _subjects(doc: _Doc, index: int, before: int) -> list[tuple[int, _Speaker]]:
    """People paragraph `index` names as sentence subjects before offset `before`, latest
    first: per sentence, the person a speech verb follows ("..., Baker added."), else the
    first person named outside quote marks and not as a possessive, then the others."""
    paragraph = doc.paragraphs[index]
    if paragraph.kind not in _SPEECH_KINDS:
        return []
    limit = min(before, paragraph.start + len(paragraph.text)) - paragraph.start
    memo = doc.subjects_memo.get((index, limit))
    if memo is None:
        memo = doc.subjects_memo[(index, limit)] = _find_subjects(doc, index, limit)
    return memo


def _find_subjects(doc: _Doc, index: int, limit: int) -> list[tuple[int, _Speaker]]:
    paragraph = doc.paragraphs[index]
    quoted = [
        (f.open_at - paragraph.start, (f.close_at or paragraph.start + len(paragraph.text)) - paragraph.start)
        for f in doc.frags(index)
    ]
    found: list[tuple[int, _Speaker]] = []
    for s, e in reversed(split_sentences(paragraph.text[:limit])):
        people = [
            m for m in doc.people_between(paragraph.start + s, paragraph.start + e)
            if not any(qs <= m.start - paragraph.start < qe for qs, qe in quoted)
        ]
        ranked = sorted(
            people,
            key=lambda m: (
                doc.is_possessive(m),
                not _VERB_RE.match(doc.text(m.end, m.end + 40).lstrip(" ,")),
                m.start,
            ),
        )
        sentence_found = [(m.start, _Speaker(key=m.key, weak=doc.is_possessive(m))) for m in ranked]
        # A speaker outside the graph named earlier: "Asked about sequels, Nair laughed."
        sentence = paragraph.text[s:e]
        for name in _NAME_RE.finditer(sentence):
            written = name.group(0)
            full = doc.written_names.get(written) or (written if written in doc.written_names.values() else None)
            if full and _VERB_RE.match(sentence[name.end():].lstrip(" ,")):
                sentence_found.insert(0, (paragraph.start + s + name.start(), _Speaker(name=full)))
        # Latest sentence first; within a sentence its subject first (positions keep the
        # sentence's order against quotations when merged by the caller).
        top = max((pos for pos, _ in sentence_found), default=0)
        found.extend((top if n == 0 else pos, sp) for n, (pos, sp) in enumerate(sentence_found))
    return found


# --- text ---------------------------------------------------------------------------------


def _quote_text(doc: _Doc, group: _Group) -> str:
    parts: list[str] = []
    for k, frag in enumerate(group.fragments):
        words = doc.text(frag.start, frag.end).strip()
        if k < len(group.fragments) - 1 or frag.closed:
            words = words.rstrip(",").rstrip()
        if k < len(group.fragments) - 1 and group.joints[k] == "attribution" and words[-1:] not in _TERMINAL:
            # `“It took nine days,” she said. “Nobody slept.”` reads as two sentences.
            nxt = group.fragments[k + 1]
            between = doc.text(frag.close_at or frag.end, nxt.open_at).rstrip()
            if between.endswith(".") and doc.text(nxt.start, nxt.start + 1).isupper():
                words += "."
        if k > 0:
            parts.append("\n\n" if group.joints[k - 1] == "paragraph" else " ")
        parts.append(words)
    return "".join(parts)


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def _surname(surface: str) -> str:
    surface = re.sub(r"['’]s?$", "", surface.strip())
    return surface.split()[-1] if surface.split() else ""


_TITLE_CACHE: "weakref.WeakKeyDictionary[Any, frozenset[str]]" = weakref.WeakKeyDictionary()
# Above this many films, a title index is left to the gazetteer's own matching (film mentions).
_TITLE_INDEX_LIMIT = 200_000


def _film_titles(gazetteer: Any) -> frozenset[str]:
    """Normalised film titles and aliases, built once per gazetteer."""
    if gazetteer is None:
        return frozenset()
    try:
        return _TITLE_CACHE[gazetteer]
    except (KeyError, TypeError):
        pass
    films = getattr(gazetteer, "films_by_key", None)
    if films is None:
        graph = getattr(gazetteer, "graph", None)
        films = {f.key: f for f in getattr(graph, "films", ())}
    if len(films) > _TITLE_INDEX_LIMIT:
        return frozenset()
    titles = frozenset(
        _norm(title) for film in films.values() for title in (film.title, *film.aliases) if title
    )
    try:
        _TITLE_CACHE[gazetteer] = titles
    except TypeError:
        pass
    return titles
