"""The knowledge graph: films, people and the credits that join them."""

from __future__ import annotations

from django.db import models

from newsreel import links


class ReleaseStatus(models.TextChoices):
    ANNOUNCED = "announced", "Announced"
    IN_PRODUCTION = "in production", "In production"
    POST_PRODUCTION = "post-production", "In post-production"
    FESTIVAL = "festival", "On the festival circuit"
    IN_THEATERS = "in theaters", "Now playing in theaters"
    STREAMING = "streaming", "Streaming"
    RELEASED = "released", "Released"


class CodePointText(models.CharField):
    """Text compared and ordered code point by code point on every database (PostgreSQL's "C"
    collation, SQLite's default): then the names that start with a prefix are one range of an index."""

    def db_parameters(self, connection):
        parameters = super().db_parameters(connection)
        if connection.vendor == "postgresql":
            parameters["collation"] = "C"
        return parameters


class ExternalIds(models.Model):
    imdb_id = models.CharField("IMDb id", max_length=20, blank=True)
    tmdb_id = models.CharField("TMDB id", max_length=20, blank=True)
    wikidata_id = models.CharField("Wikidata id", max_length=20, blank=True)

    class Meta:
        abstract = True

    @property
    def same_as(self) -> list[str]:
        """Public URLs of this entity in other databases, for JSON-LD sameAs."""
        urls = []
        if self.imdb_id:
            kind = "title" if self.imdb_id.startswith("tt") else "name"
            urls.append(f"https://www.imdb.com/{kind}/{self.imdb_id}/")
        if self.wikidata_id:
            urls.append(f"https://www.wikidata.org/wiki/{self.wikidata_id}")
        if self.tmdb_id:
            urls.append(f"https://www.themoviedb.org/{'movie' if isinstance(self, Film) else 'person'}/{self.tmdb_id}")
        return urls


class Film(ExternalIds):
    key = models.SlugField(max_length=120, unique=True, help_text="Slug used in URLs, e.g. anora-2024")
    title = models.CharField(max_length=300)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    aliases = models.JSONField(default=list, blank=True)
    release_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=ReleaseStatus.choices, blank=True)
    distributor = models.CharField(max_length=200, blank=True)
    synopsis = models.TextField(blank=True, help_text="Spoiler-free synopsis")
    poster = models.ForeignKey("images.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title", "year"]

    def __str__(self) -> str:
        return f"{self.title} ({self.year})" if self.year else self.title

    def get_absolute_url(self) -> str:
        return links.path("film", key=self.key)

    @property
    def first_release_date(self):
        """The earliest of its releases and its release date (None when it has neither)."""
        dates = [release.date for release in self.releases.all()]
        if self.release_date:
            dates.append(self.release_date)
        return min(dates, default=None)


class ReleaseKind(models.TextChoices):
    THEATRICAL = "theatrical", "Theatrical"
    LIMITED = "limited", "Limited theatrical"
    DIGITAL = "digital", "Digital"
    PHYSICAL = "physical", "DVD / Blu-ray"
    TV = "tv", "Television"
    FESTIVAL = "festival", "Festival premiere"
    PREMIERE = "premiere", "Premiere"


class Release(models.Model):
    """One release of a film: where (a country, ISO 3166-1 alpha-2; empty for worldwide, e.g. a
    streaming service's), when, and what kind (theatrical, digital, festival premiere...)."""

    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="releases")
    country = models.CharField(max_length=2, blank=True,
                               help_text="ISO 3166-1 alpha-2 code, e.g. US or FR; empty for worldwide")
    date = models.DateField()
    kind = models.CharField(max_length=20, choices=ReleaseKind.choices, default=ReleaseKind.THEATRICAL)
    note = models.CharField(max_length=200, blank=True, help_text="e.g. the festival's name, or the service")

    class Meta:
        ordering = ["date", "country", "kind", "pk"]
        constraints = [models.UniqueConstraint(fields=["film", "country", "kind", "date"], name="release_once")]

    def __str__(self) -> str:
        return f"{self.film}: {self.get_kind_display()} {self.country or 'worldwide'} {self.date:%Y-%m-%d}"

    @property
    def country_name(self) -> str:
        from newsreel.films.countries import country_name

        return country_name(self.country)


class Person(ExternalIds):
    key = models.SlugField(max_length=120, unique=True, help_text="Slug used in URLs, e.g. sean-baker")
    name = models.CharField(max_length=200)
    aliases = models.JSONField(default=list, blank=True)
    bio = models.TextField(blank=True)
    photo = models.ForeignKey("images.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return links.path("person", key=self.key)


class Role(models.TextChoices):
    DIRECTOR = "director", "Director"
    WRITER = "writer", "Writer"
    PRODUCER = "producer", "Producer"
    ACTOR = "actor", "Cast"
    CREW = "crew", "Crew"


class Credit(models.Model):
    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="credits")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="credits")
    role = models.CharField(max_length=10, choices=Role.choices)
    job = models.CharField(max_length=100, blank=True, help_text="For crew: e.g. Cinematographer")
    character = models.CharField(max_length=200, blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["film", "order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["film", "person", "role", "job", "character"], name="credit_unique_per_role"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.get_role_display()} – {self.film}"


class NameStart(models.Model):
    """Where a completion can begin: a film's title, or a person's name at each of its words,
    folded (lower case, no accents). Written by the graph's writers (newsreel.films.name_starts)."""

    kind = models.CharField(max_length=6)  # "film" or "person"
    text = CodePointText(max_length=300)
    year = models.PositiveSmallIntegerField(null=True)  # a film's: same titles newest first
    film = models.ForeignKey(Film, null=True, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(Person, null=True, on_delete=models.CASCADE, related_name="+")

    class Meta:
        indexes = [models.Index(fields=["kind", "text", "-year"], name="films_name_start")]

    def __str__(self) -> str:
        return f"{self.kind}: {self.text}"
