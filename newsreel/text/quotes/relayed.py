"""Relayed words: a quotation someone passes on rather than says, and whose it is: a letter's,
a statement's or a message's writer ("in a statement sent by her agent"), one who reads it out
on another's behalf, or words one person told another ("She told them that “…,” one of them
said").

Depends on: words, fragments, speakers, document, confidence, subjects. Imported by the
attribution modules above it (explicit, attribution); it imports none of them.
"""

from __future__ import annotations

import re
from dataclasses import replace

from newsreel.text.sentences import split_sentences
from newsreel.text.quotes.words import _NAME_RE, _NOT_NAMES
from newsreel.text.quotes.fragments import _Fragment
from newsreel.text.quotes.speakers import _Speaker
from newsreel.text.quotes.document import _Doc
from newsreel.text.quotes.confidence import PRONOUN_SAME_PARAGRAPH, RELAYED
from newsreel.text.quotes.subjects import _subjects


# A document that speaks: a letter, a post, a court filing. Its words are its writer's only when
# the document is a person's own (a letter, a note, a post) and the text says whose.
_PERSONAL_DOCUMENTS = r"letters?|notes?|messages?|e-?mails?|cards?|postcards?|telegrams?|texts?|posts?|tweets?|statements?"
_DOCUMENT_NOUNS = (
    rf"{_PERSONAL_DOCUMENTS}|complaint|filing|lawsuit|suit|ruling|judgment|judgement|order|motion|petition|"
    r"memo|report|review|sign|placard|banner|notice|release|inscription|plaque|caption|citation|headline|"
    r"verdict|affidavit|indictment|brief|document|announcement"
)
_DOCUMENT_VERBS = (
    r"read|reads|says|said|begins|began|ends|ended|opens|opened|closes|closed|continues|continued|"
    r"concludes|concluded|states|stated|adds|added|goes\s+on|went\s+on|runs|ran|declares|declared|"
    r"notes|noted|alleges|alleged|claims|claimed|argues|argued"
)
# "“…,” it begins", "“…,” the letter read", "“…,” one post said", "“…,” Varga's note ends",
# "“…,” reads the plaque": after the closing mark, the document and a verb of what it says.
_DOCUMENT_AFTER_RE = re.compile(
    rf"(?:(?P<it>it)|(?P<det>the|a|an|one|another|his|her|their|its|[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)*['’]s?)"
    rf"\s+(?:[a-z][\w\-]*\s+){{0,2}}?(?P<noun>{_DOCUMENT_NOUNS}))\s+(?:[a-z]+ly\s+)?(?:{_DOCUMENT_VERBS})\b"
    rf"|(?:read|reads|said|says)\s+(?P<vdet>the|a|an|one|another|his|her|their|its)\s+(?:[a-z][\w\-]*\s+){{0,2}}?"
    rf"(?P<vnoun>{_DOCUMENT_NOUNS})\b"
)
# The sentence that brings a person's document in: "she sent me a letter", "a note from Varga",
# "Ada Varga posted a message". Its writer is the subject, or the one it is from.
_DOCUMENT_BEFORE_RE = re.compile(
    rf"\b(?:a|an|the|this|that|one|his|her|their)\s+(?:[\w\-]+,?\s+){{0,3}}?(?P<noun>{_PERSONAL_DOCUMENTS})\b"
)
_DOCUMENT_FROM_RE = re.compile(r"[^.;:!?“”\"]{0,40}?\b(?:from|by|signed\s+by)\s+(?=\S)")
# What a writer does with a document: "she sent me a letter", "Ada Varga posted a message".
_SENDING_VERBS = (
    r"sent|wrote|left|mailed|e-?mailed|posted|shared|published|issued|gave|handed|typed|penned|scrawled|"
    r"tweeted|texted"
)
_DOCUMENT_SENT_RE = re.compile(
    rf"\b(?P<who>he|she)\s+(?:[a-z]+ly\s+)?(?:{_SENDING_VERBS})\b[^.;:!?“”\"]*$", re.IGNORECASE
)


# A document heading the lead-in clause: "The complaint, filed on Monday, says the studio …",
# "It says", "Her letter reads:". The name after its verb is the reported clause's subject
# ("says Saltire “used …”"), never the speaker.
_DOCUMENT_LEAD_RE = re.compile(
    rf"(?:(?P<it>[Ii]t)|(?P<det>[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)*['’]s?)"
    rf"\s+(?:[a-z][\w\-]*\s+){{0,2}}?(?P<noun>{_DOCUMENT_NOUNS}))(?:,[^,;:“”\"]{{1,100}},)?\s+(?:[a-z]+ly\s+)?"
    rf"(?:{_DOCUMENT_VERBS})\b"
)


def _document_writer(doc: _Doc, offset: int, found: re.Match[str]) -> _Speaker:
    """Whose words a document that speaks after a quotation gives, held for an editor as every
    quote passed on is (round twenty-four): nobody for a filing, a sign, a review or a post the
    text does not say is anyone's ("one post read"); for a person's own letter, note or post,
    its writer when the text says who: the possessive on it ("her letter"), a name ("Varga's
    note"), or, for "it" or "the letter", the one the sentence bringing it in says sent it ("she
    sent me a letter", "a note from Ada Varga")."""
    groups = found.groupdict()
    det, noun = groups.get("det") or groups.get("vdet"), groups.get("noun") or groups.get("vnoun")
    if noun is not None and re.fullmatch(_PERSONAL_DOCUMENTS, noun) is None:
        return _Speaker(explicit=True, document=True)
    if det is not None and det.lower() in ("a", "an", "one", "another"):
        return _Speaker(explicit=True, document=True)
    if det is not None and det.lower() in ("his", "her"):
        return _Speaker(pronoun="he" if det.lower() == "his" else "she", document=True)
    if det is not None and det[:1].isupper():
        at = offset + found.start("det")
        mention = doc.person_at(at, slack=0)
        if mention is not None:
            return _Speaker(key=mention.key, explicit=True, document=True, confidence=RELAYED)
        return _Speaker(explicit=True, document=True)
    return _document_sender(doc, offset) or document_author(doc, offset) or _Speaker(explicit=True, document=True)


def _document_sender(doc: _Doc, offset: int) -> _Speaker | None:
    """The writer of the latest personal document the text brings in before `offset`, in the
    quotation's paragraph or the one before, outside quote marks; None when the text says
    nothing of who sent it."""
    index = doc.para_of(offset)
    for para in (index, index - 1):
        if para < 0:
            return None
        paragraph = doc.paragraphs[para]
        limit = min(offset, paragraph.start + len(paragraph.text)) - paragraph.start
        quoted = [(f.open_at - paragraph.start, (f.close_at or paragraph.start + len(paragraph.text)) - paragraph.start)
                  for f in doc.frags(para)]
        nouns = [m for m in _DOCUMENT_BEFORE_RE.finditer(paragraph.text, 0, limit)
                 if not any(qs <= m.start() < qe for qs, qe in quoted)]
        if not nouns:
            continue
        found = nouns[-1]
        spans = [span for span in split_sentences(paragraph.text) if span[0] <= found.start() < span[1]]
        start = spans[0][0] if spans else 0
        before, at = paragraph.text[start : found.start()], paragraph.start + found.start()
        owner = found.group(0).split()[0].lower()
        if owner in ("his", "her"):
            return _Speaker(pronoun="he" if owner == "his" else "she", document=True)
        source = _DOCUMENT_FROM_RE.match(paragraph.text, found.end())
        if source is not None:
            mention = doc.person_at(paragraph.start + source.end(), slack=0)
            if mention is not None:
                return _Speaker(key=mention.key, explicit=True, document=True, confidence=RELAYED)
            return _sender_by_pronoun(doc, paragraph, source.end(), at)
        behalf = _ON_BEHALF_RE.match(paragraph.text, found.end())
        if behalf is not None:
            return _principal(doc, paragraph, behalf, start, at)
        sent = _DOCUMENT_SENT_RE.search(before)
        if sent is not None:
            return _Speaker(pronoun=sent.group("who").lower(), document=True)
        people = [m for m in doc.people_between(paragraph.start + start, at) if not doc.is_possessive(m)]
        if len(people) == 1 and _VERB_OF_SENDING_RE.search(doc.text(people[0].end, at)):
            return _Speaker(key=people[0].key, explicit=True, document=True, confidence=RELAYED)
        return None
    return None


# "a statement on his behalf", "a statement on behalf of Tomas Ilic": the words of the one an
# agent speaks for, not the agent's (round twenty-eight).
_ON_BEHALF_RE = re.compile(r"\s+on\s+(?:(?P<owner>his|her)\s+behalf\b|behalf\s+of\s+(?=\S))")


def _principal(doc: _Doc, paragraph, behalf: re.Match[str], sentence_start: int, noun_at: int) -> _Speaker | None:
    """The one a document is put out on behalf of: the person named after "on behalf of", or for
    "on his behalf" the one person of that gender the sentence names before the document ("A
    representative for Rourke provided a statement on his behalf."); None otherwise."""
    if behalf.group("owner") is None:
        mention = doc.person_at(paragraph.start + behalf.end(), slack=0)
        return None if mention is None else _Speaker(key=mention.key, explicit=True, document=True, confidence=RELAYED)
    pronoun = "he" if behalf.group("owner") == "his" else "she"
    people = {m.key for m in doc.people_between(paragraph.start + sentence_start, noun_at)
              if doc.fits(_Speaker(key=m.key), pronoun)}
    if len(people) != 1:
        return None
    return _Speaker(key=people.pop(), explicit=True, document=True, confidence=RELAYED)


_FROM_PRONOUN_RE = re.compile(r"(him|her)\b")


def _sender_by_pronoun(doc: _Doc, paragraph, pronoun_at: int, noun_at: int) -> _Speaker | None:
    """The writer of "a message from him": not the one who reads or passes it on, named last
    before the document ("Olmedo read a short message from him"), since "him" would then be
    "himself", but the person of the pronoun's gender the paragraph named before them ("The
    producer, Hamish Calloway, could not attend; …"); None when it names nobody else (round
    twenty-six)."""
    found = _FROM_PRONOUN_RE.match(paragraph.text, pronoun_at)
    if found is None:
        return None
    pronoun = "he" if found.group(1) == "him" else "she"
    people = [m for m in doc.people_between(paragraph.start, noun_at) if not doc.is_possessive(m)]
    for mention in reversed(people[:-1]):
        if mention.key != people[-1].key and doc.fits(_Speaker(key=mention.key), pronoun):
            return _Speaker(key=mention.key, explicit=True, document=True, confidence=RELAYED)
    return None


_VERB_OF_SENDING_RE = re.compile(rf"^\s+(?:[a-z]+ly\s+)?(?:{_SENDING_VERBS})\b")

# Words one person reads or passes on for another: "Kertesz read out a message from him:",
# "her agent read a statement on behalf of Tomas Ilic:". The words are the message's author's,
# never the reader's (a class of speaker: presenters, agents, lawyers, family at a ceremony).
_RELAYED_RE = re.compile(
    r"\b(?:(?:message|statement|letter|note|e-?mail|text|telegram|tribute|apology|speech|words)"
    r"\s+(?:(?:written|sent|penned|recorded)\s+)?(?:from|by)|on\s+behalf\s+of)\s+(?P<who>him|her|[A-Z])"
)


# What one who stands in for another brings to read: "read a short statement", "read out his
# message", "delivered a letter", "shared a note". Without it, "on behalf of X" says whom the
# speaker stands in for ("Accepting on behalf of X, Y said:"), and the words are Y's own
# (round thirty-five).
_READS_OUT_RE = re.compile(
    r"\b(?:read|reads|reading|read\s+out|delivered|delivers|relayed|relays|shared|shares|passed\s+on|conveyed)\s+"
    r"(?:out\s+)?(?:(?:a|an|the|his|her|their|this)\s+)?(?:[\w\-]+\s+){0,2}?"
    r"(?:message|statement|letter|note|e-?mail|text|telegram|tribute|speech|words|remarks)\b"
)
# The document's writer given as somebody's relative: "the last telegram his brother ever sent
# him", "a letter her mother had written".
_SENT_BY_KIN_RE = re.compile(
    r"\b(?:message|letter|note|e-?mail|text|telegram|card|postcard)\s+(?:(?:that|which)\s+)?(?:his|her|their)\s+"
    r"(?:late\s+)?(?:brother|sister|father|mother|son|daughter|husband|wife|partner|widow|grandmother|grandfather)\s+"
    r"(?:(?:had|ever|once|last|later)\s+)*(?:sent|wrote|written|left)\b"
)
_BEHALF_OF_RE = re.compile(r"\b[Oo]n\s+(?:(?P<own>his|her)\s+behalf\b|behalf\s+of\s+(?P<who>[A-Z]))")
_DOCUMENT_WORD_RE = re.compile(r"\b(?:message|statement|letter|note|e-?mail|text|telegram|tribute|apology|speech|words|remarks)\b")


def _stand_in(doc: _Doc, body: str, lead_start: int, frag: _Fragment) -> _Speaker | None:
    """"Accepting on her behalf, her co-star X read a short statement:": the words are the one
    the reader stands in for, held for an editor (`RELAYED`): the one after "on behalf of", or
    for "on his/her behalf" the latest subject of that gender before the sentence that the
    sentence does not name; the reader's own words when nothing is read ("Accepting on behalf
    of X, Y said:"), None then (round thirty-five)."""
    found = _BEHALF_OF_RE.search(body)
    if found is None or _READS_OUT_RE.search(body) is None:
        return None
    words = body[: found.start()].split()
    if words and _DOCUMENT_WORD_RE.fullmatch(words[-1]):
        # "read out a statement on behalf of Della Frant": the document's own line says whose
        # it is, as round twenty-eight reads it.
        return None
    if found.group("who"):
        author = doc.person_at(lead_start + found.start("who"))
        if author is not None:
            return _Speaker(key=author.key, explicit=True, confidence=RELAYED)
        name = _NAME_RE.match(body, found.start("who"))
        if name is not None and name.group(0).split()[0] not in _NOT_NAMES:
            resolved = doc.resolve_name(name.group(0), lead_start + found.start("who"))
            return replace(resolved, confidence=min(resolved.confidence or RELAYED, RELAYED))
        return _Speaker(explicit=True)
    pronoun = "he" if found.group("own") == "his" else "she"
    readers = {m.key for m in doc.people_between(lead_start, lead_start + len(body))}
    # The winner is named in the sentences before, in this paragraph or the one before it.
    for para in (frag.para, frag.para - 1):
        if para < 0:
            break
        for _, speaker in _subjects(doc, para, lead_start):
            if speaker.weak or speaker.character or speaker.key and speaker.key in readers:
                continue
            if speaker.known and doc.fits(speaker, pronoun):
                return _Speaker(key=speaker.key, name=speaker.name, explicit=True, confidence=RELAYED)
            return _Speaker(explicit=True)
    return _Speaker(explicit=True)


# "read her message:", "read out his statement,": a document whose owner a pronoun gives.
_READS_OWNED_RE = re.compile(
    r"\b(?:read|reads|read\s+out|reads\s+out|delivered|delivers|relayed|relays|shared|shares)\s+"
    r"(?P<own>his|her)\s+(?:[\w\-]+\s+)?(?:message|statement|letter|note|e-?mail|text|telegram|tribute|speech|words|remarks)"
    r"\s*[:,]?\s*$"
)


def _owner_of_read_document(doc: _Doc, body: str, lead_start: int, frag: _Fragment, pronoun: str) -> _Speaker:
    """Whose message another reads out ("Sowande's producer, Leopold Marr, read her message:"):
    the person the sentence names as a possessive, else the latest subject before it of that
    gender whom the sentence does not name; the reader's never, held as words relayed are
    (round fifty-four)."""
    sentence_start = lead_start + max(body.rfind(". "), body.rfind("? "), body.rfind("! ")) + 1
    named = doc.people_between(sentence_start, lead_start + len(body))
    owners = {m.key for m in named if doc.is_possessive(m) and doc.fits(_Speaker(key=m.key), pronoun)}
    if len(owners) == 1:
        return _Speaker(key=owners.pop(), explicit=True, confidence=RELAYED)
    return _latest_subject_but_readers(doc, frag.para, sentence_start, {m.key for m in named}, pronoun, RELAYED)


def _latest_subject_but_readers(
    doc: _Doc, para: int, before: int, readers: set[str], pronoun: str, confidence: float
) -> _Speaker:
    """The latest subject of the paragraph before `before` whom the reading sentence does not
    name, when the pronoun fits them; nobody we can name otherwise."""
    for _, speaker in _subjects(doc, para, before):
        if speaker.weak or speaker.character or speaker.key and speaker.key in readers:
            continue
        if speaker.known and doc.fits(speaker, pronoun):
            return _Speaker(key=speaker.key, name=speaker.name, explicit=True, confidence=confidence)
        break
    return _Speaker(explicit=True)


def _relayed_speaker(doc: _Doc, body: str, lead_start: int, frag: _Fragment) -> _Speaker | None:
    """The author of a message the lead-in says someone read out or passed on, or nobody we
    can name (explicitly) when the author is not clear; None when the lead-in relays nothing."""
    stand_in = _stand_in(doc, body, lead_start, frag)
    if stand_in is not None:
        return stand_in
    found = _RELAYED_RE.search(body)
    if found is None:
        if _READS_OUT_RE.search(body) and _SENT_BY_KIN_RE.search(body):
            # "Ambrose read out the last telegram his brother ever sent him:": a relative the
            # lead-in does not name wrote it, never the reader (round fifty-one).
            return _Speaker(explicit=True)
        owned = _READS_OWNED_RE.search(body)
        if owned is not None:
            return _owner_of_read_document(doc, body, lead_start, frag, "he" if owned.group("own") == "his" else "she")
        return None
    if found.group(0).startswith("on") and not _DOCUMENT_WORD_RE.search(body):
        # "Accepting on behalf of Wreford, the director Saskia Rennard said:": she stands in
        # for him and speaks for herself; only a message read out is his (round thirty-five).
        return None
    at = lead_start + found.start("who")
    if found.group("who") in ("him", "her"):
        # The pronoun points back past the reader: the latest subject before this sentence,
        # not named in it, when the text does not gender it otherwise.
        pronoun = "he" if found.group("who") == "him" else "she"
        readers = {m.key for m in doc.people_between(lead_start, lead_start + len(body))}
        return _latest_subject_but_readers(doc, frag.para, lead_start, readers, pronoun, PRONOUN_SAME_PARAGRAPH)
    author = doc.person_at(at)
    if author is not None:
        return _Speaker(key=author.key, explicit=True)
    name = _NAME_RE.match(body, found.start("who"))
    if name is not None and name.group(0).split()[0] not in _NOT_NAMES:
        return doc.resolve_name(name.group(0), at)
    return _Speaker(explicit=True)


# "The memo was written by Ada Varga", "It was sent by Ada Varga", "The letter, signed by Ada
# Varga, …": the article says outright who wrote the document it quotes (round forty-four).
_WRITTEN_BY_RE = re.compile(
    r"\b(?:(?:[Tt]he|[Ii]ts?|[Tt]his|[Tt]hat)\s+(?:[a-z\-]+\s+)?(?:memo|letter|e-?mail|note|message)|[Ii]t)"
    r"(?:,\s+|\s+(?:was|is|had\s+been|has\s+been)\s+(?:[a-z]+ly\s+)?)"
    r"(?:written|signed|sent|drafted|circulated)\s+by\s+(?=[A-Z])"
    # "a two-page typed letter from Hollis Gand to …": the sender named with the document
    # (round fifty-five).
    r"|\b(?:letter|note|memo|telegram|postcard|e-?mail)\s+from\s+(?=[A-Z])"
)


def document_author(doc: _Doc, offset: int) -> _Speaker | None:
    """The one person the article says wrote the document it quotes ("The memo was written by
    Ada Varga"), before `offset`: its words are hers at one remove, held for an editor as every
    document's are. None when no sentence says so, or two say different people."""
    authors: set[str] = set()
    for paragraph in doc.paragraphs:
        if paragraph.start >= offset:
            break
        # Cheap first test: " by " in the paragraph.
        if paragraph.kind != "paragraph" or (" by " not in paragraph.text and " from " not in paragraph.text):
            continue
        for found in _WRITTEN_BY_RE.finditer(paragraph.text):
            mention = doc.person_at(paragraph.start + found.end(), slack=0)
            if mention is None:
                return None  # a company or a name outside the graph wrote it: nobody's page
            authors.add(mention.key)
    if len(authors) != 1:
        return None
    return _Speaker(key=authors.pop(), explicit=True, document=True, confidence=RELAYED)
