"""Reviews: the film a review reviews, its rating on the scale the site chose, and its verdict.

A story in the reviews section names its film (`film: <film key>`); it may carry a rating
(`NEWSREEL_RATING_SCALE`: five stars in halves, or ten whole points) and a one-line verdict.
No other story carries any of the three, so a rating never reaches a page, a card or the
JSON-LD of a story that is not a review.

A rating is stored with the top of the scale it was given on (`Article.rating_best`), so a
site that changes its scale later does not misread the ratings it already published.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings

from newsreel.newsroom.problems import FieldError

REVIEW_SECTION = "reviews"
VERDICT_MAX = 200
REVIEW_FIELDS = ("film", "rating", "verdict")


@dataclass(frozen=True)
class RatingScale:
    name: str
    worst: Decimal
    best: int
    step: Decimal
    unit: str  # "stars" or "points"

    def describe(self) -> str:
        step = "in halves" if self.step == Decimal("0.5") else "whole"
        return f"{_plain(self.worst)} to {self.best} {self.unit}, {step}"

    def contains(self, value: Decimal) -> bool:
        return self.worst <= value <= self.best and (value / self.step) == (value / self.step).to_integral_value()


SCALES = {
    "stars-5": RatingScale("stars-5", worst=Decimal("0.5"), best=5, step=Decimal("0.5"), unit="stars"),
    "points-10": RatingScale("points-10", worst=Decimal("1"), best=10, step=Decimal("1"), unit="points"),
}


def current_scale() -> RatingScale:
    return SCALES[settings.RATING_SCALE]


def scale_for(best: int | None) -> RatingScale:
    """The scale a stored rating was given on (by its top), else the site's."""
    return next((scale for scale in SCALES.values() if scale.best == best), current_scale())


@dataclass(frozen=True)
class ReviewFields:
    film: str = ""  # a film key
    rating: Decimal | None = None
    verdict: str = ""


def review_problems(
    *, film: Any, rating: Any, verdict: Any, section: str, film_keys: dict[str, str], lines: dict[str, int] | None = None,
) -> tuple[ReviewFields, list[FieldError]]:
    """Check a draft's review fields; `film_keys` maps every film key (and folded title) to its key.

    Returns the normalized fields and every problem, each naming its field (and line, when
    the draft came from a file whose front matter says where the field is).
    """
    lines = lines or {}
    errors: list[FieldError] = []

    def problem(name: str, message: str) -> None:
        errors.append(FieldError(name, message, lines.get(name)))

    film_text = " ".join(str(film or "").split()) if not isinstance(film, (dict, list, bool)) else None
    if film_text is None:
        problem("film", "must be a film's key, e.g. harbor-lights-2025")
        film_text = ""
    film_key = ""
    if film_text:
        film_key = film_keys.get(film_text) or film_keys.get(film_text.casefold(), "")
        if not film_key:
            problem("film", f"{film_text[:80]!r} is not a film in the knowledge graph; name it by its key "
                            "(the end of its page's address, e.g. harbor-lights-2025) or add the film first")
    parsed: Decimal | None = None
    if rating not in (None, ""):
        parsed, message = parse_rating(rating, current_scale())
        if message:
            problem("rating", message)
    verdict_text = "" if verdict is None else str(verdict) if isinstance(verdict, (str, int, float)) else None
    if verdict_text is None:
        problem("verdict", "must be one line of text")
        verdict_text = ""
    if "\n" in verdict_text.strip() or "\r" in verdict_text.strip():
        problem("verdict", "must be one line (the verdict is shown under the rating)")
    verdict_text = " ".join(verdict_text.split())
    if len(verdict_text) > VERDICT_MAX:
        problem("verdict", f"is {len(verdict_text)} characters; a verdict is one line of at most {VERDICT_MAX}")
    given = [name for name, value in (("film", film_text), ("rating", parsed if rating not in (None, "") else None),
                                      ("verdict", verdict_text)) if value not in (None, "")]
    if section != REVIEW_SECTION:
        for name in given:
            problem(name, f"only reviews carry a {name}; put the story in the reviews section "
                          f"(section: {REVIEW_SECTION}) or remove the {name}")
    return ReviewFields(film=film_key, rating=parsed, verdict=verdict_text), errors


def publish_problems(*, film: str, section: str, lines: dict[str, int] | None = None) -> list[FieldError]:
    """What stops a valid draft from going live: a review that names no film. (A draft may be
    saved without one, so a writer can start a review before choosing the film.)"""
    if section == REVIEW_SECTION and not film:
        return [FieldError("film", "a review must name the film it reviews before it is published: "
                                   "film: <film key>, e.g. film: harbor-lights-2025", (lines or {}).get("film"))]
    return []


def parse_rating(value: Any, scale: RatingScale) -> tuple[Decimal | None, str]:
    """(the rating, "") or (None, what is wrong with it)."""
    where = f"this site rates {scale.describe()} (NEWSREEL_RATING_SCALE={scale.name})"
    if isinstance(value, bool) or not isinstance(value, (int, float, str, Decimal)):
        return None, f"must be a number; {where}"
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        return None, f"{str(value)[:40]!r} is not a number; {where}"
    if not number.is_finite():
        return None, f"{str(value)[:40]!r} is not a number; {where}"
    if not scale.contains(number):
        return None, f"{_plain(number)} is outside the scale: {where}"
    return number.quantize(Decimal("0.1")), ""


def rating_label(rating: Decimal, best: int | None) -> str:
    """"4.5 out of 5 stars", "8 out of 10"."""
    scale = scale_for(best)
    unit = " stars" if scale.unit == "stars" else ""
    return f"{_plain(rating)} out of {scale.best}{unit}"


def rating_short(rating: Decimal, best: int | None) -> str:
    """"4.5/5", "8/10"."""
    return f"{_plain(rating)}/{scale_for(best).best}"


def rating_stars(rating: Decimal, best: int | None) -> str:
    """"★★★★½" on the five-star scale; "" on others (shown as points)."""
    if scale_for(best).unit != "stars":
        return ""
    whole = int(rating)
    half = rating - whole >= Decimal("0.5")
    return "★" * whole + ("½" if half else "") + "☆" * (scale_for(best).best - whole - (1 if half else 0))


def _plain(number: Decimal) -> str:
    text = format(number.normalize(), "f")
    return text
