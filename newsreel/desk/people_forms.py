"""The desk's forms for people: adding someone, their details, role and author profile.

They shape what the administrator typed; the rules (unique address, role names, the last
administrator, Django's password validators) are the newsroom's services', so the desk and
`newsreel createuser` answer alike. Passwords are set with Django's own SetPasswordForm and
PasswordChangeForm.
"""

from __future__ import annotations

from django import forms
from django.contrib.auth.password_validation import password_validators_help_texts

from newsreel.desk.forms import ImageChoiceField
from newsreel.images.models import Image
from newsreel.newsroom.profiles import MAX_SOCIAL_LINKS, Profile, parse_social_links
from newsreel.newsroom.roles import ADMINISTRATOR, CONTRIBUTOR, EDITOR

ROLE_CHOICES = [
    (CONTRIBUTOR, "Contributor: writes and edits their own drafts"),
    (EDITOR, "Editor: edits, schedules and publishes every story"),
    (ADMINISTRATOR, "Administrator: everything an editor does, and manages people and settings"),
]

INVITE, SET_PASSWORD = "invite", "password"


class PersonDetailsForm(forms.Form):
    first_name = forms.CharField(max_length=150, required=False)
    last_name = forms.CharField(max_length=150, required=False)
    email = forms.EmailField(label="E-mail address", max_length=254,
                             help_text="Invitations and password reset links go here.")


class AddPersonForm(PersonDetailsForm):
    username = forms.CharField(
        max_length=150, help_text="What they type to log in: letters, digits and @ . + - _ only.",
        widget=forms.TextInput(attrs={"autocapitalize": "none", "autocomplete": "off", "spellcheck": "false"}),
    )
    role = forms.ChoiceField(choices=ROLE_CHOICES, initial=CONTRIBUTOR, widget=forms.RadioSelect)
    how = forms.ChoiceField(
        label="How they get in", initial=INVITE, widget=forms.RadioSelect,
        choices=[(INVITE, "E-mail an invitation: they choose their own password"),
                 (SET_PASSWORD, "Set a password now and tell them yourself")],
    )
    password1 = forms.CharField(
        label="Password", required=False, strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="Only when you set a password now. " + " ".join(password_validators_help_texts()),
    )
    password2 = forms.CharField(
        label="Password again", required=False, strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    field_order = ["first_name", "last_name", "username", "email", "role", "how", "password1", "password2"]

    def clean(self):
        data = super().clean()
        if data.get("how") == SET_PASSWORD:
            if not data.get("password1"):
                self.add_error("password1", "Type the password, or choose to e-mail an invitation instead.")
            elif data.get("password1") != data.get("password2"):
                self.add_error("password2", "The two passwords differ; type the same one twice.")
        return data


class RoleForm(forms.Form):
    role = forms.ChoiceField(choices=ROLE_CHOICES, widget=forms.RadioSelect)


class ProfileForm(forms.Form):
    byline = forms.CharField(
        max_length=120, help_text="The name your stories carry; your author page is found by it.",
    )
    bio = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 4}), max_length=2000,
        help_text="Plain text, shown on your author page and to search engines.",
    )
    photo = ImageChoiceField(
        queryset=Image.objects.all(), required=False, empty_label="— No photo —",
        help_text="A portrait from Images (upload it there with its alt text and credit).",
    )
    website = forms.URLField(required=False, max_length=500, assume_scheme="https",
                             help_text="Your own site, e.g. https://example.org.")
    social_links = forms.CharField(
        label="Profiles elsewhere", required=False, widget=forms.Textarea(attrs={"rows": 3, "class": "mono"}),
        help_text=f"One address a line (social networks, up to {MAX_SOCIAL_LINKS}), e.g. https://mastodon.example/@name.",
    )

    def clean_social_links(self) -> list[str]:
        return parse_social_links(self.cleaned_data["social_links"])

    def profile(self) -> Profile:
        data = self.cleaned_data
        return Profile(byline=data["byline"], bio=data["bio"], photo=data["photo"], website=data["website"],
                       social_links=data["social_links"])

    @classmethod
    def initial_for(cls, user, author) -> dict:
        if author is None:
            return {"byline": user.get_full_name() or user.get_username()}
        return {"byline": author.name, "bio": author.bio, "photo": author.photo_id, "website": author.website,
                "social_links": "\n".join(author.social_links or [])}
