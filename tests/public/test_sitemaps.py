"""Sitemaps: an index, parts split by size with image entries, a Google News sitemap, all
valid against the sitemaps.org protocol and stored on publish."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.utils import timezone
from lxml import etree

from newsreel.films.models import Film, Person
from newsreel.newsroom.models import Article
from newsreel.newsroom.publishing import unpublish
from newsreel.public.models import SiteSettings, StoredPage
from newsreel.public.sitemaps import families, news
from newsreel.public.sitemaps.families import part_of
from tests.public.syndication import knowledge, plain_story, publish, spoiler_story  # noqa: F401

SM = "http://www.sitemaps.org/schemas/sitemap/0.9"
IMAGE = "http://www.google.com/schemas/sitemap-image/1.1"
NEWS = "http://www.google.com/schemas/sitemap-news/0.9"
NS = {"sm": SM, "image": IMAGE, "news": NEWS}

# Written from the protocol (sitemaps.org/protocol.html): a urlset of one or more url, each
# with a loc of at most 2,048 characters and optional lastmod (W3C Datetime), changefreq and
# priority; a sitemapindex of one or more sitemap (loc, optional lastmod); elements of other
# namespaces (the image and news extensions) allowed inside url, checked by their own schemas.
SITEMAP_XSD = f"""<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="{SM}" xmlns="{SM}"
           elementFormDefault="qualified">
  <xs:import namespace="{IMAGE}" schemaLocation="image.xsd"/>
  <xs:import namespace="{NEWS}" schemaLocation="news.xsd"/>
  <xs:simpleType name="tLoc">
    <xs:restriction base="xs:anyURI"><xs:minLength value="12"/><xs:maxLength value="2048"/>
      <xs:pattern value="https?://.+"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="tLastmod">
    <xs:union memberTypes="xs:date xs:dateTime"/>
  </xs:simpleType>
  <xs:element name="urlset">
    <xs:complexType><xs:sequence>
      <xs:element name="url" minOccurs="1" maxOccurs="50000">
        <xs:complexType><xs:sequence>
          <xs:element name="loc" type="tLoc"/>
          <xs:element name="lastmod" type="tLastmod" minOccurs="0"/>
          <xs:element name="changefreq" minOccurs="0"><xs:simpleType><xs:restriction base="xs:string">
            <xs:enumeration value="always"/><xs:enumeration value="hourly"/><xs:enumeration value="daily"/>
            <xs:enumeration value="weekly"/><xs:enumeration value="monthly"/><xs:enumeration value="yearly"/>
            <xs:enumeration value="never"/></xs:restriction></xs:simpleType></xs:element>
          <xs:element name="priority" minOccurs="0"><xs:simpleType><xs:restriction base="xs:decimal">
            <xs:minInclusive value="0.0"/><xs:maxInclusive value="1.0"/></xs:restriction></xs:simpleType></xs:element>
          <xs:any namespace="##other" processContents="strict" minOccurs="0" maxOccurs="unbounded"/>
        </xs:sequence></xs:complexType>
      </xs:element>
    </xs:sequence></xs:complexType>
  </xs:element>
  <xs:element name="sitemapindex">
    <xs:complexType><xs:sequence>
      <xs:element name="sitemap" minOccurs="1" maxOccurs="50000">
        <xs:complexType><xs:sequence>
          <xs:element name="loc" type="tLoc"/>
          <xs:element name="lastmod" type="tLastmod" minOccurs="0"/>
        </xs:sequence></xs:complexType>
      </xs:element>
    </xs:sequence></xs:complexType>
  </xs:element>
</xs:schema>
"""
# Google's image extension: image:image holding one image:loc (the other children are retired).
IMAGE_XSD = f"""<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="{IMAGE}" elementFormDefault="qualified">
  <xs:element name="image">
    <xs:complexType><xs:sequence>
      <xs:element name="loc"><xs:simpleType><xs:restriction base="xs:anyURI">
        <xs:pattern value="https?://.+"/></xs:restriction></xs:simpleType></xs:element>
    </xs:sequence></xs:complexType>
  </xs:element>
</xs:schema>
"""
# Google's news extension: publication (name, language), publication_date and title, all required.
NEWS_XSD = f"""<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="{NEWS}" xmlns="{NEWS}"
           elementFormDefault="qualified">
  <xs:element name="news">
    <xs:complexType><xs:sequence>
      <xs:element name="publication">
        <xs:complexType><xs:sequence>
          <xs:element name="name" type="xs:string"/>
          <xs:element name="language"><xs:simpleType><xs:restriction base="xs:string">
            <xs:pattern value="[a-z]{{2,3}}|zh-cn|zh-tw"/></xs:restriction></xs:simpleType></xs:element>
        </xs:sequence></xs:complexType>
      </xs:element>
      <xs:element name="publication_date"><xs:simpleType><xs:union memberTypes="xs:date xs:dateTime"/>
        </xs:simpleType></xs:element>
      <xs:element name="title" type="xs:string"/>
    </xs:sequence></xs:complexType>
  </xs:element>
</xs:schema>
"""


@pytest.fixture(scope="module")
def schema(tmp_path_factory) -> etree.XMLSchema:
    folder = tmp_path_factory.mktemp("xsd")
    (folder / "image.xsd").write_text(IMAGE_XSD)
    (folder / "news.xsd").write_text(NEWS_XSD)
    (folder / "sitemap.xsd").write_text(SITEMAP_XSD)
    return etree.XMLSchema(etree.parse(str(folder / "sitemap.xsd")))


def fetch_xml(client, schema: etree.XMLSchema, path: str) -> etree._Element:
    """GET a sitemap, check its content type, and validate it against the protocol's schema."""
    response = client.get(path)
    assert response.status_code == 200, f"{path} answered {response.status_code}"
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    document = etree.fromstring(response.content)
    if not schema.validate(document):
        raise AssertionError(f"{path} is not a valid sitemap: {schema.error_log}")
    return document


def locs(document: etree._Element) -> list[str]:
    return document.xpath("/*/*/sm:loc/text()", namespaces=NS)


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def stored_body(path: str) -> bytes:
    return bytes(StoredPage.objects.get(path=path).body)


@pytest.fixture
def stories(knowledge):
    spoiler = publish(spoiler_story())
    old = publish(plain_story("orchard-at-ten", "The Paper Orchard at ten",
                              publish_at=timezone.now() - dt.timedelta(days=3)))
    return spoiler, old


# --------------------------------------------------------------------------- the index

def test_the_index_lists_every_part_with_entries(client, schema, stories):
    spoiler, old = stories
    index = fetch_xml(client, schema, "/sitemap.xml")
    assert index.tag == f"{{{SM}}}sitemapindex"
    listed = locs(index)
    part = part_of(spoiler.pk)
    for path in ["/sitemaps/sections.xml", "/sitemaps/news.xml", f"/sitemaps/articles-{part}.xml"]:
        assert absolute(path) in listed
    for family in ["articles", "films", "people", "tags", "authors"]:
        assert any(loc.startswith(absolute(f"/sitemaps/{family}-")) for loc in listed), family
    for loc in listed:  # every part the index names exists and is valid
        fetch_xml(client, schema, loc.removeprefix(settings.SITE_URL))


def test_parts_are_split_by_size_and_a_story_never_moves_between_parts(client, schema, knowledge, monkeypatch):
    monkeypatch.setattr(families, "URLS_PER_FILE", 2)
    published = [publish(plain_story(f"dispatch-{n}", f"Orchard dispatch {n}")) for n in range(5)]
    index = locs(fetch_xml(client, schema, "/sitemap.xml"))
    parts = sorted({part_of(article.pk) for article in published})
    assert [loc for loc in index if "/articles-" in loc] == [absolute(f"/sitemaps/articles-{n}.xml") for n in parts]
    for article in published:
        listed = locs(fetch_xml(client, schema, f"/sitemaps/articles-{part_of(article.pk)}.xml"))
        assert absolute(article.get_absolute_url()) in listed
        assert len(listed) <= 2


# --------------------------------------------------------------------------- the parts

def test_article_entries_carry_lastmod_and_their_hero_and_figure_images(client, schema, knowledge, hero_image):
    story = publish(spoiler_story(
        hero_image=hero_image.pk,
        body=(
            "Ada Varga talked about *Harbor Lights*.\n\n"
            ":::figure credit=\"Photo: Invented Pictures\"\n"
            f"![The lamp room at dusk](image:{hero_image.pk})\n"
            "The lamp room, the night before the last take.\n"
            ":::\n\n"
            ":::spoiler harbor-lights-2025\n"
            ":::figure credit=\"Photo: Invented Pictures\"\n"
            "![The empty boat](https://images.example/empty-boat.jpg)\n"
            ":::\n"
            ":::\n"
        ),
    ))
    document = fetch_xml(client, schema, f"/sitemaps/articles-{part_of(story.pk)}.xml")
    assert document.nsmap == {None: SM, "image": IMAGE}
    url = document.xpath("sm:url[sm:loc = $loc]", loc=absolute(story.get_absolute_url()), namespaces=NS)[0]
    lastmod = dt.datetime.fromisoformat(url.findtext("sm:lastmod", namespaces=NS))
    assert lastmod == story.published_at.replace(microsecond=0)
    images = url.xpath("image:image/image:loc/text()", namespaces=NS)
    assert images[0] == absolute(hero_image.file.url)
    assert all(image.startswith(settings.SITE_URL + "/") for image in images)
    assert len(images) >= 2  # the hero and the figure's picture (a rendition of the same upload)
    # A picture inside a spoiler block is a spoiler: it is not offered to image search.
    assert "https://images.example/empty-boat.jpg" not in etree.tostring(document).decode()


def test_films_and_people_are_listed_only_with_a_live_story_naming_them_outside_spoilers(client, schema, stories):
    # Parts go by id, and ids keep climbing across tests on PostgreSQL: read the parts the rows fall in.
    films = [url for film in Film.objects.filter(key__in=["harbor-lights-2025", "paper-orchard-2023", "glass-meridian-2026"])
             for url in locs(fetch_xml(client, schema, f"/sitemaps/films-{part_of(film.pk)}.xml"))]
    assert absolute("/films/harbor-lights-2025/") in films
    assert absolute("/films/paper-orchard-2023/") in films
    assert absolute("/films/glass-meridian-2026/") not in films  # named only inside a spoiler block
    people = [url for person in Person.objects.filter(key__in=["ada-varga", "lena-osei"])
              for url in locs(fetch_xml(client, schema, f"/sitemaps/people-{part_of(person.pk)}.xml"))]
    assert absolute("/people/ada-varga/") in people and absolute("/people/lena-osei/") not in people


def test_sections_tags_and_authors_are_listed(client, schema, stories):
    sections = locs(fetch_xml(client, schema, "/sitemaps/sections.xml"))
    assert sections[0] == absolute("/")
    assert absolute("/sections/news/") in sections and absolute("/sections/reviews/") in sections
    assert set(locs(fetch_xml(client, schema, "/sitemaps/tags-1.xml"))) == {
        absolute("/tags/drama/"), absolute("/tags/streaming/")}
    assert set(locs(fetch_xml(client, schema, "/sitemaps/authors-1.xml"))) == {
        absolute("/authors/nadia-ferro/"), absolute("/authors/omar-reyes/")}


def test_a_part_with_nothing_to_list_and_an_unknown_family_are_not_found(client, stories):
    assert client.get("/sitemaps/articles-999.xml").status_code == 404
    assert client.get("/sitemaps/recipes-1.xml").status_code == 404
    assert client.get("/sitemaps/articles-0.xml").status_code == 404


# --------------------------------------------------------------------------- Google News

def test_the_news_sitemap_lists_only_stories_from_the_last_two_days(client, schema, knowledge):
    site = SiteSettings.current()
    site.name = "The Projection Booth"
    site.save()
    spoiler = publish(spoiler_story())
    old = publish(plain_story("orchard-at-ten", "The Paper Orchard at ten", publish_at=timezone.now() - dt.timedelta(days=3)))
    document = fetch_xml(client, schema, "/sitemaps/news.xml")
    assert document.nsmap == {None: SM, "news": NEWS}
    assert locs(document) == [absolute(spoiler.get_absolute_url())]
    entry = document.find("sm:url/news:news", namespaces=NS)
    assert entry.findtext("news:publication/news:name", namespaces=NS) == "The Projection Booth"
    assert entry.findtext("news:publication/news:language", namespaces=NS) == "en"
    assert entry.findtext("news:title", namespaces=NS) == spoiler.headline
    published = dt.datetime.fromisoformat(entry.findtext("news:publication_date", namespaces=NS))
    assert published == spoiler.published_at.replace(microsecond=0)
    assert absolute(old.get_absolute_url()) not in etree.tostring(document).decode()


def test_a_new_publication_name_reaches_the_stored_news_sitemap(client, schema, stories,
                                                               django_capture_on_commit_callbacks):
    fetch_xml(client, schema, "/sitemaps/news.xml")
    site = SiteSettings.current()
    site.name = "The Projection Booth"
    with django_capture_on_commit_callbacks(execute=True):
        site.save()
    document = fetch_xml(client, schema, "/sitemaps/news.xml")
    assert document.findtext("sm:url/news:news/news:publication/news:name", namespaces=NS) == "The Projection Booth"


def test_the_news_sitemap_holds_at_most_its_limit_newest_first(client, schema, knowledge, monkeypatch):
    monkeypatch.setattr(news, "NEWS_MAX_URLS", 2)
    now = timezone.now()
    for n in range(3):
        publish(plain_story(f"dispatch-{n}", f"Orchard dispatch {n}", publish_at=now - dt.timedelta(hours=3 - n)))
    assert locs(fetch_xml(client, schema, "/sitemaps/news.xml")) == [
        absolute("/articles/dispatch-2/"), absolute("/articles/dispatch-1/")]


def test_a_stored_news_sitemap_drops_a_story_once_it_is_two_days_old(client, schema, stories):
    spoiler, _ = stories
    assert absolute(spoiler.get_absolute_url()) in locs(fetch_xml(client, schema, "/sitemaps/news.xml"))
    # Three days pass for the story and the stored file: both move three days into the past.
    three_days = dt.timedelta(days=3)
    Article.objects.filter(pk=spoiler.pk).update(published_at=spoiler.published_at - three_days)
    page = StoredPage.objects.get(path="/sitemaps/news.xml")
    StoredPage.objects.filter(pk=page.pk).update(last_modified=page.last_modified - three_days)
    # Nothing else is recent, so nothing was published: the request finds the file out of date.
    assert client.get("/sitemaps/news.xml").status_code == 404
    fresh = publish(plain_story("orchard-returns", "The Paper Orchard returns"))
    assert locs(fetch_xml(client, schema, "/sitemaps/news.xml")) == [absolute(fresh.get_absolute_url())]


def test_with_no_recent_story_there_is_no_news_sitemap_and_the_index_leaves_it_out(client, schema, knowledge):
    publish(plain_story("orchard-at-ten", "The Paper Orchard at ten", publish_at=timezone.now() - dt.timedelta(days=5)))
    assert absolute("/sitemaps/news.xml") not in locs(fetch_xml(client, schema, "/sitemap.xml"))
    assert client.get("/sitemaps/news.xml").status_code == 404  # an empty <urlset> would be invalid
    assert not StoredPage.objects.filter(path="/sitemaps/news.xml").exists()


# --------------------------------------------------------------------------- render on publish

def test_publishing_re_renders_the_news_sitemap_and_drops_the_stale_index_and_part(client, schema, stories):
    spoiler, _ = stories
    part = f"/sitemaps/articles-{part_of(spoiler.pk)}.xml"
    for path in ["/sitemap.xml", "/sitemaps/news.xml", part, "/sitemaps/tags-1.xml", "/sitemaps/sections.xml"]:
        fetch_xml(client, schema, path)
    fresh = publish(plain_story("orchard-returns", "The Paper Orchard returns", tags=["Revivals"]))
    url = absolute(fresh.get_absolute_url())
    assert url.encode() in stored_body("/sitemaps/news.xml")  # rendered by the publish itself
    fresh_part = f"/sitemaps/articles-{part_of(fresh.pk)}.xml"
    tag_part = f"/sitemaps/tags-{part_of(fresh.tags.get().pk)}.xml"
    # Nothing stale stays stored: what the story changed is rendered on its next request.
    assert not StoredPage.objects.filter(path__in=["/sitemap.xml", "/sitemaps/sections.xml", fresh_part]).exists()
    assert url in locs(fetch_xml(client, schema, fresh_part))
    assert absolute("/tags/revivals/") in locs(fetch_xml(client, schema, tag_part))
    assert absolute(tag_part) in locs(fetch_xml(client, schema, "/sitemap.xml"))
    assert StoredPage.objects.filter(path=fresh_part, kind="sitemap").exists()


def test_unpublishing_takes_the_story_out_of_its_part_and_the_news_sitemap(client, schema, stories):
    spoiler, old = stories
    recent = publish(plain_story("orchard-returns", "The Paper Orchard returns"))
    part = f"/sitemaps/articles-{part_of(spoiler.pk)}.xml"
    for path in ["/sitemap.xml", "/sitemaps/news.xml", part]:
        fetch_xml(client, schema, path)
    unpublish(spoiler)
    url = absolute(spoiler.get_absolute_url())
    assert url.encode() not in stored_body("/sitemaps/news.xml")
    assert absolute(recent.get_absolute_url()).encode() in stored_body("/sitemaps/news.xml")
    if part_of(old.pk) == part_of(spoiler.pk) or part_of(recent.pk) == part_of(spoiler.pk):
        assert url not in locs(fetch_xml(client, schema, part))
    else:  # the part has nothing left to list: not found, and gone from the index
        assert client.get(part).status_code == 404
        assert absolute(part) not in locs(fetch_xml(client, schema, "/sitemap.xml"))


def test_a_sitemap_answers_a_revalidation_with_304(client, stories):
    etag = client.get("/sitemap.xml")["ETag"]
    assert client.get("/sitemap.xml", HTTP_IF_NONE_MATCH=etag).status_code == 304
