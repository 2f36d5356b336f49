"""Author profiles: the byline a desk account writes under, with bio, photo and links.

A profile is the `Author` row bylines already point to (found by the byline's slug), tied
to the account. Saving it refreshes the public author page and the JSON-LD of the stories
under that byline (the public site listens to Author saves). The person edits their own
profile; an administrator edits anyone's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import transaction

from newsreel.images.models import Image
from newsreel.newsroom.models import Author
from newsreel.newsroom.people import display_name, may_manage_people
from newsreel.slugs import slug_of

MAX_SOCIAL_LINKS = 10
NOT_YOURS = "You can change only your own profile; an administrator can change anyone's."


@dataclass
class Profile:
    byline: str
    bio: str = ""
    photo: Image | None = None
    website: str = ""
    social_links: list[str] = field(default_factory=list)


def profile_of(user) -> Author | None:
    return Author.objects.filter(user=user).select_related("photo").first()


def _check_url(url: str, where: str) -> str:
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise ValidationError(f"{where}: “{url}” is not a web address (http:// or https://).") from None
    return url


def parse_social_links(text: str) -> list[str]:
    """One address a line; the errors name the line."""
    urls: list[str] = []
    errors: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        url = line.strip()
        if not url:
            continue
        try:
            _check_url(url, f"Line {number}")
        except ValidationError as error:
            errors.extend(error.messages)
            continue
        if url not in urls:
            urls.append(url)
    if len(urls) > MAX_SOCIAL_LINKS:
        errors.append(f"At most {MAX_SOCIAL_LINKS} profile links; there are {len(urls)}.")
    if errors:
        raise ValidationError(errors)
    return urls


def link_label(url: str) -> str:
    """How a link elsewhere is named on the author page: its host, without www."""
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


@transaction.atomic
def save_profile(user, profile: Profile, *, actor) -> Author:
    """Create or update the account's author profile; all or nothing."""
    if actor is not None and actor.pk != user.pk and not may_manage_people(actor):
        raise PermissionDenied(NOT_YOURS)
    errors: dict[str, list[str]] = {}
    byline = " ".join(profile.byline.split())
    slug = slug_of(byline)
    if not byline:
        errors["byline"] = ["The byline is the name the stories carry; it cannot be empty."]
    elif not slug:
        errors["byline"] = [f"“{byline}” makes no address for the author page; use letters or digits."]
    elif len(byline) > Author._meta.get_field("name").max_length or len(slug) > Author._meta.get_field("slug").max_length:
        errors["byline"] = [f"The byline is longer than {Author._meta.get_field('name').max_length} characters."]
    if profile.website:
        try:
            _check_url(profile.website, "Website")
        except ValidationError as error:
            errors["website"] = error.messages
    for url in profile.social_links:
        try:
            _check_url(url, "Profile links")
        except ValidationError as error:
            errors.setdefault("social_links", []).extend(error.messages)
    if profile.photo is not None and not (profile.photo.alt.strip() and profile.photo.credit.strip()):
        errors["photo"] = ["This picture has no alt text or no credit; choose one that has both."]
    current = Author.objects.select_for_update().filter(user=user).first()
    target = Author.objects.select_for_update().filter(slug=slug).first() if slug else None
    if target is not None and target.user_id is not None and target.user_id != user.pk:
        errors["byline"] = [f"The byline “{target.name}” is already {display_name(target.user)}’s profile."]
    if errors:
        raise ValidationError(errors)
    if target is None:
        target = Author(slug=slug)
    if current is not None and current.pk != target.pk:
        # A new byline: the old one keeps its stories and page, no longer tied to the account.
        current.user = None
        current.save(update_fields=["user"])
    target.name = byline
    target.user = user
    target.bio = profile.bio.strip()
    target.photo = profile.photo
    target.website = profile.website.strip()
    target.social_links = list(profile.social_links)
    target.full_clean(exclude=["user"])
    target.save()
    return target
