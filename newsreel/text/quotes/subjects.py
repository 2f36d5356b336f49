"""Subjects: the people a paragraph's sentences are about, in the order a pronoun or a bare
quotation may mean them (`_subjects`), with whether each one talks.

Depends on: words, speakers, document, outsiders, roles, unnamed, namesakes. Imported by the
attribution modules above it (relayed, implied, attribution); it imports none of them.
"""

from __future__ import annotations

import re

from newsreel.text.sentences import split_sentences
from newsreel.text.quotes.words import _NOT_NAMES, _SPEECH_KINDS, _VERB_RE
from newsreel.text.quotes.speakers import _Speaker
from newsreel.text.quotes.document import _SURNAME_PARTICLES, _Doc, paternal_surname_speaker
from newsreel.text.quotes.outsiders import ORG_RE, is_subject, speaks
from newsreel.text.quotes.roles import _role_subject
from newsreel.text.quotes.confidence import ROLE_REFERENCE
from newsreel.text.quotes.unnamed import (
    _NAMED_IN_APPOSITION_RE, _NOUN_GENDER, _PERSON_NOUN_RE, _anonymous_mid_sentence, _unnamed_partitive_subject,
    _unnamed_source, _unnamed_who_subject,
)
from newsreel.text.quotes.namesakes import _shared_surname_subjects


_SUBORDINATE_BEFORE = re.compile(r"\b(?:after|when|because|before|since|until|while|although|though|once|if)\s+$")

# A relative clause casting the actor, still open where a noun stands: ", who plays ", ", who
# plays a widow who takes in ", up to the noun with no comma or stop between.
_CASTING_CLAUSE_RE = re.compile(r",\s+who\s+(?:plays|played|portrays|portrayed)\s+(?:[^,;:.!?“”\"]*\s)?$")

# "the" right before a capitalised name: a prize, a hall, a festival; a person takes a role
# word between ("the producer Tomas Reyes").
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_OBJECT_BEFORE = re.compile(
    r"(?:\b(?:at|to|with|by|for|from|about|of|on|into|toward|towards|against|than|like|beside)\s+"
    r"(?:(?:the|a|an|his|her|their)\s+)?(?:[\w’'\-]+\s+){0,2}$)"
)
# The namesake a writer sets apart, anywhere in the clause after "no relation to/of" ("who is no
# relation of the film's star, Elodie Imbert"): never the sentence's subject, nor a pronoun's last
# resort (round fifty).
_SET_APART_RE = re.compile(
    r"\b(?:no\s+relation|not\s+related|unrelated|no\s+relative|no\s+kin)\s+(?:to|of)\s+[^.!?;:“”\"]{0,60}$"
)
# The one who cuts in, after a passive that says so: "X began to answer and was interrupted by
# Y", "was cut off by Y". A panel write-up's words after it are Y's, though Y stands after "by";
# "was joined by", "was produced by" give Y nothing to say (round twenty-six).
_CUT_IN_BY_RE = re.compile(
    r"\b(?:interrupted|overtaken|cut\s+off|beaten\s+to\s+it|talked\s+over|pre-?empted|upstaged)\s+by\s+$"
)
# A prize a sentence opens on, given to the person after it: "Best actress went to Ngaio
# Whitcombe for …", "The lifetime award goes to …". The one who won is whom the sentence is
# about, not a preposition's object a pronoun passes by (round nineteen).
_AWARDED_TO_RE = re.compile(
    r"\s*(?:[A-Z][\w’'\-]*)(?:\s+[\w’'\-]+){0,4}?\s+(?:went|goes|has\s+gone|was\s+given|was\s+awarded|was\s+presented)\s+to\s+$"
)
# What joins a second object to a first: "with the director X and the gaffer Y".
_JOINED_OBJECT_RE = re.compile(r"\s+(?:and|or)\s+(?:(?:the|a|an|his|her|their)\s+)?(?:[a-z][\w’'\-]*\s+){0,2}$")

# A prize, a lecture or a grant named after someone: "the Aurelio Fenn Prize", "the Varga Award".
# "His sister Agnes (Maren Olafsdottir) slides out": a part the article casts, its actor in
# parentheses after it. The sentence is about the character; a line after it is the film's, on
# nobody's page, and the actor is no subject (round forty-seven: a trailer's lines went to the cast).
_PART_BEFORE_ACTOR_RE = re.compile(r"\b([A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,2})\s+\($")
_ACTOR_CLOSED_RE = re.compile(r"\s*\)")
_NAMES_A_PRIZE_RE = re.compile(r"(?:['’]s)?\s+(?:Prize|Award|Medal|Trophy|Fellowship|Lecture|Scholarship|Grant|Bursary)\b")

_SEMICOLON_RE = re.compile(r";\s+")
# A sentence opening on "He"/"She" and a verb: "She married the producer …", "Later he hired …".
_PRONOUN_OPENS_RE = re.compile(
    r"\s*(?:(?:But|And|Then|Later|Still|Yet|There)\s+)?(He|She)\s+(?:[a-z]+ly\s+)?(?!and\b|or\b|with\b)[a-z][a-z’'\-]+\b"
)


def _subjects(doc: _Doc, index: int, before: int) -> list[tuple[int, _Speaker]]:
    """People paragraph `index` names as sentence subjects before offset `before`, latest
    first: per sentence, the person a speech verb follows ("..., Baker added."), else the
    first person named outside quote marks and not as a possessive, then the others."""
    paragraph = doc.paragraphs[index]
    if paragraph.kind not in _SPEECH_KINDS:
        return []
    if paragraph.kind == "quote" and not doc.frags(index):
        # A block quote without quote marks is somebody's words (a statement, an answer, an
        # excerpt), not the narration: "She will tell you …" in it is no one "she" after it means.
        return []
    limit = min(before, paragraph.start + len(paragraph.text)) - paragraph.start
    memo = doc.subjects_memo.get((index, limit))
    if memo is None:
        memo = doc.subjects_memo[(index, limit)] = _find_subjects(doc, index, limit)
    return memo


# A verb of saying and "that" just before a name: "He added that Solvang deserved the prize". The
# name is inside what the sentence's subject says, not who speaks next (round forty-two).
_REPORTED_THAT_RE = re.compile(
    r"\b(?:said|says|added|adds|insisted|insists|admitted|admits|conceded|concedes|noted|notes|argued|argues|"
    r"explained|explains|agreed|agrees|claimed|claims|suggested|suggests|joked|jokes|stressed|stresses|"
    r"acknowledged|acknowledges|allowed|allows|thought|thinks|believes|believed|felt|feels)\s+that\s+$"
)


def _inside_reported_that(before_name: str) -> bool:
    """Does the sentence, up to a name, end on a verb of saying and "that"?"""
    return before_name.endswith("that ") and _REPORTED_THAT_RE.search(before_name) is not None


# "asks her whether", "told him that": a verb of asking or telling whose object is a pronoun.
_ADDRESSES_RE = re.compile(
    r"(?P<gap>[^.;:!?“”\"A-Z]{0,60}?)\b(?:asks?|asked|tells?|told|reminds?|reminded|warns?|warned|promises?|promised)"
    r"\s+(her|him)\b"
)
# A word opening another clause between the name and the verb: "X rewrote it, after Y told her".
_OTHER_CLAUSE_RE = re.compile(r"\b(?:after|before|when|while|because|since|until|as|who|which|that|and|but|or|if)\b")


def _addressed_pronoun(sentence: str, end: int) -> str | None:
    """"she" when the name ending at `end` asks or tells "her" something in its own clause
    ("Maddow, passing with a coffee, asks her whether …"): the answer a "she" gives next is
    not the asker's. None otherwise."""
    if "her" not in sentence and "him" not in sentence:
        return None  # the cheap test
    found = _ADDRESSES_RE.match(sentence, end)
    if found is None or _OTHER_CLAUSE_RE.search(found.group("gap")):
        return None  # no such verb, or it is another subject's
    return "she" if found.group(2) == "her" else "he"


def _object_of_pronoun(sentence: str, at: int) -> str | None:
    """"she" when the sentence opens on "She" and her verb, and the name at `at` follows in
    the same clause ("She married the producer Laszlo …"): the name is her verb's object, and
    a later "she" in the paragraph is still the woman the sentence is about (round
    twenty-seven). None once a comma, "and" or "but" opens another clause before the name."""
    opens = _PRONOUN_OPENS_RE.match(sentence)
    if opens is None or opens.end() > at:
        return None
    between = sentence[opens.end() : at]
    if any(mark in between for mark in ",;:") or re.search(r"\b(?:and|but|while|who|which)\b", between):
        return None
    return opens.group(1).lower()


def _clauses(text: str, spans: list[tuple[int, int]], quoted: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences, each cut at its semicolons outside quote marks: a clause after a
    semicolon has a subject of its own, nearer a pronoun after it than the sentence's first
    ("Chiamaka held the statuette and cried; Adaeze did the talking. “…,” she said." is
    Adaeze's, round nineteen)."""
    if ";" not in text:
        return spans
    cut: list[tuple[int, int]] = []
    for s, e in spans:
        start = s
        for semicolon in _SEMICOLON_RE.finditer(text, s, e):
            if not any(qs <= semicolon.start() < qe for qs, qe in quoted):
                cut.append((start, semicolon.start() + 1))
                start = semicolon.end()
        cut.append((start, e))
    return cut


def _relative_named_before(doc: _Doc, phrase: str, before: int) -> str | None:
    """The one graph person the article named beside the same possessive noun before `before`:
    "with his sister, Lise Vask", "his sister Lise Vask", "Lise Vask, his sister," for a later
    "His sister"."""
    words = phrase.lower().split()
    if len(words) != 2 or words[0] not in ("his", "her"):
        return None  # cheap first test: "his/her" and the noun alone
    kin = rf"\b{words[0]}\s+{re.escape(words[1])}"
    found = set()
    for m in doc.people:
        if m.start >= before:
            break
        para = doc.paragraphs[doc.para_of(m.start)]
        ahead = doc.text(max(para.start, m.start - 30), m.start)
        after = doc.text(m.end, m.end + 30)
        if re.search(rf"(?i){kin},?\s+$", ahead) or re.match(rf"(?i),\s+{kin}\b", after):
            found.add(m.key)
    return found.pop() if len(found) == 1 else None


# "Stan Okereke's answer was black flags on the ceiling.": the one whose answer the sentence opens on.
_ANSWER_OWNER_RE = re.compile(
    r"(?P<name>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,3})['’]s\s+(?:[a-z]+\s+)?"
    r"(?:answer|reply|response|solution|fix|verdict|advice|retort)\b"
)


def _answer_owner(doc: _Doc, sentence: str, base: int) -> list[tuple[bool, bool, int, _Speaker]]:
    """The person whose answer or solution opens the sentence ("Stan Okereke's answer was black
    flags. “We blacked out the sky, basically.”"): the sentence's subject, as if they had spoken
    it (round seventy-two). A graph person by their mention, anyone else as written."""
    found = _ANSWER_OWNER_RE.match(sentence.lstrip())
    if found is None or found.group("name").split()[0] in _NOT_NAMES:
        return []
    at = base + len(sentence) - len(sentence.lstrip()) + found.start("name")
    mention = doc.person_at(at, slack=0)
    if mention is not None:
        return [(False, False, at, _Speaker(key=mention.key))]
    name = found.group("name")
    if len(name.split()) < 2 and not any(o.name.split()[-1] == name for o in doc.outsiders if o.start < at):
        return []  # a capitalised word alone, known as nobody's surname: no subject to give
    return [(False, False, at, doc.resolve_name(name, at))]


def _find_subjects(doc: _Doc, index: int, limit: int) -> list[tuple[int, _Speaker]]:
    paragraph = doc.paragraphs[index]
    quoted = [
        (f.open_at - paragraph.start, (f.close_at or paragraph.start + len(paragraph.text)) - paragraph.start)
        for f in doc.frags(index)
    ]
    found: list[tuple[int, _Speaker]] = []
    for s, e in reversed(_clauses(paragraph.text, split_sentences(paragraph.text[:limit]), quoted)):
        people = [
            m for m in doc.people_between(paragraph.start + s, paragraph.start + e)
            if not any(qs <= m.start - paragraph.start < qe for qs, qe in quoted)
        ]
        sentence = paragraph.text[s:e]
        base = paragraph.start + s
        # (not the subject, no speech verb follows, position, speaker). A possessive ("Okafor's
        # film"), the object of a preposition ("He pointed at Quintero") or an actor named for
        # a character ("the mother, played by Colette Imbert") is not who speaks next: a
        # pronoun's last resort only.
        ranked: list[tuple[bool, bool, int, _Speaker]] = []
        cut_in: set[int] = set()  # the speakers who cut in on the sentence's subject
        object_end = None  # where the latest person named as a preposition's object ends
        for m in people:
            before_name = paragraph.text[s : m.start - paragraph.start]
            if _SET_APART_RE.search(before_name):
                continue  # not even a pronoun's last resort
            cuts_in = _CUT_IN_BY_RE.search(before_name) is not None
            weak = not cuts_in and (doc.is_possessive(m) or (
                _OBJECT_BEFORE.search(before_name) is not None and _AWARDED_TO_RE.fullmatch(before_name) is None
            ) or _inside_reported_that(before_name))
            # "…, after Tomas Ilic told her …": the subject of a clause the sentence leans on,
            # not of the sentence; it talks to the sentence's subject, who stays first.
            talks = cuts_in or bool(_VERB_RE.match(doc.text(m.end, m.end + 40).lstrip(" ,"))) and not _SUBORDINATE_BEFORE.search(
                paragraph.text[s : m.start - paragraph.start]
            )
            part = _part_played(doc, m, before_name, people)
            if part is not None:
                weak, talks = True, False
                after = m.end + len(_ACTOR_CLOSED_RE.match(doc.text(m.end, m.end + 3)).group(0))
                part_talks = bool(_VERB_RE.match(doc.text(after, after + 40).lstrip(" ,")))
                ranked.append((False, not part_talks, base + part, _Speaker(unnamed="any", explicit=part_talks)))
            if _NAMES_A_PRIZE_RE.match(doc.text(m.end, m.end + 20)):
                # "The Aurelio Fenn Prize … went to Abedi": a name inside a prize's name is the
                # prize's, never a subject who speaks (round twenty-eight).
                weak, talks = True, False
            if not weak and not talks and object_end is not None and _JOINED_OBJECT_RE.match(doc.text(object_end, m.start)):
                weak = True  # "she worked with the director X and the gaffer Y": Y is an object too
            if weak and not doc.is_possessive(m):
                object_end = m.end
            ranked.append((
                weak, not talks, m.start,
                _Speaker(key=m.key, weak=weak, explicit=talks and not weak, object_of=None if talks else _object_of_pronoun(sentence, m.start - base),
                         addresses=None if weak else _addressed_pronoun(sentence, m.end - base)),
            ))
            if cuts_in:
                cut_in.add(id(ranked[-1][3]))
        # Speakers outside the graph who stand as the sentence's subject ("Analyst Gil Haber
        # was more cautious.", "Universal said"), ranked like graph people.
        ranked += _outsider_subjects(doc, sentence, base, paragraph.start + e, paragraph.start, quoted, cut_in)
        if doc.shared_surnames:
            ranked += _shared_surname_subjects(doc, sentence, base, people, quoted, paragraph.start)
        ranked += _role_subject(doc, sentence, base, people)
        ranked += _answer_owner(doc, sentence, base)
        organisation = ORG_RE.match(sentence)
        if (
            organisation
            and organisation.group(0).split()[0] not in _NOT_NAMES
            and speaks(sentence, organisation.end())
            # "Screenwriter Fenella Okafor-Briggs revealed": a role word before a person's name
            # is no organisation; the person is the subject.
            and not any(m.start < base + organisation.end() for m in people)
            and not doc.outsiders_between(base, base + organisation.end())
        ):
            # "Echeverría said the budget …" after Maricruz Echeverría Santibáñez: the first of
            # two surnames, not a company (round thirty-six).
            paternal = paternal_surname_speaker(doc, organisation.group(0), base)
            ranked.append((False, False, base, paternal or _Speaker(name=organisation.group(0), explicit=True)))
        # An unnamed source opening the sentence and speaking ("A former supervisor, who asked
        # not to be named, said…", "A member of the crew told…"): nobody's page, and a pronoun
        # after it is theirs, never the last person named.
        source = _unnamed_source(sentence)
        if source is not None and not any(m.start - base < source for m in people):
            ranked.append((False, False, base, _Speaker(unnamed="any", explicit=True)))
        # One of a group, or anybody the text leaves unnamed on purpose, introduced mid-sentence
        # with the clause that says so ("Several shopkeepers complained, and one, who asked not to
        # be named, said the crew …"): the pronoun of the quotation after it is theirs, nobody's
        # page, never the person named in the paragraph before (round thirty-three).
        for anonymous, talks in _anonymous_mid_sentence(sentence):
            if not any(qs <= s + anonymous < qe for qs, qe in quoted):
                ranked.append((False, not talks, base + anonymous, _Speaker(unnamed="any", explicit=talks)))
        # Somebody a relative clause says is a person, introduced unnamed as the sentence's
        # subject ("Afterwards, a festival volunteer who had been running the microphone summed
        # up the hour."): a pronoun's quotation after it is theirs, nobody's page, never the last
        # person named before (round eighteen).
        who = _unnamed_who_subject(sentence)
        if who and not any(m.start - base < who for m in people):
            ranked.append((False, True, base, _Speaker(unnamed="any")))
        # One of a group the text does not name ("One of the electricians, wringing out a
        # glove, has a simpler view of the night. “…,” he says."): a pronoun's quotation after
        # it is theirs, nobody's page, never the last person named (round nineteen).
        partitive = _unnamed_partitive_subject(sentence)
        if partitive and not any(m.start - base < partitive for m in people):
            talks = speaks(sentence, partitive)
            ranked.append((False, not talks, base, _Speaker(unnamed="any", explicit=talks)))
        # A person the text names only by a noun ("the mother", "his daughter"): a character
        # or a stranger, nobody's page; a pronoun that fits them is theirs.
        for person in _PERSON_NOUN_RE.finditer(sentence):
            at = person.start()
            if any(qs <= s + at < qe for qs, qe in quoted) or not is_subject(sentence, at, person.end()):
                continue
            if _NAMED_IN_APPOSITION_RE.match(sentence, person.end()):
                continue  # "Her brother, the actor Tobias Keyes, said": named, and found as a name
            noun = (person.group("noun") or person.group("job")).lower()
            relative = _relative_named_before(doc, person.group(0), base + at) if person.group(0)[:1] in "Hh" else None
            if relative is not None:
                # "his sister, Lise Vask" earlier, then "His sister is blunter.": the relative the
                # article named, held for an editor as a role reference is (round forty-three).
                talks = speaks(sentence, person.end())
                ranked.append((False, not talks, base + at,
                               _Speaker(key=relative, explicit=talks, confidence=ROLE_REFERENCE)))
                continue
            # "Osei, who plays a widow who takes in a stranger, …": the part the clause casts,
            # a character, who speaks only a scene's lines (round twenty-seven).
            part = _CASTING_CLAUSE_RE.search(sentence, 0, at) is not None
            ranked.append((False, True, base + at, _Speaker(unnamed=_NOUN_GENDER.get(noun, "any"), character=part)))
        # The one who cuts in comes first: the subject was cut off before speaking.
        ranked.sort(key=lambda item: (id(item[3]) not in cut_in, *item[:3]))
        sentence_found = [(pos, speaker) for _, _, pos, speaker in ranked]
        # Latest sentence first; within a sentence its subject first (positions keep the
        # sentence's order against quotations when merged by the caller).
        top = max((pos for pos, _ in sentence_found), default=0)
        found.extend((top if n == 0 else pos, sp) for n, (pos, sp) in enumerate(sentence_found))
    return found


def _part_played(doc: _Doc, m, before_name: str, people: list) -> int | None:
    """Where the part stands in its sentence when `m` is its actor, named in parentheses right
    after it ("Agnes (Maren Olafsdottir)"), and the part is a character the article casts; else None."""
    found = _PART_BEFORE_ACTOR_RE.search(before_name)
    if found is None or not _ACTOR_CLOSED_RE.match(doc.text(m.end, m.end + 3)) or not doc.is_character(found.group(1)):
        return None
    part_end = m.start - (len(before_name) - found.end(1))
    if any(other is not m and other.start < part_end and other.end > part_end - len(found.group(1)) for other in people):
        return None  # a person's own name before the parentheses: "Tobin Grace (his co-star)"
    return found.start(1)


def _outsider_subjects(
    doc: _Doc, sentence: str, base: int, end: int, para_start: int, quoted: list[tuple[int, int]],
    cut_in: set[int],
) -> list[tuple[bool, bool, int, _Speaker]]:
    """Names outside the graph standing as the subject of the sentence at `base`, ranked as
    `_find_subjects` ranks people: (weak, not talking, position, speaker); the ids of those
    who cut in on the subject ("was interrupted by Gil Haber") are added to `cut_in`."""
    ranked: list[tuple[bool, bool, int, _Speaker]] = []
    for outsider in doc.outsiders_between(base, end):
        at, stop = outsider.start - base, outsider.end - base
        if any(qs <= outsider.start - para_start < qe for qs, qe in quoted):
            continue
        if _CUT_IN_BY_RE.search(sentence, 0, at):
            ranked.append((False, False, outsider.start, _Speaker(name=outsider.name, explicit=True)))
            cut_in.add(id(ranked[-1][3]))
            continue
        if _OBJECT_BEFORE.search(sentence, 0, at) or _THE_BEFORE.search(sentence, 0, at):
            # "The jury of the Corran Bay Film Festival gave …" (the jury acts, not the
            # festival), "its top prize, the Golden Gull, to …": nobody a pronoun means.
            continue
        if is_subject(sentence, at, stop):
            talks = speaks(sentence, stop)
            speaker = _Speaker(name=outsider.name, explicit=talks, character=doc.is_character(outsider.name))
            if outsider.shared:
                # "Garside is unbothered" after Hesper (outside the graph) and Idony Garside:
                # a shared surname's guess, held for an editor, else the name as written.
                shared = doc.resolve_name(outsider.name, outsider.start)
                speaker = _Speaker(key=shared.key, name=shared.name, explicit=talks, confidence=shared.confidence)
            elif " " not in outsider.name or outsider.name.split()[0].lower() in _SURNAME_PARTICLES:
                # "De la Peña said the budget …" after Nicolás de la Peña Ugarte: the first of
                # two surnames, the one person named so who carries it (round thirty-six).
                paternal = paternal_surname_speaker(doc, outsider.name, outsider.start)
                if paternal is not None:
                    speaker = _Speaker(key=paternal.key, explicit=talks, confidence=paternal.confidence)
            ranked.append((False, not talks, outsider.start, speaker))
    return ranked
