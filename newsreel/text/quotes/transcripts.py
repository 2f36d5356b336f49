"""Interview transcripts: `Q:`/`A:` or name-labelled turns, each answer the interviewee's quote.

A transcript is a run of paragraphs that open with a speaker's label: `Q:`, `A:`,
`Question:`, `Answer:` (bold or plain; Markdown has already dropped the asterisks), a
person's name (`Ruth Marr:`, `TOMAS ILIC:`, `Ilic:`; an oral history's `Ruth Marr, editor:`
with the speaker's part after the name, or `Ruth Marr (editor):` with it in parentheses; a
podcast's first name, `MARNIE:`, for a host named in full; a forum's username, `dune_buggy77:`,
the person the text says posts as it, held), or for the questions a label that names
nobody but asks (the publication, `Variety:`, `Interviewer:`, a forum's many users). It needs at least three labelled
turns and two labels that take turns, so a review's `Runtime: 98 minutes` or a lone
`Update:` is never read as one. An answer runs on over the paragraphs that follow it until
the next label; after the last label only paragraphs in the first person outside quote marks still
belong to it (an outro such as "This interview has been edited" does not, nor narration quoting a
panellist). Before the next label, a paragraph with no first person outside quote marks that names
a voice of the transcript ("Dahl hesitated.") or gives a quotation its own attribution ("“…?”
asked a reporter") is the writer's prose, as a press conference gives its questions: it ends the
turn, and its quotations are read as any others.

Whose answers: a named label is its own speaker (graph person, or the name as written). The
interviewer is the label whose turns are mostly questions (`Q:` always); their turns are not
quotations. Where nobody asks anything, three or more named voices are an oral history or a
round table with no interviewer (every turn is an answer); of two, the first prompts the other. `A:` answers belong to the person the introduction says the interview is with:
a name after "spoke with", "sat down with", "talked to", "interview with" (unless a person is
the verb's subject, "He spoke to Nadia Moor for *Frameline*": then the one named after it asked
the questions, and the subject answers), else the only person the introduction names; with several candidates the answer keeps the likeliest with a
confidence below the threshold, so it waits for an editor.

Depends on: words, speakers, document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsreel.text.quotes.document import _Doc, _surname
from newsreel.text.quotes.speakers import _Speaker
from newsreel.text.quotes.words import _NAME_RE, _NOT_NAMES, _VERB_ALT
from newsreel.text.normalize import fold
from newsreel.text.types import Paragraph

_QA_LABEL = r"(?:Q|A|Question|Answer|Interviewer)"
# A name's lower-case particle ("Lucia de Rosa:", "Jan van Dijk:") belongs to the label (round
# twenty-five: the first answer, under the full name, was lost).
_PARTICLE = r"(?:(?:de|del|della|der|den|di|da|do|dos|du|la|le|van|von|ten|ter|bin|ibn|al|el)\s+)?"
_NAME_LABEL = rf"(?:[A-Z][\w’'\-.]*(?:\s+{_PARTICLE}[A-Z][\w’'\-.]*){{0,3}}|[A-Z][A-Z’'\-. ]{{1,40}}[A-Z])"
# An oral history's label gives the speaker's part on the film after the name, the first time at
# least ("Lucia Benvenuti, director:", "Remy Castagnet, location manager:"): lower-case words,
# never a verb of saying ("Meanwhile, the director said:" opens prose, not a turn).
_ROLE_WORD = rf"(?!(?:{_VERB_ALT})\b)[a-z][\w’'\-]*"
_ROLE_LABEL = rf"(?:,\s+(?!(?:the|a|an|he|she|they|we|i)\b){_ROLE_WORD}(?:\s+{_ROLE_WORD}){{0,3}})"
# A festival Q&A or a press conference labels its askers by role, not name ("MODERATOR:",
# "AUDIENCE MEMBER:", "Host:", "Question from the floor:", "Reporter:"); each role only asks,
# however few turns it has (round twenty-nine: an audience member's two questions were quoted).
_ASKING_ROLE = (
    r"(?i:(?:the\s+)?(?:moderator|co-?host|host|presenter|chair(?:person)?|programmer|interviewer"
    r"|member\s+of\s+the\s+audience|audience(?:\s+member)?|question\s+from\s+the\s+floor|floor"
    r"|reporter|journalist)(?:\s+\d+)?)"
)
_ASKING_ROLE_RE = re.compile(_ASKING_ROLE)
# A video's on-screen text in a transcript of it ("TITLE CARD:", "LOWER THIRD: Name, Director",
# "CHYRON:", "ON SCREEN:", "SUPER:"): no voice, and its words no quotation (round forty-nine).
_CAPTION_LABEL_RE = re.compile(
    r"(?i:title\s+card|lower\s+third|chyron|caption|super|on[\s-]screen(?:\s+text)?|text\s+on\s+screen|end\s+card"
    r"|graphic|slate|card)"
)
# A video's narrator ("NARRATOR (V.O.):", "VOICE-OVER:"): a voice, never the one who asks.
_NARRATOR_LABEL_RE = re.compile(r"(?i:(?:the\s+)?(?:narrator|voice-?\s?over|announcer)(?:\s+\d+)?)")
# An oral history may give the part in parentheses after a bold name instead ("**Ruth Marr**
# (editor):", "Tomas Ilic (actor, the ferryman):"), and so label a voice it will not name by a
# description ("**Studio accountant** (unnamed):"); a number opening it is a rating or a year
# ("*Saltmarsh* (15):"), not a part.
_PAREN_PART = r"\s*\((?!\d)[^()\n]{1,60}\)"
# A message's time after its sender ("Gideon (Sat 14 Nov, 11.52pm):", "Nadia (12.05am):"): an
# exchange of texts or chat messages, where every turn is its sender's words (round fifty-one).
_SENT_AT = r"\s*\((?P<sent>[^()\n]{0,24}?\d{1,2}[.:]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?)\)"
_DESCRIBED_LABEL = rf"[A-Z][\w’'\-]*(?:\s+[a-z][\w’'\-]*){{1,3}}(?={_PAREN_PART}\s*:)"
# A forum recap labels posts by username ("dune_buggy77:", "wenna.trask:", "@reelfan:"): lower case
# joined by an underscore or a dot, or ending in digits (a camel-case handle is a name label).
# A Reddit username carries its "u/" prefix ("u/notthatkessberg:"), as a handle may its "@".
_HANDLE_LABEL = r"@?[a-z][a-z0-9]*(?:[_.][a-z0-9]+)+_?|@?[a-z]+\d+|@[\w.]*\w|u/[\w.\-]*\w"
# A recording's timestamp before a turn ("[00:14:02]", "(04:10)", "04:10 —", a live chat's "2:14
# PM"), on the label's line or the line above it: where the turn was said, never part of it
# (round forty-seven: a commentary track's every turn carried one, and none was read as a turn).
_TIMESTAMP = r"[\[(]?\d{1,2}(?::\d{2}){1,2}(?:\s*[AaPp]\.?[Mm]\.?)?[\])]?(?:\s*[—–\-])?\s*"
_TIMESTAMP_RE = re.compile(rf"\s*{_TIMESTAMP}(?=\S)")
# A phone-in labels its callers by first name and where they ring from, in capitals ("SHEILA,
# BRACKENLOW:", "MIREILLE, ON A TRAIN:"): members of the public, whatever graph person shares
# the first name (round fifty-one).
_CALLER_LABEL = r"[A-Z][A-Z’'\-]+,\s+[A-Z][A-Z’'\-.]*(?:\s+[A-Z][A-Z’'\-.]*){0,3}(?=\s*:)"
_LABEL_RE = re.compile(
    rf"\s*(?:{_TIMESTAMP})?(?P<label>{_ASKING_ROLE}(?=\s*:)|{_QA_LABEL}|(?P<described>{_DESCRIBED_LABEL})|(?P<caller>{_CALLER_LABEL})|{_NAME_LABEL}|(?P<handle>{_HANDLE_LABEL}))"
    rf"{_ROLE_LABEL}?(?:{_SENT_AT}|{_PAREN_PART})?\s*(?::|(?<=[QA])\.)\s+(?=\S)"
)
_INTERVIEWER = frozenset({"Q", "Question", "Interviewer"})
_INTERVIEWEE = frozenset({"A", "Answer"})
_FIRST_PERSON = re.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|me|my|we|we['’](?:re|ve|d)|us|our)\b")
_PLURAL_FIRST_PERSON = frozenset({"we", "we're", "we’re", "we've", "we’ve", "we'd", "we’d", "us", "our"})
_QUOTED_RE = re.compile(r"“[^”]*”?|\"[^\"]*\"?")
_ATTRIBUTED = re.compile(
    r"\s*[“\"][^”\"]+[”\"]\s*,?\s*(?:[A-Z][\w’'\-]*\s+){0,3}"
    r"(?:said|says|added|adds|told|tells|wrote|writes|recalled|recalls|explained|explains)\b"
)
_HEADING_LENGTH = 80
_NAME_HEADING_LENGTH = 120  # "**Ptolemy Wrayburn: then Joss Dray, Nell's father; now 81**"


def _emphasised_line(paragraph: Paragraph, limit: int) -> bool:
    """Is the paragraph a line of at most `limit` characters, emphasised from end to end, with no
    closing stop (a heading's form; a sentence, or a bold question, ends on its stop)?"""
    text = paragraph.text.rstrip()
    if not text or len(text) > limit or text[-1] in ".?!:…”\"'’":
        return False
    return any(start == 0 and end >= len(text) for start, end in paragraph.emphasis)


def _headed_by_a_name(paragraph: Paragraph) -> bool:
    """Is the paragraph, whose label the caller has found, a heading that opens on a name and a
    colon ("**Saskia Brennand: then Nell Dray, 16; now 46**")? A turn's label is set in bold, not
    its words."""
    return _emphasised_line(paragraph, _NAME_HEADING_LENGTH)


def _section_heading(paragraph: Paragraph) -> bool:
    """Does the paragraph open with a section's heading: capitals set in bold ("**BEST DIRECTOR**",
    then the winner's line), or a short line emphasised end to end with no closing stop?"""
    text = paragraph.text.rstrip()
    for start, end in paragraph.emphasis:
        words = text[:end]
        if start == 0 and sum(c.isalpha() for c in words) >= 4 and not any(c.islower() for c in words):
            return True
    return _emphasised_line(paragraph, _HEADING_LENGTH)
_EDITORIAL = re.compile(r"\b(?:interview|conversation)\b.{0,40}\b(?:edited|condensed)\b", re.IGNORECASE)
_WITH_RE = re.compile(
    r"\b(?:spoke|speaks|speaking|talked|talks|talking|sat down|sits down|caught up|chatted|met)\s+(?:with|to)\s+"
    r"|\binterview(?:ed|s)?\s+(?:with\s+)?|\bconversation with\s+|\bQ&A with\s+|\basked\s+",
)

# Answers whose interviewee the introduction names plainly are sure; a guess among several
# people named in the introduction is not.
SURE_ANSWER = 0.9
NAMED_LABEL = 0.95
# A username is no name: the introduction's "posting as" ties it to a person, but an editor checks.
HANDLE_LABEL = 0.7
GUESSED_ANSWER = 0.6


@dataclass
class Answer:
    """An interviewee's answer: paragraphs `first`..`last`, quoted words from `start` to `end`."""

    first: int
    last: int
    start: int
    end: int
    speaker: _Speaker
    confidence: float


@dataclass
class _Turn:
    para: int
    label: str
    text_at: int  # document offset where the turn's words begin
    speaker: _Speaker | None  # for a name label, the person it names
    confidence: float = NAMED_LABEL  # of an answer under this label
    post: bool = False  # under a username: a forum post, which runs on only in the first person


def find_transcript(doc: _Doc) -> tuple[list[Answer], set[int]]:
    """The answers of the article's interview transcript, and every paragraph it covers
    (questions, answers and their continuations), so no quote-mark fragment in it is read
    again as a quotation of its own."""
    turns: list[_Turn] = []
    # A label names one speaker throughout: "Valcourt:" stays Ines Valcourt after a question
    # names her brother Teodor Valcourt.
    named: dict[str, _Speaker] = {}
    handles: set[str] = set()  # labels that are a username the introduction gives a person
    callers: set[str] = set()
    messages = 0  # turns labelled with the time they were sent
    for index, paragraph in enumerate(doc.paragraphs):
        if paragraph.kind not in ("paragraph", "quote"):
            continue
        match = _LABEL_RE.match(paragraph.text)
        if match is None:
            continue
        if _event_title(paragraph, match.end()):
            continue  # "_Theodora Quaile: A Retrospective runs at … from 4 October._" (round fifty-nine)
        if _headed_by_a_name(paragraph):
            continue  # "**Saskia Brennand: then Nell Dray, 16; now 46**", a section's heading (round sixty-nine)
        label = " ".join(match.group("label").split())
        speaker = None
        confidence = NAMED_LABEL
        if match.group("described"):
            # "Studio accountant (unnamed):": a voice of the transcript that names nobody.
            speaker = _Speaker()
        elif match.group("caller"):
            # A caller: the name as written, on nobody's page, and never the one who asks (a
            # caller's one turn may end on a question to the guest).
            speaker = _Speaker(name=label.split(",")[0].title())
            callers.add(label)
        elif label not in _INTERVIEWER | _INTERVIEWEE and not _asking_role(label):
            speaker = named.get(label) or _label_speaker(doc, index, label, list(named.values()))
            if speaker is None and label not in handles:
                speaker = _handle_speaker(doc, paragraph.start, label)
                if speaker is not None:
                    handles.add(label)
            if speaker is not None:
                named.setdefault(label, speaker)
                if label in handles:
                    confidence = HANDLE_LABEL
                # "Ruth Marr:", "Marr:" and "RUTH MARR:" are one speaker's turns.
                label = speaker.key or speaker.name or label
        messages += bool(match.group("sent"))
        post = bool(match.group("handle")) or confidence == HANDLE_LABEL
        turns.append(_Turn(index, label, paragraph.start + match.end(), speaker, confidence, post))
    turns = _with_asking_labels(doc, turns)
    labels = [t.label for t in turns]
    alternations = sum(1 for a, b in zip(labels, labels[1:]) if a != b)
    if len(turns) < 3 or len(set(labels)) < 2 or alternations < 2:
        return [], set()
    captions = {t.label for t in turns if _CAPTION_LABEL_RE.fullmatch(t.label)}
    interviewer = (_interviewer(doc, [t for t in turns if t.label not in captions]) - callers) | captions
    if messages and 2 * messages >= len(turns):
        interviewer = captions  # an exchange of messages: nobody interviews anybody
    interviewee, sure = _interviewee(doc, turns[0].para, interviewer)
    interpreted = _interpreters(doc, turns)
    answers: list[Answer] = []
    covered: set[int] = set()
    voices = _voices(turns, interviewee)
    for n, turn in enumerate(turns):
        covered.add(turn.para)
        nxt = turns[n + 1].para if n + 1 < len(turns) else len(doc.paragraphs)
        last = turn.para
        for index in range(turn.para + 1, nxt):
            paragraph = doc.paragraphs[index]
            if paragraph.kind not in ("paragraph", "quote") or _EDITORIAL.search(paragraph.text):
                break
            if _TIMESTAMP_RE.match(paragraph.text):
                break  # a new moment of the recording, with no label: not this turn running on
            if _section_heading(paragraph):
                break  # "**BEST DIRECTOR**": a new section of the page, not this turn running on (round sixty-five)
            if (turn.label in interviewer and paragraph.kind == "quote"
                    and doc.paragraphs[turn.para].kind != "quote"):
                # A host's "This came in on Sunday." then a listener's message in a block quote:
                # played or read out, not asked; whose it is the transcript does not say (round sixty-four).
                answers.append(_played(doc, index, nxt, covered))
                break
            if n + 1 == len(turns) and _narration_after(doc, paragraph, voices):
                # Narration after the transcript ("After the session Hurst said … “I used to
                # bring him coffee,” she said."): first person only inside quote marks, or a
                # quotation with its own speaker ("“…,” Odunsi said when I asked her").
                break
            if n + 1 < len(turns) and turn.post and not _FIRST_PERSON.search(_QUOTED_RE.sub(" ", paragraph.text)):
                # A forum recap's commentary between posts ("Not every answer landed; a user
                # … was told, in full, “…”"): a post runs on only in its poster's "I" or "we".
                break
            if n + 1 < len(turns) and _narration_between(doc, paragraph, voices):
                # A press conference's prose between the turns ("Dahl hesitated.", "“…?” asked a
                # reporter"): the writer's, not the answer running on; it ends the turn.
                break
            last = index
            covered.add(index)
        if turn.label in interviewer:
            continue
        relayed = interpreted.get(turn.label)
        if relayed is not None and _RELAYS_RE.match(doc.paragraphs[turn.para].text, turn.text_at - doc.paragraphs[turn.para].start):
            # "BRANN: She says the distributor asked …": the interpreter relays the director's
            # answer, hers at one remove, held (round sixty-one).
            end_paragraph = doc.paragraphs[last]
            answers.append(Answer(turn.para, last, turn.text_at, end_paragraph.start + len(end_paragraph.text.rstrip()),
                                  relayed, INTERPRETED_ANSWER))
            continue
        if turn.label in _INTERVIEWEE:
            if interviewee is None:
                continue
            speaker, confidence = interviewee, SURE_ANSWER if sure else GUESSED_ANSWER
        else:
            speaker, confidence = turn.speaker or _Speaker(), turn.confidence
        end_paragraph = doc.paragraphs[last]
        answers.append(
            Answer(turn.para, last, turn.text_at, end_paragraph.start + len(end_paragraph.text.rstrip()), speaker, confidence)
        )
    return answers, covered


def _played(doc: _Doc, first: int, stop: int, covered: set[int]) -> Answer:
    """The block-quoted message a host brings in (paragraphs from `first`, before `stop`), as one
    quotation of nobody's; its paragraphs are added to `covered`."""
    last = first
    while last + 1 < stop and doc.paragraphs[last + 1].kind == "quote":
        last += 1
    covered.update(range(first, last + 1))
    end = doc.paragraphs[last]
    return Answer(first, last, doc.paragraphs[first].start, end.start + len(end.text.rstrip()), _Speaker(), NAMED_LABEL)


# What a season, a show or a book does after a title with a colon: "A Retrospective runs at …".
_EVENT_AFTER_LABEL_RE = re.compile(
    r"[A-Z][\w’'\- ]{2,60}?\s(?:runs|opens|screens|plays|continues|tours|is\s+(?:at|on|out|showing|published|available))\b"
)


def _event_title(paragraph: Paragraph, after_label: int) -> bool:
    """Is the labelled paragraph an italic closing line naming a season or a book ("_Theodora
    Quaile: A Retrospective runs at the festival from 4 to 9 October._"), not a turn?"""
    text = paragraph.text.rstrip()
    whole = any(start <= 1 and end >= len(text) - 1 for start, end in paragraph.emphasis)
    return whole and _EVENT_AFTER_LABEL_RE.match(text, after_label) is not None


# An interpreter's relayed answer: held, as words passed on by another are.
INTERPRETED_ANSWER = 0.7
# "Korvel answered through her interpreter, Lidia Brann": who speaks through whom.
_THROUGH_INTERPRETER_RE = re.compile(
    r"(?P<who>[A-Z][\w’'\-]+)\s+(?:answered|answers|spoke|speaks|talked|talks|replied|replies)\s+"
    r"(?:\w+\s+)?through\s+(?:her|his|their|an|the|a)\s+interpreter,?\s+(?P<interpreter>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?)"
)
# The relay's opening: "She says …", "He says that …".
_RELAYS_RE = re.compile(r"\s*(?:Yes\.\s+|No\.\s+)?(?:She|He)\s+says\b")


def _interpreters(doc: _Doc, turns: list[_Turn]) -> dict[str, _Speaker]:
    """The label of each interpreter the introduction names, with the speaker of the turns
    that speaker's relays stand for ("Korvel answered through her interpreter, Lidia Brann")."""
    intro = doc.text(0, doc.paragraphs[turns[0].para].start)
    found: dict[str, _Speaker] = {}
    speakers = {t.label: t.speaker for t in turns if t.speaker is not None and t.speaker.known}
    for match in _THROUGH_INTERPRETER_RE.finditer(intro):
        who, interpreter = match.group("who"), match.group("interpreter")
        target = next((sp for sp in speakers.values()
                       if sp.key and fold(_surname(doc.full_name(sp.key, ""))) == fold(who)), None)
        relayer = next((label for label, sp in speakers.items()
                        if sp.name and (sp.name == interpreter or sp.name.split()[-1] == interpreter.split()[-1])), None)
        if target is not None and relayer is not None:
            found[relayer] = _Speaker(key=target.key, explicit=True)
    return found


def _asking_role(label: str) -> bool:
    """Does a label name a role that asks ("MODERATOR", "Audience member 2", "Host") rather than a person?"""
    return _ASKING_ROLE_RE.fullmatch(label) is not None


def _narration_after(doc: _Doc, paragraph: Paragraph, voices: set[tuple[str | None, str | None]]) -> bool:
    """Is a paragraph after the transcript's last label narration, not the answer running on?"""
    start, text = paragraph.start, paragraph.text
    # "After the session Hurst said … “I used to bring him coffee,” she said.": first person
    # only inside quote marks, or a quotation with its own speaker ("“…,” Odunsi said").
    outside = _FIRST_PERSON.findall(_QUOTED_RE.sub(" ", text))
    if not outside or _ATTRIBUTED.match(text):
        return True
    # "Brixendale answered our questions by email.": a person named first, and only the
    # publication's "we"/"our" outside quote marks; the interviewee would say "I".
    if not all(word.lower() in _PLURAL_FIRST_PERSON for word in outside):
        return False
    if doc.person_at(start) is not None:
        return True
    # "A week after we spoke, Moss sent a follow-up by email.": a voice of the transcript named in
    # the third person outside quote marks, anywhere in the paragraph, with only the
    # publication's "we": the writer's coda, not the interviewee naming herself (round
    # thirty-four).
    quoted = [(m.start(), m.end()) for m in _QUOTED_RE.finditer(text)]
    end = start + len(text)

    def outside_quotes(at: int) -> bool:
        return not any(s <= at - start < e for s, e in quoted)

    named = [(m.key, None) for m in doc.people_between(start, end) if outside_quotes(m.start)]
    named += [(None, o.name) for o in doc.outsiders_between(start, end) if outside_quotes(o.start)]
    return any(who in voices for who in named)


# A quotation the paragraph gives to someone it names or describes: "“…?” asked a reporter from
# the Courier", "“…,” one critic said", "“…,” Dahl said". Not to a pronoun: "“Sit down,” she
# said." is how an answer reports someone it spoke of. ("I asked" is first person, which
# `_narration_between` reads first: an answer may report its own question.)
_THIRD_PERSON_QUOTE_RE = re.compile(
    r"[”\"]\s*,?\s*(?:(?:asked|asks|said|says|added|adds|wondered|wanted to know)\s+(?:a|an|the|one|another|[A-Z])"
    r"|(?:a|an|the|one|another|(?!(?:He|She|They|It|We|I)\b)[A-Z][\w’'\-]*)\s+(?:[\w’'\-]+\s+){0,3}?"
    r"(?:asked|asks|said|says|added|adds)\b)"
)


def _voices(turns: list[_Turn], interviewee: _Speaker | None) -> set[tuple[str | None, str | None]]:
    """Everyone who speaks under a label of the transcript: (graph key, name as written)."""
    speakers = [t.speaker for t in turns if t.speaker is not None] + ([interviewee] if interviewee else [])
    return {(s.key, s.name) for s in speakers if s.key or s.name}


def _narration_between(doc: _Doc, paragraph: Paragraph, voices: set[tuple[str | None, str | None]]) -> bool:
    """Is an unlabelled paragraph between two turns the writer's narration rather than the
    answer running on? A press conference gives its questions and moments in prose between the
    labelled answers: "Dahl hesitated, and Halvorsen-Mbeki leaned into her microphone.",
    "“Is the last shot a reply?” asked a reporter from Screen Ledger." Such a paragraph has no
    first person outside quote marks and either names a voice of the transcript in the third
    person or gives a quotation to someone by an attribution of its own. An answer's own later
    paragraphs say "I" or "we", or name nobody who sits at the table."""
    text = paragraph.text
    quoted = [(m.start(), m.end()) for m in _QUOTED_RE.finditer(text)]
    if _FIRST_PERSON.search(_QUOTED_RE.sub(" ", text)):
        return False
    if quoted and _THIRD_PERSON_QUOTE_RE.search(text):
        return True
    end = paragraph.start + len(text)

    def outside(at: int) -> bool:
        return not any(s <= at - paragraph.start < e for s, e in quoted)

    named = [(m.key, None) for m in doc.people_between(paragraph.start, end) if outside(m.start)]
    named += [(None, o.name) for o in doc.outsiders_between(paragraph.start, end) if outside(o.start)]
    return any(who in voices for who in named)


def _with_asking_labels(doc: _Doc, turns: list[_Turn]) -> list[_Turn]:
    """The turns whose label names a speaker, and those of a label that names nobody but
    asks: the publication or a role interviewing (`Newsreel:`, `Interviewer:`, `THR:`), whose
    turns are questions. Any other label that names nobody (`Runtime:`, `Update:`) is no turn."""
    asked: dict[str, list[bool]] = {}
    for turn in turns:
        if turn.speaker is None and turn.label not in _INTERVIEWER | _INTERVIEWEE:
            asked.setdefault(turn.label, []).append(doc.paragraphs[turn.para].text.rstrip().endswith("?"))
    asking = {label for label, questions in asked.items() if len(questions) >= 2 and sum(questions) * 2 > len(questions)}
    asking |= {label for label in asked if _asking_role(label)}
    # The publication that says it held the interview ("Frameline spoke to her in Rotterdam.")
    # labels the interviewer's turns, questions or not: a magazine's prompts are often statements
    # ("The film is full of your mother's working methods.").
    if turns:
        intro = " ".join(p.text for p in doc.paragraphs[: turns[0].para])
        asking |= {
            label for label, questions in asked.items()
            if len(questions) >= 2 and re.search(rf"\b{re.escape(label)}\s+(?:{_WITH_RE.pattern})", intro)
        }
    asking |= {label for label, questions in asked.items() if any(questions) and _takes_turns_with_one_voice(turns, label)}
    asking |= _one_off_askers(turns, asked)
    # A video's narrator speaks and its on-screen captions sit among the turns, naming nobody
    # (round forty-nine): both stay, the captions to be no voice at all (`find_transcript`).
    video = {label for label in asked if _NARRATOR_LABEL_RE.fullmatch(label) or _CAPTION_LABEL_RE.fullmatch(label)}
    return [turn for turn in turns if turn.label not in asked or turn.label in asking or turn.label in video]


def _one_off_askers(turns: list[_Turn], asked: dict[str, list[bool]]) -> set[str]:
    """Labels naming nobody that each ask once or twice, every time answered by a named voice's
    turn: a forum recap's or a press conference's many askers ("dune_buggy77:", "fen_skater:"),
    none of whom asks often enough to be read as the interviewer alone. At least two such
    questions in all, so a lone "Update: …?" stays prose."""
    if sum(len(q) for q in asked.values()) < 2:
        return set()
    following = {turn.para: turns[n + 1].speaker for n, turn in enumerate(turns[:-1])}
    found = set()
    for label, questions in asked.items():
        own = [turn.para for turn in turns if turn.label == label]
        if all(questions) and all(following.get(para) is not None and (following[para].key or following[para].name) for para in own):
            found.add(label)
    return found if sum(len(asked[label]) for label in found) >= 2 else set()


def _takes_turns_with_one_voice(turns: list[_Turn], label: str) -> bool:
    """Does a label that names nobody take turns one by one with one named voice, at least
    twice ("Lantern:", "Moss:", "Lantern:", "Moss:")? A magazine's interviewer prompts with
    statements as often as questions ("You and the crew were all first-timers."), so half its
    turns may end without a question mark (round thirty-two: a Q&A whose outlet asked three of
    six times yielded none of its answers); a fact box's labels never alternate with a voice."""
    own = [n for n, turn in enumerate(turns) if turn.label == label]
    if len(own) < 2:
        return False
    replies = {turns[n + 1].label for n in own if n + 1 < len(turns)}
    others = {turn.label for turn in turns if turn.label != label}
    if len(replies) != 1 or replies != others or any(turns[n + 1].speaker is None for n in own if n + 1 < len(turns)):
        return False
    labels = [turn.label for turn in turns]
    return all(a != b for a, b in zip(labels, labels[1:]))


def _label_speaker(doc: _Doc, index: int, label: str, labelled: list[_Speaker] = ()) -> _Speaker | None:
    """The person a name label names: a graph person, or the name as written; `labelled` are
    the speakers earlier labels named, whom an initials label may shorten."""
    paragraph = doc.paragraphs[index]
    at = paragraph.start + len(paragraph.text) - len(paragraph.text.lstrip())
    words = label.split()
    # "ASHDOWN-REYES" is written "Ashdown-Reyes": each part of a double-barrelled name capitalised.
    written = " ".join("-".join(p.capitalize() for p in w.split("-")) if w.isupper() and len(w) > 1 else w for w in words)
    mention = doc.person_at(at)
    if mention is not None and mention.end <= at + len(label) + 1:
        if len(words) == 1 and _outsider_shares_the_word(doc, at, written):
            return _Speaker(name=written, explicit=True)  # see below: either may be meant
        return _Speaker(key=mention.key, explicit=True)
    if words[0] in _NOT_NAMES or len(label) > 40:
        return None
    if len(words) == 1:
        # A surname alone labels the turns once the full name was given ("Ilic:").
        # Either end of the name: a family name may come first ("KIM:" for Kim Dae-hyun).
        keys = {
            m.key for m in doc.people
            if m.start < at and written in (doc.full_name(m.key, m.surface).split()[0], doc.full_name(m.key, m.surface).split()[-1])
        }
        if keys and _outsider_shares_the_word(doc, at, written):
            # "Wendell:" after the host Wendell Crane, outside the graph, and the director Wendell
            # Osei: either may be meant, so the label is the name as written, nobody's page (round
            # forty-nine: a podcast host's prompts went to the director's page).
            return _Speaker(name=written, explicit=True)
        if len(keys) == 1:
            return _Speaker(key=keys.pop(), explicit=True)
        if written in doc.written_names:
            return _Speaker(name=doc.written_names[written], explicit=True)
        if not keys:
            # A podcast labels its hosts by first name ("MARNIE:", "Teo:") once the write-up has
            # named them in full outside the graph: the one such name, if only one has it.
            first = {o.name for o in doc.outsiders if o.start < at and len(o.name.split()) > 1 and o.name.split()[0] == written}
            if len(first) == 1:
                return _Speaker(name=first.pop(), explicit=True)
        return (_initials_speaker(doc, at, words[0], labelled) or _relative_by_first_name(doc, at, written)
                or _headline_surname(doc, written))
    surname = _surname_of_several_words(doc, at, written)
    if surname is not None:
        return surname
    return doc.resolve_name(written, at)


def _headline_surname(doc: _Doc, written: str) -> _Speaker | None:
    """The one graph person the headline names in full with this surname ("Q&A: Nadja Korvel and
    Sunniva Hartle on …" over "HARTLE:"), when the body never writes the full name (round sixty-one)."""
    lookup = getattr(doc.gazetteer, "lookup", None)
    if not doc.headline or lookup is None:
        return None
    keys = {candidate.key for name in _NAME_RE.finditer(doc.headline) if " " in name.group(0)
            for candidate in lookup(name.group(0))
            if candidate.kind == "person" and name.group(0).split()[-1].lower() == written.lower()}
    return _Speaker(key=keys.pop(), explicit=True) if len(keys) == 1 else None


def _outsider_shares_the_word(doc: _Doc, at: int, word: str) -> bool:
    """Was someone outside the graph named in full before `at` with `word` as their first name?
    Then a first-name label ("Wendell:") may be theirs as well as a graph person's. (A surname
    label is a press transcript's way with the people on the stage, kept as before.)"""
    return any(o.start < at and len(o.name.split()) > 1 and word == o.name.split()[0] for o in doc.outsiders)


# "her mother, Grace Oduya,": a first name written before a surname, the pair a full name.
_FIRST_THEN_SURNAME_RE = r"(?<![\w’'\-]){first}\s+(?P<surname>[A-Z][\w’'\-]+)(?![\w’'\-])"


def _relative_by_first_name(doc: _Doc, at: int, written: str) -> _Speaker | None:
    """A first-name label ("GRACE:") for someone the introduction named in full with a graph
    person's surname ("Delphine Oduya … her mother, Grace Oduya"): the mention finder reads the
    surname as the graph person's, so neither a graph key nor an outsider carries the name. The
    name as written, outside the graph, when the introduction writes exactly one such full name
    and the graph holds nobody of it (round forty-six)."""
    pattern = re.compile(_FIRST_THEN_SURNAME_RE.format(first=re.escape(written)))
    fulls = {f"{written} {found.group('surname')}" for found in pattern.finditer(doc.text(0, at))}
    if len(fulls) != 1:
        return None
    full = fulls.pop()
    if doc.resolve_name(full, at).key is not None:
        return None
    return _Speaker(name=full, explicit=True)


# "posting as WennaTrask", "joined as idris_cuts", "under the handle @fenreel": where a recap says
# whose a username is.
# A Reddit write-up gives the guest's username as her account: "verified Brannock's account,
# u/lantern_and_larks" (round fifty-two).
_HANDLE_GIVEN_RE = r"\b(?:as|handle|username|user\s+name|name|account),?\s+@?"


def _handle_speaker(doc: _Doc, start: int, label: str) -> _Speaker | None:
    """The person a username label is, when the text before it says so ("Wenna Trask … answered
    questions, posting as WennaTrask"; "Her editor, Idris Mabe, joined as idris_cuts"): the first
    person the sentence names before the words that give the handle. A handle no sentence gives
    (a user's "trask_fan") is nobody's, however like a name it looks."""
    handle = label.lstrip("@")
    given, para = None, None
    for paragraph in doc.paragraphs:
        if paragraph.start >= start:
            break
        if handle not in paragraph.text:
            continue  # cheap first test: the handle written in the paragraph
        for found in re.finditer(rf"{_HANDLE_GIVEN_RE}{re.escape(handle)}(?![\w@])", paragraph.text):
            given, para = found, paragraph
    if given is None or para is None:
        return None
    at = para.start + given.start()
    sentence = max([para.start, *(para.start + m.end() for m in re.finditer(r"[.!?]\s+", para.text[: given.start()]))])
    people = doc.people_between(sentence, at)
    if people:
        return _Speaker(key=people[0].key, explicit=True)
    outsiders = doc.outsiders_between(sentence, at)
    if outsiders:
        return _Speaker(name=outsiders[0].name, explicit=True)
    owner = _ACCOUNT_OWNER_RE.search(para.text, 0, given.start() + len(given.group(0)))
    if owner is not None:
        # "verified Brannock's account, u/…" where the surname alone is no mention (her mother
        # shares it): the name as the article reads it, the headline's person first (round fifty-two).
        resolved = doc.resolve_name(owner.group(1), para.start + owner.start(1))
        return resolved if resolved.known else None
    return None


# Whose account a username is: "Brannock's account, u/lantern_and_larks".
_ACCOUNT_OWNER_RE = re.compile(r"\b([A-Z][\w’'\-]+)['’]s\s+(?:[\w\-]+\s+){0,2}account,?\s+@?\S+$")


_INITIALS_RE = re.compile(r"(?:[A-Z]\.?){2,4}")


def _initials(name: str) -> str:
    """"Dorit Achterberg" -> "DA", "Jean-Luc Varda" -> "JLV" (each part of a hyphenated name)."""
    return "".join(part[:1].upper() for word in name.split() for part in word.split("-") if part[:1].isalpha())


def _initials_speaker(doc: _Doc, at: int, label: str, labelled: list[_Speaker]) -> _Speaker | None:
    """A magazine interview shortens a speaker's label to initials once the full name was given
    ("Dorit Achterberg:" then "DA:", "J.L.V.:" for Jean-Luc Varda): the one speaker an earlier
    label named whose initials these are, else the one person or outside speaker named in full
    before the label. Two people with the same initials leave the label naming nobody."""
    if not _INITIALS_RE.fullmatch(label):
        return None
    letters = label.replace(".", "")

    # (graph key, outside name, full name as known)
    earlier = [(sp.key, None if sp.key else sp.name, doc.full_name(sp.key, sp.name or "") if sp.key else sp.name or "")
               for sp in labelled]
    named = [(m.key, None, doc.full_name(m.key, m.surface)) for m in doc.people if m.start < at]
    named += [(None, o.name, o.name) for o in doc.outsiders if o.start < at]
    for candidates in (earlier, named):
        found = {(key, name) for key, name, full in candidates if len(full.split()) >= 2 and _initials(full) == letters}
        if len(found) == 1:
            key, name = found.pop()
            return _Speaker(key=key, name=name, explicit=True)
        if found:
            return None
    return None


def _surname_of_several_words(doc: _Doc, at: int, written: str) -> _Speaker | None:
    """The one person named before `at` whose full name ends with the label's words and is
    longer than them: a surname of several words labels the turns once the full name was given
    ("NÍ BHRIAIN:" for Saoirse Ní Bhriain, "DEL ARCO:" for Tomás del Arco), the particle's
    capital being the label's, not the name's (round eighteen)."""
    words = written.casefold().split()
    keys = set()
    for m in doc.people:
        full = doc.full_name(m.key, m.surface).casefold().split()
        if m.start < at and len(full) > len(words) and full[-len(words):] == words:
            keys.add(m.key)
    # A speaker outside the graph who carries the surname too leaves it the name as written.
    shared = any(
        len(o.name.split()) > len(words) and o.name.casefold().split()[-len(words):] == words
        for o in doc.outsiders if o.start < at
    )
    return _Speaker(key=keys.pop(), explicit=True) if len(keys) == 1 and not shared else None


def _interviewer(doc: _Doc, turns: list[_Turn]) -> set[str]:
    """The labels whose turns are the interviewer's: `Q:` (or `Interviewer:`), or the name whose turns are mostly
    questions (ties go to the label that speaks first)."""
    labels = {t.label for t in turns}
    roles = {label for label in labels if _asking_role(label)}
    if roles:
        # Every asking role is an interviewer ("MODERATOR:" and "AUDIENCE MEMBER:" both ask); a
        # named label joins them only if its own turns are mostly questions.
        return roles | (labels & _INTERVIEWER) | _mostly_asking(doc, [t for t in turns if t.label not in roles])
    if labels & _INTERVIEWER:
        # The audience's "Q:" and a moderator the introduction names both ask, however few of
        # the moderator's turns end on "?" (round sixty-one).
        return labels & _INTERVIEWER | _introduced_as_moderator(doc, turns)
    if labels & _INTERVIEWEE:
        return set()
    asks: dict[str, list[bool]] = {}
    for turn in turns:
        paragraph = doc.paragraphs[turn.para]
        asks.setdefault(turn.label, []).append(paragraph.text.rstrip().endswith("?"))
    share = {label: sum(v) / len(v) for label, v in asks.items()}
    moderators = _introduced_as_moderator(doc, turns)
    if moderators:
        return moderators
    if _cohosts(doc, turns, share):
        return set()
    hosts = _introduced_as_host(doc, turns)
    if hosts:
        return hosts
    if _in_conversation(turns, asks):
        return set()
    order = [t.label for t in turns]
    best = max(share, key=lambda label: (share[label], -order.index(label)))
    if share[best] == 0:
        if _oral_history(turns):
            return set()
        first = doc.paragraphs[turns[0].para].start
        introduced = {m.key for m in doc.people if m.start < first}
        if all(t.speaker is not None and t.speaker.key in introduced for t in turns):
            # Two people of the graph the introduction names, talking over each other with no
            # question between them (a disc commentary's director and editor): nobody interviews
            # (round sixty-three). A host the introduction does not name still prompts.
            return set()
        # The first voice prompts the other, unless it is a video's narrator (round forty-nine).
        best = next((label for label in order if not _NARRATOR_LABEL_RE.fullmatch(label)), order[0])
    # A forum's many users each ask under their own handle: every label that names nobody and
    # only asks is an interviewer, not just the first of them.
    nobody = {t.label for t in turns if t.speaker is None}
    return {best} | {label for label in nobody if share[label] == 1 and best in nobody}


# "The moderator, the critic Rosa Abend,", "chaired by Rosa Abend", "Rosa Abend, who moderated": the
# introduction gives a voice the asking part. Not a host: a podcast's hosts argue as guests do.
_MODERATOR_BEFORE_RE = re.compile(
    r"\b(?:moderator|moderated\s+by|chair(?:ed\s+by|person)?|interviewer|the\s+questions\s+were\s+put\s+by)\b"
    r"[^.;:()]{0,40}$", re.IGNORECASE,
)
_MODERATOR_AFTER_RE = re.compile(r"^[^.;]{0,40}?\b(?:moderated|moderates|moderating|chaired|chairs|chairing)\b")


def _introduced_as_moderator(doc: _Doc, turns: list[_Turn]) -> set[str]:
    """The labels of voices the introduction calls the moderator or the chair: their turns are
    prompts ("Let's start with the rain, because—"), not answers, however few end with "?"."""
    start = doc.paragraphs[turns[0].para].start
    intro = " ".join(p.text for p in doc.paragraphs[: turns[0].para])
    if not re.search(r"(?i)moderat|chair|interviewer|questions were put", intro):
        return set()  # cheap first test: no asking part named before the transcript
    spans = [(m.key, None, m.start, m.end) for m in doc.people if m.end <= start]
    spans += [(None, o.name, o.start, o.end) for o in doc.outsiders if o.end <= start]
    found = set()
    for turn in turns:
        speaker = turn.speaker
        if speaker is None or not (speaker.key or speaker.name) or turn.label in found:
            continue
        for key, name, s, e in spans:
            # A host labelled by the first name alone ("Wendell:" for Wendell Crane).
            if (key and key == speaker.key) or (name and speaker.name in (name, name.split()[0])):
                para_start = doc.paragraphs[doc.para_of(s)].start
                if _MODERATOR_BEFORE_RE.search(doc.text(max(para_start, s - 60), s)) or _MODERATOR_AFTER_RE.search(doc.text(e, e + 50)):
                    found.add(turn.label)
                    break
    return found


# "*Nightcap with Declan Moss*", "hosted by Declan Moss", "the host, Declan Moss": a show's host;
# "hosted by Juno Falk and Marty Osei": the second of two.
_HOST_BEFORE_RE = re.compile(
    r"(?:\b(?:hosted|presented)\s+by|\bhost,?|\bpresenter,?|[A-Z][\w’']*\s+with)\s+[*_]*$"
    r"|\b(?:hosted|presented)\s+by\s+(?:[A-Z][\w’'\-]*\s+){1,3}and\s+[*_]*$"
)


def _introduced_as_host(doc: _Doc, turns: list[_Turn]) -> set[str]:
    """The label of the one voice the introduction gives a show as its host ("*Nightcap with
    Declan Moss*"): a chat show's host prompts, and its guests answer, however many of them
    ask back (round sixty). Two hosts named so are presenters of a round table (`_cohosts`)
    unless a named guest answers them: a podcast's two hosts with their guest both prompt
    (round sixty-four)."""
    first = doc.paragraphs[turns[0].para].start
    hosts = set()
    for turn in turns:
        speaker = turn.speaker
        if speaker is None or not speaker.known:
            continue
        spans = [(m.start, m.end) for m in doc.people if m.key and m.key == speaker.key and m.end <= first]
        spans += [(o.start, o.end) for o in doc.outsiders if speaker.name and o.name == speaker.name and o.end <= first]
        if any(_HOST_BEFORE_RE.search(doc.text(max(0, start - 60), start)) for start, _ in spans):
            hosts.add(turn.label)
    if len(hosts) > 1 and not _answered_by_a_guest(doc, turns, hosts):
        return set()
    return hosts


def _answered_by_a_guest(doc: _Doc, turns: list[_Turn], hosts: set[str]) -> bool:
    """Does a named voice other than the hosts speak, never asking, after the hosts' questions?"""
    guests = [t for t in turns if t.label not in hosts and t.speaker is not None and t.speaker.known]
    asked = any(doc.paragraphs[t.para].text.rstrip().endswith("?") for t in turns if t.label in hosts)
    return asked and bool(guests) and not any(doc.paragraphs[t.para].text.rstrip().endswith("?") for t in guests)


def _mostly_asking(doc: _Doc, turns: list[_Turn]) -> set[str]:
    """The labels more than half of whose turns end with a question mark."""
    asks: dict[str, list[bool]] = {}
    for turn in turns:
        asks.setdefault(turn.label, []).append(doc.paragraphs[turn.para].text.rstrip().endswith("?"))
    return {label for label, questions in asks.items() if sum(questions) * 2 > len(questions)}


def _in_conversation(turns: list[_Turn], asks: dict[str, list[bool]]) -> bool:
    """Do people of the graph interview each other ("directors on directors")? Every voice is a
    graph person, each asks at least once and answers more often than it asks: nobody is the
    interviewer, and every turn, a question too, is its speaker's words (round forty-eight). A
    journalist who interviews is almost never in the graph, and asks most of their turns."""
    return len(asks) >= 2 and all(t.speaker is not None and t.speaker.key for t in turns) and all(
        0 < sum(questions) and sum(questions) * 2 <= len(questions) for questions in asks.values())


# "presented by the critics Imogen Tredinnick and Caspar Wintle", "hosts Ada Moss and …".
_PRESENTED_BY_RE = re.compile(r"\b(?:presented|hosted|co-hosted|fronted)\s+by\b|\b(?:co-)?(?:hosts|presenters)\b", re.IGNORECASE)


def _cohosts(doc: _Doc, turns: list[_Turn], share: dict[str, float]) -> bool:
    """Do two or more presenters the introduction names ("presented by the critics Imogen
    Tredinnick and Caspar Wintle") talk to each other, none of them mostly asking? A review
    show's hosts argue as a round table does: every turn is its speaker's (round fifty-seven).
    Other voices (a clip's characters) may stand between them."""
    first = doc.paragraphs[turns[0].para].start
    intro = doc.text(0, first)
    found = _PRESENTED_BY_RE.search(intro)
    if found is None:
        return False
    keys = {m.key for m in doc.people if found.start() <= m.start < first}
    hosts = {t.label for t in turns if t.speaker is not None and (
        t.speaker.key in keys if t.speaker.key else bool(t.speaker.name) and t.speaker.name in intro[found.start():])}
    return len(hosts) >= 2 and all(share[label] <= 0.5 for label in hosts)


def _oral_history(turns: list[_Turn]) -> bool:
    """Do the turns read as an oral history or a round table: three or more named voices and no
    question anywhere? Then every turn is an answer, the first speaker's too; with two voices and
    no question, the first still prompts the other (a host who never ends on "?"). A video's
    narrator, and the parts its clips show, may stand among them unnamed (round forty-nine): two
    named voices and a narrator, none asking, are a featurette's, not an interview."""
    labels = {t.label for t in turns}
    named = {t.label for t in turns if t.speaker is not None}
    if any(_NARRATOR_LABEL_RE.fullmatch(label) for label in labels):
        return len(labels) >= 3 and len(named) >= 2
    return len(labels) >= 3 and len(named) == len(labels)


def _interviewee(doc: _Doc, first_turn: int, interviewer: set[str]) -> tuple[_Speaker | None, bool]:
    """Who answers `A:` turns: a name after "spoke with"-like words in the introduction, or the
    only person it names; else the one it names most (not sure)."""
    counts: dict[tuple[str | None, str | None], int] = {}
    cued: list[_Speaker] = []
    interviewers: set[tuple[str | None, str | None]] = set()
    for index in range(first_turn):
        paragraph = doc.paragraphs[index]
        end = paragraph.start + len(paragraph.text)
        named: list[tuple[int, _Speaker]] = [
            (m.start, _Speaker(key=m.key)) for m in doc.people_between(paragraph.start, end)
        ] + [(o.start, _Speaker(name=o.name)) for o in doc.outsiders_between(paragraph.start, end)]
        for at, speaker in named:
            if (speaker.key or speaker.name) in interviewer or (speaker.key, speaker.name) in interviewers:
                continue  # the interviewer, introduced by name
            counts[(speaker.key, speaker.name)] = counts.get((speaker.key, speaker.name), 0) + 1
            lead = doc.text(max(paragraph.start, at - 40), at)
            if not re.search(rf"(?:{_WITH_RE.pattern})$", lead):
                continue
            subject = _subject_who_spoke(doc, paragraph.start, lead, at)
            if subject is None:
                cued.append(speaker)
                continue
            # "He spoke to Nadia Moor for *Frameline*": the one spoken to is the interviewer,
            # the subject the interviewee (round twenty-eight).
            counts.pop((speaker.key, speaker.name), None)
            interviewers.add((speaker.key, speaker.name))
            if subject.known:
                cued.append(subject)
    if cued:
        return cued[0], True
    headlined = _headline_interviewee(doc, first_turn)
    if headlined is not None:
        return headlined, True
    if len(counts) == 1:
        (key, name), = counts
        return _Speaker(key=key, name=name), True
    if counts:
        (key, name) = max(counts, key=lambda k: counts[k])
        return _Speaker(key=key, name=name), False
    return None, False


# A person as the subject of the verb of talking ("He spoke to", "Ilic sat down with"): the one
# after it is who asked the questions. A publication or "we" as the subject is the usual intro.
_TALKED_WITH_RE = re.compile(
    r"\s+(?:spoke|speaks|talked|talks|sat\s+down|sits\s+down|chatted|chats)\s+(?:with|to)\s+$"
)
_PRONOUN_SUBJECT_RE = re.compile(r"(?:^|[.!?;]\s+|,\s+(?:and\s+)?|\band\s+)(?:He|She|he|she)$")


def _subject_who_spoke(doc: _Doc, paragraph_start: int, lead: str, at: int) -> _Speaker | None:
    """The person who "spoke to" the one named at `at`, when the verb's subject is a person: a
    third-person pronoun ("He spoke to Nadia Moor for *Frameline*": a speaker not known here,
    the introduction's other people decide) or a person named just before the verb ("Ilic sat
    down with Nadia Moor"). None when the subject is the publication, "we" or "I" (then the
    one named after the verb is the interviewee)."""
    verb = _TALKED_WITH_RE.search(lead)
    if verb is None:
        return None
    before = lead[: verb.start()]
    if _PRONOUN_SUBJECT_RE.search(before):
        return _Speaker()
    verb_at = at - len(lead) + verb.start()
    for mention in doc.people_between(paragraph_start, verb_at):
        if mention.end == verb_at:
            return _Speaker(key=mention.key)
    return None


_POSSESSIVE_AFTER_RE = re.compile(r"['’]s?\b")


def _headline_interviewee(doc: _Doc, first_turn: int) -> _Speaker | None:
    """The one person the headline names in full, not as a possessive, when the introduction
    calls them by their surname alone, not as a possessive: "Tomás del Valle built a motel …"
    over "Del Valle has designed sets for thirty-one features …" is whom the interview is with,
    however many other people the introduction names (round nineteen)."""
    lookup = getattr(doc.gazetteer, "lookup", None)
    people_by_key = getattr(doc.gazetteer, "people_by_key", None)
    if not doc.headline or lookup is None or people_by_key is None:
        return None
    keys: set[str] = set()
    for name in _NAME_RE.finditer(doc.headline):
        if " " in name.group(0) and not _POSSESSIVE_AFTER_RE.match(doc.headline, name.end()):
            keys.update(c.key for c in lookup(name.group(0)) if c.kind == "person")
    if len(keys) != 1:
        return None
    key = keys.pop()
    words = people_by_key[key].name.split()
    surname = " ".join(words[len(words) - len(doc.gazetteer.surname(key)) :])
    if not surname or surname == " ".join(words):
        return None
    written = re.compile(rf"(?<![\w’'\-]){re.escape(surname)}(?![\w’'\-])", re.IGNORECASE)
    for paragraph in doc.paragraphs[:first_turn]:
        for found in written.finditer(paragraph.text):
            if found.group(0)[:1].isupper() and not _POSSESSIVE_AFTER_RE.match(paragraph.text, found.end()):
                return _Speaker(key=key)
    return None
