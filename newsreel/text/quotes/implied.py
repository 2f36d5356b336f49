"""Implied speakers: the speaker the text implies rather than names: a pronoun's ("…,” she
said") and the subject it finds, a follow-on or bare quotation carried from the same
speaker's last one, speech reported in between, and the checks that lower a guess's
confidence (others named first, an interpreter, someone else's relative).

Depends on: words, fragments, speakers, document, confidence, roles, subjects, scenes.
Imported by attribution.py (and through it by blockquotes); it imports no module above it.
"""

from __future__ import annotations

import functools
import itertools
import re
from typing import Iterator

from newsreel.text.sentences import last_sentence
from newsreel.text.quotes.words import _VERB_ALT, _WORD_RE
from newsreel.text.quotes.fragments import _Fragment, _Group
from newsreel.text.quotes.speakers import _Said, _Speaker
from newsreel.text.quotes.document import _Doc, _in_narration
from newsreel.text.quotes.confidence import (
    AMBIGUOUS, BARE_SUBJECT, DISTANT, FOLLOW_ON, PREVIOUS_PARAGRAPH, PRONOUN_AMONG_OTHERS, PRONOUN_BEFORE_NAME,
    PRONOUN_SAME_PARAGRAPH, REJOINDER, ROLE_REFERENCE,
)
from newsreel.text.quotes.roles import _credits_deny
from newsreel.text.quotes.subjects import _subjects
from newsreel.text.quotes.scenes import _scene_verb


def _only_quote(doc: _Doc, group: _Group) -> bool:
    """Is the quotation (with at most a short attribution) all its last paragraph holds?"""
    last = group.fragments[-1]
    paragraph = doc.paragraphs[last.para]
    outside = paragraph.text
    for f in doc.frags(last.para):
        outside = outside.replace(doc.text(f.open_at, (f.close_at or paragraph.start + len(paragraph.text))), " ")
    return len(_WORD_RE.findall(outside)) <= 6


_PRONOUN_ATTRIBUTION_RE = re.compile(rf"[\s,]*(he|she|I)\s+(?:[a-z]+ly\s+)?(?:{_VERB_ALT})\b", re.IGNORECASE)


def _attribution_pronoun(doc: _Doc, group: _Group) -> str | None:
    """"he" or "she" when the quotation's own attribution is a pronoun ("“…,” she said"), "i"
    when it is the writer's ("“…?” I asked")."""
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
    # The writer's own "I asked" is never the "he" who answers (round fifty-eight).
    return pronoun in ("he", "she") and said.pronoun in ("he", "she", "i") and said.pronoun != pronoun


_EXCHANGE_REACH = 6  # paragraphs back where the other voice of an exchange last spoke
# "He was also patient.", "… He has always added two minutes": a sentence about a man or a woman.
_SUBJECT_PRONOUN_RE = re.compile(r"(?:^|[.!?]\s+)[“\"]?(He|She)\b")
_OBJECT_FORMS = {"he": r"\b(?:he|him|his|he's|he'd|he’s|he’d)\b", "she": r"\b(?:she|her|hers|she's|she'd|she’s|she’d)\b"}


def _speaks_of(doc: _Doc, group: _Group, said: _Said) -> bool:
    """Do the quotation's words open a sentence on the pronoun the previous quotation's own
    attribution called its speaker ("he said" … "“He was also patient.”")?"""
    if said.pronoun not in ("he", "she"):
        return False
    words = " ".join(doc.text(f.start, f.end) for f in group.fragments)
    if not any(found.group(1).lower() == said.pronoun for found in _SUBJECT_PRONOUN_RE.finditer(words)):
        return False
    # Unless the one who just spoke was talking of somebody else so ("“Juno carried us. …
    # she'd start singing,” she said." / "“She also never told anyone …”" is still about Juno).
    spoken = " ".join(doc.text(f.start, f.end) for index in range(said.para, said.last_para + 1)
                      for f in doc.frags(index) if f.open_at >= said.start)
    return re.search(_OBJECT_FORMS[said.pronoun], spoken, re.IGNORECASE) is None


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
        elif pronoun is None and _speaks_of(doc, group, previous) and _only_quote(doc, group):
            # "“… I was cheap,” he said." / "“He was also patient. He just hid it.”": the words
            # talk about the one who just spoke, so the other voice of the exchange answers
            # (round seventy-one); held.
            other = next((said.speaker for said in reversed(history[:-1]) if said.para >= frag.para - _EXCHANGE_REACH
                          and said.speaker.known and (said.speaker.key, said.speaker.name)
                          != (previous.speaker.key, previous.speaker.name)), None)
            if other is not None:
                candidates.append((other, REJOINDER))
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
    spoken_of = functools.cache(lambda: _spoken_of(doc, group))
    askers: set[str] = set()
    for speaker, sure in itertools.chain(candidates, further() if pronoun is not None else ()):
        if speaker.character and not scene:
            continue
        if other is not None and speaker.known and (speaker.key, speaker.name) == (other.key, other.name):
            continue
        if pronoun is not None and speaker.object_of == pronoun:
            seen.append((speaker, sure))
            continue  # "She married X. … “…,” she told": X is her verb's object, not the "she"
        if pronoun is not None and (speaker.addresses == pronoun or (speaker.key and speaker.key in askers)):
            # "X asks her whether …" / "“…,” she tells him": the one asked answers, not X, who
            # is not found again further back (as the article's protagonist, say).
            if speaker.key:
                askers.add(speaker.key)
            continue
        if pronoun in ("he", "she") and speaker.key and speaker.key in spoken_of():
            continue  # "“I did not copy Wendt's film,” he said": nobody calls himself "Wendt"
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


def _spoken_of(doc: _Doc, group: _Group) -> frozenset[str]:
    """The graph people the quotation's own words name by their surname alone, in the third
    person ("Wendt's film", "asked Wendt what he thought"): a speaker does not call himself so,
    so a pronoun after it is somebody else (round forty-four). A name followed by a comma may
    be the one addressed ("Wendt, sit down"), and a full name may be the speaker introducing
    himself; neither counts."""
    first, last = group.fragments[0], group.fragments[-1]
    named: set[str] = set()
    surname = getattr(doc.gazetteer, "surname", None)
    for mention in doc.people_between(first.start, last.end):
        if surname is None or doc.text(mention.end, mention.end + 1) == ",":
            continue
        # The surname, not a first name: "Ottilie the accountant would be happy" is the
        # speaker joking about herself.
        written = re.sub(r"['’]s?$", "", mention.surface.strip())
        if written.lower() == " ".join(surname(mention.key)).lower():
            named.add(mention.key)
    return frozenset(named)


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
# "The new interview with Zdenek Hora is short": the one an interview is with is what the
# paragraph is about, as a relative clause makes a name its topic (round fifty-four).
_TOPIC_BEFORE_RE = re.compile(
    r"\b(?:interview|interviews|conversation|conversations|Q&A|chat|talk|sit-down)\s+with\s+"
    r"(?:(?:the|a|an)\s+)?(?:[a-z]+\s+){0,2}$"
)


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
        elif not (_TOPIC_AFTER_RE.match(doc.text(mention.end, mention.end + 14))
                  or _TOPIC_BEFORE_RE.search(before[-60:])):
            continue
        if not _stands_before_the_quote(doc, before, mention.end, frag):
            continue
        found.add((mention.key, None))
    # "The footpath belongs to Piran Vell, who farms above the village. … “…,” he said": one
    # outside the graph, named as an object and described so, is the topic too (round fifty-eight).
    for outsider in doc.outsiders_between(paragraph.start, frag.open_at):
        if outsider.credit or not _TOPIC_AFTER_RE.match(doc.text(outsider.end, outsider.end + 14)):
            continue
        if not _stands_before_the_quote(doc, paragraph.text[: outsider.start - paragraph.start], outsider.end, frag):
            continue
        if doc.fits(_Speaker(name=outsider.name), pronoun):
            found.add((None, outsider.name))
    if len(found) != 1:
        return None
    key, name = found.pop()
    return _Speaker(key=key, name=name)


def _stands_before_the_quote(doc: _Doc, before: str, end: int, frag: _Fragment) -> bool:
    """Is a name ending at `end` (its paragraph's text up to it `before`) in a sentence with no
    "he"/"she" of its own before the name ("He pointed at Quintero, who had not moved." names the
    one who did not speak), and a sentence before the quotation's own ("He gave it to Ilic, who
    …: “…”")?"""
    sentence_start = max(before.rfind(". "), before.rfind("? "), before.rfind("! ")) + 1
    if _HE_OR_SHE_RE.search(before, sentence_start):
        return False
    between = doc.text(end, frag.open_at)
    return any(stop in between for stop in (". ", "? ", "! "))


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
