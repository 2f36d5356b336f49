"""Search engines and social cards: canonical URLs, Open Graph, Twitter cards and JSON-LD.

Every surface here shows an article without its body, so none may carry spoiler text or a
name revealed only inside a spoiler block. Pictures come from renditions made at upload;
a page view makes none.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from PIL import Image as PILImage

from newsreel.films.models import Film, Person
from newsreel.images.services import create_image
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.models import Mention, Section
from newsreel.newsroom.publishing import save_and_publish
from newsreel.public.models import StoredPage
from newsreel.public.pages.article import render_article
from newsreel.public.pages.common import json_ld
from tests.public.conftest import SPOILER, story_body
from tests.public.pagetools import Page

pytestmark = pytest.mark.django_db


def get(client, path: str) -> Page:
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return Page(response.content)



TWO_FILMS = story_body("Ada Varga has finished *Harbor Lights*; Tomas Ilic, last seen in *The Paper Orchard*, plays Jonah.")


def ld_of(page: Page, kind: str) -> dict:
    (data,) = [item for item in page.json_ld if item["@type"] == kind]
    return data


@pytest.fixture
def story(make_article, publish, site, hero_image):
    return publish(make_article("Ada Varga on the ending of Harbor Lights", slug="varga-ending", hero_image=hero_image))


@pytest.fixture
def reviews():
    return Section.objects.get(slug="reviews")


# Head metadata


def test_the_article_head_has_canonical_title_description_and_a_large_card(client, story):
    page = get(client, "/articles/varga-ending/")
    canonical = settings.SITE_URL + "/articles/varga-ending/"
    assert page.links["canonical"] == page.meta["og:url"] == canonical
    assert page.title == "Ada Varga on the ending of Harbor Lights | The Projection Booth"
    assert page.meta["description"] == page.meta["og:description"] == page.meta["twitter:description"] \
        == story.meta_description
    assert page.meta["og:site_name"] == "The Projection Booth"
    assert page.meta["twitter:card"] == "summary_large_image"
    assert page.meta["twitter:title"] == page.meta["og:title"] == story.headline
    assert page.meta["article:section"] == "News" and page.meta["article:tag"] == "Drama"
    assert page.meta["article:modified_time"] == story.published_at.isoformat()


def test_og_image_is_the_absolute_16_by_9_crop_with_its_size_and_alt(client, story, hero_image):
    page = get(client, "/articles/varga-ending/")
    crop = hero_image.renditions["crops"]["16x9"]
    assert page.meta["og:image"] == settings.SITE_URL + settings.MEDIA_URL + crop["name"]
    assert (page.meta["og:image:width"], page.meta["og:image:height"]) == ("1200", "675")
    assert page.meta["og:image:alt"] == page.meta["twitter:image:alt"] == "A lighthouse in snow"
    assert page.meta["twitter:image"] == page.meta["og:image"]


def test_every_page_without_its_own_card_still_gets_open_graph(client, story):
    page = get(client, "/sections/news/")
    assert page.meta["og:url"] == page.links["canonical"] == settings.SITE_URL + "/sections/news/"
    assert page.meta["og:title"] == page.title and page.meta["og:type"] == "website"


# JSON-LD for articles


def test_news_article_json_ld_has_every_field_search_engines_use(client, story, graph):
    page = get(client, "/articles/varga-ending/")
    data = ld_of(page, "NewsArticle")
    canonical = settings.SITE_URL + "/articles/varga-ending/"
    assert data["@context"] == "https://schema.org"
    assert data["headline"] == story.headline and data["description"] == story.meta_description
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": canonical}
    assert data["datePublished"] == data["dateModified"] == story.published_at.isoformat()
    assert data["author"] == [{"@type": "Person", "name": "Nadia Ferro", "url": settings.SITE_URL + "/authors/nadia-ferro/"}]
    assert [url.rsplit("-", 1)[1] for url in data["image"]] == ["16x9.jpg", "4x3.jpg", "1x1.jpg"]
    assert all(url.startswith(settings.SITE_URL + "/media/") for url in data["image"])
    assert data["about"] == [{"@type": "Movie", "name": "Harbor Lights", "url": settings.SITE_URL + "/films/harbor-lights-2025/",
                              "sameAs": ["https://www.imdb.com/title/tt9990001/"]}]
    assert {"@type": "Person", "name": "Ada Varga", "url": settings.SITE_URL + "/people/ada-varga/"} in data["mentions"]


def test_the_publisher_has_a_logo_even_before_one_is_uploaded(client, story):
    publisher = ld_of(get(client, "/articles/varga-ending/"), "NewsArticle")["publisher"]
    assert publisher["@type"] == "Organization" and publisher["name"] == "The Projection Booth"
    assert publisher["logo"]["@type"] == "ImageObject"
    assert publisher["logo"]["url"].startswith(settings.SITE_URL + "/static/public/logo")
    assert (publisher["logo"]["width"], publisher["logo"]["height"]) == (512, 512)
    logo = client.get(publisher["logo"]["url"].removeprefix(settings.SITE_URL))
    assert logo.status_code == 200


def test_an_uploaded_logo_replaces_ours(client, make_article, publish, site, hero_image):
    site.logo = hero_image
    site.save()
    publish(make_article(slug="with-logo"))
    logo = ld_of(get(client, "/articles/with-logo/"), "NewsArticle")["publisher"]["logo"]
    assert logo == {"@type": "ImageObject", "url": settings.SITE_URL + hero_image.file.url, "width": 1600, "height": 900}


def test_articles_have_a_breadcrumb_trail_home_section_article(client, story):
    trail = ld_of(get(client, "/articles/varga-ending/"), "BreadcrumbList")["itemListElement"]
    assert [(item["position"], item["name"], item["item"]) for item in trail] == [
        (1, "Home", settings.SITE_URL + "/"),
        (2, "News", settings.SITE_URL + "/sections/news/"),
        (3, story.headline, settings.SITE_URL + "/articles/varga-ending/"),
    ]


def test_a_review_of_one_film_is_a_review_news_article_of_that_movie(client, make_article, publish, site, graph, reviews):
    graph.harbor.poster = None
    # The Paper Orchard is named once in passing; Harbor Lights (named twice) is the subject.
    body = story_body("Ada Varga has finished *Harbor Lights*. Tomas Ilic, last seen in *The Paper Orchard*, "
                      "plays Jonah in *Harbor Lights*.")
    publish(make_article("Review: Harbor Lights", slug="review-harbor", section=reviews, body=body,
                         film="harbor-lights-2025"))
    data = ld_of(get(client, "/articles/review-harbor/"), "ReviewNewsArticle")
    reviewed = data["itemReviewed"]
    assert reviewed["@type"] == "Movie" and reviewed["name"] == "Harbor Lights"
    assert reviewed["sameAs"] == ["https://www.imdb.com/title/tt9990001/"]
    assert reviewed["dateCreated"] == "2025"
    assert reviewed["director"][0]["name"] == "Ada Varga"
    assert [movie["name"] for movie in data["about"]] == ["Harbor Lights"]
    assert {"@type": "Movie", "name": "The Paper Orchard", "url": settings.SITE_URL + "/films/paper-orchard-2023/"} \
        in data["mentions"]


def test_a_review_is_of_the_film_it_names_when_another_is_named_as_often(client, make_article, publish, site, graph,
                                                                         reviews):
    publish(make_article("The Paper Orchard, revisited", slug="orchard-again", section=reviews, body=TWO_FILMS,
                         film="paper-orchard-2023"))
    data = ld_of(get(client, "/articles/orchard-again/"), "ReviewNewsArticle")
    assert data["itemReviewed"]["name"] == "The Paper Orchard"


def test_a_film_named_only_in_the_spoiler_block_is_never_reviewed_or_mentioned(client, make_article, publish, site,
                                                                                graph, reviews):
    secret = Film.objects.get(key="salt-meridian-2026")  # a film of the graph the rest of the story never names
    hidden = " *Salt Meridian* follows. *Salt Meridian* is set at sea. *Salt Meridian* opens in 2026."
    publish(make_article("Review: Harbor Lights", slug="review-secret", section=reviews, film="harbor-lights-2025",
                         body=story_body(in_spoiler=hidden)))
    assert set(Mention.objects.filter(film=secret).values_list("in_spoiler", flat=True)) == {True}
    page = get(client, "/articles/review-secret/")
    assert ld_of(page, "ReviewNewsArticle")["itemReviewed"]["name"] == "Harbor Lights"
    assert "Salt Meridian" not in page.excerpt_surfaces()


def test_no_surface_outside_the_body_carries_spoiler_text_or_spoiler_only_names(client, make_article, publish, site,
                                                                                graph, hero_image):
    publish(make_article("Ada Varga on the ending", slug="spoiler-story", hero_image=hero_image,
                         body=story_body(in_spoiler=" Mira Sol plays the ghost.")))
    page = get(client, "/articles/spoiler-story/")
    assert SPOILER in page.html  # the body keeps it, behind its panel
    surfaces = page.excerpt_surfaces()
    assert SPOILER not in surfaces and "lighthouse keeper walks" not in surfaces
    assert "Mira Sol" not in surfaces


def test_json_ld_cannot_be_broken_out_of_its_script_element():
    text = str(json_ld({"headline": "</script><script>alert(1)</script> & <!-- \u2028"}))
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text)["headline"] == "</script><script>alert(1)</script> & <!-- \u2028"


def test_a_headline_with_markup_stays_inside_the_json_ld(client, make_article, publish, site):
    publish(make_article("Why </script> <b>matters</b> & more", slug="markup"))
    page = get(client, "/articles/markup/")
    assert ld_of(page, "NewsArticle")["headline"] == "Why </script> <b>matters</b> & more"
    assert "<b>matters</b>" not in page.html.split("<body>")[0]


# Films and people


def test_the_film_page_has_a_movie_with_year_director_cast_and_same_as(client, graph, site, hero_image):
    graph.harbor.poster = hero_image
    graph.harbor.wikidata_id = "Q999001"
    graph.harbor.save()
    page = get(client, "/films/harbor-lights-2025/")
    movie = ld_of(page, "Movie")
    assert movie["name"] == "Harbor Lights" and movie["dateCreated"] == "2025" and movie["datePublished"] == "2025-10-17"
    assert movie["director"] == [{"@type": "Person", "name": "Ada Varga", "url": settings.SITE_URL + "/people/ada-varga/"}]
    assert [actor["name"] for actor in movie["actor"]] == ["Tomas Ilic"]
    assert "https://www.imdb.com/title/tt9990001/" in movie["sameAs"]
    assert any("wikidata.org" in url for url in movie["sameAs"])
    assert movie["image"].startswith(settings.SITE_URL + "/media/")
    assert page.meta["og:type"] == "video.movie" and page.meta["og:image"].endswith("-1x1.jpg")
    assert page.meta["og:image:width"] == page.meta["og:image:height"] == "900"  # never enlarged
    assert page.meta["twitter:card"] == "summary"
    assert page.links["canonical"] == settings.SITE_URL + "/films/harbor-lights-2025/"


def test_the_person_page_has_a_person_with_bio_and_same_as(client, graph, site):
    Person.objects.filter(pk=graph.ada.pk).update(imdb_id="nm9990001")
    page = get(client, "/people/ada-varga/")
    person = ld_of(page, "Person")
    assert person["name"] == "Ada Varga" and person["url"] == settings.SITE_URL + "/people/ada-varga/"
    assert person["description"] == graph.ada.bio
    assert any("imdb.com/name/nm9990001" in url for url in person["sameAs"])
    assert page.meta["og:type"] == "profile"


# Pictures


def img_tags(html: str) -> list[dict[str, str]]:
    return [dict(re.findall(r'([\w-]+)="([^"]*)"', tag)) for tag in re.findall(r"<img\s[^>]*>", html)]


def test_every_picture_has_width_height_srcset_sizes_and_alt(client, story, graph, hero_image):
    graph.harbor.poster = hero_image
    graph.harbor.save()
    StoredPage.objects.filter(path="/films/harbor-lights-2025/").delete()  # shown with its new poster
    # The article's hero, the home page's lead, the section list's thumbnail and the film's poster.
    for path in ("/articles/varga-ending/", "/", "/sections/news/", "/films/harbor-lights-2025/"):
        html = get(client, path).html
        tags = img_tags(html)
        assert tags, path
        for tag in tags:
            assert {"src", "width", "height", "srcset", "sizes", "alt"} <= set(tag), (path, tag)
        assert html.count('<source type="image/webp"') == len(tags), path


def test_an_inline_figure_is_a_picture_with_a_webp_source(client, site, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    buffer = io.BytesIO()
    PILImage.new("RGB", (1400, 700), (10, 20, 30)).save(buffer, "JPEG")
    image = create_image(ContentFile(buffer.getvalue(), name="set.jpg"), alt="A film set", credit="Photo: Test Desk")
    draft = ArticleDraft(headline="On the set", section="news", authors=["Nadia Ferro"],
                         body=f"Before the figure.\n\n![A film set](image:{image.pk})\n\nAfter it.",
                         publish_at=dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.timezone.utc))
    article = save_and_publish(draft)
    html = get(client, article.get_absolute_url()).html
    figure = re.search(r"<picture><source type=\"image/webp\" srcset=\"([^\"]+)\" sizes=\"[^\"]+\"><img ([^>]+)></picture>", html)
    assert figure, "the figure is not a <picture> with a WebP source"
    assert "480w" in figure.group(1)
    attributes = dict(re.findall(r'([\w-]+)="([^"]*)"', figure.group(2)))
    assert attributes["width"] == "1400" and attributes["height"] == "700" and attributes["alt"] == "A film set"
    assert "srcset" in attributes and "sizes" in attributes


def test_rendering_and_viewing_pages_makes_no_rendition(client, story, graph, hero_image, settings):
    graph.harbor.poster = hero_image
    graph.harbor.save()
    media = sorted(Path(settings.MEDIA_ROOT).rglob("*"))
    StoredPage.objects.exclude(path__startswith="/articles/").delete()  # these render again on their view
    with mock.patch("newsreel.images.renditions.build_renditions", side_effect=AssertionError("made on a view")):
        render_article(story)
        for path in ("/articles/varga-ending/", "/", "/sections/news/", "/films/harbor-lights-2025/"):
            get(client, path)
    assert sorted(Path(settings.MEDIA_ROOT).rglob("*")) == media


def test_publishing_gives_an_image_from_before_renditions_its_copies(site, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    buffer = io.BytesIO()
    PILImage.new("RGB", (1000, 500), (10, 20, 30)).save(buffer, "JPEG")
    image = create_image(ContentFile(buffer.getvalue(), name="old.jpg"), alt="An old still", credit="Photo: Archive")
    type(image).objects.filter(pk=image.pk).update(renditions={})
    draft = ArticleDraft(headline="From the archive", section="news", authors=["Nadia Ferro"], body="A plain story.",
                         hero_image=image.pk, publish_at=dt.datetime(2026, 1, 6, 9, 0, tzinfo=dt.timezone.utc))
    save_and_publish(draft)
    image.refresh_from_db()
    assert [entry["width"] for entry in image.renditions["widths"]] == [480, 960, 1000]


# End to end: Markdown through the newsroom's publishing service


REVEAL = "Lena Osei turns out to be the drowned sister all along"  # in the graph, not credited on the film


def test_a_published_review_keeps_its_spoiler_block_out_of_every_card_and_json_ld(client, site, graph):
    body = (
        "Ada Varga follows Salt Meridian with Harbor Lights, a quiet ghost story on a fishing island.\n\n"
        "Harbor Lights is patient, and Harbor Lights earns its slow pace.\n\n"
        f":::spoiler harbor-lights-2025\nIn the last reel, {REVEAL}.\n:::\n"
    )
    draft = ArticleDraft(headline="Harbor Lights review: a ghost story that takes its time", body=body,
                         section="reviews", film="harbor-lights-2025", authors=["Nadia Ferro"],
                         publish_at=dt.datetime(2026, 2, 1, 9, 0, tzinfo=dt.timezone.utc))
    article = save_and_publish(draft)
    page = get(client, article.get_absolute_url())
    assert "the drowned sister all along" in page.html  # inside its panel
    surfaces = page.excerpt_surfaces()
    assert "drowned sister" not in surfaces and "Lena Osei" not in surfaces
    review = ld_of(page, "ReviewNewsArticle")
    assert review["description"] == article.meta_description and "drowned" not in article.meta_description
    assert review["itemReviewed"]["name"] == "Harbor Lights"
    assert review["itemReviewed"]["sameAs"] == ["https://www.imdb.com/title/tt9990001/"]
    assert review["itemReviewed"]["director"][0]["name"] == "Ada Varga"
    assert "Salt Meridian" in [item["name"] for item in review["mentions"]]
