"""Statements set as block quotes without quote marks, and the credit line under a quotation.

A newsroom prints a statement as a block quote (`> We thank Lena for her work.`) with no
quote marks: the block is a quotation when a credit closes it (`— Ada Varga, director`,
in its last line or a paragraph of its own, in the block or just after it) or when the paragraph before introduces it
("Lena Osei posted a statement on Tuesday.", "The studio answered within the hour:"), or
closes on the writer's own question ("I ask whether the film was easier."), which makes the
block the answer of the one asked. Its speaker is the one the credit or the introduction
names, or nobody ("the studio"); a block quote with neither (an excerpt, an epigraph) is not
given to anyone and not extracted.

Depends on: words, fragments, speakers, document, attribution.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from newsreel.text.quotes.attribution import (
    BARE_SUBJECT, CREDIT_CLAUSE_RE, EXPLICIT_MENTION, EXPLICIT_NAME, _before_attribution, _implied_speaker, _who,
)
from newsreel.text.quotes.confidence import RELAYED
from newsreel.text.quotes.document import _Doc
from newsreel.text.quotes.fragments import _Fragment, _Group
from newsreel.text.quotes.speakers import _Speaker
from newsreel.text.quotes.outsiders import ORG_RE
from newsreel.text.quotes.relayed import document_author
from newsreel.text.quotes.transcripts import _initials_speaker
from newsreel.text.quotes.words import _ANY_SPEECH_RE, _NOT_NAMES
from newsreel.text.sentences import last_sentence, split_sentences
from newsreel.text.types import Paragraph

# Patterns read for every quotation, compiled once.
_CREDIT_END_RE = re.compile(r"\s*(?:[,(]|$)")
_NEGATED_RE = re.compile(r"\b(?:not|n['’]t|never|was|were|been|be|being)\s+$")


# A letter signed with initials only: "T.W.", "J.-L. V.".
_SIGNED_INITIALS_RE = re.compile(r"(?:[A-Z]\.\s?-?){2,3}")
# "— Ada Varga, director", "–Petra Lindqvist", "-- Gil Haber": a credit at the end of a block.
CREDIT_RE = re.compile(r"(?:^|\s)(?:[—–]|--?)\s*(?=[A-Z])([^—–\n]{2,120})$")
# A credit set as a paragraph of its own is a line, not prose ("— Ada Varga, director, Harbor Films"):
# short, and with no relative clause (CREDIT_CLAUSE_RE).
_CREDIT_PARAGRAPH_MAX = 140
# Words that introduce a statement without a speech verb of their own.
_STATEMENT_RE = re.compile(
    r"\b(?:statement|citation|read|reads|wrote|writes|posted|letter|note|memo|message|email|speech)\b", re.IGNORECASE
)


@dataclass
class Statement:
    first: int
    last: int
    start: int
    end: int
    speaker: _Speaker


def credit_speaker(doc: _Doc, offset: int, credit: str) -> _Speaker | None:
    """The speaker a credit line names (`Ada Varga, director`), or None when it names nobody."""
    signed = credit.strip()
    if _SIGNED_INITIALS_RE.fullmatch(signed):
        # "— T.W." under a letter: the one person named in full before whose initials these
        # are, held, since initials are a reader's inference (round fifty-six).
        initialled = _initials_speaker(doc, offset, signed.replace(" ", ""), [])
        if initialled is not None and initialled.known:
            return replace(initialled, confidence=RELAYED)
    speaker, end = _who(doc, offset, credit, 0, allow_anon=False)
    if speaker is None or not speaker.known or not _CREDIT_END_RE.match(credit[end:]):
        return None  # a credit is a name, perhaps with a role after a comma; not a clause
    sure = EXPLICIT_MENTION if speaker.key else EXPLICIT_NAME
    return _Speaker(key=speaker.key, name=speaker.name, explicit=True, confidence=speaker.confidence or sure)


def find_statements(doc: _Doc, skip: set[int]) -> list[Statement]:
    """Unmarked block-quote statements with a credit or an introduction. A run of block-quote
    paragraphs without quote marks is one statement; a credit line ends it."""
    found: list[Statement] = []
    run: list[int] = []
    for index, paragraph in enumerate(doc.paragraphs):
        if paragraph.kind == "quote" and index not in skip and not _marked(doc, index, continues=bool(run)):
            run.append(index)
            if CREDIT_RE.match(paragraph.text.strip()) is None and not _ends_in_credit(paragraph.text):
                continue
        if run:
            below = credit_paragraph(doc, index) if index != run[-1] and index not in skip else None
            statement = _statement(doc, run[0], run[-1], below)
            if statement is not None:
                found.append(statement)
            run = []
    if run:
        statement = _statement(doc, run[0], run[-1])
        if statement is not None:
            found.append(statement)
    return found


def _marked(doc: _Doc, index: int, *, continues: bool = False) -> bool:
    """Does block paragraph `index` carry quote marks of its own? Single quotes inside it, not
    opening it, are the statement quoting someone ("One of us wrote, 'Again, please,'"): nested
    in the statement, they leave it unmarked (round forty-two). So are double quotes inside a
    paragraph that `continues` an unmarked statement ("In 1977 he told an interviewer, “…”" in a
    press release's second paragraph, round fifty)."""
    paragraph = doc.paragraphs[index]
    opens = paragraph.start + len(paragraph.text) - len(paragraph.text.lstrip())
    return any((not f.single and not continues) or f.open_at <= opens for f in doc.frags(index))


def nested_in(statements: list[Statement], start: int, end: int) -> bool:
    """Does start..end lie inside one of the statements (a passage it quotes)?"""
    return any(s.start <= start and end <= s.end for s in statements)


def _ends_in_credit(text: str) -> bool:
    return CREDIT_RE.search(text) is not None


def credit_paragraph(doc: _Doc, index: int) -> _Speaker | None:
    """The speaker of a credit set as a paragraph of its own right after a block quote, outside
    the block (`> …` then `— Hedda Rasmussen, chief restorer`): a layout as common as the credit
    inside it, and as plainly the block's. Only a short paragraph that is nothing but the credit."""
    paragraph = doc.paragraphs[index]
    text = paragraph.text.strip()
    credit = CREDIT_RE.match(text) if paragraph.kind == "paragraph" and len(text) <= _CREDIT_PARAGRAPH_MAX else None
    if credit is None or CREDIT_CLAUSE_RE.search(credit.group(1)):
        return None
    lead = len(paragraph.text) - len(paragraph.text.lstrip())
    return credit_speaker(doc, paragraph.start + lead + credit.start(1), credit.group(1))


def _statement(doc: _Doc, first: int, last: int, below: _Speaker | None = None) -> Statement | None:
    tail = doc.paragraphs[last]
    credit = CREDIT_RE.search(tail.text)
    end_para, end_offset = last, tail.start + len(tail.text)
    speaker: _Speaker | None = below
    if speaker is None and credit is not None:
        speaker = credit_speaker(doc, tail.start + credit.start(1), credit.group(1))
        if speaker is not None:
            cut = tail.start + credit.start()
            if not tail.text[: credit.start()].strip():
                if last == first:
                    return None  # a credit with nothing above it
                end_para = last - 1
                cut = doc.paragraphs[end_para].start + len(doc.paragraphs[end_para].text)
            end_offset = cut
    if speaker is None:
        speaker = _introduced_by(doc, first)
        end_para, end_offset = last, tail.start + len(tail.text)
    if speaker is None:
        return None
    start_paragraph = doc.paragraphs[first]
    start = start_paragraph.start + len(start_paragraph.text) - len(start_paragraph.text.lstrip())
    return Statement(first, end_para, start, end_offset, speaker)


# The writer's own question closing the paragraph before a block ("I ask whether the film was
# easier.", "When I asked him about the weight,"): the block is the answer. "whom" is who was asked.
_WRITER_ASKS_RE = re.compile(r"\b(?:I|we)\s+(?:ask|asked)\b(?:\s+(?P<whom>him|her))?")
_PRONOUN_SUBJECT_RE = re.compile(r"(?:(?:but|and|still|yet|now|today|then)\s+)?(he|she)\s+(?:[a-z]+ly\s+)?[a-z][a-z’'\-]+\b", re.IGNORECASE)


def _answer_to_the_writer(doc: _Doc, first: int, before: Paragraph, lead: str) -> _Speaker | None:
    """The speaker of a block that answers the writer's question closing the paragraph
    before ("She made her name with … . I ask whether *The Salt Border* was easier."): the
    one asked ("I asked her") or the person the paragraph's sentences have as "he" or "she",
    found as a pronoun is. Held for an editor: the text never names who answers."""
    asks = _WRITER_ASKS_RE.search(lead)
    if asks is None:
        return None
    pronoun = {"him": "he", "her": "she"}.get(asks.group("whom") or "")
    if pronoun is None:
        subjects = [_PRONOUN_SUBJECT_RE.match(before.text, s) for s, _ in split_sentences(before.text)]
        pronouns = {m.group(1).lower() for m in subjects if m is not None}
        if len(pronouns) != 1:
            return None  # nobody, or a "he" and a "she": who answered is not the text's to say
        pronoun = pronouns.pop()
    frag = _Fragment(first, doc.paragraphs[first].start, doc.paragraphs[first].start, doc.paragraphs[first].start, None)
    found = _implied_speaker(doc, _Group([frag]), [], pronoun)
    if not found.known:
        return None
    return _Speaker(key=found.key, name=found.name, confidence=min(found.confidence, BARE_SUBJECT))


# "… where the jury's citation read:", "The statement said:": a text read out or issued, as the
# colon lead-in's last words.
_DOCUMENT_READS_RE = re.compile(
    # Not "her letter read:", whose writer a pronoun names (left to the rules that read pronouns).
    r"(?<!\bhis )(?<!\bher )(?<!\btheir )(?<!\bHis )(?<!\bHer )(?<!\bTheir )"
    r"\b(?:citation|statement|letter|note|memo|message|email|announcement|caption|inscription|release)\s+"
    r"(?:read|reads|ran|runs|said|says|stated|states)\s*:\s*$"
)


# A lead-in whose subject is the document itself: "Its opening is blunt:", "It goes on:".
_DOCUMENT_SUBJECT_RE = re.compile(r"(?:It|Its|The\s+(?:memo|letter|e-?mail|note|message))\b")
_DOCUMENT_MOVES_ON_RE = re.compile(
    r"(?:It|The\s+(?:memo|letter|e-?mail|note|message))\s+(?:then\s+|later\s+|next\s+)?"
    r"(?:turns|goes\s+on|moves\s+on|continues|ends|closes|concludes)\b"
)


# "Its statement … is reproduced here in full.", "The citation is printed below.": a news story
# reprinting a document whole says so in the sentence before it (round forty-two).
_DOCUMENT_REPRINTED_RE = re.compile(
    r"\b(?:citation|statement|letter|note|memo|message|email|announcement|release)\b[^.;:!?]*?"
    r"\b(?:is|are|was|were)\s+(?:reproduced|reprinted|printed|published|given)\s+(?:here|below|in\s+full)\b"
)


def _reads_unsigned(doc: _Doc, lead: str, lead_start: int) -> bool:
    """Does the lead-in introduce a text read out or issued ("where the jury's citation
    read:", "Its statement is reproduced here in full.") and name nobody who wrote it? Then the
    block is a statement of nobody the text names, on no page, as "a spokesperson said:" is
    (round eighteen); a person's statement ("Varga's statement read:") is left to the rules that
    name people."""
    if _DOCUMENT_READS_RE.search(lead) is None and (
        "printed" not in lead and "reproduced" not in lead and "published" not in lead and "given" not in lead
        or _DOCUMENT_REPRINTED_RE.search(lead) is None
    ):
        return False
    end = lead_start + len(lead)
    return not doc.people_between(lead_start, end) and not doc.outsiders_between(lead_start, end)


def _company_issuing(doc: _Doc, lead: str) -> _Speaker | None:
    """The company opening a lead-in to a statement ("Coldharbour issued a statement late on
    Wednesday:"), when the text writes the name as a company's: the block is the company's
    words, nobody's page (round twenty-five)."""
    found = ORG_RE.match(lead.lstrip())
    if found is None or found.group(0).split()[0] in _NOT_NAMES or not doc.is_company(found.group(0)):
        return None
    return _Speaker(name=found.group(0), explicit=True)


# A piece of writing a person signs, owned: "Ada Varga's review", "Varga's weekly column".
_OWNED_WRITING_RE = re.compile(r"['’]s\s+(?:[a-z\-]+\s+)?(?:review|column|essay|notice|open\s+letter|letter)\b")
# A lead-in pointing back at that writing: "its second paragraph", "The review's closing line".
_BACK_TO_WRITING_RE = re.compile(r"\b(?:[Ii]ts|[Tt]he\s+(?:review|column|essay|notice|letter)(?:['’]s)?)\b")


def _reviews_writer(doc: _Doc, before: Paragraph, lead_at: int, lead: str) -> _Speaker | None:
    """The one person whose review (column, essay, letter) the lead-in's paragraph names, when
    the lead-in points back at it ("its second paragraph:"): held, as a document's words are.
    None when the paragraph owns no writing, or two people's."""
    if not _BACK_TO_WRITING_RE.search(lead):
        return None
    owners: set[tuple[str | None, str | None]] = set()
    for found in _OWNED_WRITING_RE.finditer(before.text, 0, lead_at + len(lead)):
        at = before.start + found.start()
        people = [m for m in doc.people_between(before.start, at + 2) if at - 1 <= m.end <= at + 2]
        outsiders = [o for o in doc.outsiders_between(before.start, at + 2) if at - 1 <= o.end <= at + 2]
        if people:
            owners.add((people[-1].key, None))
        elif outsiders:
            owners.add((None, outsiders[-1].name))
        else:
            return None  # a company's or a film's: nobody the text names
    if len(owners) != 1:
        return None
    key, name = owners.pop()
    return _Speaker(key=key, name=name, explicit=True, document=True, confidence=RELAYED)


def _introduced_by(doc: _Doc, first: int) -> _Speaker | None:
    """The speaker the paragraph before the block names as introducing it."""
    if first == 0:
        return None
    before = doc.paragraphs[first - 1]
    if before.kind not in ("paragraph", "list"):
        return None
    last = last_sentence(before.text)
    if last is None:
        return None
    s, e = last
    lead = before.text[s:e]
    verb = _ANY_SPEECH_RE.search(lead)
    if verb and _NEGATED_RE.search(lead[: verb.start()]):
        verb = None  # "Mira Sol was not asked." introduces nothing
    if not (lead.rstrip().endswith(":") or verb or _STATEMENT_RE.search(lead)):
        if _DOCUMENT_MOVES_ON_RE.match(lead.lstrip()):
            # "It then turns to the slate, …." before the next block: the same document goes on.
            author = document_author(doc, before.start + e)
            if author is not None:
                return author
        return _answer_to_the_writer(doc, first, before, lead)
    frag = _Fragment(first, doc.paragraphs[first].start, doc.paragraphs[first].start, doc.paragraphs[first].start, None)
    speaker = _before_attribution(doc, lead, before.start + s, frag)
    if speaker is None and _STATEMENT_RE.search(lead):
        # "Lena Osei posted a statement on Tuesday." reads as an attribution of the block.
        speaker = _before_attribution(doc, lead.rstrip(".") + " said:", before.start + s, frag)
    if speaker is None and _STATEMENT_RE.search(lead):
        speaker = _company_issuing(doc, lead)
    if (speaker is None or not speaker.known) and _DOCUMENT_SUBJECT_RE.match(lead.lstrip()):
        # "Its opening is blunt:", "The memo, signed by …, opens plainly:": the document the
        # article says a named person wrote, at one remove (round forty-four).
        author = document_author(doc, before.start + e)
        if author is not None:
            return author
    if (speaker is None or not speaker.known) and lead.rstrip().endswith(":"):
        writer = _reviews_writer(doc, before, s, lead)
        if writer is not None:
            # "When Ada Varga's review ran …. The line everyone quoted came from its second
            # paragraph:": the block is her writing, at one remove (round forty-five).
            return writer
    if speaker is None and _reads_unsigned(doc, lead, before.start + s):
        speaker = _Speaker(explicit=True)
    if speaker is None:
        return None
    if speaker.known:
        sure = EXPLICIT_MENTION if speaker.key else EXPLICIT_NAME
        return _Speaker(key=speaker.key, name=speaker.name, explicit=True, confidence=speaker.confidence or sure)
    if speaker.pronoun:
        return _implied_speaker(doc, _Group([frag]), [], speaker.pronoun)
    return _Speaker(explicit=True, confidence=EXPLICIT_MENTION)
