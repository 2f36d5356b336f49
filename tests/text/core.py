"""The whole text core as the round specs run it: a gazetteer from a few refs, and what an article gives."""

from __future__ import annotations

from newsreel.text.gazetteer import Gazetteer
from newsreel.text.pipeline import process_article
from newsreel.text.types import CreditRef, FilmRef, KnowledgeGraph, PersonRef, ProcessedArticle

from .links import href


def gazetteer(films: list[FilmRef], people: list[PersonRef], credits: list[CreditRef]) -> Gazetteer:
    return Gazetteer.build(KnowledgeGraph(films=films, people=people, credits=credits))


def process(body: str, gaz: Gazetteer, headline: str = "") -> ProcessedArticle:
    return process_article(body, graph=gaz, headline=headline, href=href)


def quotes(body: str, gaz: Gazetteer, headline: str = "") -> list[tuple[str, str | None, str | None, float]]:
    """Each quote as (its first word, speaker key, speaker name as written, confidence)."""
    return [(q.text.split()[0], q.speaker_key, q.speaker_name, q.confidence) for q in process(body, gaz, headline).quotes]
