"""Explicit attribution: the speaker the words next to a quotation name, read before it (its
lead-in: "Lena Okafor put it this way:", "said a spokesperson:") and after its closing mark
(", Baker explained", ", he said", ", according to X").

Depends on: words, fragments, speakers, document, outsiders, confidence, roles, unnamed,
namesakes, relayed. Imported by the attribution modules above it (scenes, attribution); it
imports none of them.
"""

from __future__ import annotations

import re

from newsreel.text.normalize import KIN_NOUNS
from newsreel.text.sentences import last_sentence, split_sentences
from newsreel.text.credits import credited_quotation
from newsreel.text.quotes.words import (
    _ADVERB_RE, _ANON_RE, _ANY_SPEECH_RE, _CONNECTORS_RE, _NAME_RE, _NOT_NAMES, _PARTICIPLES, _PRONOUN_RE, _ROLE_RE,
    _RANK_TITLE_RE, _SPEECH_KINDS, _TITLE_RE, _VERB_ALT, _VERB_AFTER_RE, _VERB_RE,
)
from newsreel.text.quotes.fragments import _Fragment
from newsreel.text.quotes.speakers import _Speaker
from newsreel.text.quotes.confidence import BYLINE_FIRST_PERSON, EXPLICIT_NAME, RELAYED
from newsreel.text.quotes.document import _Doc
from newsreel.text.quotes.outsiders import ORG_RE, speaks
from newsreel.text.quotes.roles import _role_noun, _role_of_film
from newsreel.text.quotes.unnamed import _ANONYMITY_RE
from newsreel.text.quotes.namesakes import _by_age_at
from newsreel.text.quotes.relayed import (
    _DOCUMENT_AFTER_RE, _DOCUMENT_LEAD_RE, _DOCUMENT_NOUNS, _document_writer, _relayed_speaker,
)


# Patterns read for every quotation, compiled once.
_ENDS_SENTENCE_RE = re.compile(r"[.?!…][\"'”’)\]]*\s*$")
_SPACE_COMMA_RE = re.compile(r"[\s,]*")
_CLOSED_STOP_RE = re.compile(r"[.…][’'\"”]*$")
_DASH_RE = re.compile(r"\s*[—–]\s*|\s+-{1,2}\s*")
_CREDIT_END_RE = re.compile(r"\s*(?:[,.(]|$)")
# A speech verb's lead-in ending on the part the words are said as: "says, as Lilian".
_IN_PART_RE = re.compile(r"[,\s]as\s+([A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?)\s*$")
# A credit's part before its actor's parentheses: "Della Ransome (", "The Hall Porter (".
_PART_CREDIT_RE = re.compile(r"((?:The\s+)?[A-Z][\w’'\-.]*(?:\s+[A-Z][\w’'\-.]*){0,3})\s*\(")
_APPOSITIVE_RE = re.compile(r",[^,.;:!?\"“”]{1,70},\s*")
_UNNAMED_RE = re.compile(r"(?:the|a|an|one|another|his|her|their|its|our)\b[^,.;:!?\"“”]{0,60}")
_LOWER_NEXT_RE = re.compile(r"\s+[a-z]")
_PLAIN_WORDS_RE = re.compile(r"(?:[A-Z][a-z]+)?(?:\s*[a-z’'\-]+){0,3}")

# "…, and she said", or after an opening phrase without a comma ("In a statement she said:",
# "On Monday he added"): the pronoun is the subject, not the phrase's noun.
_LATER_PRONOUN_RE = re.compile(rf"(?:^|,\s+|\band\s+|^(?:in|on|at|after|during|through|via)\s[\w’'\- ]{{0,40}}?\s)(he|she|they)\s+(?:[a-z]+ly\s+)?(?:{_VERB_ALT})\b", re.IGNORECASE)
# "he caught me staring at the key light and said,": a pronoun whose clause goes on to a speech
# verb after a few lower-case words (round fifty-six).
_COMPOUND_PRONOUN_RE = re.compile(
    rf"(?:^|[,;]\s+|\b(?:when|then|and|but|so)\s+|\b(?:week|day|night|morning|evening|year)\s+)(he|she)\s+"
    rf"(?:[a-z][\w’'\-]*\s+){{1,10}}?and\s+(?:then\s+)?(?:{_VERB_ALT})\s*$",
    re.IGNORECASE,
)
_VERB_NEXT_RE = re.compile(rf"(?:,[^,]{{1,70}},)?\s*(?:[a-z]+ly\s+)?(?:{_VERB_ALT})\b")
_VERB_FIRST_RE = re.compile(rf"\b(?:{_VERB_ALT}|[Aa]ccording to)\s+")
_DETERMINER_RE = re.compile(r"(the|a|an|one|another|some|several|many|other|his|her|their)\s+([\w’'\-]+)", re.IGNORECASE)
# "the studio said", "a fisherman shouting across the harbour:" (a participle before a colon).
_UNNAMED_SPEAKS_RE = re.compile(
    rf"(?:^|[\s,])(?:the|a|an|one)\s+[\w’'\- ]{{1,40}}?\s+(?:[a-z]+ly\s+)?(?:{_VERB_ALT}|{'|'.join(_PARTICIPLES)})\b",
    re.IGNORECASE,
)


def _lead(doc: _Doc, frag: _Fragment) -> tuple[str, int]:
    """The part of the sentence before the opening mark (and after any earlier quote)."""
    # Read for one quotation by several rules (a title's "said only:", the quotation test, the
    # attribution, a scene's voice-over): split its sentence once (bench/text_core.py).
    key = (frag.para, frag.open_at)
    found = doc.leads.get(key)
    if found is None:
        found = doc.leads[key] = _read_lead(doc, frag)
    return found


def _read_lead(doc: _Doc, frag: _Fragment) -> tuple[str, int]:
    paragraph = doc.paragraphs[frag.para]
    local_open = frag.open_at - paragraph.start
    floor = 0
    for other_start, other_end in _closed_spans_before(doc, frag):
        floor = max(floor, other_end)
    region = paragraph.text[floor:local_open]
    if _ENDS_SENTENCE_RE.search(region):
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
    last = last_sentence(before.text)
    if last is None:
        return "", frag.open_at
    s, e = last
    return before.text[s:e], before.start + s


def _closed_spans_before(doc: _Doc, frag: _Fragment) -> list[tuple[int, int]]:
    paragraph = doc.paragraphs[frag.para]
    spans = []
    for f in doc.frags(frag.para):
        if f.close_at is not None and f.close_at <= frag.open_at:
            spans.append((f.open_at - paragraph.start, f.close_at - paragraph.start))
    return spans


# "I said", "I told him": the writer's own words, in the first person.
# The first person's present tense has forms of its own: "I ask him", "I tell her" (round fifty).
_FIRST_PERSON_VERB_RE = re.compile(rf"I\s+(?:{_VERB_ALT}|ask|tell|add|reply|answer|explain|write|suggest|point\s+out)\b")
# A byline paragraph, marks of emphasis aside: "By Ysolde Prack", "BY YSOLDE PRACK, juror".
# "Cosimo Hartnell, as told to Saffron Delacey": the first person is the one who told it (round
# fifty-six).
_BYLINE_RE = re.compile(
    r"[*_]*(?:(?:By|BY)\s+(?P<name>[^,*_\n]{3,60})(?:,[^\n]{0,60})?"
    r"|(?P<teller>[^,*_\n]{3,60}),?\s+(?:as\s+told\s+to|in\s+conversation\s+with)\s+[^*_\n]{3,60})[*_]*"
)
# A campaign update's or a blog's header line: "… · Posted by Edda Varga (creator) · …".
_POSTED_BY_RE = re.compile(
    r"(?:^|[·|•]\s*)(?:Posted|Written|Filed)\s+by\s+(?P<name>[A-Z][^()·|•\n*_,]{2,60}?)\s*(?:\([^)\n]*\))?\s*[*_]*\s*(?:[·|•]|$)"
)
_BYLINE_PARAGRAPHS = 3  # a byline stands among the article's first paragraphs


# "one more line, his own,", "in her own words": whose the words are, after someone passes them on.
_OWN_WORDS_RE = re.compile(r",\s+(his|her)\s+own\s*,|\bin\s+(his|her)\s+own\s+words\b")
# A reply opening right after the writer's verb: "I said, “…", "I answered: “…".
_REPLY_OPENS_RE = re.compile(r"\s*[,:]\s*[“\"]")


_UNNAMED_RELATIVE_RE = re.compile(
    rf"\b(?:[Mm]y|[Oo]ur)\s+(?:late\s+|little\s+|older\s+|younger\s+)?(?:{'|'.join(sorted(KIN_NOUNS))})\b(?!\s*,?\s+[A-Z])"
)
_RELATIVE_REACH = 240  # characters before a pronoun: its sentence and the one before


def _last_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The last of the pattern's matches in `text`, or None."""
    found = None
    for found in pattern.finditer(text):
        pass
    return found


def _unnamed_relative_before(doc: _Doc, at: int) -> bool:
    """Is a relative of the writer's the text does not name ("My grandson", "My mother") the
    subject of a sentence, the last relative it speaks of before the pronoun at `at` in its
    paragraph, with no person named after them?"""
    paragraph = doc.paragraphs[doc.para_of(at)]
    start = max(paragraph.start, at - _RELATIVE_REACH)
    found = _last_match(_UNNAMED_RELATIVE_RE, doc.text(start, at))
    if found is None:
        return False
    opening = doc.text(paragraph.start, start + found.start()).rstrip()
    if opening and opening[-1] not in ".!?”\"":
        return False  # "Idony took my mother to lunch": a relative as an object is nobody's subject
    named = [m for m in doc.people_between(start + found.end(), at) if not doc.is_possessive(m)]
    return not named and not doc.outsiders_between(start + found.end(), at)


def _first_person_lead(body: str) -> bool:
    """Does the lead-in's last speech verb have "I" as its subject ("In 2019 … I told a full
    house")?"""
    found = _last_match(_FIRST_PERSON_VERB_RE, body)
    if found is None or (found.start() > 0 and (body[found.start() - 1].isalnum() or body[found.start() - 1] in "’'")):
        return False
    return _ANY_SPEECH_RE.search(body, found.end()) is None


def _byline_writer(doc: _Doc) -> _Speaker | None:
    """The writer an article's byline names ("By Ysolde Prack"), held for an editor; None
    without a byline among the first paragraphs, or one naming nobody the text can hold."""
    for paragraph in doc.paragraphs[:_BYLINE_PARAGRAPHS]:
        found = _BYLINE_RE.fullmatch(paragraph.text.strip()) or _POSTED_BY_RE.search(paragraph.text)
        if found is None:
            continue
        group = "teller" if found.re is _BYLINE_RE and not found.group("name") else "name"
        offset = paragraph.start + (len(paragraph.text) - len(paragraph.text.lstrip()) if found.re is _BYLINE_RE else 0)
        start, end = offset + found.start(group), offset + found.end(group)
        people = doc.people_between(start, end)
        if people:
            return _Speaker(key=people[0].key, explicit=True, confidence=BYLINE_FIRST_PERSON)
        outsiders = doc.outsiders_between(start, end)
        if outsiders:
            return _Speaker(name=outsiders[0].name, explicit=True, confidence=BYLINE_FIRST_PERSON)
        return None
    return None


def _after_attribution(doc: _Doc, offset: int, after: str) -> tuple[_Speaker | None, int]:
    """Attribution right after a closing mark: `, Baker explained`, `, added Quan`,
    `, he said`, `, said Jane Doe, the producer`, `, a spokesperson said`, `, according to X`.
    Returns the speaker and how many characters of `after` the attribution used."""
    m = _SPACE_COMMA_RE.match(after)
    pos = m.end() if m else 0
    if after[:pos].count("\n"):
        return None, 0
    relative = _RELATIVE_AFTER_RE.match(after, pos)
    if relative:
        # "The first card reads “A Kasimir Oduya Picture,” which Oduya says he resisted": a
        # relative clause about the words, not who said them; with a verb of saying in it the
        # words are quoted all the same, nobody's (round seventy-two); without, no attribution.
        said = _VERB_IN_CLAUSE_RE.match(after, relative.end())
        return (_Speaker(explicit=True), relative.end()) if said else (None, 0)
    closing = doc.text(offset - 3, offset)
    if _CLOSED_STOP_RE.search(closing) and after[pos : pos + 1].isupper():
        # `“…three days to shoot.” Quan elaborated` — a full stop inside the quote ends the
        # sentence; what follows is the next sentence, not this quotation's attribution.
        return None, 0
    # A pull-quote credit: `“…” — Lena Okafor` or `“…” —Lena Okafor, director`.
    dash = _DASH_RE.match(after)
    if dash:
        part = _credited_part(doc, offset, after, dash.end())
        if part is not None:
            return part
        speaker, end = _who(doc, offset, after, dash.end(), allow_anon=False)
        if speaker is not None and speaker.known and _CREDIT_END_RE.match(after[end:]):
            return speaker, end
    # Verb first: "said Quan", "added Jane Doe, the film's producer", "according to Baker".
    verb = _VERB_AFTER_RE.match(after, pos)
    if verb:
        who_at = verb.end()
        while who_at < len(after) and after[who_at] == " ":
            who_at += 1
        speaker, end = _who(doc, offset, after, who_at, allow_anon=True)
        if speaker is not None:
            return speaker, end
    document = _DOCUMENT_AFTER_RE.match(after, pos)
    if document:
        return _document_writer(doc, offset, document), document.end()
    # Somebody's role: "Varga's publicist said" is nobody we can name; "Varga's co-star Tomas
    # Ilic said" is the name after the role. Never the owner of the possessive.
    owned = _OWNED_ROLE_RE.match(after, pos)
    if owned:
        # "Raddle's head of sales, Ines Moro, said": the name may stand in commas after the role.
        name_at = owned.end()
        if after[name_at : name_at + 1] == "," and after[name_at + 1 : name_at + 3].lstrip()[:1].isupper():
            name_at += 1 + len(after[name_at + 1 :]) - len(after[name_at + 1 :].lstrip(" "))
        named, end = _who(doc, offset, after, name_at, allow_anon=False)
        if named is not None and named.known:
            verb = _VERB_RE.match(after, end + len(after[end:]) - len(after[end:].lstrip(" ,")))
            if verb:
                return named, verb.end()
        verb = _VERB_RE.match(after, owned.end())
        if verb:
            return _Speaker(explicit=True), verb.end()
    # "its director, Kwabena Osei, said", "the film's writer-director, Patrice Oulmont, said": a
    # role, then the name in commas; the name is the speaker (without a name after it, the rules
    # below).
    role = _PRONOUN_ROLE_RE.match(after, pos) or _THE_ROLE_RE.match(after, pos)
    if role:
        named, end = _who(doc, offset, after, role.end(), allow_anon=False)
        if named is not None and named.known and after[end : end + 1] == ",":
            verb = _VERB_RE.match(after, end + len(after[end:]) - len(after[end:].lstrip(" ,")))
            if verb:
                return named, verb.end()
    if after.startswith("I ", pos):
        first = _FIRST_PERSON_VERB_RE.match(after, pos)
        if first and closing.rstrip("”\"’'")[-1:] == "?" and _REPLY_OPENS_RE.match(after, first.end()):
            # "she asked, “So are you the one holding the camera?” I said, “Sort of.”": the
            # writer's verb leads the reply, not the question (round fifty-six).
            return None, 0
        writer = _byline_writer(doc) if first else None
        if writer is not None:
            # "“…,” I said" in a diary signed "By Ysolde Prack": the byline says who "I" is
            # (round forty-five); held, as a byline is not an attribution.
            return writer, first.end()
        if first:
            # "“Is it true this place is coming down?” I ask him.": the unsigned writer asks,
            # nobody the page can name (round fifty).
            return _Speaker(explicit=True), first.end()
    # Speaker first: "Baker explained", "he said", "Jane Doe, the film's producer, said".
    speaker, end = _who(doc, offset, after, pos, allow_anon=False)
    if speaker is not None:
        rest = end
        appositive = _APPOSITIVE_RE.match(after[rest:])
        if appositive and not _VERB_RE.match(after, rest + 1 + len(after[rest + 1 :]) - len(after[rest + 1 :].lstrip())):
            rest += appositive.end()
        else:
            rest += len(after[rest:]) - len(after[rest:].lstrip(" "))
        adverb = _ADVERB_RE.match(after, rest)
        if adverb:
            rest = adverb.end()
        verb = _VERB_AFTER_RE.match(after, rest)
        if verb:
            return speaker, verb.end()
    anon = _ANON_RE.match(after, pos)
    if anon:
        role = _ROLE_RE.match(after, pos)
        if role:
            return _Speaker(pronoun="the", role=_role_noun(role.group(0))), anon.end()
        return _Speaker(explicit=True), anon.end()
    return None, 0


def credited_heading(doc: _Doc, index: int) -> bool:
    """A heading that is one quotation over its credit (`credits`): a best-lines list's item.
    A heading quoting the body is a pull quote, counted where it is said, so it needs the credit."""
    return doc.paragraphs[index].kind == "heading" and credited_quotation(doc.paragraphs, index)


def _credited_part(doc: _Doc, offset: int, after: str, at: int) -> tuple[_Speaker, int] | None:
    """A dash credit naming a part and its actor, "— Della Ransome (Hesper Lindgaard)", "— The
    Hall Porter (Fenella Drury, in a cameo)": the film's line, however much the part's name is a
    person's the graph holds (round fifty). None when the parentheses hold no person."""
    m = _PART_CREDIT_RE.match(after, at)
    if m is None:
        return None
    inside = offset + m.end()
    if not any(p.start == inside for p in doc.people_between(inside, inside + 80)):
        return None
    close = after.find(")", m.end())
    return _Speaker(name=m.group(1), explicit=True, character=True), (close + 1 if close > 0 else m.end())


def _who(doc: _Doc, offset: int, text: str, at: int, *, allow_anon: bool) -> tuple[_Speaker | None, int]:
    """The speaker named at `text[at:]` (document offset `offset + at`)."""
    mention = doc.person_at(offset + at, slack=0)
    if mention is not None and not doc.is_possessive(mention):
        kin = _KIN_GROUP_RE.match(doc.text(mention.end, mention.end + 20))
        if kin is not None:
            # "The Marwood children said in a statement": the heirs, not the Marwood the article
            # named; nobody's page (round forty-eight).
            return _Speaker(explicit=True), mention.end - offset + kin.end()
        return _Speaker(key=mention.key, explicit=True), mention.end - offset
    pronoun = _PRONOUN_RE.match(text, at)
    if pronoun:
        if pronoun.group(1).lower() == "they":
            return _Speaker(explicit=True), pronoun.end()
        return _Speaker(pronoun=pronoun.group(1).lower()), pronoun.end()
    owned = _OWNED_ROLE_RE.match(text, at)
    if owned:
        # "said Varga's publicist": the owner of a possessive is not the speaker.
        named, end = _who(doc, offset, text, owned.end(), allow_anon=False)
        if named is not None and named.known:
            return named, end
        return (_Speaker(explicit=True), owned.end()) if allow_anon else (None, 0)
    aged = _by_age_at(doc, offset, text, at)
    if aged is not None:
        return aged
    # The cheap test: a stop within the first five characters, where an abbreviated rank ends.
    rank = _RANK_TITLE_RE.match(text, at) if "." in text[at + 1 : at + 5] else None
    if rank is not None:
        # "said Sgt. Oona Brack, a police spokesperson": the name after the rank (round forty-two).
        speaker, end = _who(doc, offset, text, rank.end(), allow_anon=False)
        if speaker is not None and speaker.known:
            return speaker, end
    name = _NAME_RE.match(text, at)
    if name and text[name.end() : name.end() + 1] == " " and text[name.end() + 1 : name.end() + 2].islower():
        # "Reedway co-founder Hana Moyle said", "Osprey chief executive Dana Toller, who …,
        # said": a company, then the job, then the name; the name speaks (round forty-three).
        job = _COMPANY_JOB_RE.match(text, name.end())
        if job is not None:
            speaker, end = _who(doc, offset, text, job.end(), allow_anon=False)
            if speaker is not None and speaker.known:
                return speaker, end
    if name and name.group(0).split()[0] not in _NOT_NAMES:
        # "according to Apple TV+", "said AMC Theatres": an organisation's name may hold
        # capitals and a plus the name pattern leaves out.
        organisation = ORG_RE.match(text, at)
        if organisation and organisation.end() > name.end():
            return _Speaker(name=organisation.group(0), explicit=True), organisation.end()
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
            return _Speaker(pronoun="the", role=_role_noun(role.group(0))), role.end()
        anon = _UNNAMED_RE.match(text[at:])
        if anon:
            return _Speaker(explicit=True), at + anon.end()
    return None, 0


# A group named by a surname and a word for kin or heirs ("the Marwood children", "the Orrin
# family", "the Tallant estate"): other people than the one the surname names.
_KIN_GROUP_RE = re.compile(r"\s+(?:children|family|families|estate|heirs|sons|daughters|grandchildren|descendants|relatives)\b")


# The job between a company's name and a person's: one to four lower-case words (and "of"),
# never a verb of saying ("Reedway said in the Guardian" is the company speaking).
_COMPANY_JOB_RE = re.compile(
    rf"\s+(?!(?:{_VERB_ALT}|and|or|in|on|at|to|for|with|from|by|the|a|an)\b)[a-z][\w’'\-]*"
    rf"(?:\s+(?!(?:{_VERB_ALT})\b)[a-z][\w’'\-]*){{0,3}}\s+(?=[A-Z])"
)


# A lead whose verb repeats a text ("recites it", "quotes it from memory", "reciting the note"):
# not "he was quoted as saying", which gives his own words.
_RECITES_RE = re.compile(r"\brecit(?:es|ed|e|ing)\b|\bquot(?:es|ed|ing)\s+(?:it|them|from)\b")


# "one from a reader named Hal Maddow", "came from Hal Maddow": the lead-in ends on whom the
# words came from, just before the colon.
_FROM_NAMED_RE = re.compile(
    r"(?:\b(?:named|called)\s+|\bfrom\s+)(?P<name>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,3})\s*$"
)


def _sender_at_colon(doc: _Doc, body: str, lead_start: int) -> _Speaker | None:
    """Whoever a colon's lead-in says the words came from ("among them one from a reader named
    Hal Maddow:"): a name outside the graph as written; a graph person held, as a letter or a
    note is theirs at one remove (round forty-five). None for anything else the name may be
    (a film, a place)."""
    if "from " not in body and "named " not in body and "called " not in body:
        return None  # the cheap test
    found = _FROM_NAMED_RE.search(body)
    if found is None:
        return None
    start, end = lead_start + found.start("name"), lead_start + found.end("name")
    people = doc.people_between(start, end)
    if people:
        return _Speaker(key=people[-1].key, explicit=True, confidence=RELAYED)
    outsiders = [o for o in doc.outsiders if o.start < end and o.end > start]
    if outsiders:
        return _Speaker(name=outsiders[-1].name, explicit=True, confidence=EXPLICIT_NAME)
    return None


def _before_attribution(doc: _Doc, lead: str, lead_start: int, frag: _Fragment) -> _Speaker | None:
    """Attribution in the lead-in clause: `Villeneuve told reporters:`, `She continued,`,
    `Baker has a different take:`, `said Priya Nair, a festival programmer:`."""
    stripped = lead.rstrip()
    anonymous = _ANONYMITY_RE.search(stripped)
    if anonymous and not doc.people_between(lead_start + anonymous.end(), lead_start + len(stripped)):
        # "A crew member …, who asked not to be named, remembers …" — nobody's, never the last person named.
        return _Speaker(explicit=True)
    colon = stripped.endswith(":")
    has_verb = _ANY_SPEECH_RE.search(stripped) is not None
    if not (colon or has_verb):
        return None
    body = stripped[:-1] if stripped[-1:] in ",:" else stripped
    if _RECITES_RE.search(body):
        # "She recites it from memory:" — words somebody else wrote or said, which the subject
        # repeats: never the reciter's own, and the lead does not say whose (round nineteen).
        return _Speaker(explicit=True)
    if _casts_the_speaker(body):
        # "She plays a woman who speaks in instructions:" — the character speaks, not the actor.
        return _Speaker(explicit=True)
    in_part = _IN_PART_RE.search(body)
    if in_part and has_verb:
        # "… and says, as Lilian:" on a set: the take's line is the part's (round fifty).
        return _Speaker(name=in_part.group(1), explicit=True, character=True)
    if _LINE_RE.search(body) and (
        _FILMS_OWN_RE.search(body) or _PLAYS_RE.search(doc.text(doc.paragraphs[frag.para].start, lead_start))
    ):
        # "He gets the film's best line, to his brother:", or "line" after "Kral plays Murdo":
        # a line of dialogue, which a character speaks, not the actor.
        return _Speaker(explicit=True)
    if colon and _NARRATION_RE.search(body):
        # "… with newsreel footage, and the narration of one reel, from 1958, gets a laugh:": a
        # film's narration, nobody's page (round seventy-four; a documentary's, round fifty-six).
        return _Speaker(explicit=True)
    if _INTERTITLE_RE.search(body) or _LINE_RE.search(body) and _CARD_RE.search(body):
        # "Szanto is given only a single card, and it is the line audiences … asked us to print:":
        # a silent film's intertitle, the film's words (round seventy-three).
        return _Speaker(explicit=True)
    own = _OWN_WORDS_RE.search(body)
    if own:
        # "Perdita Quilliam asked us to add one more line, his own, from a note he kept:": the
        # words are the one "his" means, not the subject who passes them on (round fifty-nine).
        return _Speaker(pronoun="he" if (own.group(1) or own.group(2)) == "his" else "she")
    relayed = _relayed_speaker(doc, body, lead_start, frag)
    if relayed is not None:
        return relayed
    if colon:
        sender = _sender_at_colon(doc, body, lead_start)
        if sender is not None:
            return sender
    connectors = _CONNECTORS_RE.match(body)
    head = connectors.end() if connectors else 0
    document = _DOCUMENT_LEAD_RE.match(body, head)
    if document:
        return _document_writer(doc, lead_start, document)
    # A pronoun subject: "She continued," "But he added:", "Asked about it, she laughed:".
    pronoun = _PRONOUN_RE.match(body, head) or _LATER_PRONOUN_RE.search(body) or _COMPOUND_PRONOUN_RE.search(body)
    if pronoun and _unnamed_relative_before(doc, lead_start + pronoun.start(1)):
        # "My grandson … lasted until the last reel, when he leaned over and whispered,": a
        # relative the writer does not name, nobody a page can hold (round fifty-six).
        return _Speaker(explicit=True)
    if pronoun:
        word = pronoun.group(1).lower()
        return _Speaker(explicit=True) if word == "they" else _Speaker(pronoun=word)
    first_person = _first_person_lead(body)
    if first_person:
        # "…, I told a full house:" in a column signed "By Marisol Quennell": the writer's own
        # words, as "“…,” I said" is (round fifty-five); nobody's when the article is unsigned.
        return _byline_writer(doc) or _Speaker(explicit=True)
    if colon and _DOCUMENT_LABEL_RE.fullmatch(body.strip()):
        # "Citation: “…”" under a prize's heading: a document's words, not the winner's (round sixty-four).
        return _Speaker(explicit=True, document=True)
    if colon:
        owner = _words_owner(doc, body, lead_start, head)
        if owner is not None:
            return owner
    # A person mention that is the subject of the speech verb (or heads a colon clause).
    # "Then, to Dunleavy, quieter:": the one spoken to is not the one speaking (round seventy-one).
    people = [m for m in doc.people_between(lead_start, lead_start + len(body))
              if not doc.is_possessive(m) and not _ADDRESSED_RE.search(doc.text(lead_start, m.start))]
    if people and _KIN_GROUP_RE.match(doc.text(people[0].end, people[0].end + 20)):
        return _Speaker(explicit=True)  # "The Marwood children, who are selling, said:" (round forty-eight)
    agents = [m for m in people if _AGENT_FOR_RE.search(doc.text(max(lead_start, m.start - 40), m.start))]
    if agents and agents[0] is people[0]:
        # "A representative for Sava said …": the representative speaks, whom the text does not name.
        return _Speaker(explicit=True)
    reported = _REPORTED_THAT_RE.search(body) if colon else None
    if (reported and people and all(m.start - lead_start > reported.start() for m in people)
            and not any(_VERB_NEXT_RE.match(doc.text(m.end, lead_start + len(body))) for m in people)):
        # "The trade site Reelwire reported on Monday that … Obi Crane, is in talks …:": whoever
        # the reported clause names is its matter, not the one quoted, unless they speak in it
        # ("The same piece said that Rhys told our reporter:") (round fifty-one).
        return _Speaker(explicit=True)
    speech = list(_ANY_SPEECH_RE.finditer(body))
    if speech and _THING_SPEAKS_RE.search(body[: speech[-1].start()]):
        # "…, according to the tracker Reelcount, which described the price as": "which" is
        # never a person, so the words are the thing's, not a person named earlier.
        return _Speaker(explicit=True)
    for m in people:
        if _VERB_NEXT_RE.match(doc.text(m.end, lead_start + len(body))) and not doc.text(m.end, m.end + 1) == ",":
            # "Lotte, Obinna says,": the name the verb follows is its subject, not one before it.
            return _Speaker(key=m.key, explicit=True)
    for m in people:
        tail = doc.text(m.end, lead_start + len(body))
        if _ANY_SPEECH_RE.search(tail) or colon and _heads_clause(body, m.start - lead_start, head):
            return _Speaker(key=m.key, explicit=True)
    # A name not in the graph: "Festival programmer Priya Nair told the audience:".
    for name in _NAME_RE.finditer(body):
        first = name.group(0).split()[0]
        if first in _NOT_NAMES:
            continue
        if name.start() == 0 and " " not in name.group(0) and not speaks(body, name.end()):
            continue  # a capitalised word opening the sentence, unless it speaks ("Coco shared,")
        if doc.people_between(lead_start + name.start(), lead_start + name.end()):
            continue
        tail = body[name.end() :]
        if _VERB_NEXT_RE.match(tail) or (
            colon and _heads_clause(body, name.start(), head) and _LOWER_NEXT_RE.match(tail)
        ):
            return doc.resolve_name(name.group(0), lead_start + name.start())
    # "said Jane Roe, a producer:" — verb first; "according to a person close to the
    # production," is somebody the text does not name, never the last person named.
    verb_first = _VERB_FIRST_RE.search(body)
    if verb_first:
        according = verb_first.group(0).lower().startswith("according")
        speaker, _ = _who(doc, lead_start, body, verb_first.end(), allow_anon=according)
        if speaker is not None:
            return speaker
    # "A rival producer disagreed:", "One exhibitor was blunter:" — a speaker the text does
    # not name heads the clause; the quotation is theirs, not the last person's.
    determiner = _DETERMINER_RE.match(body, head)
    if colon and determiner:
        word, noun = determiner.group(1).lower(), determiner.group(2).lower()
        if noun in _WORDS_SPOKEN:
            # "Her answer was simple:", "The reply:" — the words of someone already speaking.
            if word in ("his", "her"):
                return _Speaker(pronoun="he" if word == "his" else "she")
            return None if word == "the" else _Speaker(explicit=True)
        # "The director was blunter:" points back to a person in the story, like a pronoun.
        role = _ROLE_RE.match(body[head:].lower())
        if role:
            noun = _role_noun(role.group(0))
            of_film = _role_of_film(doc, noun, lead_start + head + role.end(), lead_start + len(body))
            return of_film or _Speaker(pronoun="the", role=noun)
        return _Speaker(explicit=True)
    # "In a statement, the studio said:" — a speaker the text does not name.
    if _UNNAMED_SPEAKS_RE.search(body[head:]):
        return _Speaker(explicit=True)
    return None


# A speech verb and "that", a time between: "reported on Monday that", "said that".
_REPORTED_THAT_RE = re.compile(rf"\b(?:{_VERB_ALT})\s+(?:(?:on|last|this|in)\s+[\w’'\-]+\s+)?that\b")
# ", which described", ", which said in a statement": the relative pronoun of a thing ends the lead.
_THING_SPEAKS_RE = re.compile(r",\s+which\s+(?:[a-z]+ly\s+)?$")
# "A representative for Sava", "a spokeswoman for Ilic": someone speaking for the person named.
_AGENT_FOR_RE = re.compile(
    r"\b(?:representative|rep|spokesperson|spokesman|spokeswoman|publicist|agent|lawyer|attorney|manager|"
    r"assistant|aide)s?\s+(?:for|of)\s+$",
    re.IGNORECASE,
)
_LINE_RE = re.compile(r"\blines?\b(?!\s+(?:of|from)\s+(?:his|her|their|the)\s+(?:speech|letter|statement|message|note|email))")
_FILMS_OWN_RE = re.compile(r"\b(?:film|movie|script|screenplay|show|series|play)['’]s\b")


# "Varga's publicist ", "Kestrel's head of distribution ": a role that belongs to someone.
_OWNED_ROLE_RE = re.compile(
    rf"[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)*['’]s?\s+[a-z][\w\-]*(?:\s+[a-z][\w\-]*){{0,3}}?"
    rf"(?=\s+(?:{_VERB_ALT})\b|\s+[A-Z]|\s*[.,;:!?]|$)\s*"
)
# "its director, ", "their head of sales, ": a role of a pronoun's owner before a name in commas.
_PRONOUN_ROLE_RE = re.compile(r"(?:its|their|his|her)\s+[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,3}?,\s+(?=[A-Z])")
# "the film's writer-director, ", "the director, ": the same with "the" (the comma that closes the
# name is what the speaker-first reading below does not expect).
# "a spokesperson for the platform, " too: the role may be an indefinite one (round fifty-three).
# "the narrator, the actor Maud Ferrier, says": a second role may stand before the name (round
# fifty-six).
_THE_ROLE_RE = re.compile(
    r"(?:the|a|an)\s+(?:[a-z][\w’'\-]*\s+){0,4}?[a-z][\w\-]*,\s+(?:(?:the|a|an)\s+(?:[a-z][\w’'\-]*\s+){1,3})?(?=[A-Z])"
)
_PLAYS_RE = re.compile(r"\b(?:plays|played|playing|portrays|portrayed|portraying)\s+(?:a|an|the|his|her)\s")
# A part named inside a relative clause ("in which he played the beekeeper's son", "who plays
# the mother"): it says who the person is, not that a character speaks what follows.
_RELATIVE_BEFORE_RE = re.compile(r"\b(?:in\s+which|where|who|which|that|when)\s+(?:(?:he|she|they)\s+)?(?:[a-z]+ly\s+)?$")


# ", who co-wrote it and " before a casting verb: the part is named inside a relative clause.
_CAST_IN_APPOSITION_RE = re.compile(r",\s+who\s+[^,;:.!?]*$")
# "…, Wilf Amory, recalled the budget in 1990": the main clause's speech verb after the clause.
_VERB_AFTER_APPOSITION_RE = re.compile(rf",\s+(?:[a-z]+ly\s+)?(?:{_VERB_ALT}|recalled|remembered|recalls|remembers)\b")


def _casts_the_speaker(body: str) -> bool:
    """Does the lead-in say an actor plays a part ("She plays a woman who speaks in
    instructions:"), in its own clause rather than a relative one about another film? A part
    that speaks in the relative clause ("Ilic, who plays a priest who says only:") is still
    the character's line."""
    for m in _PLAYS_RE.finditer(body):
        if _CAST_IN_APPOSITION_RE.search(body, 0, m.start()) and _VERB_AFTER_APPOSITION_RE.search(body, m.end()):
            # "Jory Penhale, who co-wrote it and plays the elder brother, Wilf Amory, recalled
            # the budget:": the part is in the clause about him; he speaks (round fifty-eight).
            continue
        if _LATER_PRONOUN_RE.search(body, m.end()):
            # "… Farrago played a painter's model …, and the memoir borrows, she writes, the
            # instruction:": a later clause says who speaks, the actor herself (round fifty-five).
            continue
        if _RELATIVE_BEFORE_RE.search(body, 0, m.start()) is None:
            return True
        role = body[m.end() :].split(",", 1)[0]
        if _ANY_SPEECH_RE.search(role):
            return True
    return False


# Nouns for what somebody says: "her answer", "the reply".
# "…, and the narration of one reel … gets a laugh:": a film's narration as the clause's subject
# (not "asked about the narration").
_NARRATION_RE = re.compile(
    r"(?:^|[,;]\s+(?:and\s+)?|\band\s+)(?:the|its|one|a|their)\s+(?:[a-z]+\s+){0,2}?(?:narration|voice-?over)\b",
    re.IGNORECASE,
)
_INTERTITLE_RE = re.compile(r"\b(?:intertitles?|title\s+cards?)\b", re.IGNORECASE)
_CARD_RE = re.compile(r"\bcards?\b", re.IGNORECASE)
_RELATIVE_AFTER_RE = re.compile(r"(?:which|whom|whose)\b")
_VERB_IN_CLAUSE_RE = re.compile(rf"[^.;:!?“”\"]{{0,40}}?\b(?:{_VERB_ALT})\b", re.IGNORECASE)
# "Then, to ", "and, turning to ": the name next is whom the words are spoken to ("according to"
# names their source, and is read as such before this).
_ADDRESSED_RE = re.compile(r"(?:^|[,;]\s*|\b(?:turning|turned|turns|then|and)\s+)to\s+$", re.IGNORECASE)
# "Citation:", "**Inscription:**": a lead-in that is nothing but the kind of document that follows.
_DOCUMENT_LABEL_RE = re.compile(rf"[*_]*(?:The\s+)?(?:{_DOCUMENT_NOUNS})[*_]*", re.IGNORECASE)
# "’s reply came an hour later", "’s curt answer": what the possessive name heading a colon's lead-in said.
_OWN_WORDS_AFTER_RE = re.compile(
    r"(?:['’]s?)?\s+(?:[a-z]+\s+)?(?:reply|answer|response|retort|verdict|rejoinder|riposte)\b[^“”\"]{0,60}$"
)


def _words_owner(doc: _Doc, body: str, lead_start: int, head: int) -> _Speaker | None:
    """The person whose reply a colon's lead-in announces, a possessive name heading it ("Drayton's
    reply came an hour later:"): theirs (round sixty-four). None for any other lead-in."""
    at = lead_start + head
    for m in doc.people_between(at, lead_start + len(body)):
        if m.start == at and doc.is_possessive(m) and _OWN_WORDS_AFTER_RE.match(doc.text(m.end, lead_start + len(body))):
            return _Speaker(key=m.key, explicit=True)
    for o in doc.outsiders:
        if o.start == at and _OWN_WORDS_AFTER_RE.match(doc.text(o.end, lead_start + len(body))):
            return _Speaker(name=o.name, explicit=True, confidence=EXPLICIT_NAME)
    return None


_WORDS_SPOKEN = frozenset(
    "answer reply response verdict advice view take explanation message words thoughts summary "
    "version pitch theory reasoning argument retort comment comments assessment conclusion statement speech".split()
)


def _heads_clause(body: str, at: int, head: int) -> bool:
    """Does the name at `at` start the clause (after connectors, a title or an opening phrase)?"""
    before = body[:at].rstrip()
    if at <= head or before == "" or before.endswith(","):
        return True
    # "Producer Tomas Reyes has a view:" — a lower-case role word or two before the name.
    return _PLAIN_WORDS_RE.fullmatch(before[head:] if at > head else "") is not None
