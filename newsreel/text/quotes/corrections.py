"""Corrections: a quotation the text goes on to say was never its first speaker's.

A corrections column, a retraction or an editor's note repeats the words it had put in the wrong
mouth ("said that Maren Holt told us: “…”") and says straight after whose they were: "In fact the
words were those of her co-star, Tobias Quill", "The remark was made by a member of the audience",
"That is a line spoken by his character", "Mr Holt did not say this". Such words are never on the
first speaker's page: they go to the person the correction names, held for an editor, or to
nobody (round forty-eight).

Depends on: document, fragments, speakers, confidence. Imported by attribution; it imports none
of the attribution modules.
"""

from __future__ import annotations

import re

from newsreel.text.sentences import split_sentences
from newsreel.text.quotes.confidence import AMBIGUOUS
from newsreel.text.quotes.document import _Doc
from newsreel.text.quotes.fragments import _Group
from newsreel.text.quotes.speakers import _Speaker

_WORDS = r"(?:words|remark|remarks|comment|comments|quote|quotes|quotation|quotations|line|lines)"
# A sentence that says the words just quoted were someone else's, or nobody's.
_DISOWNING_RE = re.compile(
    rf"(?:In\s+fact|Actually|In\s+truth),?\s+(?:the|those|these|that|this|its)\s+{_WORDS}\s+(?:was|were)\b"
    rf"|(?:The|Those|These|That|This)\s+{_WORDS}\s+(?:was|were)\s+(?:made|said|spoken|written|uttered|those\s+of"
    rf"|[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)*['’]s?\b)"
    rf"|(?:The|Those|These)\s+{_WORDS}\s+came\s+from\b"
    r"|(?:It|They)\s+(?:was|were)\s+(?:said|made|written|spoken)\s+by\b"
    r"|(?:That|This|It)\s+(?:is|was)\s+a\s+line\s+(?:spoken|said|delivered|from)\b"
    r"|(?:(?:Mr|Ms|Mrs|Miss|Mx|Dr)\.?\s+)?[A-Z][\w’'\-]+\s+(?:did\s+not|didn['’]t|never)\s+(?:say|said|make|write|attend)\b"
)


def _disowning_sentence(doc: _Doc, group: _Group) -> tuple[int, int] | None:
    """The document span of a sentence, among the two after the quotation in its paragraph,
    that disowns it; None when there is none."""
    last = group.fragments[-1]
    if not last.closed:
        return None
    paragraph = doc.paragraphs[last.para]
    after = last.close_at - paragraph.start
    rest = paragraph.text[after:]
    if "“" in rest[:2] or '"' in rest[:2]:
        return None
    for start, end in split_sentences(rest)[:2]:
        sentence = rest[start:end].lstrip(" ,;”\"")
        if _DISOWNING_RE.match(sentence):
            lead = end - start - len(sentence)
            return paragraph.start + after + start + lead, paragraph.start + after + end
        if "“" in rest[start:end] or '"' in rest[start:end]:
            return None  # another quotation begins: what follows is about it
    return None


def disowned(doc: _Doc, group: _Group, speaker: _Speaker) -> _Speaker | None:
    """The speaker a quotation goes to when the text says right after it that its first speaker
    never said it: the other person the correction names (held), else nobody; None when the text
    says nothing of the kind."""
    span = _disowning_sentence(doc, group)
    if span is None:
        return None
    named = [m for m in doc.people_between(*span) if m.key != speaker.key]
    if named:
        return _Speaker(key=named[0].key, explicit=True, confidence=AMBIGUOUS)
    return _Speaker(explicit=True, confidence=AMBIGUOUS)
