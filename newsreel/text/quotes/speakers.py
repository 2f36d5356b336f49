"""Who a quotation is given to (`_Speaker`), and the quotations already attributed (`_Said`).

Depends on: nothing.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class _Speaker:
    key: str | None = None
    name: str | None = None
    pronoun: str | None = None  # "he", "she", or "the" for a role ("the director said")
    explicit: bool = False  # the text names the speaker (or says "a spokesperson")
    weak: bool = False  # named only as a possessive ("Okafor's film"): a pronoun's last resort
    confidence: float = 0.0  # how sure the attribution is (docs/text-core.md)
    # Somebody the text names only by a noun ("the mother", "his daughter"): an antecedent a
    # pronoun may take, which gives the quote to nobody. "she", "he" or "any".
    unnamed: str | None = None
    # A name the article casts an actor as ("plays Ilse Varnam"): an antecedent only for a
    # line spoken in a scene, never for the actor's own words.
    character: bool = False
    # The role a "the" speaker is named by ("composer" in "the composer said").
    role: str | None = None
    # The words are a document's ("“…,” the letter read"): its writer's at most, held for an editor.
    document: bool = False
    # "she" in "She married the producer X": X is the object of that pronoun's verb, so a later
    # "she" goes on meaning the one the sentence was about, never X (round twenty-seven).
    object_of: str | None = None
    # "she" in "X asks her whether …": the pronoun X's own verb speaks to, so a "“…,” she tells
    # him" after it is the one asked, never X (round forty-five).
    addresses: str | None = None

    @property
    def known(self) -> bool:
        return bool(self.key or self.name)


@dataclass
class _Said:
    """A quotation already attributed: where it was and who said it."""

    para: int
    last_para: int
    start: int
    speaker: _Speaker
    only_quote: bool  # its paragraph holds the quotation and its attribution, nothing more
    pronoun: str | None = None  # "he" or "she" when its own attribution called the speaker so
