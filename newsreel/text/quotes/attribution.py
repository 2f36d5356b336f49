"""Attribution: the speaker an attribution names ("Baker explained", "said a spokesperson"), or the one
the text implies (pronouns, follow-on quotes).

Depends on: words, fragments, speakers, document, outsiders, and the attribution modules below it
(confidence, roles, unnamed, namesakes, subjects, relayed, explicit, scenes); none of them imports this
module.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from typing import Iterator

from newsreel.text.sentences import last_sentence
from newsreel.text.quotes.words import _ANY_SPEECH_RE, _ROLE_RE, _SPEECH_KINDS, _VERB_ALT, _WORD_RE
from newsreel.text.quotes.fragments import _Fragment, _Group
from newsreel.text.quotes.speakers import _Said, _Speaker
from newsreel.text.quotes.document import SHARED_SURNAME_ESTABLISHED, _Doc, _in_narration
from newsreel.text.quotes.outsiders import is_subject
from newsreel.text.quotes.confidence import (
    AMBIGUOUS, BARE_SUBJECT, DISTANT, EXPLICIT_MENTION, EXPLICIT_NAME, FOLLOW_ON, LIST_LEAD, PREVIOUS_PARAGRAPH,
    PRONOUN_AMONG_OTHERS, PRONOUN_BEFORE_NAME, PRONOUN_SAME_PARAGRAPH, REJOINDER, RELAYED, ROLE_REFERENCE,
    woven_confidence,
)
from newsreel.text.quotes.roles import _credits_deny
from newsreel.text.quotes.unnamed import _ANONYMITY_RE
from newsreel.text.quotes.namesakes import _named_by_a_shared_surname, _outsider_by_role, _surname_shared_with_outsider
from newsreel.text.quotes.subjects import _subjects
from newsreel.text.quotes.explicit import (
    _after_attribution, _before_attribution, _lead, _lead_in_paragraph_before, _who,
)
from newsreel.text.quotes.scenes import _character_line, _repeated_line, _scene_verb, _trailer_line, _voice_over

# A credit line under a quotation: a dash and a capital.
_CREDIT_LINE_RE = re.compile(r"\s*(?:[—–]|--?)\s*[A-Z]")
# A paragraph just after a block quote that opens on a dash is its credit unless a relative clause
# makes the name a sentence's subject: "— Ada Varga, who directed it, disagrees." is prose.
CREDIT_CLAUSE_RE = re.compile(r"\b(?:who|which|that|whose|whom)\b")


def _only_quote(doc: _Doc, group: _Group) -> bool:
    """Is the quotation (with at most a short attribution) all its last paragraph holds?"""
    last = group.fragments[-1]
    paragraph = doc.paragraphs[last.para]
    outside = paragraph.text
    for f in doc.frags(last.para):
        outside = outside.replace(doc.text(f.open_at, (f.close_at or paragraph.start + len(paragraph.text))), " ")
    return len(_WORD_RE.findall(outside)) <= 6


# "She told them that “…”": a lead-in whose speech verb reports a clause, the quotation inside it.
_REPORTS_THAT_RE = re.compile(rf"\b(?:{_VERB_ALT})\b(?:\s+[^\s.;:!?“”\"]+){{0,6}}?\s+that\s*$")


def _attribute(doc: _Doc, group: _Group, history: list[_Said]) -> _Speaker:
    candidates, relayed = _candidates(doc, group)
    speaker = _speaker_of(doc, group, history, candidates)
    if any(s.document for s in candidates) and not any(s.known and not s.document for s in candidates):
        # A document's words are its writer's at one remove: held for an editor (round twenty-four).
        if not speaker.known:
            return _Speaker(explicit=True, confidence=speaker.confidence)
        return replace(speaker, confidence=min(speaker.confidence, RELAYED))
    if _voice_over(doc, group):
        # A line "she says in voice-over" is a film's or a trailer's (round twenty-four): a
        # character's, nobody's page. Named outright ("Varga says in voice-over") it may be a
        # documentary's narrator speaking her own words, or her character: held for an editor.
        if speaker.key and any(s.known for s in candidates):
            return replace(speaker, confidence=min(speaker.confidence, AMBIGUOUS))
        return _Speaker(explicit=True, confidence=PRONOUN_SAME_PARAGRAPH)
    if speaker.key and _trailer_line(doc, group, speaker.key):
        # A trailer piece's "he grabs her arm and says:" is the part the actor plays, on screen
        # (round twenty-eight): nobody's page. Named outright ("Ilic says:") it may be the actor
        # talking about the trailer: held for an editor, as a named voice-over is.
        if any(s.known for s in candidates):
            return replace(speaker, confidence=min(speaker.confidence, AMBIGUOUS))
        return _Speaker(explicit=True, confidence=PRONOUN_SAME_PARAGRAPH)
    if relayed and speaker.known:
        # Words passed on by someone who heard them: held for an editor, as every quote told
        # second-hand is.
        return replace(speaker, confidence=min(speaker.confidence, RELAYED))
    by_role = _outsider_by_role(doc, group, speaker.key) if speaker.key else None
    if by_role is not None:
        # "The mayor said she hoped … “…,” Saberi said." after "Mayor Petra Saberi" and the
        # actor Imogen Saberi: the post the paragraph just gave the speaker is the one the
        # article gave the outsider, so the surname is hers (round thirty-three).
        return by_role
    if speaker.key and _surname_shared_with_outsider(doc, group, speaker.key):
        # "Greer expects …, “…,” she said" after Tamsin Greer, an analyst, and Hollis Greer of
        # the graph ("no relation"): a writer's bare surname may mean either, so it waits for an
        # editor (round twenty-five).
        return replace(speaker, confidence=min(speaker.confidence, AMBIGUOUS))
    if (speaker.key and speaker.confidence >= SHARED_SURNAME_ESTABLISHED
            and any(s.key == speaker.key for s in candidates) and _named_by_a_shared_surname(doc, group, speaker.key)):
        # "“…,” Brask said in a statement" just after a paragraph naming Jonah Brask in full, when
        # Odile Brask ("also no relation") was called "Brask" before: whichever the mention
        # finder chose, the writer's bare surname may mean either, so it waits for an editor
        # (round thirty-four).
        return replace(speaker, confidence=SHARED_SURNAME_ESTABLISHED)
    if speaker.key and _repeated_line(doc, group):
        # "“You left the gate open again,” he says, for the eleventh time tonight": a line said
        # over and over is a take's or a rehearsal's as often as the person's own; held for an
        # editor (round nineteen).
        return replace(speaker, confidence=min(speaker.confidence, AMBIGUOUS))
    return speaker


def _candidates(doc: _Doc, group: _Group) -> tuple[list[_Speaker], bool]:
    """The speakers the attributions around the quotation give, in the order they count, and
    whether the quotation's words were passed on by the one an attribution after it names:
    "She told them that “nobody is going back up a tower,” one of them said" is hers, relayed
    by one of them (before, nobody's: the relayer came first)."""
    candidates: list[_Speaker] = []
    relayed = False
    for k, frag in enumerate(group.fragments):
        after_speaker = None
        if frag.closed:
            after = doc.text(frag.close_at, frag.close_at + 150)
            after_speaker, _ = _after_attribution(doc, frag.close_at, after)
            if after_speaker is not None:
                candidates.append(after_speaker)
        if k == 0 or group.joints[k - 1] == "paragraph":
            lead, lead_start = _lead(doc, frag)
            if not lead.strip() and k == 0:
                lead, lead_start = _lead_in_paragraph_before(doc, frag)
            if lead.rstrip()[-1:] in (":", ",") or _ANY_SPEECH_RE.search(lead) or _ANONYMITY_RE.search(lead):
                speaker = _before_attribution(doc, lead, lead_start, frag)
                if speaker is not None:
                    if k == 0 and after_speaker is not None and _REPORTS_THAT_RE.search(lead):
                        candidates.remove(after_speaker)  # the one who passed the words on
                        relayed = True
                    candidates.append(speaker)
    credit = _credit_below(doc, group.fragments[-1])
    if credit is not None:
        candidates.append(credit)
    return candidates, relayed


def _speaker_of(doc: _Doc, group: _Group, history: list[_Said], candidates: list[_Speaker]) -> _Speaker:
    """The speaker the candidates name, or the one the text implies."""
    for speaker in candidates:
        if speaker.known:
            # Named by the attribution itself: a person mention is surest; a name matched to
            # the graph without a mention, or written outside it, a little less.
            sure = EXPLICIT_MENTION if speaker.key and speaker.explicit else EXPLICIT_NAME
            # A name read as one of several people with it ("Quist said") keeps its guess's confidence.
            return _Speaker(key=speaker.key, name=speaker.name, explicit=True, confidence=speaker.confidence or sure)
    if any(s.explicit for s in candidates):
        # "a spokesperson said": attributed, but to nobody we can name.
        return _Speaker(explicit=True, confidence=EXPLICIT_MENTION)
    pronoun = next((s.pronoun for s in candidates if s.pronoun), None)
    if pronoun == "the" and _introduced_unnamed(doc, group):
        # "a producer on set said…" then "“…,” the producer said": the same unnamed person.
        return _Speaker(explicit=True, confidence=EXPLICIT_MENTION)
    if pronoun is None:
        listed = _list_lead_speaker(doc, group.fragments[0])
        if listed is not None:
            return listed
    if pronoun in ("he", "she"):
        asked = _the_one_asked(doc, group.fragments[0], pronoun)
        if asked is not None:
            return asked
    role = next((s.role for s in candidates if s.pronoun == "the" and s.role), None) if pronoun == "the" else None
    implied = _implied_speaker(doc, group, history, pronoun, role)
    if pronoun in ("he", "she") and implied.key is not None and _addressed(doc, group, implied.key):
        # "“…,” she tells Quennell", "she says to Quennell", "he asks Quennell", "she reminds
        # the director, Quennell,": the one spoken to is not the one speaking. The pronoun's
        # person is somebody else the paragraph may not name in full: nobody's page (round
        # thirty-six).
        return _Speaker(unnamed="any", confidence=AMBIGUOUS)
    if pronoun is None and not implied.known:
        # "She laughs about it now." closing the paragraph before a bare quotation: her words,
        # as sure as a bare quotation after a sentence whose subject is a person.
        before = _pronoun_closing_paragraph_before(doc, group.fragments[0])
        if before is not None:
            found = _implied_speaker(doc, group, history, before)
            if found.known:
                return _Speaker(key=found.key, name=found.name, confidence=min(found.confidence, BARE_SUBJECT))
        # "The company's chief executive, Corwin Ashdale, … was more upbeat on the call." closing
        # the paragraph before: the statement that opens the next is his, held as the pronoun's is.
        named = _subject_closing_paragraph_before(doc, group.fragments[0])
        if named is not None:
            return _Speaker(key=named.key, name=named.name, confidence=BARE_SUBJECT)
        # A listicle's item heading naming one person: the item's bare quotation is theirs.
        headed = _item_heading_speaker(doc, group.fragments[0])
        if headed is not None:
            return headed
    if pronoun in ("he", "she") and implied.key is not None and _character_line(doc, group, implied.key, pronoun):
        # "Ekwueme is very good as the officer. “I don't do ghosts,” she tells her sergeant."
        # The officer speaks, not the actor: the line is nobody's page.
        return _Speaker(explicit=True, confidence=PRONOUN_SAME_PARAGRAPH)
    return implied


# "She answered quickly." closing the lead-in just before a quotation: the pronoun is the one
# just asked, whoever the sentence before had as its subject.
_ANSWERED_RE = re.compile(
    r"\b(?:[Hh]e|[Ss]he)\s+(?:[a-z]+ly\s+)?(?:answered|answers|replied|replies|responded|responds)\b[^.!?]{0,40}[.:,]?\s*$"
    # "He said he would.": the answer to a yes-or-no question, reported before it is quoted
    # (round twenty-six); the question must have asked about the same "he" (below).
    r"|\b(?P<reported>[Hh]e|[Ss]he)\s+said\s+(?:that\s+)?(?:yes|no|(?:he|she)\s+(?:would|could|will|had|did|was|might|"
    r"should)(?:\s+not|n['’]t)?)\b[^.!?]{0,40}[.:,]?\s*$"
)
# The yes-or-no question about the one asked: "asking Ilic whether he would return".
_WHETHER_RE = re.compile(r"\b(?:whether|if)\s+(he|she)\b")
# "Fenn turned to Mori and asked", "Fenn asked Mori", "put the question to Mori": the one asked.
_ASKED_WHOM_RE = re.compile(
    r"\b(?:asked|asks|asking|turned\s+to|turns\s+to|put\s+(?:the|a|her|his)\s+question\s+to)\s+(?=[A-Z])"
)
_ASKED_REACH = 300  # characters before the answer where the question may stand


def _the_one_asked(doc: _Doc, frag: _Fragment, pronoun: str) -> _Speaker | None:
    """The person asked, when the sentence right before the quotation says "she answered" and
    a question to a named person comes before it in the paragraph ("Fenn turned to Mori and
    asked …. She answered quickly. “…,” she said"): the answer is theirs, held for an editor,
    as every guess from a conversation's turns is (round twenty-five)."""
    paragraph = doc.paragraphs[frag.para]
    lead = paragraph.text[: frag.open_at - paragraph.start]
    answered = _ANSWERED_RE.search(lead)
    if answered is None:
        return None
    window_start = max(0, answered.start() - _ASKED_REACH)
    asked = None
    for question in _ASKED_WHOM_RE.finditer(lead, window_start, answered.start()):
        asked = question
    if asked is None:
        return None
    if answered.group("reported"):
        # "He said he would." answers only a question about "him": "asking Ilic whether he
        # would return", never the asker's own plan.
        question = _WHETHER_RE.search(lead, asked.end(), answered.start())
        if question is None or question.group(1) != answered.group("reported").lower():
            return None
    at = paragraph.start + asked.end()
    person = doc.person_at(at)
    if person is not None and person.start == at:
        speaker = _Speaker(key=person.key)
    else:
        outsider = next((o for o in doc.outsiders if o.start == at), None)
        if outsider is None:
            return None
        speaker = _Speaker(name=outsider.name)
    if not doc.fits(speaker, pronoun):
        return None
    return _Speaker(key=speaker.key, name=speaker.name, confidence=PREVIOUS_PARAGRAPH)


# A sentence whose subject is "he" or "she": "She laughs about it now.", "But he is not bitter."
_PRONOUN_SENTENCE_RE = re.compile(r"(?:(?:but|and|still|yet|now|today)\s+)?(he|she)\s+(?:[a-z]+ly\s+)?[a-z][a-z’'\-]+\b", re.IGNORECASE)


def _closing_sentence_before(doc: _Doc, frag: _Fragment) -> tuple[int, str] | None:
    """(document offset, text) of the sentence closing the paragraph before, when the quotation
    opens its paragraph and that sentence is narration of the same kind, without quote marks."""
    paragraph = doc.paragraphs[frag.para]
    if frag.para == 0 or paragraph.text[: frag.open_at - paragraph.start].strip():
        return None
    before = doc.paragraphs[frag.para - 1]
    if before.kind not in _SPEECH_KINDS or before.kind != paragraph.kind:
        return None
    last = last_sentence(before.text)
    if last is None:
        return None
    s, e = last
    sentence = before.text[s:e]
    if any(mark in sentence for mark in "“”\""):
        return None
    return before.start + s, sentence


def _pronoun_closing_paragraph_before(doc: _Doc, frag: _Fragment) -> str | None:
    """"he" or "she" when the quotation opens its paragraph and the paragraph before ends on a
    sentence of its own whose subject is that pronoun, outside quote marks."""
    closing = _closing_sentence_before(doc, frag)
    pronoun = _PRONOUN_SENTENCE_RE.match(closing[1]) if closing is not None else None
    return pronoun.group(1).lower() if pronoun else None


def _subject_closing_paragraph_before(doc: _Doc, frag: _Fragment) -> _Speaker | None:
    """The one person, graph or not, the sentence closing the paragraph before has as its
    subject, when the quotation opens its paragraph with no attribution of its own: a writer
    introduces a statement by its speaker ("The chief executive, Corwin Ashdale, was more
    upbeat on the call.") and sets it below. Nobody when the sentence's subject is a possessive,
    a character, somebody named only by a noun, or one of several people it names."""
    closing = _closing_sentence_before(doc, frag)
    if closing is None:
        return None
    start, sentence = closing
    index = frag.para - 1
    subjects = [speaker for pos, speaker in _subjects(doc, index, start + len(sentence)) if pos >= start]
    if not subjects:
        return None
    first = subjects[0]
    named = [speaker for speaker in subjects if speaker.known and not speaker.weak]
    if first.weak or first.character or not first.known or len(named) != 1:
        return None
    if first.key is not None and not _stands_as_subject(doc, first.key, start, sentence):
        return None  # "The festival named Ada Varga its president.": named, but not who acts
    return first


def _stands_as_subject(doc: _Doc, key: str, start: int, sentence: str) -> bool:
    """Does a mention of person `key` in the sentence at `start` stand as its subject (followed
    by a verb or a relative clause that makes them act), as speakers outside the graph must?"""
    return any(
        m.key == key and is_subject(sentence, m.start - start, m.end - start)
        for m in doc.people_between(start, start + len(sentence))
    )


# The one a pronoun's words are said to, after the quotation: "she tells Quennell", "he says to
# Quennell", "she asked Quennell", "he explained to the director, Quennell," (round thirty-six).
_ADDRESSED_RE = re.compile(
    r"[\s,]*(?:he|she)\s+(?:tells|told|asks|asked|reminds|reminded|assures|assured|informs|informed|warns|warned|"
    r"(?:says|said|explains|explained|confides|confided|calls|called|shouts|shouted)\s+(?:out\s+)?to)\s+"
    r"(?:(?:the|her|his)\s+[a-z\-]+(?:\s+[a-z\-]+)?,?\s+)?"
)


def _addressed(doc: _Doc, group: _Group, key: str) -> bool:
    """Is the graph person `key` named as the one the words are said to, right after the
    quotation's pronoun and verb ("“…,” she tells Quennell")?"""
    for f in group.fragments:
        if not f.closed:
            continue
        found = _ADDRESSED_RE.match(doc.text(f.close_at, f.close_at + 80))
        if found is None:
            continue
        person = doc.person_at(f.close_at + found.end(), slack=1)
        if person is not None and person.key == key:
            return True
    return False


def _introduced_unnamed(doc: _Doc, group: _Group) -> bool:
    """Is the role in "the producer said" introduced unnamed ("a producer on set") in this or
    the previous paragraph, with no name in apposition?"""
    frag = group.fragments[-1]
    if not frag.closed:
        return False
    role = _ROLE_RE.search(doc.text(frag.close_at, frag.close_at + 80))
    if role is None:
        return False
    noun = role.group(0).split()[-1]
    for index in (frag.para, frag.para - 1):
        if index < 0:
            continue
        paragraph = doc.paragraphs[index]
        limit = min(frag.open_at, paragraph.start + len(paragraph.text)) - paragraph.start
        if re.search(rf"\b(?i:a|an|one|another)\s+(?:[\w’'\-]+\s+){{0,2}}{re.escape(noun)}\b(?!\s*,?\s*[A-Z])", paragraph.text[:limit]):
            return True
    return False


def _list_lead_speaker(doc: _Doc, frag: _Fragment) -> _Speaker | None:
    """A quotation in a list item under "Five things Ada Varga told the audience:" is the
    speaker's whom the list's lead-in names, unless the item says otherwise."""
    index = frag.para
    if doc.paragraphs[index].kind != "list":
        return None
    while index > 0 and doc.paragraphs[index - 1].kind == "list":
        index -= 1
    if index == 0:
        return None
    before = doc.paragraphs[index - 1]
    if before.kind not in _SPEECH_KINDS or not before.text.rstrip().endswith(":"):
        return None
    last = last_sentence(before.text)
    if last is None:
        return None
    s, e = last
    speaker = _before_attribution(doc, before.text[s:e], before.start + s, frag)
    if speaker is None or not speaker.known:
        return None
    return _Speaker(key=speaker.key, name=speaker.name, explicit=True, confidence=LIST_LEAD)


_ITEM_HEADING_LENGTH = 120  # "2. Lau Wing-kei on Paper Moon Over Kowloon (1971)", not a bold paragraph
_ITEM_PARAGRAPHS = 4  # an item's paragraphs between its heading and a quotation in it


def _is_item_heading(paragraph) -> bool:
    """A heading, or a short paragraph set in bold or italics from end to end ("**2. Lau
    Wing-kei on *Paper Moon Over Kowloon***"): the heading of a listicle's item."""
    text = paragraph.text.rstrip()
    if paragraph.kind == "heading":
        return True
    whole = any(start == 0 and end >= len(text) for start, end in paragraph.emphasis)
    return paragraph.kind == "paragraph" and whole and 0 < len(text) <= _ITEM_HEADING_LENGTH


def _item_heading_speaker(doc: _Doc, frag: _Fragment) -> _Speaker | None:
    """The one person the heading of the item a bare quotation stands in names, when nobody
    else is named between them: "**2. Lau Wing-kei on *Paper Moon Over Kowloon***" / "Lau's
    debut …" / "“My grandfather pointed at a lamp …”" is hers, held as a bare quotation's guess
    is (round eighteen). None when the heading names nobody or several, or is far above."""
    for index in range(frag.para - 1, max(frag.para - 1 - _ITEM_PARAGRAPHS, -1), -1):
        paragraph = doc.paragraphs[index]
        if not _is_item_heading(paragraph):
            continue
        end = paragraph.start + len(paragraph.text)
        named = {m.key for m in doc.people_between(paragraph.start, end)}
        between = {m.key for m in doc.people_between(end, frag.open_at)}
        if len(named) != 1 or between - named or doc.outsiders_between(end, frag.open_at):
            return None
        return _Speaker(key=named.pop(), confidence=BARE_SUBJECT)
    return None


def _credit_below(doc: _Doc, frag: _Fragment) -> _Speaker | None:
    """`> “A film is a promise.”` then `> — Ada Varga, director` in a paragraph of its own, in
    the block or right after it."""
    paragraph = doc.paragraphs[frag.para]
    if not frag.closed or frag.para + 1 >= len(doc.paragraphs):
        return None
    if doc.text(frag.close_at, paragraph.start + len(paragraph.text)).strip(" .,"):
        return None
    below = doc.paragraphs[frag.para + 1]
    # The credit may sit inside the block or just outside it, as a paragraph of its own.
    kinds = (paragraph.kind, "paragraph") if paragraph.kind == "quote" else (paragraph.kind,)
    if below.kind not in kinds or not _CREDIT_LINE_RE.match(below.text) or len(below.text) > 140:
        return None
    if below.kind != paragraph.kind and CREDIT_CLAUSE_RE.search(below.text):
        return None
    speaker, _ = _after_attribution(doc, below.start, below.text)
    return speaker if speaker is not None and speaker.known else None


_PRONOUN_ATTRIBUTION_RE = re.compile(rf"[\s,]*(he|she)\s+(?:[a-z]+ly\s+)?(?:{_VERB_ALT})\b", re.IGNORECASE)


def _attribution_pronoun(doc: _Doc, group: _Group) -> str | None:
    """"he" or "she" when the quotation's own attribution is a pronoun ("“…,” she said")."""
    for frag in group.fragments:
        if frag.closed:
            found = _PRONOUN_ATTRIBUTION_RE.match(doc.text(frag.close_at, frag.close_at + 40))
            if found is not None:
                return found.group(1).lower()
    return None


def _called_otherwise(said: _Said, pronoun: str | None) -> bool:
    """Whether the text called the speaker of an earlier quotation by the other pronoun: the
    "he" who answers "“…,” she said" is not her, whatever the text says of her elsewhere
    (round twenty-five)."""
    return pronoun in ("he", "she") and said.pronoun in ("he", "she") and said.pronoun != pronoun


def _named_before_said(doc: _Doc, said: _Said) -> bool:
    """Whether the paragraph of an earlier quotation names its speaker before it ("del Arco
    laughed. “Ask him,” she said."): a pronoun found so is the text's, not a guess carried
    from paragraphs before."""
    paragraph = doc.paragraphs[said.para]
    speaker = said.speaker
    if speaker.key:
        return any(m.key == speaker.key for m in doc.people_between(paragraph.start, said.start))
    return bool(speaker.name) and any(o.name == speaker.name for o in doc.outsiders_between(paragraph.start, said.start))


def _implied_speaker(
    doc: _Doc, group: _Group, history: list[_Said], pronoun: str | None, role: str | None = None
) -> _Speaker:
    """The speaker the text implies for a pronoun or an unattributed quotation, with how sure.

    In order: the latest person the paragraph names as a subject before the quotation, or
    the paragraph's previous quotation, whichever comes later; in a back-and-forth of
    bare quotations, the speaker before last; the previous paragraph's quotation. A pronoun
    reaches further: the previous paragraph's subjects, the person the article is about
    (named most often), then the latest subject before it. Subjects include speakers outside
    the graph, so a quotation after an analyst's sentence is the analyst's, not the last
    graph person's. Candidates whose gender the text contradicts are skipped."""
    frag = group.fragments[0]
    # A character the article casts ("Varnam is short with everyone") may speak a line in a
    # scene; the actor's own words ("she wrote", "she said") are never the character's.
    scene = _scene_verb(doc, group)
    ordered: list[tuple[int, _Speaker, float]] = []
    near = ROLE_REFERENCE if pronoun == "the" else PRONOUN_SAME_PARAGRAPH if pronoun else BARE_SUBJECT
    for pos, speaker in _subjects(doc, frag.para, frag.open_at):
        # A subject with a speech verb ("…, Baker added.") is as sure as a follow-on quote.
        ordered.append((pos, speaker, max(near, FOLLOW_ON) if speaker.explicit and pronoun != "the" else near))
    for said in history:
        if said.last_para == frag.para and not _called_otherwise(said, pronoun):
            ordered.append((said.start, said.speaker, min(near, FOLLOW_ON) if pronoun else FOLLOW_ON))
    ordered.sort(key=lambda item: -item[0])
    candidates = [(speaker, sure) for _, speaker, sure in ordered if not speaker.weak and (scene or not speaker.character)]
    if pronoun is None:
        candidates = candidates[:1]
    if pronoun in ("he", "she") and not candidates:
        named = _named_earlier_in_paragraph(doc, frag, ordered, pronoun)
        if named is not None:
            candidates.append((named, BARE_SUBJECT))
    previous = history[-1] if history else None
    carried = ROLE_REFERENCE if pronoun == "the" else PREVIOUS_PARAGRAPH
    if previous is not None and previous.last_para == frag.para - 1 and not _called_otherwise(previous, pronoun):
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
            candidates.append((before.speaker, REJOINDER))
        candidates.append((previous.speaker, carried))
    elif previous is not None and pronoun in ("he", "she") and _reported_between(doc, previous, frag.para, pronoun):
        # "“…,” Brandvold said. / The two met last month, she said. / “…,” she said.": the
        # reported speech between carries the speaker on; held, as any carried pronoun.
        candidates.append((previous.speaker, carried))

    def further() -> Iterator[tuple[_Speaker, float]]:
        """A pronoun's wider search, produced lazily: most searches stop early."""
        if frag.para > 0:
            yield from ((speaker, carried) for _, speaker in _subjects(doc, frag.para - 1, frag.open_at))
        if doc.protagonist is not None:
            yield _Speaker(key=doc.protagonist), DISTANT
        for index in range(frag.para - 2, -1, -1):
            yield from ((speaker, DISTANT) for _, speaker in _subjects(doc, index, frag.open_at))
        yield from ((said.speaker, DISTANT) for said in reversed(history) if not _called_otherwise(said, pronoun))
        yield from ((speaker, DISTANT) for _, speaker, _ in ordered if speaker.weak)

    # The one who just spoke as "she", named in that quotation's own paragraph, is not the
    # "he" now (round twenty-five).
    other = previous.speaker if (
        previous is not None and previous.last_para >= frag.para - 1 and _called_otherwise(previous, pronoun)
        and _named_before_said(doc, previous)
    ) else None
    seen: list[tuple[_Speaker, float]] = []
    for speaker, sure in itertools.chain(candidates, further() if pronoun is not None else ()):
        if speaker.character and not scene:
            continue
        if other is not None and speaker.known and (speaker.key, speaker.name) == (other.key, other.name):
            continue
        if pronoun is not None and speaker.object_of == pronoun:
            seen.append((speaker, sure))
            continue  # "She married X. … “…,” she told": X is her verb's object, not the "she"
        if role is not None and speaker.key and _credits_deny(doc, speaker.key, role):
            continue  # "the composer said" is not the director the graph credits only as one
        if not speaker.weak and doc.fits(speaker, pronoun):
            if pronoun in ("he", "she") and _rivals(doc, frag, speaker, pronoun, scene):
                sure = min(sure, AMBIGUOUS)
            elif pronoun in ("he", "she") and _others_named_before(doc, frag, speaker):
                sure = min(sure, PRONOUN_AMONG_OTHERS)
            if pronoun in ("he", "she") and _pronoun_before_name(doc, frag, speaker, pronoun):
                sure = min(sure, PRONOUN_BEFORE_NAME)
            return _Speaker(key=speaker.key, name=speaker.name, confidence=min(sure, speaker.confidence or sure))
        seen.append((speaker, sure))
    if other is not None:
        # The "he" is somebody new whom no subject names: nobody's, not a preposition's object.
        return _Speaker()
    for speaker, _ in seen:
        if doc.fits(speaker, pronoun):
            return _Speaker(key=speaker.key, name=speaker.name, confidence=DISTANT)
    return _Speaker()


# Reported speech on a pronoun alone: "…, she said.", "She said (that) …", "She added that …",
# "he recalled", "according to her" (round thirty-five).
_REPORTED_PRONOUN_RE = re.compile(
    rf"(?:\b(?P<p>he|she)\s+(?:[a-z]+ly\s+)?(?:{_VERB_ALT})\b|\baccording\s+to\s+(?P<o>him|her)\b)", re.IGNORECASE
)


def _reported_between(doc: _Doc, previous: _Said, para: int, pronoun: str) -> bool:
    """Are the one or two paragraphs between the previous quotation and this one the same
    speaker's reported speech: no quotation, nobody named (in or outside the graph), and the
    same pronoun as this quotation's with a speech verb ("The two met last month, she said.",
    "She added that the shoot would move.", "According to her, …")? Wire copy carries a
    speaker so from one quotation to the next (round thirty-five)."""
    between = range(previous.last_para + 1, para)
    if not 1 <= len(between) <= 2 or not previous.speaker.known or not doc.fits(previous.speaker, pronoun):
        return False
    # Only a speaker the writer named beside that quotation, outside its marks: not one a
    # quotation's own words bring in ("he said, 'Rosalind, …'").
    start = doc.paragraphs[previous.para].start
    last = doc.paragraphs[previous.last_para]
    stop = last.start + len(last.text)
    speaker = previous.speaker
    if not any(_in_narration(doc, m.start) for m in doc.people_between(start, stop) if speaker.key and m.key == speaker.key) and not any(
            _in_narration(doc, o.start) for o in doc.outsiders_between(start, stop) if speaker.name and o.name == speaker.name):
        return False
    for index in between:
        paragraph = doc.paragraphs[index]
        end = paragraph.start + len(paragraph.text)
        if doc.frags(index) or doc.people_between(paragraph.start, end) or doc.outsiders_between(paragraph.start, end):
            return False
        told = [found.group("p") or ("he" if found.group("o").lower() == "him" else "she")
                for found in _REPORTED_PRONOUN_RE.finditer(paragraph.text)]
        if not told or any(word.lower() != pronoun for word in told):
            return False
    return True


_HE_OR_SHE_RE = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
# ", whose", ", who": a relative clause right after a name, or after the age set beside it
# ("Hélène du Moulin, 81, who received …", round nineteen).
_TOPIC_AFTER_RE = re.compile(r",\s+(?:\d{1,3},\s+)?(?:who|whose)\b")


def _named_earlier_in_paragraph(
    doc: _Doc, frag: _Fragment, ordered: list[tuple[int, _Speaker, float]], pronoun: str
) -> _Speaker | None:
    """The one person a paragraph with no subject names as an object and then describes in a
    relative clause, in a sentence before the pronoun's: "That is small comfort to Ilic, whose
    film took six years. Reached by phone, he said …" is Ilic's, not the last speaker of the
    paragraph before (a guess: held for an editor). The clause is what makes the object the
    paragraph's topic: "despite warm reviews for Udeh." or "Ambrose's film" is not, unless the
    possessive opens the paragraph ("Ambrose's film, *Tallow*, was …"). Not a
    person named in a sentence that has a "he"/"she" of its own ("He pointed at Quintero, who
    had not moved." names the one who did not speak), nor one of two such people."""
    paragraph = doc.paragraphs[frag.para]
    objects = {speaker.key for _, speaker, _ in ordered if speaker.weak and speaker.key}
    found: set[str] = set()
    for mention in doc.people_between(paragraph.start, frag.open_at):
        if mention.key not in objects or not doc.fits(_Speaker(key=mention.key), pronoun):
            continue
        before = paragraph.text[: mention.start - paragraph.start]
        sentence_start = max(before.rfind(". "), before.rfind("? "), before.rfind("! ")) + 1
        if doc.is_possessive(mention):
            # "Thackeray's debut, *Blue Hour Motel*, was …": the person whose work heads the
            # paragraph's first sentence is its topic as much as "Ilic, whose film …" (round
            # twenty-six); a possessive further in ("like Varga's first") is a passing mention.
            if before.strip():
                continue
        elif not _TOPIC_AFTER_RE.match(doc.text(mention.end, mention.end + 14)):
            continue
        if _HE_OR_SHE_RE.search(before, sentence_start):
            continue
        between = doc.text(mention.end, frag.open_at)
        if not any(stop in between for stop in (". ", "? ", "! ")):
            continue  # the quote's own sentence: "He gave it to Ilic, who …: “…”"
        found.add(mention.key)
    return _Speaker(key=found.pop()) if len(found) == 1 else None


def _others_named_before(doc: _Doc, frag: _Fragment, chosen: _Speaker) -> bool:
    """Does the paragraph name a person other than ``chosen`` before the quotation (in the graph
    or not, whatever their gender)? Then a pronoun had a choice, and on first contact such
    choices were wrong on 4 of 18 pages (round thirty): the speaker is held for an editor."""
    start = doc.paragraphs[frag.para].start
    named = {m.key for m in doc.people if start <= m.start < frag.open_at}
    named |= {"name:" + o.name for o in doc.outsiders if start <= o.start < frag.open_at}
    return bool(named - {chosen.key or f"name:{chosen.name}"})


def _pronoun_before_name(doc: _Doc, frag: _Fragment, chosen: _Speaker, pronoun: str) -> bool:
    """Does the sentence that first names ``chosen`` in the paragraph, before the quotation,
    open with the pronoun as its subject ("She first read the script when Ada was still
    cutting …")? That "she" is somebody else, so the "she said" after it may be too (round
    thirty-one)."""
    paragraph = doc.paragraphs[frag.para]
    first = min((m.start for m in doc.people if m.key == chosen.key and paragraph.start <= m.start < frag.open_at),
                default=None) if chosen.key else None
    if first is None:
        return False
    at = first - paragraph.start
    opening = last_sentence(paragraph.text[:at])  # the sentence the name stands in, up to it
    sentence_start = opening[0] if opening else 0
    # The pronoun as the sentence's own subject, opening it: in a clause put first ("Asked
    # whether he believed in ghosts, Ludd laughed") a pronoun may well stand for the name after.
    return re.match(rf"{pronoun.capitalize()}\s", paragraph.text[sentence_start:at]) is not None


def _rivals(doc: _Doc, frag: _Fragment, chosen: _Speaker, pronoun: str, scene: bool) -> bool:
    """Could "he"/"she" as well mean another person the paragraph (or, when it names nobody,
    the one before) names as a subject? Only when the text never gendered the one chosen:
    "Ada Varga and Tomas Ilic arrived. “…,” he said." is a guess, not a fact."""
    if chosen.key is not None and doc.gender.get(chosen.key) or chosen.name and doc.gender.get("name:" + chosen.name):
        return False
    if chosen.unnamed in ("he", "she"):
        return False
    if chosen.key is not None and _someone_elses(doc, frag, chosen.key, pronoun):
        return True
    interpreted = _said_through_interpreter(doc, frag)
    for index in (frag.para, frag.para - 1):
        if index < 0:
            break
        subjects = [
            speaker for _, speaker in _subjects(doc, index, frag.open_at) if not speaker.weak and (scene or not speaker.character)
        ]
        # A role ("The composer recorded whale song. Ludovic Haraldsen spent a week …") is most
        # often the person the text names next: no rival to them, though a subject of the paragraph.
        others = {
            (s.key, s.name, s.unnamed) for s in subjects
            if s.role is None and doc.fits(s, pronoun) and not (interpreted and _named_as_interpreter(doc, index, s))
        } - {(chosen.key, chosen.name, chosen.unnamed)}
        if others:
            return True
        if subjects:
            return False
    return False


# "…,” he said through the interpreter": the words are the one who spoke them, rendered.
_THROUGH_INTERPRETER_RE = re.compile(
    r"\b(?:through|via)\s+(?:(?:an?|the|his|her|their)\s+)?(?:[\w’'\-]+\s+)?(?:interpreter|translator)\b"
)
# An interpreter named beside the name: "the festival's interpreter, Jiri Novak", "Jiri Novak,
# the interpreter".
_INTERPRETER_BEFORE_RE = re.compile(r"\b(?:interpreter|translator),?\s+$")
_INTERPRETER_AFTER_RE = re.compile(r",\s+(?:(?:an?|the|his|her|their)\s+)?(?:[\w’'\-]+\s+){0,2}(?:interpreter|translator)\b")


def _said_through_interpreter(doc: _Doc, frag: _Fragment) -> bool:
    """Does the attribution after the quotation say the words came through an interpreter?"""
    if frag.close_at is None:
        return False
    paragraph = doc.paragraphs[frag.para]
    end = min(frag.close_at + 100, paragraph.start + len(paragraph.text))
    return _THROUGH_INTERPRETER_RE.search(doc.text(frag.close_at, end)) is not None


def _named_as_interpreter(doc: _Doc, index: int, speaker: _Speaker) -> bool:
    """Is `speaker` named in paragraph `index` as the interpreter (round twenty-seven)? Then
    words "said through the interpreter" are not theirs to rival the one who spoke them."""
    paragraph = doc.paragraphs[index]
    end = paragraph.start + len(paragraph.text)
    if speaker.key:
        spans = [(m.start, m.end) for m in doc.people_between(paragraph.start, end) if m.key == speaker.key]
    elif speaker.name:
        spans = [(o.start, o.end) for o in doc.outsiders_between(paragraph.start, end) if o.name == speaker.name]
    else:
        return False
    return any(
        _INTERPRETER_BEFORE_RE.search(doc.text(max(paragraph.start, start - 40), start))
        or _INTERPRETER_AFTER_RE.match(doc.text(stop, min(end, stop + 60)))
        for start, stop in spans
    )


# People named by what they are to someone else: "her assistant, Jonas Brightwater",
# "Tomas Ilic, who worked as her editor". The possessive is never the person named.
_RELATION_NOUNS = (
    r"assistant|editor|producer|co-?star|collaborator|colleague|friend|partner|lawyer|attorney|agent|"
    r"publicist|manager|cinematographer|composer|mentor|protégé|protege|student|pupil|teacher|director|"
    r"writer|co-?writer|designer|double|stand-in|understudy|rival|neighbou?r|biographer|interpreter|"
    r"translator|driver|secretary|apprentice|muse|champion|successor|predecessor"
)
# Only heading its clause: "Through her publicist, Crole said" is Crole's own publicist.
_RELATION_BEFORE_RE = re.compile(
    rf"(?:^|[.;!?]\s+|\b(?:and|but|while)\s+)(?P<pos>[Hh]er|[Hh]is)\s+(?:[a-z][\w\-]*\s+){{0,2}}?(?:{_RELATION_NOUNS}),?\s+$"
)
_RELATION_AFTER_RE = re.compile(
    r",\s+(?:who\s+(?:[a-z]+ly\s+)?(?:worked|works|served|serves|was|is|had\s+been|has\s+been|became|"
    rf"becomes)\s+(?:as\s+)?)?(?P<pos>her|his)\s+(?:[a-z][\w\-]*\s+){{0,2}}?(?:{_RELATION_NOUNS})\b"
)


def _someone_elses(doc: _Doc, frag: _Fragment, key: str, pronoun: str) -> bool:
    """Does the paragraph, before the quotation, name the person a pronoun found by what they
    are to another of the pronoun's gender ("Jonas Brightwater, who worked as her assistant, …
    “…,” she said.")? Then that other one, whom the text has in mind, may as well be the
    speaker: a guess, held for an editor (round twenty-four)."""
    wanted = "her" if pronoun == "she" else "his"
    paragraph = doc.paragraphs[frag.para]
    for mention in doc.people_between(paragraph.start, frag.open_at):
        if mention.key != key:
            continue
        before = _RELATION_BEFORE_RE.search(doc.text(paragraph.start, mention.start))
        after = _RELATION_AFTER_RE.match(doc.text(mention.end, min(frag.open_at, mention.end + 80)))
        if any(found and found.group("pos").lower() == wanted for found in (before, after)):
            return True
    return False


