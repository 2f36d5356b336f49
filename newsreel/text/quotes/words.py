"""Word lists and patterns the quote extractor reads text with: speech verbs, name shapes, titles and roles.

Depends on: nothing in `newsreel.text.quotes` (its bottom); kinship nouns from `newsreel.text.normalize`.
"""

from __future__ import annotations

import re

from newsreel.text.normalize import KIN_NOUNS


# Paragraph kinds whose quote marks can hold speech; headings, captions, notes and tables
# hold titles and credits.
_SPEECH_KINDS = frozenset({"paragraph", "quote", "list"})


# Finite speech verbs, as they appear in attributions.
SPEECH_VERBS = tuple(
    """
    said says say explained explains added adds told tells noted notes recalled recalls
    remarked remarks continued continues laughed laughs admitted admits insisted insists
    joked jokes shared shares asked asks wrote writes tweeted tweets posted posts elaborated
    elaborates stated states replied replies answered answers recounted recounts revealed
    reveals confessed confesses observed observes offered offers mused muses quipped quips
    reflected reflects argued argues acknowledged acknowledges agreed agrees concluded
    concludes declared declares announced announces exclaimed exclaims whispered whispers
    stressed stresses emphasized emphasises emphasised emphasizes teased teases promised
    promises warned warns claimed claims suggested suggests conceded concedes reminisced
    sighed smiled grinned described describes countered counters responded responds
    predicted predicts boasted boasts confided confides cautioned cautions marveled
    marvelled marvels gushed gushes raved raves lamented laments interjected chuckled
    chuckles beamed enthused enthuses cracked cracks opined opines wondered wonders asserted
    asserts maintained maintains texted emailed recalled confirmed confirms denied denies
    explains insisted began begins summarized summarised replied
    reported reports shouted shouts yelled yells growled growls murmured murmurs muttered
    mutters snapped snaps
    """.split()
)


_MULTIWORD_VERBS = ("pointed out", "points out", "went on", "goes on", "chimed in", "summed up", "sums up", "put it", "puts it", "according to")


# Participles that introduce a quotation only before it ("…, adding, “…”").
_PARTICIPLES = ("saying", "adding", "explaining", "telling", "noting", "recalling", "writing", "asking", "insisting", "joking", "continuing", "remarking", "replying", "declaring", "admitting", "arguing", "stressing", "calling", "shouting", "yelling", "whispering", "muttering")


_VERB_ALT = "|".join(sorted((re.escape(v) for v in set(SPEECH_VERBS) | set(_MULTIWORD_VERBS)), key=len, reverse=True))


_VERB_RE = re.compile(rf"(?:{_VERB_ALT})\b")
# Right after a closing mark a shout's verbs attribute too ("…!” Dot calls, and …"); before a
# quotation or in a sentence, "Critics called it punishing" is no speech (round fifty).
_VERB_AFTER_RE = re.compile(rf"(?:{_VERB_ALT}|calls|called|bellows|bellowed|hollers|hollered|barks|barked)\b")


_ANY_SPEECH_RE = re.compile(rf"\b(?:{_VERB_ALT}|{'|'.join(_PARTICIPLES)})\b", re.IGNORECASE)


_ADVERB_RE = re.compile(r"(?:[a-z]+ly|later|then|once|also|recently|previously|simply|still|again)\s+")


_PRONOUN_RE = re.compile(r"(he|she|they)\b", re.IGNORECASE)


_ANON_RE = re.compile(
    rf"(?:the|a|an|one|another|his|her|their|its|our)\b[^,.;:!?\"“”]{{0,60}}?\s+(?:{_VERB_ALT})\b"
)


_NAME_TOKEN = r"(?:[A-Z][\w’'\-]*[a-z][\w’'\-]*|[A-Z]\.(?:\s?[A-Z]\.)*)"


_NAME_LINK = r"(?:de|del|della|da|das|dos|van|von|der|den|la|le|di|du|bin|al|ter|y)"


_NAME_RE = re.compile(rf"{_NAME_TOKEN}(?:\s+(?:{_NAME_LINK}\s+)*{_NAME_TOKEN})*")


# Capitalised words that are not names when they stand where a speaker would.
_NOT_NAMES = frozenset(
    """
    The A An And But Or So Yet Then Now Later When While After Before As At In On For Of To
    If It Its This That These Those There Here He She They We I You His Her Their Our My
    Your Who What Why How Where Which One Some Many Most All Both Each Every No Not
    Meanwhile However Still Also Asked Speaking Talking Writing Said Says
    Hi Hello Hey Hiya Dear Thanks Cheers Bye Goodbye
    Mr Mrs Ms Mx Dr Prof Sir Dame
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    January February March April May June July August September October November December
    """.split()
)


_CONNECTORS_RE = re.compile(
    r"(?:(?:but|and|then|later|still|so|yet|now|again|finally|here|there|also|instead|meanwhile|at one point|at first|at the time|afterward|afterwards)\b[\s,]*)*",
    re.IGNORECASE,
)


_POSSESSIVE_RE = re.compile(r"(?:['’]s?|s['’])(?!\w)")


_WORD_RE = re.compile(r"[\w’']+")


_TERMINAL = ".?!…"


_MARK_RE = re.compile(r"[“”\"]")


_PREPOSITIONS = "in|on|at|for|from|with|during|after|before|of|to|about|by|via|through|into|over|under|and|or|as|while|when"


# Words that may stand between a speech verb and a name: titles and lower-case roles.
# A rank or a cleric's style abbreviated with a stop ("said Sgt. Oona Brack", "Det. Insp."): the
# stop ends no sentence and the name follows it (round forty-two). Read before the name pattern,
# which would take "Sgt" for a name.
_RANK_ABBREVIATIONS = r"Sgt|Det|Insp|Supt|Lt|Capt|Cpl|Col|Gen|Maj|Cmdr|Adm|Rev|Fr|Cllr|Gov|Sen|Rep|Hon"
_RANK_TITLE_RE = re.compile(rf"(?:(?:{_RANK_ABBREVIATIONS})\.\s+){{1,2}}(?=[A-Z])")
_TITLE_RE = re.compile(
    rf"(?:(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sir|Dame)\.?\s+"
    rf"|(?:the\s+)?(?:(?!(?:{_PREPOSITIONS}|a|an|one|another)\b)[a-z][\w’'\-]*\s+){{1,3}}(?=[A-Z])"
    rf"|(?:the\s+)?(?:[a-z][\w’'\-]*\s+){{0,2}}[a-z][\w’'\-]*,\s+(?=[A-Z]))"
)


# "the director", "the 54-year-old filmmaker": a definite role that points back to a person
# already in the story, like a pronoun. "a spokesperson", "the studio" name nobody.
_ROLE_NOUNS = (
    "director|filmmaker|actor|actress|star|producer|writer|screenwriter|writer-director|composer|"
    "editor|cinematographer|performer|singer|comedian|novelist|author|showrunner|creator|"
    "newcomer|veteran|auteur|artist|designer|choreographer|co-star|lead|[0-9]+-year-old"
)


_ROLE_RE = re.compile(
    rf"the\s+(?:[\w’'\-]+\s+){{0,2}}?(?:{_ROLE_NOUNS})\b(?!['’]s)(?!\s*,\s*[A-Z])"
)


# A relative set before a given name: "Marta's grandson, Augustine", "her son Tomas". The name
# is the relative's, somebody the article introduces, not the short name of a person named
# before (the mention finder reads the same nouns).
_KIN_BEFORE_RE = re.compile(
    rf"(?:[A-Z][\w’'\-]*['’]s?|\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Mm]y|[Oo]ur|[Yy]our|[Ww]hose|[Aa]|[Tt]he))"
    rf"\s+(?:[a-z][\w\-]*\s+)?(?P<noun>{'|'.join(sorted(KIN_NOUNS))})\s*,?\s+$"
)


_OPENERS = "“\""


_CLOSERS = "”\""


# A relative who is also a colleague: "his sister and editor, X", "her husband and longtime
# producer X", "his daughter, the actor X", "her mother, a costume designer, X" (round thirty-five).
_JOINED_JOB = r"(?:\s+and|,\s+(?:the|a|an|his|her|their))\s+(?:[a-z][\w\-]*\s+){0,2}?[a-z][\w\-]*,?\s*$"
_FEMALE = re.compile(
    r"\b(?:actress|sister|daughter|mother|wife|widow|aunt|niece|grandmother|girlfriend|"
    r"businesswoman|chairwoman|spokeswoman|Ms\.|Mrs\.|Miss)(?:\W*$|" + _JOINED_JOB + ")"
)


# Not "actor": it is said of women as of men, so it genders nobody.
_MALE = re.compile(
    r"\b(?:brother|son|father|husband|widower|uncle|nephew|grandfather|boyfriend|"
    r"businessman|chairman|spokesman|Mr\.)(?:\W*$|" + _JOINED_JOB + ")"
)


# Subject and reflexive pronouns only: "his"/"her" too often belong to someone else
# ("Baker sees Ani's breakdown as existential, with her showing gratitude").
_GENDERED_PRONOUN = re.compile(r"\b(he|himself|she|herself)\b", re.IGNORECASE)
