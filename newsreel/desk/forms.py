"""The desk's forms: signing in, writing an article, uploading an image.

The article form only shapes what the writer typed into plain values (lists of tags, of
sources); validating the article itself is the intake's job, so every way in says the same.
"""

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from newsreel.images.models import Image
from newsreel.newsroom.models import Section
from newsreel.newsroom.roles import role_of
from newsreel.newsroom.film_reviews import current_scale

NO_ROLE_MESSAGE = (
    "This account has no newsroom role (contributor, editor or administrator), so it cannot "
    "sign in to the desk. Ask an administrator to give you one."
)


DEACTIVATED_MESSAGE = (
    "This account has been deactivated, so it can no longer log in to the desk. Its stories and "
    "bylines are kept; ask an administrator if this is a mistake."
)


class DeskAuthenticationForm(AuthenticationForm):
    """Django's sign-in form, closed to accounts without a desk role."""

    error_messages = {**AuthenticationForm.error_messages, "no_role": NO_ROLE_MESSAGE}

    def clean(self):
        try:
            return super().clean()
        except ValidationError as error:
            # Django's backend refuses a deactivated account like a wrong password; whoever
            # knows the password deserves to be told the real reason.
            if error.code == "invalid_login" and self._deactivated_account() is not None:
                raise ValidationError(DEACTIVATED_MESSAGE, code="inactive") from None
            raise

    def _deactivated_account(self):
        from django.contrib.auth import get_user_model

        username, password = self.cleaned_data.get("username"), self.cleaned_data.get("password")
        if not username or not password:
            return None
        model = get_user_model()
        user = model._default_manager.filter(**{model.USERNAME_FIELD: username}, is_active=False).first()
        return user if user is not None and user.check_password(password) else None

    def confirm_login_allowed(self, user) -> None:
        super().confirm_login_allowed(user)
        if role_of(user) is None:
            raise ValidationError(self.error_messages["no_role"], code="no_role")


def split_names(value: str) -> list[str]:
    """'a, b ,, a' -> ['a', 'b']: trimmed, empty items dropped, first spelling kept."""
    names: list[str] = []
    seen: set[str] = set()
    for part in value.split(","):
        name = " ".join(part.split())
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            names.append(name)
    return names


def parse_sources(value: str) -> list[dict[str, str]]:
    """One source a line, 'Name | https://link' or just 'Name'; errors name the line."""
    sources: list[dict[str, str]] = []
    errors: list[ValidationError] = []
    check_url = URLValidator(schemes=["http", "https"])
    for number, line in enumerate(value.splitlines(), start=1):
        if not line.strip():
            continue
        name, _, url = (part.strip() for part in line.partition("|"))
        if not name:
            errors.append(ValidationError(f"Line {number}: a source needs a name before the “|”."))
            continue
        if "|" in url:
            errors.append(ValidationError(f"Line {number}: use one “|” between the name and the link."))
            continue
        if url:
            try:
                check_url(url)
            except ValidationError:
                errors.append(ValidationError(f"Line {number}: “{url}” is not a web address (http:// or https://)."))
                continue
        sources.append({"name": name, "url": url})
    if errors:
        raise ValidationError(errors)
    return sources


def format_sources(sources: list[dict]) -> str:
    lines = []
    for source in sources or []:
        name, url = source.get("name", ""), source.get("url", "")
        lines.append(f"{name} | {url}" if url else name)
    return "\n".join(lines)


class ImageChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, image: Image) -> str:
        return f"{image.alt} — {image.credit} (image:{image.pk})"


class ArticleForm(forms.Form):
    headline = forms.CharField(max_length=300, required=False, widget=forms.TextInput(attrs={"class": "headline-input"}))
    slug = forms.SlugField(
        max_length=200, required=False,
        help_text="The address of the article. Leave empty to make one from the headline.",
    )
    dek = forms.CharField(label="Dek", max_length=500, required=False, help_text="The line under the headline.")
    summary = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Leave empty to generate a spoiler-safe summary from the text.",
    )
    body = forms.CharField(
        required=False, strip=False,
        widget=forms.Textarea(attrs={"rows": 28, "class": "markdown", "spellcheck": "true", "autocapitalize": "sentences"}),
        help_text="Newsreel Markdown.",
    )
    section = forms.ModelChoiceField(
        queryset=Section.objects.all(), to_field_name="slug", required=False, empty_label="— No section —",
    )
    tags = forms.CharField(required=False, help_text="Separated by commas, e.g. Festivals, Cannes 2026.")
    authors = forms.CharField(label="Bylines", required=False, help_text="Writers' names, separated by commas.")
    hero_image = ImageChoiceField(
        queryset=Image.objects.all(), required=False, empty_label="— No hero image —",
        help_text="Upload pictures under Images; each has its alt text and credit.",
    )
    sources = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3, "class": "mono"}),
        help_text="One a line: Name | https://link (the link is optional).",
    )

    # Reviews (newsreel.newsroom.film_reviews); checked by the intake like every other field.
    film = forms.CharField(
        label="Film reviewed", max_length=200, required=False,
        help_text="Reviews only: the film's key, e.g. harbor-lights-2025 (the end of its page's address).",
    )
    rating = forms.CharField(label="Rating", max_length=8, required=False)
    verdict = forms.CharField(label="Verdict", max_length=200, required=False,
                              help_text="Reviews only: the one-line verdict shown under the rating.")

    # The revision the writer started from, to warn when someone else saved in between.
    base_revision = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["rating"].help_text = f"Reviews only: {current_scale().describe()}."

    def clean_tags(self) -> list[str]:
        return split_names(self.cleaned_data["tags"])

    def clean_authors(self) -> list[str]:
        return split_names(self.cleaned_data["authors"])

    def clean_sources(self) -> list[dict[str, str]]:
        return parse_sources(self.cleaned_data["sources"])


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented pattern): a list of uploaded files."""

    def clean(self, data, initial=None):
        if isinstance(data, (list, tuple)):
            cleaned = [super(MultipleFileField, self).clean(item, initial) for item in data]
            if not cleaned and self.required:
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return cleaned
        return [super().clean(data, initial)] if data or self.required else []


class ImageUploadForm(forms.Form):
    """The shape of an upload; the rules (alt text and credit required, a readable image)
    are the images service's, so the desk and the importers answer alike."""

    file = MultipleFileField(
        label="Pictures", error_messages={"required": "Choose a picture to upload."},
        widget=MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif", "required": True}),
        help_text="JPEG, PNG, WebP or GIF; several at once, dropped here or pasted.",
    )
    alt = forms.CharField(
        label="Alt text", max_length=300, required=False,
        help_text="What the picture shows, for readers who cannot see it. Left empty, it is taken from the "
                  "file's own description for the disabled (XMP) when it has one.",
    )
    credit = forms.CharField(
        max_length=200, required=False,
        help_text="Who made or supplied it, e.g. Courtesy Everett Collection. Left empty, it is taken from "
                  "the file's IPTC/XMP credit when it has one.",
    )
    caption = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))

    # Both are required by the service; the marker tells the writer before they submit.
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name in ("alt", "credit"):
            self.fields[name].show_required = True
