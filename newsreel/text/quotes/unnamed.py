"""Unnamed people: a source the text leaves unnamed on purpose ("who asked not to be named",
"A former supervisor said", "one of the electricians"), and the nouns that stand for a person
without a name ("the mother", "a stranger"), with the pronoun each fits.

Depends on: words, outsiders. Imported by the attribution modules above it (namesakes,
subjects, explicit, attribution); it imports none of them.
"""

from __future__ import annotations

import re

from newsreel.text.quotes.outsiders import is_subject, speaks


# "who asked not to be named", "speaking on condition of anonymity": the text says plainly that
# the speaker goes unnamed, wherever the clause stands and whatever verb follows ("remembers");
# also after another clause of the same "who" ("who runs a bakery and asked not to be named",
# round thirty-three).
_ANONYMITY_RE = re.compile(
    r"\b(?:who|which)\s+(?:[^,.;:!?“”\"]{1,60}?\s+and\s+)?"
    r"(?:asked|requested|preferred|wished|declined|did\s+not\s+want|didn['’]t\s+want)\s+"
    r"(?:not\s+)?to\s+be\s+(?:named|identified)\b|\bon\s+(?:the\s+)?condition\s+of\s+anonymity\b",
    re.IGNORECASE,
)

# Nouns that name a person who is not named: a film's characters, a stranger. Gendered ones
# say which pronoun fits.
_NOUN_GENDER = {
    "mother": "she", "daughter": "she", "wife": "she", "woman": "she", "girl": "she", "sister": "she",
    "grandmother": "she", "widow": "she", "aunt": "she", "niece": "she", "heroine": "she", "queen": "she",
    "princess": "she", "father": "he", "son": "he", "husband": "he", "man": "he", "boy": "he", "brother": "he",
    "grandfather": "he", "widower": "he", "uncle": "he", "nephew": "he", "hero": "he", "king": "he", "prince": "he",
    # a story's religious (a convent's nuns, a parish priest): "The old nun … “…,” she says."
    "nun": "she", "abbess": "she", "priest": "he", "monk": "he", "vicar": "he", "abbot": "he",
}
# The determiner may open the sentence ("Her son said …"): a capital changes nobody's identity.
_PERSON_NOUN_RE = re.compile(
    r"\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Aa]|[Aa]n)\s+(?:[a-z\-]+\s+)?(?P<noun>"
    + "|".join(_NOUN_GENDER)
    + r"|character|protagonist|narrator|stranger|passenger|guard|captain|coach|detective|teenager|child|kid)\b"
    # A job the graph credits nobody with, brought in by "a"/"an" ("A publicist opened the door.
    # “…,” she said."): somebody new, unnamed (round thirty-nine).
    r"|\b(?:An?|an?)\s+(?:[a-z\-]+\s+)?(?P<job>publicist|usher|usherette|steward|stewardess|attendant|waiter|waitress|"
    r"receptionist|doorman|porter|runner|chaperone|minder|handler|aide|volunteer|bartender|barman|cashier)\b"
)

# A name set beside the noun ("her brother, the actor Tobias Keyes,"); not an actor who plays
# the part ("the mother, played by Colette Imbert"), which leaves the noun a character.
_NAMED_IN_APPOSITION_RE = re.compile(
    r",\s*(?!played\b|voiced\b|portrayed\b)(?:(?:the|a|an|his|her|their)\s+)?(?:[a-z][\w’'\-]*\s+){0,3}?[A-Z]"
)


# "A former supervisor", "One member of the art department", "A person close to the production":
# an indefinite noun phrase of lower-case words opening a sentence.
# A company's name may stand among the words ("A former Pixelwright supervisor").
_INDEFINITE_RE = re.compile(r"\s*[“\"]?(?:A|An|One|Another)\s+(?=[a-z]|[A-Z][\w’'&\-]*\s+[a-z])")
_LOWER_WORD_RE = re.compile(r"\s*(?:[A-Z][\w’'&\-]*\s+){0,2}[a-z][\w’'\-]*")
_MAX_SOURCE_WORDS = 8

# An unnamed questioner's verb with the person asked named right after it.
_ASKS_NAMED_RE = re.compile(r"\s+(?:asked|asks)\s+[A-Z][\w’'\-]+")

# "A festival volunteer who …", "Afterwards, one student who …": an indefinite noun phrase of
# lower-case words, the sentence's opening (after an opening phrase and a comma), whose relative
# clause says it is a person.
# Also one placed by where they sat or stood ("During questions, a man in the third row who …",
# "a woman at the back of the hall, who …"), as a panel's write-up gives the floor to its
# audience (round thirty-four).
_UNNAMED_WHO_RE = re.compile(
    r"\s*(?:[A-Z][\w’'\-]*(?:\s+[\w’'\-]+){0,3},\s+|(?:Then|Next|Later|Finally|And|But)\s+)?"
    r"(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[a-z][\w’'\-]*\s+){1,3}"
    r"(?:(?:in|at|on|from|near|behind|beside)\s+(?:(?:the|a|an)\s+)?(?:[\w’'\-]+\s+){0,3}?[\w’'\-]+,?\s+)?who\b"
)


# "One of the electricians, wringing out a glove, has …", "Later, two of his students …": one
# or some of a group, unnamed, opening the sentence (after an opening phrase and a comma).
_UNNAMED_PARTITIVE_RE = re.compile(
    r"\s*(?:[A-Z][\w’'\-]*(?:\s+[\w’'\-]+){0,3},\s+)?(?:[Oo]ne|[Aa]nother|[Ss]ome|[Ss]everal|[Tt]wo|[Tt]hree|[Mm]any|[Mm]ost)"
    r"\s+of\s+(?:the|his|her|their|its|our|those)\s+(?:[a-z][\w’'\-]*\s+){0,2}[a-z][\w’'\-]*s\b"
)


def _unnamed_partitive_subject(sentence: str) -> int:
    """Where the group ends when "one of the …" opens the sentence as its subject, else 0."""
    found = _UNNAMED_PARTITIVE_RE.match(sentence)
    if found is None or not is_subject(sentence, found.start(), found.end()):
        return 0
    if _NAMED_IN_APPOSITION_RE.match(sentence, found.end()):
        return 0  # "One of its producers, Ada Varga, said": named, and found as a name
    return found.end()


def _unnamed_who_subject(sentence: str) -> int:
    """Where "who" ends when an unnamed person with a relative clause opens the sentence, else 0."""
    found = _UNNAMED_WHO_RE.match(sentence)
    return found.end() if found is not None else 0


# ", and one, who asked not to be named," / ", but a second, who …": a lower-case word (no
# name) set off by a comma before the anonymity clause.
_UNNAMED_BEFORE_ANONYMITY_RE = re.compile(r"(?:^|[\s,;])(?P<who>[a-z][\w’'\-]*),\s+$")
_ANONYMITY_CLAUSE_END_RE = re.compile(r"[^.;:!?“”\"]*?,")


def _anonymous_mid_sentence(sentence: str) -> list[tuple[int, bool]]:
    """(where, whether a speech verb follows the clause) for each person the sentence (or the
    clause after a semicolon) leaves unnamed on purpose after a lower-case word ("…, and one,
    who asked not to be named because talks were continuing, said …"): the anonymity clause says
    a person acts, so a "she said" after the sentence is theirs. A name before the clause is
    found as a name."""
    found: list[tuple[int, bool]] = []
    for anonymity in _ANONYMITY_RE.finditer(sentence):
        before = _UNNAMED_BEFORE_ANONYMITY_RE.search(sentence, 0, anonymity.start())
        if before is None:
            continue
        close = _ANONYMITY_CLAUSE_END_RE.match(sentence, anonymity.end())
        talks = close is not None and speaks(sentence, close.end())
        found.append((before.start("who"), talks))
    return found


def _unnamed_source(sentence: str) -> int | None:
    """Where an unnamed source that opens the sentence ends, when a speech verb follows it
    (after an optional clause set off by commas); None otherwise ("A storm flooded the set")."""
    opening = _INDEFINITE_RE.match(sentence)
    if opening is None:
        return None
    at = opening.end()
    for _ in range(_MAX_SOURCE_WORDS):
        word = _LOWER_WORD_RE.match(sentence, at)
        if word is None:
            return None
        at = word.end()
        if speaks(sentence, at):
            # "A critic from a regional paper asked Vale-Osei whether …": the unnamed one asks
            # a named person a question, and the answer that follows is the person asked, so the
            # asker is no source a later pronoun means (round twenty-three).
            return None if _ASKS_NAMED_RE.match(sentence, at) else at
    return None
