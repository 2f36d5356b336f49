"""Quotations inside interview answers: words the interviewee reports someone else saying.

An answer is the interviewee's quote as a whole ("Gregor used to say to me, “You watch the
monitor more than I do.” He was right."), but the quoted words inside it are another person's:
the one the answer's sentence names as saying them, or the person a "he"/"she" there finds
earlier in the same paragraph, else in the answer's earlier paragraphs or the question it
answers ("You cast Folake Adesanya-Brooks …" / "She said, “…”"); a "he" after "my father"
in the answer is the father the introduction names ("the son of the actor X"), or nobody. Only a lead that ends in a speech verb (and "to me", "me") with a
comma or colon, or in "told me", is read, so titles, scare quotes and the interviewee's own
quoted words ("I said, “…”") are not; and only words of a person of the graph, or of one the
answer names in full outside it ("the festival director, Hendrika Mol, told me “…”", the name
as written), are kept: a coach or a grandmother the answer does not name is nobody a page or a
search needs. Words told second-hand are held for an editor, never put on a page by the core
alone.

Depends on: words, speakers, document, transcripts.
"""

from __future__ import annotations

import re

from newsreel.text.quotes.document import _Doc
from newsreel.text.quotes.fragments import _Fragment
from newsreel.text.quotes.speakers import _Speaker
from newsreel.text.quotes.transcripts import Answer
from newsreel.text.quotes.words import _SPEECH_KINDS, _VERB_ALT

# Someone else's words as the interviewee remembers them: found, but held for an editor.
REPORTED_IN_ANSWER = 0.7

# "… used to say to me,", "… told me:", "He would say,": a speech verb closing the lead.
_REPORTED_LEAD_RE = re.compile(
    rf"\b(?:{_VERB_ALT})(?:\s+(?:to\s+)?(?:me|us))?(?:\s+(?:once|often|always|then))?"
    # "… said to me on the first day,": when, a short phrase between the verb and the comma
    # (round eighteen).
    rf"(?:\s+(?:on|at|in|during|after|before)\s+(?:the|a|an|that|our|my)\s+[a-z][\w’'\-]*(?:\s+[a-z][\w’'\-]*)?)?"
    rf"\s*[,:]\s*$"
    # "… told me “This will never make a penny.”": the one told stands for the comma.
    rf"|\b(?:told|tells|asked|asks)\s+(?:me|us)\s*$"
)
# Where the lead starts: a sentence's start, or the close of a quotation before it in the
# same sentence ("He told me, “…,” and I said, “…”": the second lead is "and I said,").
_LEAD_START_RE = re.compile(r"[.!?…][”’\"']?\s+(?=[A-Z“\"])|[”\"]")
# A turn's label opening a paragraph ("RA:", "Q:", "Variety:"): the question is a turn of its own.
_LABELLED_RE = re.compile(r"\s*[A-Z][\w’'\-. ]{0,40}:\s")
_PRONOUN_SUBJECT_RE = re.compile(r"\b(he|she)\b", re.IGNORECASE)


def reported_in_answers(doc: _Doc, answers: list[Answer]) -> list[tuple[_Fragment, _Speaker]]:
    """Each quote-mark fragment inside an answer that the answer reports as said by a person
    of the graph it names, with that speaker."""
    found: list[tuple[_Fragment, _Speaker]] = []
    for answer in answers:
        for index in range(answer.first, answer.last + 1):
            for frag in doc.frags(index):
                if frag.single or not frag.closed or frag.open_at < answer.start:
                    continue
                speaker = _reporter(doc, frag, answer) or _other_voice(doc, frag, answer, answers)
                if speaker is not None:
                    found.append((frag, speaker))
    return found


def _reporter(doc: _Doc, frag: _Fragment, answer: Answer) -> _Speaker | None:
    """The graph person the lead before `frag` says spoke the words; None when the lead reports
    no speech, or no such person's."""
    interviewee = answer.speaker
    paragraph = doc.paragraphs[frag.para]
    before = paragraph.text[: frag.open_at - paragraph.start]
    starts = [m.end() for m in _LEAD_START_RE.finditer(before)]
    lead_at = starts[-1] if starts else 0
    lead = before[lead_at:]
    if not _REPORTED_LEAD_RE.search(lead):
        return None
    base = paragraph.start + lead_at
    people = [m for m in doc.people_between(base, frag.open_at)
              if not doc.is_possessive(m) and m.key != interviewee.key]
    if people:
        return _Speaker(key=people[0].key, explicit=True, confidence=REPORTED_IN_ANSWER)
    outsiders = doc.outsiders_between(base, frag.open_at)
    if outsiders:
        # "the festival director, Hendrika Mol, told me “…”": named in full, outside the graph:
        # a quote of the name as written, no page.
        return _Speaker(name=outsiders[0].name, explicit=True, confidence=REPORTED_IN_ANSWER)
    pronoun = _PRONOUN_SUBJECT_RE.search(lead)
    if pronoun is None:
        return None  # "I said, “…”", "the coach said,": the interviewee's own, or nobody of the graph
    # "Pieter edited the film … He would say, “…”": the latest person named before it in the
    # paragraph whom the pronoun may mean, never the interviewee.
    earlier = [m for m in doc.people_between(paragraph.start, base + pronoun.start())
               if m.key != interviewee.key and doc.fits(_Speaker(key=m.key), pronoun.group(1).lower())]
    kin = _kin_before(paragraph.text[: lead_at + pronoun.start()], pronoun.group(1).lower())
    if kin is not None and (not earlier or kin[0] > earlier[-1].end - paragraph.start):
        # "My father had not been on a set for years. … he walked on set and said, “…”": the
        # relative the answer speaks of, whom the introduction may name (round twenty-eight).
        relative = _relative_named(doc, kin[1])
        return None if relative is None else _Speaker(key=relative, explicit=True, confidence=REPORTED_IN_ANSWER)
    if earlier:
        return _Speaker(key=earlier[-1].key, explicit=True, confidence=REPORTED_IN_ANSWER)
    asked = _asked_about(doc, frag.para, answer, pronoun.group(1).lower())
    return None if asked is None else _Speaker(key=asked, explicit=True, confidence=REPORTED_IN_ANSWER)


# The interviewee's relative, by the pronoun that may mean them: "my father" is a "he".
_KIN_BY_PRONOUN = {
    "he": r"father|dad|grandfather|grandad|brother|son|husband|uncle",
    "she": r"mother|mum|mom|grandmother|gran|sister|daughter|wife|aunt",
}
_PARENTS = frozenset({"father", "dad", "mother", "mum", "mom"})
_KIN_WORDS = {"dad": "father", "mum": "mother", "mom": "mother", "grandad": "grandfather", "gran": "grandmother"}


def _kin_before(text: str, pronoun: str) -> tuple[int, str] | None:
    """The last "my father"-like relative the pronoun may mean in `text`: (its end, the kin)."""
    found = None
    for match in re.finditer(rf"\b[Mm]y\s+({_KIN_BY_PRONOUN[pronoun]})\b", text):
        found = (match.end(), _KIN_WORDS.get(match.group(1).lower(), match.group(1).lower()))
    return found


# How an introduction names the interviewee's relative: "the son of the character actor X",
# "his father, X", "her sister, the producer X".
_CHILD_OF_RE = re.compile(r"\b(?:son|daughter|child)\s+of\s+(?:the\s+)?(?:[a-z][\w’'\-]*\s+){0,3}$")
_KIN_APPOSITION_RE = re.compile(
    r"\b(?:his|her|their)\s+([a-z]+)\s*,?\s+(?:the\s+(?:[a-z][\w’'\-]*\s+){0,3})?$"
)


def _relative_named(doc: _Doc, kin: str) -> str | None:
    """The one graph person the introduction, before the transcript's first label, names as the
    interviewee's `kin` ("the son of the actor X" for a father or mother); None when it names
    none or several."""
    keys: set[str] = set()
    for paragraph in doc.paragraphs:
        if _LABELLED_RE.match(paragraph.text):
            break
        for mention in doc.people_between(paragraph.start, paragraph.start + len(paragraph.text)):
            before = doc.text(max(paragraph.start, mention.start - 60), mention.start)
            apposition = _KIN_APPOSITION_RE.search(before)
            if apposition and _KIN_WORDS.get(apposition.group(1), apposition.group(1)) == kin:
                keys.add(mention.key)
            elif kin in _PARENTS and _CHILD_OF_RE.search(before):
                keys.add(mention.key)
    return keys.pop() if len(keys) == 1 else None


def _other_voice(doc: _Doc, frag: _Fragment, answer: Answer, answers: list[Answer]) -> _Speaker | None:
    """The other guest of a conversation when "he"/"she" in a reported lead ("She took me aside
    and said, “…”") finds nobody in the answer or its question: the one other interviewee the
    pronoun fits, when the text genders them so or the question asks about "her" (round
    twenty-seven). Two guests talk about each other; a third person would be named."""
    paragraph = doc.paragraphs[frag.para]
    before = paragraph.text[: frag.open_at - paragraph.start]
    starts = [m.end() for m in _LEAD_START_RE.finditer(before)]
    lead = before[starts[-1] if starts else 0 :]
    pronoun = _PRONOUN_SUBJECT_RE.search(lead) if _REPORTED_LEAD_RE.search(lead) else None
    if pronoun is None:
        return None
    said = pronoun.group(1).lower()
    others = {a.speaker.key for a in answers if a.speaker.key and a.speaker.key != answer.speaker.key}
    fitting = [key for key in others if doc.fits(_Speaker(key=key), said)]
    if len(fitting) != 1:
        return None
    # Gendered so by the text, or the question put to this guest speaks of "her" too ("Tomas,
    # what was she like?"): a "he" for a father the answer mentions unnamed is nobody's.
    wanted = "f" if said == "she" else "m"
    if doc.gender.get(fitting[0]) != wanted and not _question_speaks_of(doc, answer, said):
        return None
    return _Speaker(key=fitting[0], explicit=True, confidence=REPORTED_IN_ANSWER)


_OBJECT_FORMS = {"she": r"she|her", "he": r"he|him|his"}


def _question_speaks_of(doc: _Doc, answer: Answer, pronoun: str) -> bool:
    """Does the labelled question before the answer use the pronoun ("what was she like")?"""
    question = answer.first - 1
    if question < 0 or not _LABELLED_RE.match(doc.paragraphs[question].text):
        return False
    return re.search(rf"\b(?:{_OBJECT_FORMS[pronoun]})\b", doc.paragraphs[question].text, re.IGNORECASE) is not None


def _asked_about(doc: _Doc, para: int, answer: Answer, pronoun: str) -> str | None:
    """The person a "he"/"she" in an answer's later paragraph means when its own paragraph
    names nobody it fits: the one the answer's earlier paragraphs, else the question before the
    answer, name ("RA: You cast Folake Adesanya-Brooks as the radiographer." / "… She said,
    “Then I'll decide.”" is Adesanya-Brooks's). The nearest paragraph that names anyone the
    pronoun fits decides, and only if it names one such person; never the interviewee."""
    question = answer.first - 1
    if question < 0 or doc.paragraphs[question].kind not in _SPEECH_KINDS:
        return None
    for index in range(para - 1, question - 1, -1):
        paragraph = doc.paragraphs[index]
        # The question may be part of the introduction when this is the first answer: the
        # introduction names whom it likes, so only a labelled question counts.
        if index == question and not _LABELLED_RE.match(paragraph.text):
            return None
        fitting = {m.key for m in doc.people_between(paragraph.start, paragraph.start + len(paragraph.text))
                   if m.key != answer.speaker.key and not doc.is_possessive(m) and doc.fits(_Speaker(key=m.key), pronoun)}
        if fitting:
            return fitting.pop() if len(fitting) == 1 else None
    return None
