"""Find the films and people an article names, and decide which entity each name means.

Precision comes first: a wrong link is worse than none. The rules, in the order applied:

1. Every title, alias and name in the gazetteer is matched on folded whole-word tokens
   (accents, quote styles and case do not matter for matching; offsets stay in the text).
   A match must start with a capital unless the name itself starts lower-case; overlapping
   matches keep the leftmost, then the longest.
2. People named in full (or by an alias, or with a nickname in quotation marks inside the
   name: Thomasina "Tommy" Brandt) are taken; a name shared by two people in the graph is
   resolved by their credits on films the article names, or left unlinked. A name the article
   casts before its actor ("Ned Aldous (Ruairi Tennant)", "X, the mercenary played by …") is a
   character, not the person (`newsreel/text/casting.py`).
3. A surname alone ("Baker", "Baker's") is a person only when exactly one person with that
   surname was named in full earlier in the article (of several, the one named in full earlier
   in the same paragraph), and the surname is not part of a longer proper name ("Sharon Stone").
4. Film titles are scored for each film that carries them. Evidence:
   set in quotes or italics +2; title-cased where a common word would be lower-case +1 (+2
   for a title of several words); right after "film"/"movie"/... +2; film vocabulary
   within ten words +1; a year in parentheses after it +4 when it is the film's year
   (another year rules the film out); the film's year within six words +2; a person
   credited on the film named in the same paragraph +3, elsewhere in the article +2, and
   +3 more when the title is attributed to them ("Villeneuve's Dune", "Dune by Denis
   Villeneuve"); a spoiler block for the film in the same paragraph +3, elsewhere +2;
   "new"/"original" just before a title shared by several films +1.5 to the newest/oldest.
   A one-word title that is a word of a character's name in another film the article is
   about ("Wren" when Ember's heroine is Wren Aldana) is the character, unless set in
   quotes or followed by a year.
   A distinctive title (not made of everyday words) is taken when it is capitalized; as the
   first word of a sentence or heading, a one-word title also needs some evidence above, or
   the film named elsewhere in the article ("Consent is a key theme" is not a film). A one-word
   title the article also uses in lower case counts as an everyday word. A title
   made of everyday words (Her, Up, Us, Heat, Nope, Wicked) needs typographic evidence
   (quotes, italics, mid-sentence capitals, a year in parentheses) and at least 2 points of
   evidence from its context or the article; a title that is also a common proper name (Chicago, Jackie) needs a score of 3
   without counting capitals, part of it from the words around the title. When several
   films carry the title, the best score must beat the next by at least 1; a tie is
   settled only if the article elsewhere resolved the title to one of them.

5. Then the names that are neither (`references.py`): a given name alone after the full
   name, a family or team ("the Safdie brothers", "the Wachowskis": each member, never
   linked), a description ("Kubrick's 1980 film": the film named nearby, never linked).
   Every mention carries a confidence; below LINK_CONFIDENCE it is neither linked nor
   indexed (docs/text-core.md, "Mentions", has the table).

Italics: Markdown emphasis is stripped from paragraph text. When a Paragraph carries
`emphasis` (a tuple of (start, end) offsets in its text), a title set exactly in italics or
bold counts like a quoted one; without it, quotes, capitals and context carry the evidence.
"""

from typing import Sequence

from newsreel.text.mentions.find import find_mentions
from newsreel.text.mentions.links import link_targets
from newsreel.text.types import Mention

# A mention at or above this confidence is linked and indexed (the film's and the person's pages
# list the story); below it the name stays plain text in the story (docs/text-core.md).
LINK_CONFIDENCE = 0.75

__all__ = ["LINK_CONFIDENCE", "find_mentions", "link_targets", "sure_mentions"]


def sure_mentions(mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions to link and index: those at or above LINK_CONFIDENCE."""
    return [mention for mention in mentions if mention.confidence >= LINK_CONFIDENCE]
