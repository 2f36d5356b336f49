"""Author profiles on the public site: the author page shows the bio, the portrait with its
credit and the links elsewhere; the author's JSON-LD (on their page and in every story under
their byline) names the portrait and the links; a profile change reaches both."""

from __future__ import annotations

import json
import re

import pytest

from newsreel.newsroom.models import Author
from newsreel.newsroom.profiles import Profile, save_profile
from newsreel.public.models import StoredPage

from tests.desk.conftest import make_user

pytestmark = pytest.mark.django_db


def json_ld(html: str) -> list[dict]:
    return [json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]


def stored(path: str) -> str:
    return bytes(StoredPage.objects.get(path=path).body).decode()


@pytest.fixture
def nadia(db):
    return make_user("nadia", "editor")


def give_profile(user, hero_image, django_capture_on_commit_callbacks, **changes) -> Author:
    fields = {"byline": "Nadia Ferro", "bio": "Nadia covers festivals & first features.", "photo": hero_image,
              "website": "https://nadia.example", "social_links": ["https://social.example/@nadia"]}
    fields.update(changes)
    with django_capture_on_commit_callbacks(execute=True):
        return save_profile(user, Profile(**fields), actor=user)


def test_the_author_page_shows_bio_portrait_with_credit_and_links(client, nadia, hero_image, make_article, publish,
                                                                  site, django_capture_on_commit_callbacks):
    publish(make_article("By Nadia", slug="by-nadia"))
    give_profile(nadia, hero_image, django_capture_on_commit_callbacks)
    html = client.get("/authors/nadia-ferro/").content.decode()
    assert "Nadia covers festivals &amp; first features." in html
    assert 'alt="A lighthouse in snow"' in html
    assert '<figcaption class="credit">Courtesy Invented Pictures</figcaption>' in html
    assert '<a href="https://nadia.example" rel="me noopener">nadia.example</a>' in html
    assert '<a href="https://social.example/@nadia" rel="me noopener">social.example</a>' in html
    [person] = [data for data in json_ld(html) if data.get("@type") == "Person"]
    assert person["name"] == "Nadia Ferro" and person["url"].endswith("/authors/nadia-ferro/")
    assert person["description"] == "Nadia covers festivals & first features."
    assert person["sameAs"] == ["https://nadia.example", "https://social.example/@nadia"]
    assert person["image"].startswith("http") and "/media/" in person["image"]


def test_the_stories_json_ld_names_the_authors_portrait_and_links(nadia, hero_image, make_article, publish, site,
                                                                 django_capture_on_commit_callbacks):
    publish(make_article("By Nadia", slug="by-nadia"))
    before = [data for data in json_ld(stored("/articles/by-nadia/")) if data.get("@type") == "NewsArticle"][0]
    assert "sameAs" not in before["author"][0] and "image" not in before["author"][0]

    give_profile(nadia, hero_image, django_capture_on_commit_callbacks)
    [article] = [data for data in json_ld(stored("/articles/by-nadia/")) if data.get("@type") == "NewsArticle"]
    [author] = article["author"]
    assert author["sameAs"] == ["https://nadia.example", "https://social.example/@nadia"]
    assert "/media/" in author["image"]


def test_a_profile_change_drops_the_stored_author_page(client, nadia, hero_image, make_article, publish, site,
                                                      django_capture_on_commit_callbacks):
    publish(make_article("By Nadia", slug="by-nadia"))
    give_profile(nadia, hero_image, django_capture_on_commit_callbacks)
    client.get("/authors/nadia-ferro/")
    assert StoredPage.objects.filter(path="/authors/nadia-ferro/").exists()
    give_profile(nadia, hero_image, django_capture_on_commit_callbacks, bio="Now also streaming.")
    assert not StoredPage.objects.filter(path="/authors/nadia-ferro/").exists()
    assert "Now also streaming." in client.get("/authors/nadia-ferro/").content.decode()


def test_a_new_credit_on_the_portrait_reaches_the_author_page_and_stories(client, nadia, hero_image, make_article,
                                                                         publish, site,
                                                                         django_capture_on_commit_callbacks):
    publish(make_article("By Nadia", slug="by-nadia"))
    give_profile(nadia, hero_image, django_capture_on_commit_callbacks)
    client.get("/authors/nadia-ferro/")
    with django_capture_on_commit_callbacks(execute=True):
        hero_image.credit = "Photo: Someone Else Entirely"
        hero_image.save()
    assert "Photo: Someone Else Entirely" in client.get("/authors/nadia-ferro/").content.decode()

