"""Attribution: the speaker an attribution names ("Baker explained", "said a spokesperson"), or the one
the text implies (pronouns, follow-on quotes).

Depends on: words, fragments, speakers, document, outsiders, and the attribution modules below it
(confidence, roles, unnamed, namesakes, subjects, relayed, explicit, scenes, implied); none of them imports
this module. It keeps the main flow (`_attribute`) and re-exports what the rest of the package
imports from here.
"""

from __future__ import annotations

import re
from dataclasses import replace

from newsreel.text.credits import CREDIT_LINE_RE, answered_line
from newsreel.text.sentences import last_sentence
from newsreel.text.quotes.words import _ANY_SPEECH_RE, _ROLE_RE, _SPEECH_KINDS, _VERB_ALT
from newsreel.text.quotes.fragments import _Fragment, _Group
from newsreel.text.quotes.speakers import _Said, _Speaker
from newsreel.text.quotes.document import SHARED_SURNAME_ESTABLISHED, _Doc
from newsreel.text.quotes.outsiders import is_subject
from newsreel.text.quotes.confidence import (
    AMBIGUOUS, BARE_SUBJECT, EXPLICIT_MENTION, EXPLICIT_NAME, LIST_LEAD, PREVIOUS_PARAGRAPH, PRONOUN_AMONG_OTHERS,
    PRONOUN_BEFORE_NAME, PRONOUN_SAME_PARAGRAPH, RELAYED, woven_confidence,
)
from newsreel.text.quotes.unnamed import _ANONYMITY_RE
from newsreel.text.quotes.namesakes import (
    _disclaimed_namesake, _named_by_a_shared_surname, _namesake_the_relative_of, _relative_of_the_named, _outsider_by_apposed_post, _outsider_by_role, _relative_of_the_dead, _surname_shared_with_outsider,
)
from newsreel.text.quotes.subjects import _subjects
from newsreel.text.quotes.explicit import (
    _after_attribution, _before_attribution, _lead, _lead_in_paragraph_before, _who,
)
from newsreel.text.quotes.corrections import disowned
from newsreel.text.quotes.questions import inline_question_answer
from newsreel.text.quotes.scenes import (
    _character_line, _given_as_a_line, _repeated_line, _says_in_a_film, _trailer_line, _voice_over,
)
from newsreel.text.quotes.implied import _attribution_pronoun, _implied_speaker, _only_quote

# A paragraph just after a block quote that opens on a dash is its credit unless a relative clause
# makes the name a sentence's subject: "— Ada Varga, who directed it, disagrees." is prose.
CREDIT_CLAUSE_RE = re.compile(r"\b(?:who|which|that|whose|whom)\b")


# "She told them that “…”": a lead-in whose speech verb reports a clause, the quotation inside it.
_REPORTS_THAT_RE = re.compile(rf"\b(?:{_VERB_ALT})\b(?:\s+[^\s.;:!?“”\"]+){{0,6}}?\s+that\s*$")


def _attribute(doc: _Doc, group: _Group, history: list[_Said]) -> _Speaker:
    revealed = _quiz_answer(doc, group) or _dated_quote(doc, group)
    if revealed is not None:
        return revealed
    candidates, relayed = _candidates(doc, group)
    speaker = _speaker_of(doc, group, history, candidates)
    corrected = disowned(doc, group, speaker) if speaker.known else None
    if corrected is not None:
        # "… told us: “…”. In fact the words were those of her co-star, X." (round forty-eight)
        return corrected
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
    if speaker.key and _says_in_a_film(doc, group, speaker.key):
        # "in *Halfpenny Bridge* Margery Quell says, “…”": her part's line, held (round fifty-seven).
        return replace(speaker, confidence=min(speaker.confidence, AMBIGUOUS))
    as_a_line = _given_as_a_line(doc, group) if speaker.key else None
    if as_a_line == "trailer":
        # "He says the line everyone was waiting for:" in a trailer piece: the part's line, on
        # screen (round forty-seven): nobody's page.
        return _Speaker(explicit=True, confidence=PRONOUN_SAME_PARAGRAPH)
    if as_a_line == "held":
        return replace(speaker, confidence=min(speaker.confidence, AMBIGUOUS))
    if relayed and speaker.known:
        # Words passed on by someone who heard them: held for an editor, as every quote told
        # second-hand is.
        return replace(speaker, confidence=min(speaker.confidence, RELAYED))
    if speaker.key and _passed_on_in_a_block_quote(doc, group):
        # "Today Benedita came over at lunch and said, “…”" inside a letter printed as a block
        # quote: the letter's writer passes the words on, so they are held (round sixty-five).
        return replace(speaker, confidence=min(speaker.confidence, RELAYED))
    if speaker.key and speaker.confidence >= AMBIGUOUS and _named_inside_after_colon(doc, group, speaker.key):
        # "On draft five, a portrait of her star, Maud Linderby, smiling: “Why is Maud smiling?”":
        # the person a colon's lead-in names is talked about inside the words, so someone else
        # speaks them; held (round sixty).
        return replace(speaker, confidence=min(speaker.confidence, AMBIGUOUS))
    by_role = _outsider_by_role(doc, group, speaker.key) if speaker.key else None
    if by_role is not None:
        # "The mayor said she hoped … “…,” Saberi said." after "Mayor Petra Saberi" and the
        # actor Imogen Saberi: the post the paragraph just gave the speaker is the one the
        # article gave the outsider, so the surname is hers (round thirty-three).
        return by_role
    by_post = _outsider_by_apposed_post(doc, group, speaker.key) if speaker.key and speaker.explicit else None
    if by_post is not None:
        # "“…,” Thorne, the analyst, said" after "Dominic Thorne, an analyst at …" and the
        # director Imogen Thorne: the post the attribution adds is the outsider's (round forty-six).
        return by_post
    disclaimed = (_disclaimed_namesake(doc, group, speaker.key) or _namesake_the_relative_of(doc, group, speaker.key)
                  or _relative_of_the_named(doc, group, speaker.key)
                  if speaker.key and speaker.explicit else None)
    if disclaimed is not None:
        # "She is Hedda Maddow, … no relation to the film's star, Corin Maddow. … “…,” Maddow
        # said": the star is named only to be set apart, so the surname is hers (round forty-five).
        return disclaimed
    heir = _relative_of_the_dead(doc, group, speaker.key) if speaker.key and speaker.explicit else None
    if heir is not None:
        # "Vantongeren died in 1971. His son, Lauro Vantongeren, …. “…,” Vantongeren said": the
        # dead say nothing now; the living relative named in full just before does (round sixty-four).
        return heir
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


def _passed_on_in_a_block_quote(doc: _Doc, group: _Group) -> bool:
    """Does the quotation open inside a block quote after its writer's own words ("Today Benedita
    came over at lunch and said, “…”"), rather than being the block quote itself?"""
    first = group.fragments[0]
    paragraph = doc.paragraphs[first.para]
    if paragraph.kind != "quote":
        return False
    before = doc.text(paragraph.start, first.open_at)
    return len(before.split()) >= 3


def _named_inside_after_colon(doc: _Doc, group: _Group, key: str) -> bool:
    """Does a lead-in ending in a colon name the speaker, and the quotation then name them in
    the third person by their first name or surname ("Why is Maud smiling?")?"""
    first = group.fragments[0]
    lead, _ = _lead(doc, first)
    if not lead.rstrip().endswith(":"):
        return False
    words = doc.full_name(key, "").split()
    if not words:
        return False
    inside = " ".join(doc.text(f.open_at, f.close_at or f.open_at + 400) for f in group.fragments)
    return any(re.search(rf"(?<![\w’'\-]){re.escape(word)}(?![\w’'\-])", inside)
               for word in {words[0], words[-1]} if len(word) > 2)


# "**1967, *Sightline*:** “…”": a year and where it was said, in bold, before the quotation.
_DATED_LABEL_RE = re.compile(r"^(?:1[89]|20)\d\d\b[^“”\"\n]{0,80}:\s*$")
_MIN_DATED_QUOTES = 3


def _dated_quote(doc: _Doc, group: _Group) -> _Speaker | None:
    """A "career in quotes" sidebar's quotation, each under a bold label of its year and outlet
    ("**1984, *The Hessingford Courier*:** “…”"): the words of the person the article is about,
    not the outlet's; held, since no line names the speaker (round sixty). None for any other
    quotation, or where fewer than three paragraphs are labelled so."""
    first = group.fragments[0]
    if not _dated_label_before(doc, first.para, first.open_at):
        return None
    labelled = sum(1 for i, p in enumerate(doc.paragraphs) if p.kind == "paragraph" and any(
        _dated_label_before(doc, i, f.open_at) for f in doc.frags(i)[:1]))
    subject = doc.headline_person or doc.protagonist
    if labelled < _MIN_DATED_QUOTES or subject is None:
        return None
    return _Speaker(key=subject, explicit=True, confidence=PREVIOUS_PARAGRAPH)


def _dated_label_before(doc: _Doc, para: int, open_at: int) -> bool:
    """Does the paragraph open with a bold label of a year, set off by a colon, right before `open_at`?"""
    paragraph = doc.paragraphs[para]
    lead = paragraph.text[: open_at - paragraph.start]
    if not _DATED_LABEL_RE.match(lead):
        return False
    return any(start == 0 and end >= len(lead.rstrip()) - 1 for start, end in paragraph.emphasis)


def _quiz_answer(doc: _Doc, group: _Group) -> _Speaker | None:
    """A quiz's numbered line is the one its reveal names first ("**Answer:** Verne, to this
    magazine"), held, since a quiz plays with whose words are whose; nobody's when the reveal
    opens otherwise ("A character.", "Neither!"). None for any other quotation (round fifty-two)."""
    first = group.fragments[0]
    reveal = answered_line(doc.paragraphs, first.para)
    if reveal is None:
        return None
    named = doc.person_at(reveal, slack=0)
    if named is not None and doc.text(named.end, named.end + 1) in (",", ".", ";", ":"):
        return _Speaker(key=named.key, explicit=True, confidence=AMBIGUOUS)
    return _Speaker(explicit=True, confidence=PRONOUN_SAME_PARAGRAPH)


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
    if pronoun in (None, "he", "she"):
        first = group.fragments[0]
        answering = inline_question_answer(doc, first.open_at, first.para)
        if answering is not None:
            # "*Why?* “Because …”": an essay's inline question, answered (round fifty-four).
            return answering
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
    # A credited heading's credit is a plain paragraph under it (round fifty).
    kinds = (paragraph.kind, "paragraph") if paragraph.kind in ("quote", "heading") else (paragraph.kind,)
    if below.kind not in kinds or not CREDIT_LINE_RE.match(below.text) or len(below.text) > 140:
        return None
    if below.kind != paragraph.kind and CREDIT_CLAUSE_RE.search(below.text):
        return None
    speaker, _ = _after_attribution(doc, below.start, below.text)
    return speaker if speaker is not None and speaker.known else None
