"""Confidence: the fixed confidence of each way a speaker is found, and the cap on a quotation
woven into the writer's sentence.

Depends on: nothing in `newsreel.text.quotes`. Every attribution module imports it; it imports
none of them.
"""

from __future__ import annotations


# Confidence of each way a speaker is found (docs/text-core.md, "Confidence"). At or above
# SURE_CONFIDENCE (0.8) a quote may go on the speaker's page without an editor.
EXPLICIT_MENTION = 0.95  # "…,” Okafor said." with a person mention on the name
EXPLICIT_NAME = 0.9  # the name as written, or matched to the graph by the quote finder
PRONOUN_SAME_PARAGRAPH = 0.85  # "he said" with the nearest fitting subject in the paragraph
FOLLOW_ON = 0.85  # a bare quotation after the same speaker's quotation in the paragraph
# Round thirty: held. On first contact (evalset10 to evalset32, each by the core that had never
# seen it) a pronoun whose paragraph named somebody else before the quotation was right on 14 of
# the 18 pages it was shown on; with one person named, on 114 of 122.
PRONOUN_AMONG_OTHERS = 0.78  # "he said" when the paragraph names another person before it
# Round thirty-one: held. "She first read it when Ada was still cutting …, “…,” she said": a
# pronoun before a name in its own sentence is never that name's (nobody writes "she" and then
# names her in the same clause), so the "she" found the wrong person.
PRONOUN_BEFORE_NAME = 0.75  # "she said" when the paragraph's "she" came before the name it found
# Round thirty: held. A quotation opening in lower case is a phrase woven into the writer's own
# sentence ("described the price as “comfortably into eight figures”"): the sentence's grammar,
# not an attribution, says whose it is, and on first contact it was right on 12 of 16 pages.
WOVEN_PHRASE = 0.75  # at most, for a quotation whose first letter is lower case
# Round twenty: held (below SURE_CONFIDENCE). On first contact, the eleven sets measured held out
# (evalset10 to evalset20, each by the core that had never seen it), a speaker carried over a
# paragraph break was right on 10 of the 19 pages it was shown on.
PREVIOUS_PARAGRAPH = 0.75  # a pronoun or bare quotation carried from the paragraph before
ROLE_REFERENCE = 0.7  # "the director said": a role, not a name
BARE_SUBJECT = 0.7  # a bare quotation after a sentence whose subject is a person
BYLINE_FIRST_PERSON = 0.75  # "…,” I said" in an article signed "By Name": the writer, by the byline
RELAYED = 0.7  # "She told them that “…,” one of them said": words passed on by another
REJOINDER = 0.6  # a back-and-forth of bare quotations
LIST_LEAD = 0.85  # a list item under a lead-in that names who said the list
AMBIGUOUS = 0.6  # a pronoun that fits two people the text names, neither gendered
DISTANT = 0.55  # the person the article is about, or a subject further back


def woven_confidence(text: str, confidence: float) -> float:
    """A quotation's confidence, capped at WOVEN_PHRASE when it opens in lower case."""
    opening = next((c for c in text if c.isalpha()), "")
    return min(confidence, WOVEN_PHRASE) if opening.islower() else confidence
