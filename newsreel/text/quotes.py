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

import re
import unicodedata
import weakref
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Sequence

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
    pronoun: bool = False
    explicit: bool = False  # the text names the speaker (or says "a spokesperson")

    @property
    def known(self) -> bool:
        return bool(self.key or self.name)


@dataclass
class _Group:
    fragments: list[_Fragment] = field(default_factory=list)
    joints: list[str] = field(default_factory=list)  # "attribution" or "paragraph"


class _Doc:
    """The article as the extractor sees it: paragraphs, text and person mentions."""

    def __init__(self, paragraphs: Sequence[Paragraph], mentions: Sequence[Mention], gazetteer: Any) -> None:
        self.paragraphs = list(paragraphs)
        self.people = sorted((m for m in mentions if m.kind == "person"), key=lambda m: m.start)
        self.film_mentions = [m for m in mentions if m.kind == "film"]
        self.film_titles = _film_titles(gazetteer)
        self.written_names: dict[str, str] = {}  # surname -> full name, for speakers not in the graph
        # Paragraph text by document offset.
        self._by_offset = [(p.start, p.start + len(p.text), i) for i, p in enumerate(self.paragraphs)]

    def text(self, start: int, end: int) -> str:
        """Document text between two offsets that lie within one paragraph."""
        for p_start, p_end, i in self._by_offset:
            if p_start <= start <= p_end:
                return self.paragraphs[i].text[start - p_start : min(end, p_end) - p_start]
        return ""

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

    def resolve_name(self, name: str, before: int) -> _Speaker:
        """A speaker written as a name with no person mention on it: the mentions already hold
        every graph name the gazetteer matched, so this is a name outside the graph, or a
        surname of someone named earlier."""
        name = " ".join(name.split())
        if " " not in name:
            # A surname alone: a person mentioned earlier, or a name written earlier.
            found = {m.key for m in self.people if m.start < before and _surname(m.surface) == name}
            if len(found) == 1:
                return _Speaker(key=found.pop(), explicit=True)
            if name in self.written_names:
                return _Speaker(name=self.written_names[name], explicit=True)
        else:
            self.written_names[name.split()[-1]] = name
        return _Speaker(name=name, explicit=True)


def extract_quotes(
    paragraphs: Sequence[Paragraph], mentions: Sequence[Mention], gazetteer: Gazetteer | None
) -> list[Quote]:
    """Every direct quotation in the article, in reading order, with its speaker."""
    doc = _Doc(paragraphs, mentions, gazetteer)
    fragments: list[list[_Fragment]] = [
        _fragments(i, p) if p.kind in _SPEECH_KINDS else [] for i, p in enumerate(doc.paragraphs)
    ]
    groups = _group(doc, fragments)
    quotes: list[Quote] = []
    previous: tuple[int, int, _Speaker] | None = None  # (paragraph, offset, speaker) of the last quote
    for group in groups:
        if not _is_quotation(doc, group):
            continue
        speaker = _attribute(doc, group, previous)
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
        previous = (last.para, first.start, speaker)
    return quotes


# --- step 1: quote marks -----------------------------------------------------------------


def _fragments(index: int, paragraph: Paragraph) -> list[_Fragment]:
    text, base = paragraph.text, paragraph.start
    found: list[_Fragment] = []
    open_at: int | None = None
    for i, ch in enumerate(text):
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
    words = doc.text(first.start, first.end).rstrip()
    if not words or words[-1] not in ",—–-…:;" and not words.endswith("..."):
        return False
    between = doc.text(first.close_at, second.open_at)
    if len(between) > 120 or _is_title(doc, first):
        return False
    speaker, length = _after_attribution(doc, first.close_at, between)
    if speaker is None:
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
    introduced = lead_end in (":", ",") or lead.strip() == "" or lead.rstrip().endswith(("—", "–"))
    if lead_end in (":", ",") and _before_attribution(doc, lead, lead_start, frag) is not None and n_words >= 2:
        return True
    if frag.single:
        return False  # single marks count only with an attribution
    starts_like_sentence = words[:1].isupper() or words[:1].isdigit() or words.startswith(("…", "..."))
    closes_itself = ends_in_punct or not frag.closed or _sentence_ends_after(after)
    if introduced and starts_like_sentence and closes_itself and n_words >= 3:
        return True
    # A partial quotation after a speech verb: `Baker said the ending was “a gut punch for everyone.”`
    if n_words >= 4 and _ANY_SPEECH_RE.search(lead):
        return True
    return n_words >= 12


def _is_title(doc: _Doc, frag: _Fragment) -> bool:
    """Is the quoted text a film title (AP style puts titles in quotes)?"""
    words = doc.text(frag.start, frag.end)
    bare = words.strip().rstrip(",.;:!?").strip()
    if _norm(bare) in doc.film_titles:
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


def _closed_spans_before(doc: _Doc, frag: _Fragment) -> list[tuple[int, int]]:
    paragraph = doc.paragraphs[frag.para]
    spans = []
    for f in _fragments(frag.para, paragraph):
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
        return None, 0
    anon = _ANON_RE.match(after, pos)
    if anon:
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
        return _Speaker(pronoun=True), pronoun.end()
    name = _NAME_RE.match(text, at)
    if name and name.group(0).split()[0] not in _NOT_NAMES:
        return doc.resolve_name(name.group(0), offset + at), name.end()
    if allow_anon:
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
    # A pronoun subject: "She continued," "But he added:".
    connectors = _CONNECTORS_RE.match(body)
    head = connectors.end() if connectors else 0
    pronoun = _PRONOUN_RE.match(body, head)
    if pronoun:
        if pronoun.group(1).lower() == "they":
            return _Speaker(explicit=True)
        return _Speaker(pronoun=True)
    # A person mention that is the subject of the speech verb (or of a colon clause).
    people = [m for m in doc.people_between(lead_start, lead_start + len(body)) if not doc.is_possessive(m)]
    for m in people:
        tail = doc.text(m.end, lead_start + len(body))
        if _ANY_SPEECH_RE.search(tail) or colon:
            return _Speaker(key=m.key, explicit=True)
    # A name not in the graph: "Festival programmer Priya Nair told the audience:".
    for name in _NAME_RE.finditer(body):
        first = name.group(0).split()[0]
        if first in _NOT_NAMES or name.start() == 0 and " " not in name.group(0):
            continue
        if doc.people_between(lead_start + name.start(), lead_start + name.end()):
            continue
        tail = body[name.end() :]
        if re.match(rf"(?:,[^,]{{1,70}},)?\s*(?:[a-z]+ly\s+)?(?:{_VERB_ALT})\b", tail) or (colon and len(tail.split()) <= 6):
            return doc.resolve_name(name.group(0), lead_start + name.start())
    # "said Jane Roe, a producer:" — verb first.
    verb_first = re.search(rf"\b(?:{_VERB_ALT})\s+", body)
    if verb_first:
        speaker, _ = _who(doc, lead_start, body, verb_first.end(), allow_anon=False)
        if speaker is not None:
            return speaker
    if has_verb and re.match(r"(?:the|a|an|one)\b", body[head:], re.IGNORECASE):
        return _Speaker(explicit=True)
    return None


def _attribute(doc: _Doc, group: _Group, previous: tuple[int, int, _Speaker] | None) -> _Speaker:
    candidates: list[_Speaker] = []
    for k, frag in enumerate(group.fragments):
        if frag.closed:
            after = doc.text(frag.close_at, frag.close_at + 150)
            speaker, _ = _after_attribution(doc, frag.close_at, after)
            if speaker is not None:
                candidates.append(speaker)
        if k == 0 or group.joints[k - 1] == "paragraph":
            lead, lead_start = _lead(doc, frag)
            if lead.rstrip()[-1:] in (":", ",") or _ANY_SPEECH_RE.search(lead):
                speaker = _before_attribution(doc, lead, lead_start, frag)
                if speaker is not None:
                    candidates.append(speaker)
    for speaker in candidates:
        if speaker.known:
            return speaker
    first = group.fragments[0]
    if any(s.explicit for s in candidates):
        return _Speaker()  # "a spokesperson said": attributed, but to nobody we can name
    pronoun = any(s.pronoun for s in candidates)
    return _implied_speaker(doc, first, previous, wide=pronoun)


def _implied_speaker(doc: _Doc, frag: _Fragment, previous: tuple[int, int, _Speaker] | None, *, wide: bool) -> _Speaker:
    """The speaker the text implies: the latest of a preceding sentence's subject (in this
    paragraph, or further back for a pronoun) and the previous quotation's speaker."""
    best_pos, best = -1, _Speaker()
    if previous is not None and previous[2].known and (wide or frag.para - previous[0] <= 1):
        best_pos, best = previous[1], previous[2]
    paragraphs = range(frag.para, -1, -1) if wide else (frag.para,)
    for index in paragraphs:
        subject = _last_subject(doc, index, frag.open_at)
        if subject is not None:
            if subject[0] > best_pos:
                best_pos, best = subject
            break
        if best_pos >= doc.paragraphs[index].start:
            break
    return _Speaker(key=best.key, name=best.name)


def _last_subject(doc: _Doc, index: int, before: int) -> tuple[int, _Speaker] | None:
    """The subject (first non-possessive person) of the latest sentence before `before`
    in paragraph `index` that names a person outside quote marks."""
    paragraph = doc.paragraphs[index]
    if paragraph.kind not in _SPEECH_KINDS:
        return None
    limit = min(before, paragraph.start + len(paragraph.text)) - paragraph.start
    quoted = [(f.open_at - paragraph.start, (f.close_at or paragraph.start + len(paragraph.text)) - paragraph.start) for f in _fragments(index, paragraph)]
    for s, e in reversed(split_sentences(paragraph.text[:limit])):
        people = [
            m for m in doc.people_between(paragraph.start + s, paragraph.start + e)
            if not doc.is_possessive(m) and not any(qs <= m.start - paragraph.start < qe for qs, qe in quoted)
        ]
        if people:
            m = people[0]
            # Prefer the person a speech verb follows ("..., Baker added.").
            for candidate in people:
                tail = doc.text(candidate.end, min(candidate.end + 40, paragraph.start + e))
                if _VERB_RE.match(tail.lstrip(" ,")):
                    m = candidate
                    break
            return m.start, _Speaker(key=m.key)
        # A speaker outside the graph named earlier: "Asked about sequels, Nair laughed."
        sentence = paragraph.text[s:e]
        for name in _NAME_RE.finditer(sentence):
            written = name.group(0)
            full = doc.written_names.get(written) or (written if written in doc.written_names.values() else None)
            if full and _VERB_RE.match(sentence[name.end():].lstrip(" ,")):
                return paragraph.start + s + name.start(), _Speaker(name=full)
    return None


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
