"""Interviews with no labels: the questions set in bold, each answer the plain paragraphs under it.

A long-form interview often drops `Q:`/`A:` altogether: the interviewer's questions are whole
paragraphs in bold, and the interviewee's answers are the plain paragraphs that follow, the
introduction (often an italic standfirst) saying whom the interview is with. Read as one when
at least three emphasised paragraphs end in "?", each emphasised prompt has a plain paragraph
under it, most prompts address the interviewee ("you", "your") and most answers speak in the
first person; a newsroom's explainer asking its own questions ("When does it open?") answers in
no first person and is left alone. A bold remark between the questions ("That was your first
short, in 2019.") is a prompt too. Each answer runs on until the next prompt; after the last one,
only while it stays the interviewee's (the narration and outro rules of `transcripts`).

The speaker is inferred twice (that a paragraph is an answer, and whose), so an answer is never
surer than `UNLABELLED_ANSWER`, and a guess among several people is held.

An essay may instead set its questions in italics inside the running paragraph ("*Why?* “Because …”"):
`inline_question_answer` gives such an answer to the interviewee.

Depends on: confidence, document, speakers, transcripts (its answer and narration rules).
"""

from __future__ import annotations

import re
from typing import Callable

from newsreel.text.quotes import transcripts as t
from newsreel.text.quotes.confidence import AMBIGUOUS
from newsreel.text.quotes.document import _Doc
from newsreel.text.quotes.speakers import _Speaker
from newsreel.text.types import Paragraph

# At the threshold: the format and the introduction both say whose, but no label does.
UNLABELLED_ANSWER = 0.8
_MIN_QUESTIONS = 3
_MIN_ADDRESSED = 2
_PROMPT_LENGTH = 400  # a question, however long-winded, is not a whole bold essay
_YOU_RE = re.compile(r"\b(?:you|your|yours|yourself)\b", re.IGNORECASE)
_ENDS_ASKING_RE = re.compile(r"\?[\s\"”’'*_)]*$")
# A double-quoted line the paragraph itself attributes ("“…,” he says"): the writer quoting
# someone, where an unlabelled answer is the interviewee's own words with no quote marks.
_SAID_RE = re.compile(
    r"[”\"]\s*,?\s*(?:(?:he|she|they|[A-Z][\w’'\-]*)\s+(?:says|said|adds|added|laughs|jokes)"
    r"|(?:says|said|adds|added)\s+[A-Z])"
)


def _wholly_emphasised(paragraph: Paragraph) -> bool:
    """A plain paragraph set in bold or italics from its first character to its last."""
    text = paragraph.text.rstrip()
    if paragraph.kind != "paragraph" or not text or len(text) > _PROMPT_LENGTH:
        return False
    return any(start == 0 and end >= len(text) for start, end in paragraph.emphasis)


def _prompts(doc: _Doc) -> list[int]:
    """Indices of the emphasised paragraphs from the first emphasised question to the last one."""
    emphasised = [i for i, p in enumerate(doc.paragraphs) if _wholly_emphasised(p)]
    asking = [i for i in emphasised if _ENDS_ASKING_RE.search(doc.paragraphs[i].text)]
    if len(asking) < _MIN_QUESTIONS:
        return []
    # A remark with no answer under it ("*Translator's note: …*" before the next question) is a
    # note of the editor's, not a prompt (round fifty-eight).
    return [i for i in emphasised if asking[0] <= i <= asking[-1] and (i in asking or _plain_after(doc, i))]


def _plain(paragraph: Paragraph) -> bool:
    return paragraph.kind == "paragraph" and not _wholly_emphasised(paragraph)


def find_unlabelled_interview(doc: _Doc) -> tuple[list[t.Answer], set[int]]:
    """The answers of an interview whose questions are emphasised paragraphs with no label, and
    every paragraph it covers; nothing when the article is not one."""
    # Cheap first test: "?" closing at least three paragraphs set in emphasis.
    prompts = _prompts(doc)
    if not prompts or any(not _plain_after(doc, i) for i in prompts):
        return [], set()
    spans = _answer_spans(doc, prompts)
    addressed = sum(1 for i in prompts if _YOU_RE.search(doc.paragraphs[i].text))
    first_person = sum(
        1 for first, last in spans
        if any(t._FIRST_PERSON.search(t._QUOTED_RE.sub(" ", doc.paragraphs[i].text)) for i in range(first, last + 1))
    )
    if 2 * first_person <= len(spans):
        return [], set()  # an explainer's own questions, answered in nobody's first person
    if 2 * addressed < len(prompts) and (addressed < _MIN_ADDRESSED or 3 * first_person < 2 * len(spans)):
        # Fewer prompts say "you" where the interviewer prompts by remarks and names ("And
        # Hesper Lindgaard?", "That sounds lonely."): then the answers must be plainly the
        # interviewee's, two in three in the first person (round fifty).
        return [], set()
    interviewee, sure = t._interviewee(doc, prompts[0], set())
    if interviewee is None or not sure:
        return [], set()
    voices = {(interviewee.key, interviewee.name)}
    answers: list[t.Answer] = []
    covered: set[int] = set(prompts)
    for n, (prompt, (first, last)) in enumerate(zip(prompts, spans)):
        last = _answer_end(doc, first, last, n + 1 == len(prompts), voices)
        covered.update(range(first, last + 1))
        end = doc.paragraphs[last]
        answers.append(t.Answer(first, last, doc.paragraphs[first].start, end.start + len(end.text.rstrip()),
                                _Speaker(key=interviewee.key, name=interviewee.name), UNLABELLED_ANSWER))
    return answers, covered


def _plain_after(doc: _Doc, index: int) -> bool:
    return index + 1 < len(doc.paragraphs) and _plain(doc.paragraphs[index + 1])


def _answer_spans(doc: _Doc, prompts: list[int]) -> list[tuple[int, int]]:
    """For each prompt, the plain paragraphs under it up to the next prompt or emphasised paragraph."""
    spans = []
    for prompt in prompts:
        last = prompt + 1
        while last + 1 < len(doc.paragraphs) and _plain(doc.paragraphs[last + 1]):
            last += 1
        spans.append((prompt + 1, last))
    return spans


def _answer_end(doc: _Doc, first: int, last: int, final: bool, voices: set[tuple[str | None, str | None]]) -> int:
    """Where an answer stops: before the writer's narration between or after the questions."""
    end = first
    for index in range(first + 1, last + 1):
        paragraph = doc.paragraphs[index]
        if t._EDITORIAL.search(paragraph.text):
            break
        if _SAID_RE.search(paragraph.text):
            break
        if final and t._narration_after(doc, paragraph, voices):
            break
        if not final and t._narration_between(doc, paragraph, voices):
            break
        end = index
    return end


# An essay's inline question: italics inside the running paragraph, ending in "?" ("*Is it
# about you?*"), set off from a film title by asking someone ("you") or by being short.
_INLINE_REACH = 160  # characters between the question and the quotation it prompts
_INLINE_QUESTION_WORDS = 12
_MIN_INLINE_QUESTIONS = 2


def _inline_questions(doc: _Doc) -> list[tuple[int, int]]:
    """Absolute (start, end) of every italic question inside a paragraph of running text, when
    the article asks at least two: one alone may be a title that ends in "?"."""
    found: list[tuple[int, int]] = []
    for paragraph in doc.paragraphs:
        if paragraph.kind != "paragraph" or "?" not in paragraph.text or _wholly_emphasised(paragraph):
            continue
        for start, end in paragraph.emphasis:
            asked = paragraph.text[start:end].rstrip()
            if not asked.endswith("?") or len(asked.split()) > _INLINE_QUESTION_WORDS:
                continue
            at, until = paragraph.start + start, paragraph.start + end
            if any(m.start < until and at < m.end for m in doc.film_mentions):
                continue  # a title that asks: "*Who Killed the Projectionist?*"
            found.append((at, until))
    return found if len(found) >= _MIN_INLINE_QUESTIONS else []


def inline_question_answer(doc: _Doc, open_at: int, para: int) -> _Speaker | None:
    """The interviewee, for a quotation that answers an inline italic question in its own
    paragraph ("*Why?* “Because I'd have spent three months in a rowing boat.”", or after a
    short reply or gesture that names nobody: "*And after this?* She laughs. “…”"); None for
    any other quotation (round fifty-four)."""
    if doc.inline_questions is None:
        doc.inline_questions = _inline_questions(doc)
    paragraph = doc.paragraphs[para]
    asked = [(s, e) for s, e in doc.inline_questions if paragraph.start <= s and e <= open_at]
    if not asked:
        return None
    end = asked[-1][1]
    between = doc.text(end, open_at)
    if len(between) > _INLINE_REACH or any(mark in between for mark in "“”\"") or _SAID_RE.search(between):
        return None
    if doc.people_between(end, open_at) or doc.outsiders_between(end, open_at):
        return None  # "*Why?* Her agent, Ruth Allardyce, answers for her: “…”"
    first_question = doc.para_of(doc.inline_questions[0][0])
    interviewee, sure = t._interviewee(doc, first_question, set())
    if interviewee is None or not interviewee.known:
        return None
    # Shown only when the headline names the interviewee too: on first contact the unlabelled
    # answers' band (0.8) was right on 10 of 19 pages, so the format alone is not enough.
    headlined = sure and interviewee.key is not None and interviewee.key == doc.headline_person
    return _Speaker(key=interviewee.key, name=interviewee.name, confidence=UNLABELLED_ANSWER if headlined else AMBIGUOUS)


_MIN_SECTION_QUESTIONS = 2


def _sections(doc: _Doc, head_of: Callable[[_Doc, Paragraph], _Speaker | None]) -> list[tuple[int, int, _Speaker]]:
    """Each paragraph `head_of` finds a person in, with where its section ends (the next such
    paragraph or the article's end); nothing unless there are two or more."""
    heads = [(i, speaker) for i, p in enumerate(doc.paragraphs) if (speaker := head_of(doc, p)) is not None]
    if len(heads) < 2:
        return []
    return [(head, heads[n + 1][0] if n + 1 < len(heads) else len(doc.paragraphs), speaker)
            for n, (head, speaker) in enumerate(heads)]


def find_sectioned_interviews(doc: _Doc) -> tuple[list[t.Answer], set[int]]:
    """Several short interviews in one article ("Five questions for … three first-timers"), each
    under a heading in bold that is only its subject's name, with its questions in bold and the
    plain paragraphs under each its answer: every answer is the heading's person's (round sixty).
    Nothing unless two or more such sections each ask at least two questions."""
    sections = []
    for head, end, speaker in _sections(doc, _name_heading):
        emphasised = [i for i in range(head + 1, end) if _wholly_emphasised(doc.paragraphs[i])]
        asked = [i for i in emphasised if _ENDS_ASKING_RE.search(doc.paragraphs[i].text)]
        # A remark in bold with an answer under it ("**3. Your grandfather worked in films
        # too.**") is a prompt too, once the section asks questions.
        prompts = [i for i in emphasised if i in asked or _plain_after(doc, i)]
        sections.append((head, end, speaker, asked, prompts))
    if sum(1 for section in sections if len(section[3]) >= _MIN_SECTION_QUESTIONS) < 2:
        return [], set()
    answers: list[t.Answer] = []
    covered: set[int] = set()
    for head, end, speaker, asked, prompts in sections:
        covered.add(head)
        if len(asked) < _MIN_SECTION_QUESTIONS:
            continue
        for prompt in prompts:
            covered.add(prompt)
            last = prompt
            while last + 1 < end and _plain(doc.paragraphs[last + 1]):
                last += 1
            if last == prompt:
                continue
            covered.update(range(prompt + 1, last + 1))
            close = doc.paragraphs[last]
            answers.append(t.Answer(prompt + 1, last, doc.paragraphs[prompt + 1].start,
                                    close.start + len(close.text.rstrip()), speaker, UNLABELLED_ANSWER))
    return answers, covered


def _name_heading(doc: _Doc, paragraph: Paragraph) -> _Speaker | None:
    """The person a paragraph in bold names and nothing else ("**Kwabena Ashford-Lye**")."""
    text = paragraph.text.strip()
    if not text or len(text) > 60 or not _wholly_emphasised(paragraph):
        return None
    end = paragraph.start + len(paragraph.text.rstrip())
    start = paragraph.start + len(paragraph.text) - len(paragraph.text.lstrip())
    for mention in doc.people_between(paragraph.start, end):
        if mention.start == start and mention.end == end:
            return _Speaker(key=mention.key)
    for outsider in doc.outsiders_between(paragraph.start, end):
        if outsider.start == start and outsider.end == end and " " in outsider.name:
            return _Speaker(name=outsider.name)
    return None


# A bold run-in prompt opening a paragraph: "**The film that made me:** My grandmother …".
_RUN_IN_PROMPT_RE = re.compile(r"^([^:\n]{3,60}):\s+(?=\S)")


def find_run_in_questionnaires(doc: _Doc) -> tuple[list[t.Answer], set[int]]:
    """Several people answering the same questions ("**Oriane Vasseur**, jury president" then
    "**The film that made me:** …", "**What I'm looking for:** …" for each juror): every
    answer after a prompt that recurs in two or more sections is the section's person's (round
    sixty-three). Nothing unless two sections share two prompts."""
    sections = []
    for head, end, speaker in _sections(doc, _name_lead):
        prompts = {}
        for i in range(head + 1, end):
            paragraph = doc.paragraphs[i]
            found = _RUN_IN_PROMPT_RE.match(paragraph.text)
            if paragraph.kind == "paragraph" and found and _bold_from_start(paragraph, found.end(1)):
                prompts[i] = (found.group(1).strip().lower(), found.end())
        sections.append((head, speaker, prompts))
    counts: dict[str, int] = {}
    for _, _, prompts in sections:
        for label in {label for label, _ in prompts.values()}:
            counts[label] = counts.get(label, 0) + 1
    shared = {label for label, count in counts.items() if count >= 2}
    if len(shared) < 2:
        return [], set()
    answers: list[t.Answer] = []
    covered: set[int] = set()
    for head, speaker, prompts in sections:
        for i, (label, at) in prompts.items():
            if label not in shared:
                continue
            paragraph = doc.paragraphs[i]
            covered.add(i)
            answers.append(t.Answer(i, i, paragraph.start + at, paragraph.start + len(paragraph.text.rstrip()),
                                    speaker, UNLABELLED_ANSWER))
    return answers, covered


def _bold_from_start(paragraph: Paragraph, end: int) -> bool:
    """Is the paragraph's text set in bold or italics from its start to `end` (a run-in label)?"""
    return any(start == 0 and stop >= end for start, stop in paragraph.emphasis)


def _name_lead(doc: _Doc, paragraph: Paragraph) -> _Speaker | None:
    """The person whose name, set in bold, opens a short line ("**Oriane Vasseur**, jury president")."""
    if paragraph.kind != "paragraph" or len(paragraph.text) > 160:
        return None
    for mention in doc.people_between(paragraph.start, paragraph.start + 60):
        if mention.start == paragraph.start and _bold_from_start(paragraph, mention.end - paragraph.start):
            return _Speaker(key=mention.key)
    for outsider in doc.outsiders_between(paragraph.start, paragraph.start + 60):
        if outsider.start == paragraph.start and " " in outsider.name and _bold_from_start(paragraph, outsider.end - paragraph.start):
            return _Speaker(name=outsider.name)
    return None
