"""One intake: every way an article arrives builds an `ArticleDraft`, validated here once.

The desk, the `publish` command and the importers all go through `validate_draft`;
nothing is written until the whole draft is valid.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any
from urllib.parse import urlsplit

from django.utils.dateparse import parse_datetime
from django.utils.text import slugify

from newsreel.images.known_files import remembered_image
from newsreel.images.models import Image
from newsreel.newsroom.limits import body_problem, id_problem, name_problem, nested_text_problems, text_problem
from newsreel.newsroom.models import Article, Section
from newsreel.newsroom.problems import FieldError
from newsreel.newsroom.film_reviews import review_problems
from newsreel.slugs import slug_of


class IntakeError(ValueError):
    """The draft cannot be accepted; `errors` says what and where."""

    def __init__(self, errors: list[FieldError], *, source: str = "") -> None:
        self.errors = errors
        self.source = source
        prefix = f"{source}: " if source else ""
        super().__init__("\n".join(prefix + str(error) for error in errors))


@dataclass
class ArticleDraft:
    headline: str
    body: str
    slug: str = ""
    dek: str = ""
    summary: str = ""
    section: str = ""
    tags: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    hero_image: int | None = None
    sources: list[dict[str, str]] = field(default_factory=list)
    publish_at: dt.datetime | None = None
    link_overrides: dict[str, Any] = field(default_factory=dict)
    # A review's film (its key), rating (on NEWSREEL_RATING_SCALE) and one-line verdict.
    film: str = ""
    rating: Any = None
    verdict: str = ""
    # Where the body starts in its source file, so text errors can name the file's line.
    body_line: int = 1
    # Where other fields are in the source file (front matter), so their errors can name it.
    field_lines: dict[str, int] = field(default_factory=dict, compare=False)
    # The file's line of each line of the body, when an importer rewrote the body on its way in (a
    # picture became a `:::figure` block, a shortcode a line of its own); empty: they follow body_line.
    body_lines: tuple[int, ...] = field(default=(), compare=False)

    def file_line(self, line: int) -> int:
        """The line of the source file that the body's `line` (1-based) was written on."""
        if self.body_lines:
            return self.body_lines[min(max(line, 1), len(self.body_lines)) - 1]
        return line + self.body_line - 1

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("field_lines")
        data.pop("body_lines")
        data["publish_at"] = self.publish_at.isoformat() if self.publish_at else None
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "ArticleDraft":
        known = {name: data[name] for name in cls.__dataclass_fields__ if name in data}
        if known.get("publish_at"):
            known["publish_at"] = parse_datetime(known["publish_at"])
        return cls(**known)


HEADLINE_MAX = Article._meta.get_field("headline").max_length
SLUG_MAX = Article._meta.get_field("slug").max_length
DEK_MAX = Article._meta.get_field("dek").max_length


@dataclass(frozen=True)
class Answered:
    """What the database said, yes, when a draft of `article_id` was validated: its slug is free,
    its section and hero picture exist. Only true in the transaction that asked (see `validate_draft`)."""

    article_id: int | None
    slug: str
    section: str | None
    hero_image: int | None

    @classmethod
    def of(cls, validated: "ArticleDraft", article: Article | None) -> "Answered":
        """The answers behind `validated`, the draft `validate_draft` has just returned for `article`."""
        return cls(getattr(article, "pk", None), validated.slug, validated.section, validated.hero_image)

    @classmethod
    def slug_free(cls, slug: str, article: Article | None) -> "Answered":
        """Only that `slug` is free for `article`: the caller has just looked up who holds it (`article_for`)."""
        return cls(getattr(article, "pk", None), slug, None, None)

    def says(self, article: Article | None, name: str, value: Any) -> bool:
        """Whether the database already said yes about this `value` of the field `name` for `article`."""
        return self.article_id == getattr(article, "pk", None) and getattr(self, name) == value


def validate_draft(draft: ArticleDraft, *, article: Article | None = None, source: str = "",
                   answered: Answered | None = None) -> ArticleDraft:
    """Return a normalized copy of the draft, or raise IntakeError listing every problem.

    `answered`: what the database said when this article's draft was validated earlier in the
    caller's still open transaction (an import validates before storing the pictures, then saves):
    nothing has moved since, so those questions are not asked again; any other value is checked."""
    def asks(name: str, value: Any) -> bool:
        return answered is None or not answered.says(article, name, value)

    errors: list[FieldError] = []
    headline = " ".join((draft.headline or "").split())
    if not headline:
        errors.append(FieldError("headline", "is required"))
    else:
        errors += _found(text_problem("headline", headline, HEADLINE_MAX))
    if not (draft.body or "").strip():
        errors.append(FieldError("body", "is empty"))
    else:
        errors += _found(body_problem(draft.body))
    slug = slug_for(draft)
    if not slug or slug != slugify(slug):
        errors.append(FieldError("slug", f"{draft.slug!r} must be lowercase letters, digits and hyphens"))
    elif len(slug) > SLUG_MAX:
        errors.append(FieldError("slug", f"is {len(slug)} characters; the limit is {SLUG_MAX}"))
    elif asks("slug", slug) and Article.objects.filter(slug=slug).exclude(pk=getattr(article, "pk", None)).exists():
        errors.append(FieldError("slug", f"{slug!r} is already used by another article; choose another"))
    dek = " ".join((draft.dek or "").split())
    errors += _found(text_problem("dek", dek, DEK_MAX))
    errors += _found(text_problem("summary", draft.summary or ""))
    section = (draft.section or "").strip().lower()
    if section and section != slugify(section):
        errors.append(FieldError("section", f"{section[:80]!r} is not a section's slug"))
    elif section and asks("section", section) and not Section.objects.filter(slug=section).exists():
        known = ", ".join(Section.objects.values_list("slug", flat=True)) or "none yet"
        errors.append(FieldError("section", f"{section!r} is not a section (known: {known})"))
    if draft.hero_image is not None:
        bad_id = id_problem("hero_image", draft.hero_image)
        if bad_id:
            errors.append(bad_id)
        elif (asks("hero_image", draft.hero_image) and remembered_image(draft.hero_image) is None
              and not Image.objects.filter(pk=draft.hero_image).exists()):
            errors.append(FieldError("hero_image", f"image {draft.hero_image} does not exist"))
    errors += nested_text_problems("sources", draft.sources) + nested_text_problems("link_overrides", draft.link_overrides)
    review, review_errors = review_problems(
        film=draft.film, rating=draft.rating, verdict=draft.verdict, section=section,
        film_keys=_film_keys(draft.film), lines=draft.field_lines,
    )
    errors += review_errors
    tags = _names(draft.tags, "tags", errors)
    authors = _names(draft.authors, "authors", errors)
    sources = _sources(draft.sources, errors)
    publish_at = draft.publish_at
    if publish_at is not None and publish_at.tzinfo is None:
        publish_at = publish_at.replace(tzinfo=dt.timezone.utc)
    if errors:
        raise IntakeError(errors, source=source)
    return ArticleDraft(
        headline=headline, body=draft.body.replace("\r\n", "\n"), slug=slug, dek=dek,
        summary=(draft.summary or "").strip(), section=section, tags=tags, authors=authors,
        hero_image=draft.hero_image, sources=sources, publish_at=publish_at,
        link_overrides=draft.link_overrides or {}, film=review.film,
        rating=str(review.rating) if review.rating is not None else None, verdict=review.verdict,
        body_line=draft.body_line, field_lines=draft.field_lines, body_lines=draft.body_lines,
    )


def _film_keys(wanted: Any) -> dict[str, str]:
    """The film a review names, by key or (folded) title, as {what was written: key}."""
    from newsreel.films.models import Film  # films come before the newsroom; imported where used

    text = " ".join(str(wanted or "").split()) if isinstance(wanted, (str, int)) else ""
    if not text:
        return {}
    by_key = Film.objects.filter(key=text).values_list("key", flat=True).first()
    if by_key:
        return {text: by_key}
    by_title = list(Film.objects.filter(title__iexact=text).values_list("key", flat=True)[:2])
    return {text.casefold(): by_title[0]} if len(by_title) == 1 else {}


def slug_for(draft: ArticleDraft) -> str:
    """The slug the draft asks for: its own, else its headline's (cut to the slug field's length)."""
    return (draft.slug or "").strip() or slug_of(" ".join((draft.headline or "").split()))[:SLUG_MAX].strip("-")


def article_for(draft: ArticleDraft) -> Article | None:
    """The article that already has the draft's slug: the story a re-published file or record updates."""
    slug = slug_for(draft)
    if not slug or slug != slugify(slug) or len(slug) > SLUG_MAX:
        return None  # no article has it (and validation says why); a NUL would upset PostgreSQL
    # Its id first: most drafts an import brings are new, and asking for the whole wide row
    # of an article that is not there cost more than the rest of the lookup.
    found = Article.objects.filter(slug=slug).values_list("pk", flat=True).first()
    return Article.objects.get(pk=found) if found is not None else None


def _found(problem: FieldError | None) -> list[FieldError]:
    return [problem] if problem else []


def _names(values: Any, name: str, errors: list[FieldError]) -> list[str]:
    if not isinstance(values, (list, tuple)):
        errors.append(FieldError(name, "must be a list of names"))
        return []
    result: list[str] = []
    for index, value in enumerate(values):
        text = " ".join(str(value).split()) if isinstance(value, (str, int)) else ""
        if not text or not slug_of(text):
            errors.append(FieldError(f"{name}[{index}]", f"{str(value)[:80]!r} is not a usable name"))
        elif problem := name_problem(name, index, text):
            errors.append(problem)
        elif text not in result:
            result.append(text)
    return result


def _sources(values: Any, errors: list[FieldError]) -> list[dict[str, str]]:
    if not isinstance(values, (list, tuple)):
        errors.append(FieldError("sources", "must be a list of {name, url} entries"))
        return []
    result = []
    for index, value in enumerate(values):
        if isinstance(value, str):
            value = {"name": value}
        if not isinstance(value, dict) or not str(value.get("name", "")).strip():
            errors.append(FieldError(f"sources[{index}]", "needs a name, e.g. {name: Interview with IndieWire, url: https://...}"))
            continue
        url = str(value.get("url") or "").strip()
        if url and (urlsplit(url).scheme not in {"http", "https"} or not urlsplit(url).netloc):
            errors.append(FieldError(f"sources[{index}].url", f"{url!r} must be an http(s) URL"))
            continue
        result.append({"name": str(value["name"]).strip(), "url": url})
    return result
