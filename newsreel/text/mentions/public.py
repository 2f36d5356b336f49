"""Members of the public: a name the article gives a resident, a fan, a passer-by.

Local news and live blogs quote people outside the film world and introduce them by what they
are to the story, not by a job on a film: "resident Ada Moss", "Superfan spotted: Ada Moss,
19, …", "Ada Moss, 71, who has lived on Mill Lane for forty years", "Ada Moss, a retired
postman from the next village". When the graph holds a filmmaker of the same name, the name is
still the resident's (round thirty-one: a resident and a fan each carried a graph actress's
name; one of them got her quote on the actress's page). The caller keeps the graph person when
the graph credits them on a film the article sets apart (an actor may also be "a local").

Depends on: nothing.
"""

from __future__ import annotations

import re

# What such a person is to the story: where they live, or what brought them to the film.
_PUBLIC_NOUNS = (
    r"(?:resident|residents|local|locals|villager|townsman|townswoman|neighbour|neighbor|shopkeeper"
    r"|stallholder|publican|landlord|landlady|pensioner|retiree|commuter|parishioner|onlooker"
    r"|passer-by|passerby|bystander|fan|superfan|super-fan|filmgoer|cinemagoer|moviegoer"
    r"|spectator|well-wisher|councillor|Cllr"
    # Everyday trades of a town's people (not a set's: "plumber" may be a part, "teacher" a
    # drama teacher).
    r"|postman|postwoman|nurse|farmer|fisherman|baker|butcher|grocer|newsagent|barber|hairdresser"
    r"|mechanic|vicar|headteacher|headmaster|headmistress|schoolgirl|schoolboy|grandmother|grandfather"
    # A town's posts a wire story names people by ("said the harbourmaster, X"), and the readers
    # a newsletter or a column quotes (round thirty-two: a harbourmaster and a reader each
    # carried a graph crew member's name, and each got the quote on that page).
    r"|harbourmaster|harbormaster|lock-keeper|lockkeeper|coastguard|lifeguard|ferryman|postmaster"
    r"|postmistress|caretaker|churchwarden|innkeeper|mayor|reader|subscriber|listener)"
)
# Before the name: "resident ", "Local shopkeeper ", "Superfan spotted: ", "one fan, ", "the
# harbourmaster, ".
_BEFORE_RE = re.compile(
    rf"(?<![\w’'\-])(?i:(?:local\s+|longtime\s+|long-time\s+|one\s+|a\s+|the\s+)?{_PUBLIC_NOUNS})"
    r"(?:\s+(?:spotted|says|said|writes|wrote))?(?::|,)?\s+$"
)
# After the name, its age in commas allowed: ", who has lived on …", ", who lives in …", ", who
# has queued since …", or a noun of the public in apposition (", a retired shopkeeper from …").
_AFTER_RE = re.compile(
    r"(?:,\s+\d{1,3})?,\s+(?:"
    r"who\s+(?:(?:has|had|have)\s+)?(?:been\s+)?(?:lived|lives|live|grew\s+up|queued|queues|camped|waited"
    r"|reading|subscribed|subscribing|listening)\b"
    rf"|(?:a|an|the|one)\s+(?:[a-z][\w’'\-]*\s+){{0,2}}{_PUBLIC_NOUNS}\b"
    r")"
)


def introduced_as_public(text: str, start: int, end: int) -> bool:
    """Is the name at text[start:end] introduced as a member of the public: a resident, a fan,
    a passer-by ("resident X", "X, 71, who has lived on …", "X, a fan from …")?"""
    return _BEFORE_RE.search(text, max(0, start - 40), start) is not None or _AFTER_RE.match(text, end) is not None
