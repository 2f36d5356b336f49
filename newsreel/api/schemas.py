"""The shapes the API answers with (and reads), as the OpenAPI description shows them."""

from __future__ import annotations

import datetime as dt
from typing import Optional

from ninja import Schema
from pydantic import Field


class ErrorItem(Schema):
    field: Optional[str] = Field(None, description="Where: a field path such as tags[0] or sources[1].url; null for the request")
    message: str
    line: Optional[int] = None


class Errors(Schema):
    errors: list[ErrorItem]


class Named(Schema):
    slug: str
    name: str


class SectionOut(Named):
    description: str = ""
    url: str


class TagOut(Named):
    url: str


class AuthorOut(Named):
    bio: str = ""
    url: str


class FilmRef(Schema):
    key: str
    title: str
    year: Optional[int] = None
    url: str


class PersonRef(Schema):
    key: str
    name: str
    url: str


class ImageOut(Schema):
    url: str
    alt: str
    credit: str
    caption: str = ""
    width: Optional[int] = None
    height: Optional[int] = None


class ReviewOut(Schema):
    film: Optional[FilmRef] = None
    rating: Optional[float] = None
    rating_best: Optional[int] = None
    verdict: str = ""


class StorySummary(Schema):
    id: int
    slug: str
    url: str
    headline: str
    dek: str
    summary: str = Field(description="The editor's summary, else the generated one; spoiler-safe")
    excerpt: str = Field(description="A short spoiler-safe excerpt (the meta description)")
    published_at: dt.datetime
    updated_at: dt.datetime
    section: Optional[Named] = None
    tags: list[Named]
    authors: list[Named]
    films: list[FilmRef] = Field(description="Films named outside spoiler blocks (all, once every spoiler film is seen)")
    people: list[PersonRef]
    spoiler_films: list[str] = Field(description="Keys of the films whose spoilers the story holds")
    spoilers_shown: bool = Field(description="True when every spoiler film was named in `seen`: html then holds them")
    reading_minutes: int
    hero_image: Optional[ImageOut] = None
    review: Optional[ReviewOut] = None


class Story(StorySummary):
    html: str = Field(description="The body as HTML: spoiler blocks are notices unless every spoiler film is seen")
    spoiler_note: str = ""
    sources: list[dict[str, str]]


class StoryPage(Schema):
    items: list[StorySummary]
    next_cursor: Optional[str] = None


class SectionPage(Schema):
    items: list[SectionOut]
    next_cursor: Optional[str] = None


class TagPage(Schema):
    items: list[TagOut]
    next_cursor: Optional[str] = None


class AuthorPage(Schema):
    items: list[AuthorOut]
    next_cursor: Optional[str] = None


class CreditOut(Schema):
    role: str
    job: str = ""
    character: str = ""


class ReleaseOut(Schema):
    country: str = Field("", description="ISO 3166-1 alpha-2 code; empty for a worldwide release")
    date: dt.date
    kind: str = Field(description="theatrical, limited, digital, physical, tv, festival or premiere")
    note: str = Field("", description="e.g. the festival's name, or the service")


class FilmOut(FilmRef):
    aliases: list[str]
    release_date: Optional[dt.date] = None
    releases: list[ReleaseOut] = Field(default_factory=list, description="Its releases, earliest first")
    status: str = ""
    distributor: str = ""
    synopsis: str = Field("", description="Spoiler-free synopsis")
    external_ids: dict[str, str]
    updated_at: dt.datetime


class FilmCredit(CreditOut):
    person: PersonRef


class FilmDetail(FilmOut):
    credits: list[FilmCredit]


class PersonOut(PersonRef):
    aliases: list[str]
    bio: str = ""
    external_ids: dict[str, str]
    updated_at: dt.datetime


class PersonCredit(CreditOut):
    film: FilmRef


class PersonDetail(PersonOut):
    credits: list[PersonCredit]


class FilmPage(Schema):
    items: list[FilmOut]
    next_cursor: Optional[str] = None


class PersonPage(Schema):
    items: list[PersonOut]
    next_cursor: Optional[str] = None


class QuoteOut(Schema):
    id: int
    text: str
    speaker: PersonRef
    story: str = Field(description="The slug of the story it is quoted in")
    story_url: str
    published_at: dt.datetime


class QuotePage(Schema):
    items: list[QuoteOut]
    next_cursor: Optional[str] = None


class SearchHitOut(Schema):
    id: int
    slug: str
    url: str
    headline: str
    dek: str
    published_at: dt.datetime
    snippet: str = Field(description="Spoiler-safe text around the match; matches in <mark>")


class SearchPageOut(Schema):
    items: list[SearchHitOut]
    total: int = Field(description="Matches counted (a lower bound when `more` is true)")
    more: bool
    next_cursor: Optional[str] = None
