"""Namesakes: which of the people carrying one surname a bare surname means ("the younger
Halvorsen", "Greer said" after an analyst and a graph person both called Greer, "The mayor
said … “…,” Saberi said" after Mayor Petra Saberi), or that it waits for an editor.

Depends on: words, speakers, document, outsiders, confidence, unnamed. Imported by the
attribution modules above it (subjects, explicit, attribution); it imports none of them.
"""

from __future__ import annotations

import re

from newsreel.text.normalize import KIN_NOUNS
from newsreel.text.quotes.words import _ANY_SPEECH_RE, _NAME_RE, _NOT_NAMES, _VERB_ALT
from newsreel.text.quotes.fragments import _Group
from newsreel.text.quotes.speakers import _Speaker
from newsreel.text.quotes.document import SHARED_SURNAME_BY_AGE, SHARED_SURNAME_ESTABLISHED, _Doc, _surname, by_age
from newsreel.text.quotes.outsiders import Outsider, is_subject, speaks
from newsreel.text.quotes.confidence import AMBIGUOUS, EXPLICIT_NAME
from newsreel.text.quotes.unnamed import _NOUN_GENDER
from newsreel.text.types import Mention


# "the younger Varga", "the eldest Quist": one of relatives who share a surname, by age.
_AGE_RANK_RE = re.compile(r"the\s+(younger|youngest|elder|eldest|older|oldest)\s+(?=[A-Z])")


def _by_age_at(doc: _Doc, offset: int, text: str, at: int) -> tuple[_Speaker, int] | None:
    """"…," the younger Varga said": the one of two sisters the article said is the younger
    ("Emese, who is four years younger"), held for an editor; None when the article did not
    compare them (then the surname alone is read as before: nobody's page)."""
    aged = _AGE_RANK_RE.match(text, at)
    if aged is None:
        return None
    name = _NAME_RE.match(text, aged.end())
    if name is None or " " in name.group(0):
        return None
    key = by_age(doc, name.group(0), aged.group(1), offset + aged.end())
    if key is None:
        return None
    return _Speaker(key=key, explicit=True, confidence=SHARED_SURNAME_BY_AGE), name.end()


_ATTRIBUTION_REACH = 150  # characters after a quotation's close where its attribution's name may stand


def _attribution_end(doc: _Doc, group: _Group) -> int:
    """Where the quotation's attribution may end: `_ATTRIBUTION_REACH` characters after its close,
    never into the next paragraph (round sixty-eight: "… Ilona Varga said." then "Varga, now 39,
    runs a plumbing business" is her nephew, not her attribution)."""
    last = group.fragments[-1]
    paragraph = doc.paragraphs[last.para]
    close = last.close_at if last.close_at is not None else last.open_at
    return min(close + _ATTRIBUTION_REACH, paragraph.start + len(paragraph.text))


def _named_by_surname_alone(doc: _Doc, group: _Group, key: str) -> Mention | None:
    """The graph person's last mention before or in the quotation's attribution, when it is a
    bare surname (one word); None when they were last named in full there, or not at all."""
    reach = _attribution_end(doc, group)
    # Not a name inside the quotation's own words ("So I lent her Donal's jumper").
    spans = [(f.open_at, f.close_at if f.close_at is not None else reach) for f in group.fragments]
    latest = max((m for m in doc.people if m.key == key and m.start < reach
                  and not any(start <= m.start < end for start, end in spans)), key=lambda m: m.start, default=None)
    if latest is None or " " in latest.surface.strip():
        return None
    return latest


def _surname_shared_with_outsider(doc: _Doc, group: _Group, key: str) -> bool:
    """Whether the graph person `key` is reached through their surname alone, written last
    before or in the quotation's attribution, while a person outside the graph named in full
    before the quotation carries the same surname and the text has called them by it alone too
    ("Greer noted …") or set them apart as "no relation" of the graph person named in full
    (round forty-six). A relative named in full and never by the surname alone (a tribute's
    "her son, Aled Maddox") leaves the surname to the graph person."""
    frag = group.fragments[0]
    latest = _named_by_surname_alone(doc, group, key)
    if latest is None:
        return False
    surname = latest.surface.strip()
    carriers = [o for o in doc.outsiders
                if o.start < frag.open_at and len(o.name.split()) > 1 and o.name.split()[-1] == surname]
    if any(doc.text(o.start, o.end).strip() == surname for o in carriers):
        return True
    if not carriers and _written_in_full_outside_the_graph(doc, surname, frag.open_at):
        # "… above Agathe Marchbanks's desk": a name first written as a possessive is no outsider
        # of its own, but it carries the surname all the same (round sixty-five).
        return _disclaimed_since_named(doc, key, frag.open_at)
    if carriers and _introduced_as_kin(doc, key, frag.open_at):
        # "Bridie Scallan has kept room four … Her late husband, Donal Scallan, played a
        # net-mender": the graph person is the outsider's relative, so a bare "Scallan says" is
        # as likely hers (round fifty-one).
        return True
    if carriers and _disclaimed_since_named(doc, key, frag.open_at):
        # "“Dorothea Penhaligon wore this mantle …” The curator is no relation": named in full
        # only in a wall text, then set apart from the outsider who carries her surname, the
        # graph person does not take a bare "Penhaligon" back (round fifty-five).
        return True
    if carriers and _outsider_referred_to_since(doc, key, carriers, latest.start, frag.open_at):
        # "“Four hours,” says Farrant." after the director's "… so Nico shaded it in", when the
        # star Lise Farrant was last named two paragraphs up: the outsider, brought back by his
        # first name since, may be the one the surname means (round sixty-six).
        return True
    # Named in full again in the quotation's own paragraph, the graph person takes the surname
    # back (round forty); only a disclaimer further off leaves it in doubt.
    paragraph_start = doc.paragraphs[frag.para].start
    if any(m.key == key and " " in m.surface.strip() and paragraph_start <= m.start < frag.open_at for m in doc.people):
        return False
    window = doc.paragraphs[max(frag.para - 1, 0)].start
    end = _attribution_end(doc, group)
    named_just_before = any(m.key == key and " " in m.surface.strip() and window <= m.start < end
                            for m in doc.people)
    relatives = {o.name for o in carriers if _named_as_relative(doc, o)}
    if not named_just_before and any(_speaks_where_named(doc, o) for o in carriers if o.name not in relatives):
        # "said the auctioneer, Crispin Yardley," then Ottilie Yardley of the graph, paragraphs
        # back: a bare "Yardley" later may be the voice the article quoted already (round
        # sixty-eight). Named in full in the paragraph just before, the graph person keeps it.
        return True
    return any(_disclaims_after(doc, o.end, key) for o in carriers)


_SPEECH_REACH = 60  # characters either side of an outsider's name where their speech verb stands


def _speaks_where_named(doc: _Doc, outsider: Outsider) -> bool:
    """Is the outsider quoted where first named in full ("said the auctioneer, Crispin Yardley,")?"""
    paragraph = doc.paragraphs[doc.para_of(outsider.start)]
    end = paragraph.start + len(paragraph.text)
    around = doc.text(max(paragraph.start, outsider.start - _SPEECH_REACH), min(end, outsider.end + _SPEECH_REACH))
    return any(mark in paragraph.text for mark in "“\"") and _ANY_SPEECH_RE.search(around) is not None


def _named_as_relative(doc: _Doc, outsider: Outsider) -> bool:
    """Is the outsider named right after a kin noun ("Her son, Aled Maddox")? A relative leaves a
    profile's bare surname to its subject (round twenty-one)."""
    return _KIN_BEFORE_RE.search(doc.text_before(outsider.start, 40)) is not None


def _written_in_full_outside_the_graph(doc: _Doc, surname: str, before: int) -> bool:
    """Is a given name and `surname` ("Agathe Marchbanks's") written before `before` where no
    graph person's mention stands?"""
    pattern = re.compile(rf"(?<![\w’'\-])([A-Z][\w’'\-]+)\s+{re.escape(surname)}(?![\w\-])")
    for paragraph in doc.paragraphs:
        if paragraph.start >= before:
            break
        for found in pattern.finditer(paragraph.text):
            at = paragraph.start + found.start()
            if at < before and found.group(1) not in _NOT_NAMES and not any(m.start <= at < m.end for m in doc.people):
                return True
    return False


def _outsider_referred_to_since(doc: _Doc, key: str, carriers: list[Outsider], latest: int, before: int) -> bool:
    """Was an outsider carrying the surname called by their given name alone ("so Nico shaded it
    in") after the graph person's last mention before the quotation (the bare surname at `latest`
    aside)? Named in full again ("Her father, Konrad Brasch, …"), a relative leaves a profile's
    bare surname to its subject, as before."""
    last_graph = max((m.start for m in doc.people if m.key == key and m.start < before and m.start != latest), default=-1)
    for carrier in carriers:
        given = carrier.name.split()[0]
        if given in _NOT_NAMES:
            continue
        surname = re.escape(carrier.name.split()[-1])
        pattern = re.compile(rf"(?<![\w’'\-]){re.escape(given)}(?![\w’'\-])(?!\s+(?:[A-Z][\w’'\-]*\s+)?{surname})")
        for index in range(doc.para_of(max(last_graph, 0)), doc.para_of(before) + 1):
            paragraph = doc.paragraphs[index]
            if any(last_graph < paragraph.start + found.start() < before for found in pattern.finditer(paragraph.text)):
                return True
    return False


# "her late husband, ", "His son ", "their daughter, the actor ": a relative named next.
_KIN_BEFORE_RE = re.compile(
    r"\b(?:his|her|their)\s+(?:late\s+|former\s+|younger\s+|elder\s+|older\s+)?"
    rf"(?:{'|'.join(sorted(KIN_NOUNS))})"  # "His aunt, Annick Tresize" too (round sixty-eight)
    r",?\s+(?:the\s+[a-z]+\s+)?$",
    re.IGNORECASE,
)


def _introduced_as_kin(doc: _Doc, key: str, before: int) -> bool:
    """Whether the graph person `key` is first named in full, before `before`, as somebody's relative."""
    for m in doc.people:
        if m.start >= before:
            break
        if m.key == key and " " in m.surface.strip():
            return _KIN_BEFORE_RE.search(doc.text_before(m.start, 40)) is not None
    return False


# "Corinne Vasey, who is no relation of the film's star", "(no relation to …)", "She is no
# relation to …": the writer setting a namesake apart.
_NO_RELATION_RE = re.compile(r"\bno\s+relation\s+(?:to|of)\b")
_DISCLAIMER_REACH = 120  # characters after the outsider's name, in the same paragraph
_SHARES_THE_NAME_RE = re.compile(
    r"\b(?:shares?|sharing)\s+(?:a|his|her|their|the)\s+(?:sur)?name\s+with\b|\bthe\s+same\s+surname\s+as\b",
    re.IGNORECASE,
)


def _disclaims_after(doc: _Doc, end: int, key: str) -> bool:
    """Whether the text says, just after an outsider's name, that they are "no relation" of the
    graph person `key`, named there in full ("Corinne Vasey, who is no relation of the film's
    star, Luke Vasey"): the writer had to tell two carriers of one surname apart in one breath,
    so a bare surname afterwards may mean either of them (round forty-six). "No relation to the
    director", naming nobody, is a courtesy that leaves the surname to the one it names later."""
    paragraph = doc.paragraphs[doc.para_of(end)]
    stop = min(end + _DISCLAIMER_REACH, paragraph.start + len(paragraph.text))
    disclaimer = _NO_RELATION_RE.search(doc.text(end, stop))
    if disclaimer is None:
        # "Ewan Threlfall is lacing up …. He shares a surname with Idris Threlfall": the same
        # setting apart, anywhere in the outsider's paragraph (round sixty-six).
        stop = paragraph.start + len(paragraph.text)
        disclaimer = _SHARES_THE_NAME_RE.search(doc.text(end, stop))
    if disclaimer is None:
        return False
    after = end + disclaimer.end()
    return any(after <= m.start < stop and " " in m.surface.strip() for m in doc.people if m.key == key)


# "The curator is no relation.", "she is no relation, and …": a disclaimer that names nobody.
_BARE_NO_RELATION_RE = re.compile(r"\bno\s+relation\b(?!\s+(?:to|of)\b)")


def _disclaimed_since_named(doc: _Doc, key: str, before: int) -> bool:
    """Whether a bare "… is no relation" stands after the graph person's last full naming and
    before `before`: the writer set the two carriers of the surname apart there."""
    full = max((m.end for m in doc.people if m.key == key and m.start < before and " " in m.surface.strip()), default=None)
    if full is None:
        return False
    return _BARE_NO_RELATION_RE.search(doc.text(full, before)) is not None


# "no relation to the film's star, " just before a name: the name is set apart, not the subject.
_NO_RELATION_BEFORE_RE = re.compile(r"\bno\s+relation\s+to\b[^.;:!?“”\"()]{0,40}$")


def _disclaimed_namesake(doc: _Doc, group: _Group, key: str) -> _Speaker | None:
    """The person outside the graph a bare surname means when the graph person carrying it was
    last named in full only to be disclaimed ("Hedda Maddow, no relation to the star, Corin
    Maddow"): the writer names the namesake to set them apart, so "Maddow said" is the one the
    passage is about, as written, on nobody's page. None otherwise."""
    frag = group.fragments[0]
    latest = _named_by_surname_alone(doc, group, key)
    if latest is None:
        return None
    surname = _POSSESSIVE_TAIL_RE.sub("", latest.surface.strip())
    full = max((m for m in doc.people if m.key == key and m.start < frag.open_at and " " in m.surface.strip()),
               key=lambda m: m.start, default=None)
    if full is None:
        return None
    paragraph_start = doc.paragraphs[doc.para_of(full.start)].start
    if not _NO_RELATION_BEFORE_RE.search(doc.text(max(paragraph_start, full.start - 60), full.start)):
        return None
    carriers = {o.name for o in doc.outsiders
                if o.start < frag.open_at and len(o.name.split()) > 1 and o.name.split()[-1] == surname}
    if len(carriers) != 1:
        return None
    return _Speaker(name=carriers.pop(), explicit=True, confidence=EXPLICIT_NAME)


# "is Callum Yarrow's older sister": the graph person named only as a relative's possessive.
_RELATIVE_OF_AFTER_RE = re.compile(
    rf"^['’]s?\s+(?:(?:older|elder|younger|little|big|late|twin)\s+)?(?:{'|'.join(sorted(KIN_NOUNS))})\b"
)


def _namesake_the_relative_of(doc: _Doc, group: _Group, key: str) -> _Speaker | None:
    """The person outside the graph a bare surname means when the quotation's paragraph opens on
    them, named in full, and names the graph person of that surname only as their relative's
    possessive ("Ros Yarrow, a stunt driver, is Callum Yarrow's older sister, and she doubled
    for Vey. “…,” Yarrow said"): the paragraph is about her (round fifty-nine). None otherwise."""
    frag = group.fragments[0]
    latest = _named_by_surname_alone(doc, group, key)
    if latest is None:
        return None
    surname = _POSSESSIVE_TAIL_RE.sub("", latest.surface.strip())
    paragraph = doc.paragraphs[frag.para]
    opening = [o for o in doc.outsiders_between(paragraph.start, frag.open_at)
               if len(o.name.split()) > 1 and o.name.split()[-1] == surname and not o.credit]
    if not opening or doc.text(paragraph.start, opening[0].start).strip(" *_"):
        return None  # the outsider must open the paragraph
    named = [m for m in doc.people if m.key == key and paragraph.start <= m.start < frag.open_at and " " in m.surface.strip()]
    if not named or not all(_named_as_relative_of(doc, m) for m in named):
        return None
    return _Speaker(name=opening[0].name, explicit=True, confidence=EXPLICIT_NAME)


# "Her aunt was less restrained.": a relative of the one just named, as a sentence's subject.
_RELATIVE_SUBJECT_RE = re.compile(
    rf"(?:^|[.!?][”’\"']?\s+)(?:Her|His|Their)\s+(?:(?:older|elder|younger|late)\s+)?(?:{'|'.join(sorted(KIN_NOUNS))})"
    # … then straight to a short predicate ("was less restrained", "disagreed"), not a name
    # ("Her son Ross doubles for …": the relative named, the speaker still the one before).
    rf"\s+(?:was|were|is|had|has|disagreed|disagrees|went\s+further|put\s+it\s+differently)\b[^.!?]{{0,40}}[.!?]\s*$"
)


def _relative_of_the_named(doc: _Doc, group: _Group, key: str) -> _Speaker | None:
    """The other graph person of the surname when the sentence before the quotation is about
    the relative of the one the paragraph named in full ("Effie Redfern, 15, said …. Her aunt
    was less restrained. “…,” Redfern said" is the aunt, the director Sunniva Redfern): held,
    since the text names her only by the surname they share (round sixty-three). None otherwise."""
    frag = group.fragments[0]
    paragraph = doc.paragraphs[frag.para]
    lead = paragraph.text[: frag.open_at - paragraph.start]
    if not _RELATIVE_SUBJECT_RE.search(lead):
        return None
    latest = _named_by_surname_alone(doc, group, key)
    if latest is None:
        return None
    if not any(m.key == key and " " in m.surface.strip() and paragraph.start <= m.start < frag.open_at for m in doc.people):
        return None  # the relative is of someone the paragraph named in full: the speaker's namesake
    surname = _POSSESSIVE_TAIL_RE.sub("", latest.surface.strip())
    others = {m.key for m in doc.people if m.key != key and _surname(doc.full_name(m.key, m.surface)) == surname}
    if len(others) != 1:
        return _Speaker(explicit=True, confidence=AMBIGUOUS)
    return _Speaker(key=others.pop(), explicit=True, confidence=AMBIGUOUS)


def _named_as_relative_of(doc: _Doc, mention: Mention) -> bool:
    """Is the mention a possessive followed by a relative's noun ("Callum Yarrow's older sister")?"""
    if not doc.is_possessive(mention):
        return False
    tail = doc.text(mention.end, mention.end + 30)
    if not tail.startswith(("'", "’")):
        tail = "'s" + tail  # the mention took the possessive in
    return _RELATIVE_OF_AFTER_RE.match(tail) is not None


# "The mayor said …", "But the councillor was unmoved.": a definite post as a sentence's subject.
_THE_POST_RE = re.compile(
    rf"(?:^|[.!?][”’\"']?\s+|,\s+|\band\s+)(?:But\s+|And\s+)?[Tt]he\s+(?P<post>[a-z][a-z\-]{{2,}})"
    # "The gaffer's lights dropped": what the post holder does, through their things (round seventy-two).
    rf"(?:['’]s\s+[a-z]+)?\s+(?:[a-z]+ly\s+)?(?:{_VERB_ALT}|[a-z]+(?:ed|s))\b"
)


def _holds_post(doc: _Doc, start: int, end: int, name: str, post: str) -> bool:
    """Does the article give `post` to the name at start..end: before it ("Mayor Petra Saberi",
    "the mayor, Petra Saberi") or just after it in commas (", the town's mayor,")?"""
    word = re.escape(post)
    if re.search(rf"(?<![\w\-]){word}\b", name, re.IGNORECASE):
        return True
    before = doc.text(max(start - 30, doc.paragraphs[doc.para_of(start)].start), start)
    if re.search(rf"(?<![\w\-]){word},?\s+$", before, re.IGNORECASE):
        return True
    after = doc.text(end, end + 50)
    return re.match(rf",\s+(?:the|a|an|its|their)\s+(?:[\w’'\-]+\s+){{0,2}}?{word}\b", after) is not None


def _outsider_by_role(doc: _Doc, group: _Group, key: str) -> _Speaker | None:
    """The person outside the graph a shared surname means when the quotation's paragraph, before
    it, has a post as a sentence's subject ("The mayor said she hoped …") and the article gave
    that post to the outsider who carries the surname and not to the graph person: the name as
    written, on nobody's page. None otherwise."""
    frag = group.fragments[0]
    paragraph = doc.paragraphs[frag.para]
    lead = paragraph.text[: frag.open_at - paragraph.start]
    posts = [found.group("post") for found in _THE_POST_RE.finditer(lead)]
    if not posts:
        return None
    post = posts[-1]
    if post in _NOUN_GENDER or post in ("film", "movie", "company", "studio", "festival", "production", "statement"):
        return None
    surname = next((m.surface.strip() for m in reversed(doc.people) if m.key == key and m.start < frag.open_at + _ATTRIBUTION_REACH
                    and " " not in m.surface.strip()), None)
    if surname is None:
        return None
    holders = [o for o in doc.outsiders if o.start < frag.open_at and len(o.name.split()) > 1
               and o.name.split()[-1] == surname and _holds_post(doc, o.start, o.end, o.name, post)]
    if len({o.name for o in holders}) != 1:
        return None
    if any(_holds_post(doc, m.start, m.end, m.surface, post) for m in doc.people if m.key == key and m.start < frag.open_at):
        return None
    return _Speaker(name=holders[0].name, explicit=True, confidence=EXPLICIT_NAME)


# "Thorne, the analyst, said", "said Thorne, the Fallowby analyst,": a post set in commas after
# a bare surname; up to two words (an employer, an adjective) before the post's noun.
_APPOSED_POST_RE = r",\s+(?:the|an?|its|their)\s+(?:[\w’'\-]+\s+){0,2}?(?P<post>[a-z][a-z\-]{2,})\s*,"


def _outsider_by_apposed_post(doc: _Doc, group: _Group, key: str) -> _Speaker | None:
    """The person outside the graph a shared surname means when the quotation's attribution sets
    a post beside the bare surname ("“…,” Thorne, the analyst, said") and the article gave that
    post to the outsider of that surname named in full before ("Dominic Thorne, an analyst at
    …"), not to the graph person: a writer adds the post exactly to say which namesake speaks.
    The name as written, on nobody's page; None otherwise."""
    surname = _surname(doc.full_name(key, ""))
    if not surname:
        return None
    apposed = re.compile(rf"(?<![\w’'\-]){re.escape(surname)}{_APPOSED_POST_RE}")
    frag = group.fragments[0]
    for part in group.fragments:
        if part.close_at is None:
            continue
        after = re.split(r"[“”\"]", doc.text(part.close_at + 1, part.close_at + _ATTRIBUTION_REACH), maxsplit=1)[0]
        found = apposed.search(after)
        if found is None:
            continue
        post = found.group("post")
        holders = {o.name for o in doc.outsiders if o.start < frag.open_at and len(o.name.split()) > 1
                   and o.name.split()[-1] == surname and _holds_post(doc, o.start, o.end, o.name, post)}
        if len(holders) != 1:
            return None
        # Given to the graph person before the quotation too, the post tells them apart no more.
        if any(_holds_post(doc, m.start, m.end, m.surface, post) for m in doc.people if m.key == key and m.start < frag.open_at):
            return None
        return _Speaker(name=holders.pop(), explicit=True, confidence=EXPLICIT_NAME)
    return None


def _other_carrier_named_last(doc: _Doc, group: _Group, key: str) -> Mention | None:
    """Another graph person carrying the surname through which the attribution reaches `key`
    alone (written in the quotation's paragraph), when they were the carrier named in full last,
    in the quotation's paragraph before it or in the paragraph just before; None otherwise."""
    frag = group.fragments[0]
    reach = _attribution_end(doc, group)
    start = doc.paragraphs[frag.para].start
    latest = max((m for m in doc.people if m.key == key and start <= m.start < reach), key=lambda m: m.start, default=None)
    if latest is None or " " in latest.surface.strip():
        return None
    surname = _POSSESSIVE_TAIL_RE.sub("", latest.surface.strip())
    if surname not in doc.shared_surnames:
        return None
    window = doc.paragraphs[max(frag.para - 1, 0)].start
    latest_full = max((m for m in doc.people if window <= m.start < frag.open_at and " " in m.surface.strip()
                       and _surname(doc.full_name(m.key, m.surface)) == surname), key=lambda m: m.start, default=None)
    return None if latest_full is None or latest_full.key == key else latest_full


def _introduced_as_a_relative(doc: _Doc, mention: Mention) -> bool:
    """Is the name set right after a kin noun ("Adair's father, the actor Fenwick Adair")?"""
    start = max(doc.paragraphs[doc.para_of(mention.start)].start, mention.start - 40)
    return _KIN_NOUN_BEFORE_RE.search(doc.text(start, mention.start)) is not None


def _named_by_a_shared_surname(doc: _Doc, group: _Group, key: str) -> bool:
    """Whether the attribution reaches the graph person `key` through a surname alone, written in
    the quotation's paragraphs, that another graph person the article named in full before the
    quotation carries too."""
    # The writer's bare surname is read as somebody else's only when the carrier named in full
    # last was introduced in their own right, not as a relative ("Adair's father, the actor
    # Fenwick Adair"), whom a profile names in full and leaves the surname to its subject.
    other = _other_carrier_named_last(doc, group, key)
    return other is not None and not _introduced_as_a_relative(doc, other)


def _relative_of_the_dead(doc: _Doc, group: _Group, key: str) -> _Speaker | None:
    """The relative a bare surname means when the one it would otherwise be read as is dead
    ("Vantongeren died in 1971. His son, Lauro Vantongeren, 88, attended the screening. “…,”
    Vantongeren said"): the living carrier the text named in full last, held, since only the
    surname they share names them (round sixty-four); a relative outside the graph named so
    ("Their daughter, Linnea Selander, …. Selander, who teaches mathematics, added:"), as
    written (round sixty-eight). None otherwise."""
    before = group.fragments[0].open_at
    other = _other_carrier_named_last(doc, group, key)
    if other is not None:
        living = _introduced_as_a_relative(doc, other) and not _said_to_have_died(doc, other.key, before)
        if not living or not _said_to_have_died(doc, key, before):
            return None
        return _Speaker(key=other.key, explicit=True, confidence=SHARED_SURNAME_ESTABLISHED)
    heir = _outsider_named_since(doc, group, key)
    if heir is None or not _said_to_have_died(doc, key, before):
        return None
    return _Speaker(name=heir.name, explicit=True, confidence=EXPLICIT_NAME)


def _outsider_named_since(doc: _Doc, group: _Group, key: str) -> Outsider | None:
    """The person outside the graph, carrying the surname through which the attribution reaches
    `key` alone, named in full after the graph person's last full naming, in the quotation's
    paragraph or the one before it; None when there is none."""
    frag = group.fragments[0]
    surname = _surname(doc.full_name(key, ""))
    reach = _attribution_end(doc, group)
    start = doc.paragraphs[frag.para].start
    if not surname or not any(m.key == key and start <= m.start < reach
                              and _POSSESSIVE_TAIL_RE.sub("", m.surface.strip()) == surname for m in doc.people):
        return None  # the attribution does not reach them through the bare surname
    full = max((m.start for m in doc.people if m.key == key and m.start < frag.open_at and " " in m.surface.strip()),
               default=-1)
    window = doc.paragraphs[max(frag.para - 1, 0)].start
    return max((o for o in doc.outsiders if max(full, window) < o.start < frag.open_at and not o.credit
                and len(o.name.split()) > 1 and o.name.split()[-1] == surname), key=lambda o: o.start, default=None)


# "Vantongeren died in 1971", "Adair, who died in June,", "(1901–1971)"; "the late Emeric Adair".
_DIED_AFTER_RE = re.compile(
    r"^\s*\((?:c\.\s*)?(?:1[89]|20)\d\d\s*[–-]\s*(?:1[89]|20)\d\d\)"
    r"|^(?:,\s+who)?\s+(?:has\s+|had\s+)?(?:since\s+)?(?:died|was\s+killed|passed\s+away)\b"
    # "Margit Selander, who edited eleven features for …, died on 2 November"
    r"|^,[^.;!?,]{1,200},\s+(?:has\s+|had\s+)?(?:died|passed\s+away)\b"
)
_LATE_BEFORE_RE = re.compile(r"\b[Tt]he\s+late\s+(?:[a-z]+\s+){0,2}$")


def _said_to_have_died(doc: _Doc, key: str, before: int) -> bool:
    """Does the text, before `before`, say the graph person `key` has died?"""
    return any(_DIED_AFTER_RE.match(doc.text(m.end, m.end + 240)) or _LATE_BEFORE_RE.search(doc.text_before(m.start, 30))
               for m in doc.people if m.key == key and m.start < before)


_POSSESSIVE_TAIL_RE = re.compile(r"['’]s?$")
# A kin noun shortly before a name ("Adair's father, the actor Fenwick Adair"); not words.py's
# _KIN_BEFORE_RE, which reads a relative set right before a given name.
_KIN_NOUN_BEFORE_RE = re.compile(rf"\b(?:{'|'.join(sorted(KIN_NOUNS))})\b[^.;:!?“”\"]{{0,30}}$")

_BARE_WORD_RE = re.compile(r"(?<![\w’'\-])[A-Z][\w’'\-]*[a-z](?![\w’'\-])")
_WORD_BEFORE_RE = re.compile(r"([A-Z][\w’'\-]*)\s+$")


def _shared_surname_subjects(
    doc: _Doc, sentence: str, base: int, people: list, quoted: list[tuple[int, int]], para_start: int
) -> list[tuple[bool, bool, int, _Speaker]]:
    """A surname several people named in full carry, standing alone as the sentence's subject
    with no mention on it ("Drury distrusted the word" after Anselm and his son Nathaniel
    Drury): the rules for a shared surname's guess, held for an editor; else somebody the text
    names but we cannot, so a pronoun after it ("he told a magazine") is nobody's rather than
    a person's from the paragraph before. Ranked as `_find_subjects` ranks people."""
    ranked: list[tuple[bool, bool, int, _Speaker]] = []
    for word in _BARE_WORD_RE.finditer(sentence):
        if word.group(0) not in doc.shared_surnames:
            continue
        at, stop, where = word.start(), word.end(), base + word.start()
        if any(m.start <= where < m.end for m in people) or any(qs <= where - para_start < qe for qs, qe in quoted):
            continue
        if sentence[stop : stop + 1] == " " and sentence[stop + 1 : stop + 2].isupper():
            continue  # part of a longer name
        before = _WORD_BEFORE_RE.search(sentence, 0, at)
        if before is not None and before.group(1) not in _NOT_NAMES:
            continue  # "Clara Drury", a name no mention covers: not the surname alone
        if not is_subject(sentence, at, stop) or not _shared_before(doc, word.group(0), where):
            continue
        talks = speaks(sentence, stop)
        guess = _aged_before(doc, sentence, at, word.group(0), where) or doc.resolve_name(word.group(0), where)
        if guess.key is None:
            guess = _Speaker(unnamed="any")
        ranked.append((False, not talks, where, _Speaker(key=guess.key, unnamed=guess.unnamed, explicit=talks,
                                                          confidence=guess.confidence)))
    return ranked


_AGE_RANK_BEFORE_RE = re.compile(r"\b[Tt]he\s+(younger|youngest|elder|eldest|older|oldest)\s+$")


def _aged_before(doc: _Doc, sentence: str, at: int, surname: str, where: int) -> _Speaker | None:
    """"There was a pause before the younger Halvorsen answered.": the one of two siblings the
    article said is the younger ("Petra Halvorsen, the elder of the two by three years"), held
    for an editor; None when "the younger" does not stand before the surname or the article did
    not compare their ages."""
    rank = _AGE_RANK_BEFORE_RE.search(sentence, 0, at)
    if rank is None:
        return None
    key = by_age(doc, surname, rank.group(1), where)
    return None if key is None else _Speaker(key=key, explicit=True, confidence=SHARED_SURNAME_BY_AGE)


def _shared_before(doc: _Doc, surname: str, before: int) -> bool:
    """Have two or more people with this surname been named in full before `before`?"""
    owners = {m.key for m in doc.people if m.start < before and " " in m.surface.strip()
              and _surname(doc.full_name(m.key, m.surface)) == surname}
    return len(owners) > 1
