"""A batched import leaves the site exactly as publishing its posts one at a time would.

The same WordPress export is imported twice into an empty site: once as `import wordpress`
does by default (chunks of stories in one transaction, the desk's index written once per
story, the knowledge graph looked at once per chunk, shared pages rendered once per
chunk), once with `--render-each` (each story its own transaction and publish, every page
it touches rendered at once). Everything a story leaves behind is compared: its fields and
the text core's derived ones, relations, revisions, the desk's story index and its words,
the search index, and every stored page, byte for byte.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.forms.models import model_to_dict
from django.test import Client
from django.utils import timezone
from PIL import Image as PILImage

from newsreel.desk.models import StoryEntry, StoryFacet
from newsreel.films.models import Credit, Film, Person
from newsreel.newsroom.models import Article, Byline, Section
from newsreel.public.models import StoredPage
from newsreel.public.search.models import SearchDocument, SearchFacet
from tests.importers.wxr_samples import Post, attachment, classic_diary, gutenberg_review, wxr

pytestmark = pytest.mark.django_db(transaction=True)

# Both imports run at the same frozen moment: creation and update times are part of what is compared.
NOW = dt.datetime(2025, 6, 1, 12, 0, tzinfo=dt.timezone.utc)
# The storage gives a second file of the same name (a picture stored again with another
# credit) random letters: `still-0-3ea1a14ec0703427_1hZThcH-320w.jpg`. Only they may differ.
STORAGE_SUFFIX = re.compile(rb"(?<=-[0-9a-f]{16})_[A-Za-z0-9]{7}(?=[-.])")


def site_data() -> None:
    Section.objects.get_or_create(slug="festival-diary", defaults={"name": "Festival Diary"})
    film = Film.objects.create(key="lanterns-over-kelby-2024", title="Lanterns Over Kelby", year=2024)
    person = Person.objects.create(key="ines-marlow", name="Ines Marlow")
    Credit.objects.create(film=film, person=person, role="director")


def write_export(folder):
    uploads = folder / "uploads"
    items = []
    for number in range(3):
        path = f"2024/03/still-{number}.jpg"
        (uploads / path).parent.mkdir(parents=True, exist_ok=True)
        PILImage.new("RGB", (320, 180), (40 * number, 80, 120)).save(uploads / path)
        items.append(attachment(100 + number, path, title=f"Still {number}", alt=f"Film still {number}",
                                credit="Reel Harbor archive"))
    for number in range(9):
        picture = number % 3
        path = f"2024/03/still-{picture}.jpg"
        body = (gutenberg_review(number, image_id=100 + picture, image_path=path) if number % 2
                else classic_diary(100 + picture, path))
        items.append(Post(number + 1, f"Dispatch {number}: notes from the harbour", f"dispatch-{number}", body,
                          date=dt.datetime(2024, 3, 1, 9) + dt.timedelta(hours=number * 5),
                          creator=("nferro", "tokafor")[number % 2],
                          categories=[("festival-diary", "Festival Diary")],
                          tags=[("festival", "Festival"), (f"series-{number % 2}", f"Series {number % 2}")],
                          excerpt=f"Notes from day {number}." if number % 3 else "",
                          meta={"_thumbnail_id": str(100 + picture)}))
    items.append(Post(40, "Coming soon: the closing night", "closing-night", "<p>Soon.</p>", status="future",
                      date=dt.datetime(2031, 1, 1, 9)))
    items.append(Post(41, "Half-written interview", "half-written", "<p>Questions so far.</p>", status="draft"))
    export = folder / "export.xml"
    export.write_text(wxr(items), encoding="utf-8")
    return export, uploads


def snapshot() -> dict:
    """Everything the import wrote, named by slugs and paths rather than row ids where it can be."""
    articles = {}
    for article in Article.objects.order_by("slug"):
        fields = model_to_dict(article)
        fields.pop("id")
        fields.update(
            created_at=article.created_at, updated_at=article.updated_at,
            tags=sorted(article.tags.values_list("name", flat=True)),
            bylines=list(Byline.objects.filter(article=article).order_by("order").values_list("author__name", flat=True)),
            mentions=list(article.mentions.order_by("start", "end").values_list(
                "film__key", "person__key", "start", "end", "surface", "in_spoiler")),
            quotes=list(article.quotes.order_by("position").values_list(
                "person__key", "speaker_name", "text", "position", "in_spoiler", "confidence")),
            revisions=list(article.revisions.order_by("number").values_list("number", "content", "derived", "origin")),
            hero=(STORAGE_SUFFIX.sub(b"_SUFFIX", article.hero_image.file.name.encode()), article.hero_image.alt, article.hero_image.credit)
            if article.hero_image_id else None,
            source_ids=list(article.source_ids.values_list("source", "external_id", "wordpress_post_id")),
        )
        articles[article.slug] = fields
    entries = {}
    for entry in StoryEntry.objects.select_related("article"):
        entries[entry.article.slug] = (
            entry.headline, entry.headline_key, entry.slug, entry.state, entry.has_changes, entry.section_id,
            entry.updated_at, entry.published_at, entry.revision_id is not None,
            sorted(StoryFacet.objects.filter(entry=entry).values_list("kind", "key", "label")))
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT a.slug, e.words::text FROM desk_storyentry e JOIN newsroom_article a ON a.id = e.article_id")
        else:
            cursor.execute("SELECT a.slug, f.headline, f.dek, f.body FROM desk_story_fts f "
                           "JOIN newsroom_article a ON a.id = f.rowid")
        words = sorted(cursor.fetchall())
    search = {}
    for document in SearchDocument.objects.all():
        fields = model_to_dict(document)
        fields.pop("id", None)
        fields.pop("article", None)
        fields["facets"] = sorted(SearchFacet.objects.filter(document=document).values_list("kind", "key"))
        search[document.slug] = fields
    pages = {path: (status, kind, STORAGE_SUFFIX.sub(b"_SUFFIX", bytes(body))) for path, status, kind, body in
             StoredPage.objects.values_list("path", "status", "kind", "body")}
    return {"articles": articles, "entries": entries, "words": words, "search": search, "pages": pages}


def import_into_empty_site(export, uploads, media, settings, *options: str) -> dict:
    call_command("flush", interactive=False, verbosity=0)  # ids start again from 1
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM desk_story_fts")
    settings.MEDIA_ROOT = str(media)  # the same picture names in both sites
    site_data()
    call_command("import", "wordpress", str(export), "--media", str(uploads), *options,
                 stdout=StringIO(), stderr=StringIO())
    client = Client()
    slugs = Article.objects.live().values_list("slug", flat=True)
    for path in ("/", "/sections/festival-diary/", "/feed.xml", "/feed.atom", "/feed.json", "/sitemap.xml",
                 "/sitemaps/sections.xml", "/robots.txt", *(f"/articles/{slug}/" for slug in slugs)):
        assert client.get(path).status_code == 200, path  # a page dropped during the import is rendered now
    return snapshot()


def test_a_batched_import_is_identical_to_publishing_each_post_alone(tmp_path, settings, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    export, uploads = write_export(tmp_path)
    batched = import_into_empty_site(export, uploads, tmp_path / "media-batched", settings)
    one_by_one = import_into_empty_site(export, uploads, tmp_path / "media-one-by-one", settings, "--render-each")
    assert len(batched["articles"]) == 11
    published = [slug for slug, fields in batched["articles"].items() if fields["state"] == "published"]
    assert len(published) == 9 and batched["articles"]["dispatch-1"]["mentions"]  # the text core found the film
    for part in ("articles", "entries", "words", "search"):
        assert batched[part] == one_by_one[part], part
    # Every page either import stored (or dropped, to be rendered on its next request, and
    # then requested here) is the same bytes in both.
    assert {"/", "/sections/festival-diary/", *(f"/articles/{slug}/" for slug in published)} <= set(batched["pages"])
    assert set(batched["pages"]) == set(one_by_one["pages"])
    for path in sorted(batched["pages"]):
        assert batched["pages"][path] == one_by_one["pages"][path], (path, difference(
            batched["pages"][path][2], one_by_one["pages"][path][2]))


def difference(one: bytes, other: bytes) -> str:
    return "\n".join(difflib.unified_diff(one.decode().splitlines(), other.decode().splitlines(), lineterm="", n=1))
