"""The demo newsroom: its content is well formed, and `newsreel demo` loads it exactly once."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from collections import Counter

import pytest
from django.core.management import call_command

from newsreel.demo import illustrate, loader
from newsreel.newsroom.frontmatter import split_front_matter

SECTIONS = {"news", "interviews", "reviews", "features"}
STATUSES = {"announced", "in production", "post-production", "festival", "in theaters", "streaming", "released"}
ROLES = {"director", "writer", "producer", "actor", "crew"}
SPOILER_OPEN = re.compile(r"^:::spoiler\s+(\S+)\s*$", re.MULTILINE)
IMAGE_REF = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<ref>[^)\s]+)\)")
FIGURE_OPEN = re.compile(r'^:::figure\s+credit="(?P<credit>[^"]*)"\s*$', re.MULTILINE)


@pytest.fixture(scope="module")
def kb() -> dict:
    return json.loads(loader.KB_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def articles() -> list[tuple[str, dict, str]]:
    """(file name, front matter, body) for every demo article."""
    result = []
    for path in loader.article_files():
        parsed = split_front_matter(path.read_text(encoding="utf-8"), path.name)
        result.append((path.name, parsed.meta, parsed.body))
    return result


# --- the knowledge graph ---------------------------------------------------------------------


def test_knowledge_graph_has_the_documented_shape(kb: dict) -> None:
    assert set(kb) == {"films", "people", "credits"}
    assert len(kb["films"]) >= 15 and len(kb["people"]) >= 35
    for index, film in enumerate(kb["films"]):
        where = f"films[{index}]"
        assert film["key"] and film["title"], where
        assert isinstance(film["year"], int) and film["key"].endswith(f"-{film['year']}"), where
        assert film["status"] in STATUSES, where
        assert film["distributor"] and film["synopsis"], where
        assert isinstance(film.get("aliases", []), list), where
        if film.get("release_date"):
            dt.date.fromisoformat(film["release_date"])
    for index, person in enumerate(kb["people"]):
        assert person["key"] and person["name"] and person["bio"], f"people[{index}]"


def test_knowledge_graph_credits_join_known_films_and_people(kb: dict) -> None:
    films = {film["key"] for film in kb["films"]}
    people = {person["key"] for person in kb["people"]}
    for index, credit in enumerate(kb["credits"]):
        where = f"credits[{index}]"
        assert credit["film"] in films and credit["person"] in people, where
        assert credit["role"] in ROLES, where
        if credit["role"] == "crew":
            assert credit.get("job"), where
        if credit["role"] == "actor":
            assert credit.get("character"), where
    assert {credit["person"] for credit in kb["credits"]} == people, "every invented person has a credit"
    directed = {credit["film"] for credit in kb["credits"] if credit["role"] == "director"}
    assert directed == films, "every invented film has a director"
    assert {credit["role"] for credit in kb["credits"]} == ROLES


def test_several_films_have_aliases_and_every_status_is_used(kb: dict) -> None:
    assert sum(1 for film in kb["films"] if film.get("aliases")) >= 3
    assert {film["status"] for film in kb["films"]} == STATUSES


@pytest.mark.django_db
def test_knowledge_graph_passes_the_importers_validation(kb: dict) -> None:
    from newsreel.films.knowledge import validate_knowledge_graph

    records = validate_knowledge_graph(kb)
    assert len(records["films"]) == len(kb["films"])


# --- the articles ------------------------------------------------------------------------------


def test_there_are_enough_articles_in_every_section(articles) -> None:
    assert len(articles) >= 12
    sections = Counter(meta["section"] for _, meta, _ in articles)
    assert set(sections) == SECTIONS
    assert all(count >= 3 for count in sections.values()), sections


def test_every_article_has_the_front_matter_a_published_story_needs(articles) -> None:
    slugs = set()
    for name, meta, _ in articles:
        for field in ("headline", "slug", "dek", "section", "tags", "authors", "hero", "sources", "published_at"):
            assert meta.get(field), f"{name}: front matter.{field} is missing"
        assert meta["slug"] not in slugs, f"{name}: slug {meta['slug']!r} repeats"
        slugs.add(meta["slug"])
        assert "*" not in meta["headline"] and "*" not in meta["dek"], f"{name}: headline and dek are plain text"
        hero = meta["hero"]
        assert hero["image"] and hero["alt"].strip(), f"{name}: hero needs an image and alt text"
        assert hero["credit"] == illustrate.CREDIT, f"{name}: hero credit"
        for source in meta["sources"]:
            assert source["name"] and source["url"].startswith("https://example.org/"), f"{name}: sources"
        published = meta["published_at"]
        assert isinstance(published, dt.datetime) and published.tzinfo is not None, f"{name}: published_at"
        assert dt.datetime(2026, 9, 1, tzinfo=dt.timezone.utc) <= published < dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc)


def test_articles_are_a_readable_length(articles) -> None:
    for name, _, body in articles:
        words = len(body.split())
        assert 300 <= words <= 700, f"{name}: {words} words"


def test_about_half_the_articles_leave_the_summary_to_the_generator(articles) -> None:
    written = sum(1 for _, meta, _ in articles if meta.get("summary"))
    assert 0 < written < len(articles)
    assert abs(written - len(articles) / 2) <= len(articles) / 4


def test_spoiler_blocks_name_films_in_the_knowledge_graph(articles, kb: dict) -> None:
    films = {film["key"] for film in kb["films"]}
    with_spoilers = 0
    for name, _, body in articles:
        keys = SPOILER_OPEN.findall(body)
        with_spoilers += bool(keys)
        for key in keys:
            assert key in films, f"{name}: spoiler block for unknown film {key!r}"
        assert body.count(":::spoiler") == len(keys), f"{name}: malformed spoiler opening"
    assert with_spoilers >= 4


def test_blocks_are_closed_and_there_are_notes_and_figures(articles) -> None:
    notes = figures = 0
    for name, _, body in articles:
        depth = 0
        for number, line in enumerate(body.splitlines(), start=1):
            if line.startswith(":::") and line.strip() != ":::":
                assert depth == 0, f"{name}: body line {number} opens a block inside a block"
                depth += 1
            elif line.strip() == ":::":
                assert depth == 1, f"{name}: body line {number} closes a block that is not open"
                depth -= 1
        assert depth == 0, f"{name}: a ::: block is never closed"
        notes += body.count(":::note")
        figures += len(FIGURE_OPEN.findall(body))
        for credit in FIGURE_OPEN.findall(body):
            assert credit == illustrate.CREDIT, name
    assert notes >= 3 and figures >= 3


def test_every_image_the_articles_name_is_drawn_by_the_illustrator(articles) -> None:
    named = set()
    for name, meta, body in articles:
        named.add(meta["hero"]["image"])
        for match in IMAGE_REF.finditer(body):
            assert match.group("alt").strip(), f"{name}: figure without alt text"
            named.add(match.group("ref"))
    planned = {item.path for item in illustrate.PLAN}
    assert named == planned


def test_authors_are_a_small_invented_staff(articles) -> None:
    authors = Counter(author for _, meta, _ in articles for author in meta["authors"])
    assert 4 <= len(authors) <= 5


# --- the illustrations ---------------------------------------------------------------------------


def test_illustrations_are_deterministic_and_the_right_size() -> None:
    hero = next(item for item in illustrate.PLAN if item.title)
    figure = next(item for item in illustrate.PLAN if not item.title)
    assert illustrate.render(hero).tobytes() == illustrate.render(hero).tobytes()
    assert illustrate.render(hero).size == (1600, 900)
    assert illustrate.render(figure).size == (1200, 800)


def test_every_planned_illustration_uses_a_known_motif_and_palette() -> None:
    for item in illustrate.PLAN:
        assert item.motif in illustrate.MOTIFS and item.palette in illustrate.PALETTES, item.path
    assert len({item.path for item in illustrate.PLAN}) == len(illustrate.PLAN)


# --- the command -----------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _own_password_file(tmp_path, monkeypatch) -> None:
    """Each test keeps the editor's remembered password in its own folder."""
    monkeypatch.setattr(loader, "password_file", lambda: tmp_path / loader.PASSWORD_FILE_NAME)


def _run_demo(*args: str) -> str:
    out = io.StringIO()
    call_command("demo", *args, stdout=out)
    return out.getvalue()


def _counts() -> dict[str, int]:
    from django.contrib.auth import get_user_model

    from newsreel.films.models import Credit, Film, Person
    from newsreel.images.models import Image
    from newsreel.newsroom.models import Article, Author, Revision, Tag
    from newsreel.public.models import SiteSettings

    return {model.__name__: model.objects.count()
            for model in (Article, Revision, Author, Tag, Film, Person, Credit, Image, SiteSettings, get_user_model())}


@pytest.mark.django_db
def test_running_the_demo_twice_loads_everything_once(tmp_path, settings) -> None:
    from newsreel.newsroom.models import Article, WorkflowState
    from newsreel.public.models import SiteSettings

    settings.MEDIA_ROOT = tmp_path / "media"
    first = _run_demo()
    counts = _counts()
    assert counts["Article"] == len(loader.article_files())
    assert Article.objects.filter(state=WorkflowState.PUBLISHED).count() == counts["Article"]
    assert counts["Image"] == len(illustrate.PLAN)
    assert "Publishing 1/" in first and "Login: editor / " in first and settings.SITE_URL in first
    assert SiteSettings.current().name == "The Newsreel Demo"
    ordered = list(Article.objects.order_by("id").values_list("published_at", flat=True))
    assert ordered == sorted(ordered), "published in date order, so previous/next follow the dates"
    assert not Article.objects.filter(hero_image__isnull=True).exists()
    assert Article.objects.exclude(spoiler_films=[]).count() >= 4
    hero = Article.objects.select_related("hero_image").first().hero_image
    assert hero.credit == illustrate.CREDIT and hero.alt

    second = _run_demo()
    assert _counts() == counts
    assert "already loaded" in second
    password = re.search(r"Login: editor / (\S+)", first).group(1)
    assert f"Login: editor / {password}" in second
    assert loader.password_file().read_text().strip() == password
    assert loader.password_file().stat().st_mode & 0o777 == 0o600, "only its owner may read the password"


@pytest.mark.django_db
def test_a_changed_password_is_not_printed() -> None:
    from django.contrib.auth import get_user_model

    from newsreel.newsroom.models import Article

    Article.objects.create(headline="Already here", slug="already-here", body="Text.")
    _run_demo()
    editor = get_user_model().objects.get(username="editor")
    editor.set_password("chosen-by-the-editor")
    editor.save()
    output = _run_demo()
    assert "Login: editor (password not shown" in output and "chosen-by-the-editor" not in output
    assert get_user_model().objects.get(username="editor").check_password("chosen-by-the-editor")


@pytest.mark.django_db
def test_an_explicit_password_sets_the_editors_login_even_when_content_is_loaded() -> None:
    from django.contrib.auth import get_user_model

    from newsreel.newsroom.models import Article

    Article.objects.create(headline="Already here", slug="already-here", body="Text.")
    output = _run_demo("--password", "projector-31")
    assert "already loaded" in output and "Login: editor / projector-31" in output
    assert Article.objects.count() == 1
    editor = get_user_model().objects.get(username="editor")
    assert editor.check_password("projector-31")
    assert editor.groups.filter(name="editor").exists()
    assert "Login: editor / projector-31" in _run_demo(), "later runs print the same login"


@pytest.mark.django_db
def test_a_short_password_is_refused() -> None:
    from django.core.management.base import CommandError

    from newsreel.newsroom.models import Article

    Article.objects.create(headline="Already here", slug="already-here", body="Text.")
    with pytest.raises(CommandError, match="--password"):
        _run_demo("--password", "short")
