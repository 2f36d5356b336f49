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

The package, by concept (each module says what it depends on; the dependency runs one
way, down this list): `words` (word lists, patterns), `fragments` (quote marks paired
into fragments), `speakers`, `document` (the article as the extractor sees it),
`attribution` (who said it), and here: which fragments are quotations, and `extract_quotes`.
Names with a leading underscore belong to the package; its API is `extract_quotes` and
`SPEECH_VERBS`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Sequence

from newsreel.text.types import Mention, Paragraph, Quote
from newsreel.text.quotes.words import (
    SPEECH_VERBS, _ANY_SPEECH_RE, _OPENERS, _SPEECH_KINDS, _TERMINAL, _WORD_RE,
)
from newsreel.text.quotes.fragments import _Fragment, _Group
from newsreel.text.quotes.speakers import _Said, _Speaker
from newsreel.text.quotes.document import _Doc, _norm
from newsreel.text.quotes.attribution import (
    _after_attribution, _attribute, _attribution_pronoun, _before_attribution, _lead, _only_quote,
    woven_confidence,
)
from newsreel.text.quotes.blockquotes import find_statements, nested_in
from newsreel.text.quotes.explicit import credited_heading
from newsreel.text.quotes.transcripts import find_transcript
from newsreel.text.quotes.questions import (
    find_run_in_questionnaires, find_sectioned_interviews, find_unlabelled_interview,
)
from newsreel.text.quotes.answers import reported_in_answers

# Patterns read for every quotation, compiled once.
_ATTRIBUTION_TAIL_RE = re.compile(r"[^.;:!?\"“”]{0,150}[,.:]")
# An attribution before a lower-case second part: an appositive and a relative clause or two.
_LONG_ATTRIBUTION = 400
_LONG_ATTRIBUTION_TAIL_RE = re.compile(r"[^.;:!?\"“”]{0,350},")
# "“…,” she says at last. Then, to me: “…”": after the attribution, only whom the speaker now
# addresses (no subject, no verb but "turning"): the same speaker goes on (round forty-four).
_TURNED_TO_RE = re.compile(
    r"[^.;:!?\"“”]{0,60}[.,]\s+(?:(?:And\s+)?[Tt]hen|Later|Finally|And)?,?\s*(?:turning\s+)?to\s+"
    r"(?:me|us|him|her|them|the\s+[a-z][\w’'\-]*(?:\s+[a-z][\w’'\-]*)?|[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)?)\s*:"
)
_FIRST_PERSON_RE = re.compile(r"\b(?:I|I['’]m|I['’]ve|I['’]d|me|my|we|we['’]re|us|our)\b")
_SENTENCE_END_RE = re.compile(r"\s*(?:[.?!…]|$)")


if TYPE_CHECKING:  # pragma: no cover - typing only
    from newsreel.text.gazetteer import Gazetteer

__all__ = ["extract_quotes", "SPEECH_VERBS", "SURE_CONFIDENCE"]

# At or above this confidence the core is sure of a quote's speaker: a person's page may show
# it without an editor's confirmation (the site's setting may ask for more).
SURE_CONFIDENCE = 0.8


def extract_quotes(
    paragraphs: Sequence[Paragraph], mentions: Sequence[Mention], gazetteer: Gazetteer | None, *, headline: str = ""
) -> list[Quote]:
    """Every direct quotation in the article, in reading order, with its speaker. The headline,
    when given, may say whom the article is about."""
    doc = _Doc(paragraphs, mentions, gazetteer, headline)
    answers, transcript = find_transcript(doc)
    if not answers:
        # Several short interviews under their subjects' names (round sixty), or the same
        # questions put to each in a run-in bold line (round sixty-three).
        answers, transcript = find_sectioned_interviews(doc)
    if not answers:
        answers, transcript = find_run_in_questionnaires(doc)
    if not answers:
        # No labels: an interview may still set its questions in bold (round forty-four).
        answers, transcript = find_unlabelled_interview(doc)
    doc.transcript = frozenset(transcript)
    answered = {i for answer in answers for i in range(answer.first, answer.last + 1)}
    fragments: list[list[_Fragment]] = [
        (doc.frags(i) if i not in transcript else _cited_in_question(doc, i) if i not in answered else [])
        if p.kind in _SPEECH_KINDS or credited_heading(doc, i) else []
        for i, p in enumerate(doc.paragraphs)
    ]
    groups = _group(doc, fragments)
    statements = find_statements(doc, transcript)
    found: list[tuple[Quote, _Said]] = []
    history: list[_Said] = []
    for group in groups:
        if statements and nested_in(statements, group.fragments[0].start, group.fragments[-1].end):
            continue  # a passage a block statement quotes is part of the statement
        if not _is_quotation(doc, group):
            continue
        speaker = _attribute(doc, group, history)
        first, last = group.fragments[0], group.fragments[-1]
        text, starts = _quote_text(doc, group)
        quote = Quote(
            text=text,
            start=first.start,
            end=last.end,
            speaker_key=speaker.key,
            speaker_name=None if speaker.key else speaker.name,
            in_spoiler=any(doc.paragraphs[f.para].spoiler_film for f in group.fragments),
            confidence=woven_confidence(text, speaker.confidence) if speaker.known else 0.0,
            fragment_starts=starts,
        )
        said = _Said(first.para, last.para, first.start, speaker, _only_quote(doc, group),
                     _attribution_pronoun(doc, group))
        found.append((quote, said))
        history.append(said)
    for answer in answers:
        found.append((_spanning_quote(doc, answer.first, answer.last, answer.start, answer.end, answer.speaker, answer.confidence, "qa"), None))
    for frag, speaker in reported_in_answers(doc, answers):
        found.append((_reported_quote(doc, frag, speaker), None))
    for statement in statements:
        found.append((_spanning_quote(doc, statement.first, statement.last, statement.start, statement.end, statement.speaker, statement.speaker.confidence, "speech"), None))
    found.sort(key=lambda item: item[0].start)
    return _without_pull_quotes(doc, [quote for quote, _ in found])


# "The critic Tova Brisk wrote in the *Harbour Post*: ", "One critic wrote: ": a question's lead
# citing what somebody wrote, ending on the colon before the quotation.
_CITED_LEAD_RE = re.compile(r"\b(?:wrote|writes|has\s+written|had\s+written)\b[^.?!“”\"]{0,60}:\s*$")
_YOU_RE = re.compile(r"\b[Yy]ou\b")


def _cited_in_question(doc: _Doc, index: int) -> list[_Fragment]:
    """The quotations an interviewer's question cites from somebody's writing ("The critic …
    wrote in the *Post*: “…”"): quotations of their own, the writer's (round forty-five). Not
    the interviewee's own words put back to them ("You once wrote: “…”"), and nothing else
    of the question."""
    frags = doc.frags(index)
    if not frags:
        return []
    paragraph = doc.paragraphs[index]
    cited = []
    for frag in frags:
        lead = paragraph.text[: frag.open_at - paragraph.start]
        sentence = lead[max(lead.rfind(". "), lead.rfind("? "), lead.rfind("! ")) + 1 :]
        if _CITED_LEAD_RE.search(sentence) and not _YOU_RE.search(sentence):
            cited.append(frag)
    return cited


def _spanning_quote(
    doc: _Doc, first: int, last: int, start: int, end: int, speaker: _Speaker, confidence: float, kind: str
) -> Quote:
    """A quotation made of whole paragraphs (an interview answer, a block-quote statement)."""
    parts, starts, length = [], [], 0
    for index in range(first, last + 1):
        paragraph = doc.paragraphs[index]
        lo = max(start, paragraph.start) - paragraph.start
        hi = min(end, paragraph.start + len(paragraph.text)) - paragraph.start
        words = paragraph.text[lo:hi].strip()
        if not words:
            continue
        if parts:
            length += 2
            starts.append(length)
        parts.append(words)
        length += len(words)
    return Quote(
        text="\n\n".join(parts),
        start=start,
        end=end,
        speaker_key=speaker.key,
        speaker_name=None if speaker.key else speaker.name,
        in_spoiler=any(doc.paragraphs[i].spoiler_film for i in range(first, last + 1)),
        confidence=confidence if speaker.known else 0.0,
        kind=kind,
        fragment_starts=tuple(starts),
    )


def _reported_quote(doc: _Doc, frag: _Fragment, speaker: _Speaker) -> Quote:
    """A quotation an interview answer reports someone else saying (a speech quote of its own)."""
    return Quote(
        text=doc.text(frag.start, frag.end).strip().rstrip(",").rstrip(),
        start=frag.start,
        end=frag.end,
        speaker_key=speaker.key,
        speaker_name=None if speaker.key else speaker.name,
        in_spoiler=bool(doc.paragraphs[frag.para].spoiler_film),
        confidence=speaker.confidence if speaker.known else 0.0,
    )


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
    inner = words.rstrip("’'").rstrip()
    # `“She said, ‘Who else?’” Moss said. “I told her …”`: the question (or a cry) is the
    # quotation within the quotation's, so the speaker goes on; a bare question (“…?” I asked.
    # “Never.”) may be answered by someone else, so it ends the quotation.
    nested_stop = inner != words and inner[-1:] in "?!"
    if not inner or inner[-1] not in ",—–-…:;" and not inner.endswith("...") and not nested_stop:
        return False
    between = doc.text(first.close_at, second.open_at)
    # “…,” said Noor Bellasis, the studio's head of acquisitions, who negotiated the deal with
    # the film's sales agent, Brightline International. “…”: an attribution may run long.
    # Longer still when the second part goes on the sentence: after a comma, in lower case
    # (“…,” says X, the designer, who has dressed … by the bale, “and you can see it …”).
    goes_on = _goes_on_in_lower_case(doc, between, second)
    if len(between) > (_LONG_ATTRIBUTION if goes_on else 200):
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
        (_LONG_ATTRIBUTION_TAIL_RE if goes_on else _ATTRIBUTION_TAIL_RE).fullmatch(rest)
    ) or (":" in rest and _TURNED_TO_RE.fullmatch(rest) is not None)


def _goes_on_in_lower_case(doc: _Doc, between: str, second: _Fragment) -> bool:
    """Does the quotation's second part continue its first part's sentence: a comma before its
    opening mark and a lower-case first word ("…, “and you can see it”")?"""
    return between.rstrip().endswith(",") and doc.text(second.start, second.start + 1).islower()


def _is_quotation(doc: _Doc, group: _Group) -> bool:
    if len(group.fragments) > 1:
        return True
    frag = group.fragments[0]
    if doc.paragraphs[frag.para].kind == "heading":
        return True  # only a credited heading has fragments: its one quotation is a line, never a title
    words = doc.text(frag.start, frag.end)
    n_words = len(_WORD_RE.findall(words))
    if n_words == 0 or _is_title(doc, frag):
        return False
    after = doc.text(frag.close_at, frag.close_at + 150) if frag.closed else ""
    ends_in_punct = words.rstrip()[-1:] in ",?!…—–-" or words.endswith(".")
    if frag.closed and ends_in_punct and _after_attribution(doc, frag.close_at, after)[0] is not None:
        return True
    if _marketing_copy(doc, frag):
        return False
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
    # A shorter one that ends the reported clause: `said the actor was “delighted”.`, `describes
    # his job as “keeping the minutes”.`, `called it “a love story between a family and …”,`.
    # A short name for a thing after "calls it" (`still calls it “the whale picture”`) is a nickname.
    called = _CALLED_RE.search(lead) is not None and n_words >= 5
    if (called or _ANY_SPEECH_RE.search(lead) and not _CALLED_RE.search(lead)) and (
        closes_itself or after.lstrip()[:1] in ",;"
    ):
        return True
    # Words in the first person are somebody speaking: `called it “the hardest thing I have done”`.
    if n_words >= 5 and _FIRST_PERSON_RE.search(words):
        return True
    return n_words >= 12


# A poster's or a tagline's words: "Start with the poster. “Some roads lead home.”", "The tagline
# reads: “…”". Nobody said them; a film's marketing is no one's quote. Lower-case words only
# between the noun and the quotation: "The poster quotes Ada Varga: “…”" is hers.
_MARKETING_RE = re.compile(
    r"\b(?i:posters?|taglines?|tag\s+line|slogans?|straplines?|billboards?|one-sheets?)\b(?:\s+[a-z’']+){0,3}\s*[.:,]?\s*$"
)


def _marketing_copy(doc: _Doc, frag: _Fragment) -> bool:
    """Do the words before an unattributed quotation (its lead-in, or the sentence before it)
    end on a poster, a tagline or a slogan, so that the quoted words are what it says?"""
    paragraph = doc.paragraphs[frag.para]
    before = paragraph.text[max(0, frag.open_at - paragraph.start - 120) : frag.open_at - paragraph.start]
    # Substring tests first: the pattern runs only where one of its nouns stands.
    if not any(word in before.lower() for word in ("poster", "tag", "slogan", "strapline", "billboard", "one-sheet")):
        return False
    return _MARKETING_RE.search(before) is not None


# "called it", "dubbed the deal": words that name what someone said a thing was.
_CALLED_RE = re.compile(r"\b(?:called|calls|dubbed|dubs|termed|terms)\s+(?:it|him|her|them|this|that|(?:the|his|her|their)\s+[a-z]+)\s*$")


# A verb of saying right before the colon: "said only:", "replied:", "told Tradeline:".
_SAID_COLON_RE = re.compile(
    r"\b(?:said|says|replied|replies|answered|answers|responded|responds|told\s+[A-Z][\w’'\-]*|tells\s+[A-Z][\w’'\-]*)"
    r"(?:\s+(?:only|simply|just|briefly|curtly|flatly|tersely))?\s*:\s*$"
)
# Words a title leaves in lower case: "Lord of the Rings".
_TITLE_SMALL_WORDS = frozenset("a an the of in on at to for and or but nor with by from as into".split())


def _said_as_a_sentence(doc: _Doc, frag: _Fragment, bare: str) -> bool:
    """Is the quoted text what someone said, though a film bears the words: a verb of saying
    right before the colon ("said only: “No comment.”") and the words set as a sentence, not
    capitalised as a title is (round twenty-five)."""
    later = bare.split()[1:]
    if not any(word[:1].islower() and word.lower() not in _TITLE_SMALL_WORDS for word in later):
        return False
    lead, _ = _lead(doc, frag)
    return _SAID_COLON_RE.search(lead) is not None or _speaker_follows(doc, frag)


def _speaker_follows(doc: _Doc, frag: _Fragment) -> bool:
    """Closed by its own comma, "!" or "?" inside the mark and
    followed by an attribution that names its speaker ("“Not today,” Mennick says"), the words
    are speech, as a title in quote marks is followed by the sentence about the film (round
    forty-four)."""
    words = doc.text(frag.start, frag.end).rstrip()
    if not frag.closed or words[-1:] not in ",!?":
        return False
    speaker = _after_attribution(doc, frag.close_at, doc.text(frag.close_at, frag.close_at + 150))[0]
    return speaker is not None and speaker.known


def _is_title(doc: _Doc, frag: _Fragment) -> bool:
    """Is the quoted text a film title (AP style puts titles in quotes)?"""
    words = doc.text(frag.start, frag.end)
    bare = words.strip().rstrip(",.;:!?").strip()
    if bare and _said_as_a_sentence(doc, frag, bare):
        return False
    if bare and doc.is_film_title(bare):
        return True
    covered = sum(
        max(0, min(m.end, frag.start + len(bare)) - max(m.start, frag.start)) for m in doc.film_mentions
    )
    return bool(bare) and covered >= 0.9 * len(bare)


def _sentence_ends_after(after: str) -> bool:
    return _SENTENCE_END_RE.match(after) is not None


def _quote_text(doc: _Doc, group: _Group) -> tuple[str, tuple[int, ...]]:
    """The quotation's words, its fragments joined, and where each later fragment begins."""
    parts: list[str] = []
    starts: list[int] = []
    length = 0
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
            joint = "\n\n" if group.joints[k - 1] == "paragraph" else " "
            parts.append(joint)
            length += len(joint)
            starts.append(length)
        parts.append(words)
        length += len(words)
    return "".join(parts), tuple(starts)
