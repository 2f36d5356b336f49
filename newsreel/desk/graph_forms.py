"""The desk's forms for films, people and credits (the knowledge graph).

A poster or photo is picked from the image library or uploaded in the same form, with the
alt text and credit the images service requires of every picture.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from newsreel.desk.forms import ImageChoiceField
from newsreel.films.knowledge import KEY_PATTERN
from newsreel.films.countries import country_code, country_problem
from newsreel.films.models import Film, Person, Release, ReleaseKind, Role
from newsreel.images.models import Image
from newsreel.text.characters import character_problem

ALIASES_HELP = "One a line: other titles or spellings the text may use (a changed alias finds new mentions)."


def aliases_from(text: str) -> list[str]:
    seen: list[str] = []
    for line in text.splitlines():
        alias = " ".join(line.split())
        if alias and alias not in seen:
            seen.append(alias)
    return seen


class _Entity(forms.ModelForm):
    """What films and people share: a key fixed at creation, aliases one a line, a picture."""

    aliases_text = forms.CharField(label="Aliases", required=False, widget=forms.Textarea(attrs={"rows": 3}),
                                   help_text=ALIASES_HELP)
    upload = forms.ImageField(label="Or upload a new picture", required=False,
                              widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}))
    upload_alt = forms.CharField(label="Its alt text", max_length=300, required=False,
                                 help_text="What the picture shows, for readers who cannot see it.")
    upload_credit = forms.CharField(label="Its credit", max_length=200, required=False,
                                    help_text="Who made or supplied it, e.g. Courtesy Kestrel Films.")
    picture_field = ""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["key"].validators = []  # clean_key says the rule in the graph's own words
        if self.instance.pk:
            self.fields["key"].disabled = True
            self.fields["key"].help_text = "The address of its page; fixed once made (merge a duplicate instead)."
            self.initial["aliases_text"] = "\n".join(self.instance.aliases or [])
        self.fields[self.picture_field] = ImageChoiceField(
            queryset=Image.objects.all(), required=False, label=self.fields[self.picture_field].label,
            help_text="From the image library; or upload one below.")

    def clean_key(self) -> str:
        key = self.cleaned_data["key"]
        if not KEY_PATTERN.match(key or ""):
            raise ValidationError("Use lowercase letters, digits and single hyphens, e.g. harbor-lights-2025.")
        return key

    def clean(self) -> dict:
        data = super().clean()
        for name, value in data.items():
            if isinstance(value, str) and character_problem(value):
                self.add_error(name if name in self.fields else None, character_problem(value))
        aliases = aliases_from(data.get("aliases_text", ""))
        if any(len(alias) > 300 for alias in aliases):
            self.add_error("aliases_text", "An alias is longer than 300 characters.")
        self.instance.aliases = aliases
        if data.get("upload"):
            for name, what in (("upload_alt", "alt text"), ("upload_credit", "a credit")):
                if not (data.get(name) or "").strip():
                    self.add_error(name, f"An uploaded picture needs {what}.")
        return data


class FilmForm(_Entity):
    picture_field = "poster"

    class Meta:
        model = Film
        fields = ["title", "key", "year", "distributor", "release_date", "status", "synopsis", "poster",
                  "imdb_id", "tmdb_id", "wikidata_id"]
        widgets = {"release_date": forms.DateInput(attrs={"type": "date"}), "synopsis": forms.Textarea(attrs={"rows": 4})}
        labels = {"release_date": "Release date", "status": "Release status"}


class ReleaseForm(forms.ModelForm):
    """One release row on a film's page: country, date, kind, note."""

    class Meta:
        model = Release
        fields = ["country", "date", "kind", "note"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}),
                   "country": forms.TextInput(attrs={"size": 3, "autocomplete": "off"})}
        labels = {"country": "Country", "date": "Date", "kind": "Kind"}
        help_texts = {"country": "Two letters, e.g. US, FR, GB; empty for worldwide."}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].initial = ReleaseKind.THEATRICAL

    def clean_country(self) -> str:
        value = self.cleaned_data.get("country") or ""
        if problem := country_problem(value):
            raise ValidationError(problem)
        return country_code(value) or ""


class _Releases(forms.BaseInlineFormSet):
    def clean(self) -> None:
        super().clean()
        seen: dict[tuple, int] = {}
        for number, form in enumerate(self.forms, 1):
            data = getattr(form, "cleaned_data", None) or {}
            if not data or data.get("DELETE") or not data.get("date"):
                continue
            identity = (data.get("country"), data.get("kind"), data["date"])
            if identity in seen:
                form.add_error(None, f"Release {number} repeats release {seen[identity]} (same country, kind and date).")
            seen.setdefault(identity, number)


ReleaseRows = forms.inlineformset_factory(Film, Release, form=ReleaseForm, formset=_Releases, extra=2,
                                          can_delete=True)


class PersonForm(_Entity):
    picture_field = "photo"

    class Meta:
        model = Person
        fields = ["name", "key", "bio", "photo", "imdb_id", "tmdb_id", "wikidata_id"]
        widgets = {"bio": forms.Textarea(attrs={"rows": 4})}


class CreditForm(forms.Form):
    """A credit added from a film's page (the person by key or exact name) or a person's (the film)."""

    other = forms.CharField(label="Person", max_length=200)
    role = forms.ChoiceField(choices=Role.choices)
    job = forms.CharField(max_length=100, required=False, help_text="For crew: e.g. Cinematographer.")
    character = forms.CharField(max_length=200, required=False, help_text="For cast: the part they play.")

    def __init__(self, *args, film: Film | None = None, person: Person | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.film, self.person = film, person
        if person is not None:
            self.fields["other"].label = "Film"
        self.fields["other"].help_text = "Its key (from the list) or its exact " + ("title." if person else "name.")

    def clean_other(self):
        typed = " ".join(self.cleaned_data["other"].split())
        key = typed.split(":", 1)[1] if typed.startswith(("film:", "person:")) else typed
        if self.film is not None:
            found = Person.objects.filter(key=key).first() or _only(Person.objects.filter(name__iexact=typed))
            if found is None:
                raise ValidationError(f"No person in the knowledge graph is “{typed}”; add them first.")
        else:
            found = Film.objects.filter(key=key).first() or _only(Film.objects.filter(title__iexact=typed))
            if found is None:
                raise ValidationError(f"No film in the knowledge graph is “{typed}” (or several share the title: "
                                      "use its key).")
        return found

    def clean(self) -> dict:
        data = super().clean()
        if data.get("role") == Role.CREW and not (data.get("job") or "").strip():
            self.add_error("job", "A crew credit needs its job, e.g. Cinematographer.")
        return data


def _only(queryset):
    found = list(queryset[:2])
    return found[0] if len(found) == 1 else None
