"""Feeds: RSS 2.0, Atom and JSON Feed 1.1 for the site and every section, tag, author, film
and person; stored pages rendered on publish, spoiler-safe by construction."""

from __future__ import annotations

import datetime as dt
import json

import feedparser
import jsonschema
import pytest
from django.conf import settings
from django.utils import timezone

from newsreel.newsroom.publishing import unpublish
from newsreel.public.feeds import FEED_LENGTH
from newsreel.public.feeds.formats import FORMATS, render_feed
from newsreel.public.feeds.scopes import scope_for
from newsreel.public.models import StoredPage
from tests.public.syndication import SPOILER_SENTENCE, knowledge, plain_story, publish, spoiler_story  # noqa: F401

FILES = {"rss": "feed.xml", "atom": "feed.atom", "json": "feed.json"}
CONTENT_TYPES = {
    "feed.xml": "application/rss+xml; charset=utf-8",
    "feed.atom": "application/atom+xml; charset=utf-8",
    "feed.json": "application/feed+json; charset=utf-8",
}
SCOPES = {
    "site": "/",
    "section": "/sections/news/",
    "tag": "/tags/drama/",
    "author": "/authors/nadia-ferro/",
    "film": "/films/harbor-lights-2025/",
    "person": "/people/ada-varga/",
}

# JSON Feed 1.1 (https://jsonfeed.org/version/1.1), written from the specification: what it
# requires, the types of what it allows, plus what Newsreel promises every item carries.
AUTHOR = {
    "type": "object",
    "properties": {"name": {"type": "string"}, "url": {"type": "string"}, "avatar": {"type": "string"}},
    "anyOf": [{"required": ["name"]}, {"required": ["url"]}, {"required": ["avatar"]}],
}
JSON_FEED_1_1 = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["version", "title", "items"],
    "properties": {
        "version": {"const": "https://jsonfeed.org/version/1.1"},
        "title": {"type": "string"},
        "home_page_url": {"type": "string", "pattern": "^https?://"},
        "feed_url": {"type": "string", "pattern": "^https?://"},
        "description": {"type": "string"},
        "user_comment": {"type": "string"},
        "next_url": {"type": "string"},
        "icon": {"type": "string"},
        "favicon": {"type": "string"},
        "authors": {"type": "array", "items": AUTHOR},
        "language": {"type": "string"},
        "expired": {"type": "boolean"},
        "hubs": {"type": "array", "items": {"type": "object", "required": ["type", "url"]}},
        "items": {
            "type": "array",
            "items": {
                "type": "object",
                # The specification: an id, and content as HTML or text.
                "required": ["id"],
                "anyOf": [{"required": ["content_html"]}, {"required": ["content_text"]}],
                "properties": {
                    "id": {"type": "string", "minLength": 1},
                    "url": {"type": "string", "pattern": "^https?://"},
                    "external_url": {"type": "string"},
                    "title": {"type": "string"},
                    "content_html": {"type": "string"},
                    "content_text": {"type": "string"},
                    "summary": {"type": "string"},
                    "image": {"type": "string", "pattern": "^https?://"},
                    "banner_image": {"type": "string"},
                    "date_published": {"type": "string", "format": "date-time"},
                    "date_modified": {"type": "string", "format": "date-time"},
                    "authors": {"type": "array", "items": AUTHOR},
                    "tags": {"type": "array", "items": {"type": "string"}},
                    "language": {"type": "string"},
                    "attachments": {
                        "type": "array",
                        "items": {"type": "object", "required": ["url", "mime_type"]},
                    },
                },
            },
        },
    },
}
NEWSREEL_ITEM = {"required": ["id", "url", "title", "content_html", "summary", "date_published", "authors"]}


def fetch(client, path: str):
    response = client.get(path)
    assert response.status_code == 200, f"{path} answered {response.status_code}"
    return response


def stored_body(path: str) -> str:
    """What the store holds for `path` (bytes on SQLite, a memoryview on PostgreSQL)."""
    return bytes(StoredPage.objects.get(path=path).body).decode()


@pytest.fixture
def story(knowledge):
    return publish(spoiler_story())


# --------------------------------------------------------------------------- every scope, every format

@pytest.mark.parametrize("scope", SCOPES)
@pytest.mark.parametrize("filename", CONTENT_TYPES)
def test_every_scope_has_three_formats_with_their_content_types(client, story, scope, filename):
    response = fetch(client, SCOPES[scope] + filename)
    assert response["Content-Type"] == CONTENT_TYPES[filename]
    assert f"{settings.SITE_URL}/articles/{story.slug}/" in response.content.decode()
    assert response["ETag"] and "s-maxage" in response["Cache-Control"]


@pytest.mark.parametrize("scope", SCOPES)
@pytest.mark.parametrize("filename", ["feed.xml", "feed.atom"])
def test_rss_and_atom_parse_cleanly_with_feedparser(client, story, scope, filename):
    parsed = feedparser.parse(fetch(client, SCOPES[scope] + filename).content)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == ("rss20" if filename == "feed.xml" else "atom10")
    entry = parsed.entries[0]
    assert entry.title == story.headline
    assert entry.link == f"{settings.SITE_URL}/articles/{story.slug}/"
    assert entry.summary == story.display_summary
    assert entry.author == "Nadia Ferro"
    assert {tag.term for tag in entry.tags} == {"News", "Drama"}
    assert entry.published_parsed[:6] == story.published_at.utctimetuple()[:6]
    assert "A passage with spoilers for" in entry.content[0].value


@pytest.mark.parametrize("scope", SCOPES)
def test_json_feed_validates_against_the_json_feed_1_1_schema(client, story, scope):
    feed = json.loads(fetch(client, SCOPES[scope] + "feed.json").content)
    jsonschema.validate(feed, JSON_FEED_1_1, format_checker=jsonschema.FormatChecker())
    for item in feed["items"]:
        jsonschema.validate(item, NEWSREEL_ITEM)
        dt.datetime.fromisoformat(item["date_published"])  # RFC 3339, with its offset
        assert dt.datetime.fromisoformat(item["date_published"]).utcoffset() is not None
    item = feed["items"][0]
    assert item["url"] == f"{settings.SITE_URL}/articles/{story.slug}/"
    assert item["summary"] == story.display_summary
    assert item["authors"] == [{"name": "Nadia Ferro", "url": f"{settings.SITE_URL}/authors/nadia-ferro/"}]
    assert item["tags"] == ["News", "Drama"]
    assert feed["feed_url"] == f"{settings.SITE_URL}{SCOPES[scope]}feed.json"


def test_the_feed_of_an_unknown_section_tag_author_film_or_person_is_not_found(client, story):
    for prefix in ["/sections/gossip/", "/tags/nope/", "/authors/nobody/", "/films/unknown-1999/", "/people/nobody/"]:
        assert client.get(prefix + "feed.xml").status_code == 404


# --------------------------------------------------------------------------- spoilers

@pytest.mark.parametrize("scope", ["site", "section", "film"])
@pytest.mark.parametrize("filename", CONTENT_TYPES)
def test_spoiler_text_never_appears_in_any_feed_while_the_notice_and_link_do(client, story, scope, filename):
    raw = fetch(client, SCOPES[scope] + filename).content.decode()
    if filename == "feed.json":
        texts = [json.dumps(json.loads(raw), ensure_ascii=False)]
        texts += [item["content_html"] + item["summary"] for item in json.loads(raw)["items"]]
    else:
        parsed = feedparser.parse(raw)
        texts = [raw] + [entry.content[0].value + entry.summary for entry in parsed.entries]
    article_url = f"{settings.SITE_URL}/articles/{story.slug}/"
    for text in texts:
        assert SPOILER_SENTENCE not in text
        assert "never comes back" not in text
        # Names that appear only inside the spoiler block are spoilers too.
        assert "Lena Osei" not in text and "Glass Meridian" not in text
    content = texts[-1]
    assert "A passage with spoilers for <cite>Harbor Lights</cite>" in content
    assert f'<a href="{article_url}"' in content


def test_a_film_named_only_inside_a_spoiler_block_gets_no_story_in_its_feed(client, story):
    for path in ["/films/glass-meridian-2026/feed.json", "/people/lena-osei/feed.json"]:
        assert json.loads(fetch(client, path).content)["items"] == []


def test_links_in_feed_content_are_absolute(client, story):
    content = json.loads(fetch(client, "/feed.json").content)["items"][0]["content_html"]
    assert f'href="{settings.SITE_URL}/people/ada-varga/"' in content
    assert 'href="/' not in content and 'src="/' not in content


# --------------------------------------------------------------------------- render on publish

def test_publishing_a_new_story_leaves_no_stale_site_or_section_feed(client, knowledge):
    publish(spoiler_story())
    touched = ["/feed.xml", "/feed.atom", "/feed.json", "/sections/reviews/feed.atom", "/sections/reviews/feed.json"]
    for path in touched + ["/sections/news/feed.xml"]:
        fetch(client, path)  # now stored
    assert "Orchard returns" not in stored_body("/sections/reviews/feed.atom")

    publish(plain_story("orchard-returns", "The Paper Orchard returns to cinemas"))

    # The feeds the story touches were dropped by the publish; the next request renders them.
    assert not StoredPage.objects.filter(path__in=touched).exists()
    for path in touched:
        assert "The Paper Orchard returns to cinemas" in fetch(client, path).content.decode(), path
        assert "The Paper Orchard returns to cinemas" in stored_body(path), path
    # A feed the story does not touch stays as it was.
    assert "The Paper Orchard returns to cinemas" not in stored_body("/sections/news/feed.xml")


def test_a_feed_nobody_asked_for_is_rendered_on_its_first_request_with_the_latest_stories(client, knowledge):
    publish(spoiler_story())
    publish(plain_story("orchard-returns", "The Paper Orchard returns to cinemas"))
    assert not StoredPage.objects.filter(path="/films/paper-orchard-2023/feed.xml").exists()
    body = fetch(client, "/films/paper-orchard-2023/feed.xml").content.decode()
    assert "The Paper Orchard returns to cinemas" in body
    assert StoredPage.objects.filter(path="/films/paper-orchard-2023/feed.xml", kind="feed").exists()


def test_unpublishing_takes_the_story_out_of_every_feed(client, story):
    paths = [SCOPES[scope] + filename for scope in SCOPES for filename in CONTENT_TYPES]
    for path in paths:
        assert story.headline in fetch(client, path).content.decode()
    unpublish(story)
    assert not StoredPage.objects.filter(path__in=paths).exists()  # dropped by the unpublish
    for path in paths:
        assert story.headline not in fetch(client, path).content.decode(), path
        assert story.headline not in stored_body(path), path


def test_a_renamed_author_and_a_renamed_site_reach_the_stored_feeds(client, story, django_capture_on_commit_callbacks):
    from newsreel.newsroom.models import Author
    from newsreel.public.models import SiteSettings

    for path in ["/feed.xml", "/films/harbor-lights-2025/feed.atom"]:
        fetch(client, path)
    author = Author.objects.get(slug="nadia-ferro")
    author.name = "Nadia Ferro-Lund"
    with django_capture_on_commit_callbacks(execute=True):
        author.save()
    for path in ["/feed.xml", "/films/harbor-lights-2025/feed.atom"]:
        assert feedparser.parse(fetch(client, path).content).entries[0].author == "Nadia Ferro-Lund"
    site = SiteSettings.current()
    site.name = "The Projection Booth"
    with django_capture_on_commit_callbacks(execute=True):
        site.save()
    assert feedparser.parse(fetch(client, "/feed.xml").content).feed.title == "The Projection Booth"


def test_a_feed_holds_the_newest_thirty_stories(client, knowledge):
    base = timezone.now() - dt.timedelta(hours=FEED_LENGTH + 5)
    for n in range(FEED_LENGTH + 2):
        publish(plain_story(f"story-{n}", f"Orchard dispatch number {n}", publish_at=base + dt.timedelta(hours=n)))
    items = json.loads(fetch(client, "/feed.json").content)["items"]
    assert len(items) == FEED_LENGTH
    assert items[0]["title"] == f"Orchard dispatch number {FEED_LENGTH + 1}"
    assert items[-1]["title"] == "Orchard dispatch number 2"


def test_the_same_stories_render_the_same_bytes(story):
    for fmt in FORMATS.values():
        scope = scope_for("section", "news")
        assert render_feed(scope, fmt) == render_feed(scope, fmt)


def test_a_stored_feed_answers_a_revalidation_with_304(client, story):
    etag = fetch(client, "/feed.atom")["ETag"]
    assert client.get("/feed.atom", HTTP_IF_NONE_MATCH=etag).status_code == 304


# --------------------------------------------------------------------------- images and discovery

def test_the_hero_image_is_an_enclosure_and_the_json_feed_image(client, knowledge, hero_image):
    story = publish(spoiler_story(hero_image=hero_image.pk))
    image_url = f"{settings.SITE_URL}{hero_image.file.url}"
    rss = feedparser.parse(fetch(client, "/feed.xml").content)
    enclosure = rss.entries[0].enclosures[0]
    assert (enclosure.href, enclosure.type, int(enclosure.length)) == (image_url, "image/jpeg", hero_image.file.size)
    atom = feedparser.parse(fetch(client, "/feed.atom").content)
    assert atom.entries[0].enclosures[0].href == image_url
    assert json.loads(fetch(client, "/feed.json").content)["items"][0]["image"] == image_url
    assert story.hero_image_id == hero_image.pk


def test_pages_name_the_site_feeds_and_their_own_in_the_head(client, story):
    home = fetch(client, "/").content.decode()
    for filename, kind in [("feed.xml", "application/rss+xml"), ("feed.atom", "application/atom+xml"),
                           ("feed.json", "application/feed+json")]:
        assert f'<link rel="alternate" type="{kind}"' in home
        assert f'href="/{filename}"' in home
    section = fetch(client, "/sections/news/").content.decode()
    assert 'href="/sections/news/feed.atom"' in section and 'href="/feed.atom"' in section
    film = fetch(client, "/films/harbor-lights-2025/").content.decode()
    assert 'href="/films/harbor-lights-2025/feed.json"' in film
