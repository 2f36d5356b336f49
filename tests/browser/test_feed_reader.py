"""Every feed item rendered in Chromium as a feed reader would: the fields a reader takes as HTML
are injected into a page, and no element appears that was not in the HTML we wrote.

RSS readers take title, description, dc:creator and category as HTML; Atom says per element
(type="text" or "html"); JSON Feed's content_html is HTML and its other fields text.
"""

from __future__ import annotations

import json

import pytest
from lxml import etree

from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.models import Section
from newsreel.newsroom.publishing import save_and_publish

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PAYLOAD = '<img src="x:" onerror="window.pwned = (window.pwned || 0) + 1"><script>window.pwned = 99</script><b>bold</b>'
# Names have short columns: a shorter payload that fits them.
SHORT = '<img src="x:" onerror="window.pwned=1"><b>b</b>'
NS = {"atom": "http://www.w3.org/2005/Atom", "dc": "http://purl.org/dc/elements/1.1/",
      "content": "http://purl.org/rss/1.0/modules/content/"}


@pytest.fixture
def hostile_story(db):
    Section.objects.create(slug="hostile", name="Hostile " + PAYLOAD)
    return save_and_publish(ArticleDraft(
        headline="Harbor " + PAYLOAD, summary="A summary " + PAYLOAD, dek="Dek " + PAYLOAD,
        body="A body paragraph with **strong words** and [a link](https://example.org/).\n\nRaw <script>x()</script><b onclick='window.pwned = 1'>bold</b>",
        section="hostile", tags=["Tag " + SHORT], authors=["W " + SHORT],
    ))


def rss_fields(data: bytes) -> tuple[list[str], list[str]]:
    """(fields a reader takes as HTML: our own HTML, fields that must be text)."""
    root = etree.fromstring(data)
    ours, text_fields = [], []
    for item in root.iter("item"):
        ours += [element.text or "" for element in item.findall("content:encoded", NS)]
        for name in ("title", "description", "dc:creator", "category"):
            text_fields += [element.text or "" for element in item.findall(name, NS)]
    channel = root.find("channel")
    text_fields += [channel.findtext("title") or "", channel.findtext("description") or ""]
    return ours, text_fields


def atom_fields(data: bytes) -> tuple[list[str], list[str]]:
    root = etree.fromstring(data)
    ours, as_html_by_type = [], []
    for entry in root.iterfind("atom:entry", NS):
        for element in entry.iter():
            kind = element.get("type")
            if kind == "html" and element.tag == f"{{{NS['atom']}}}content":
                ours.append(element.text or "")
            elif kind in ("html", "xhtml"):
                as_html_by_type.append(element.text or "")  # any other HTML field must hold no markup of ours
    return ours, as_html_by_type


def json_fields(data: bytes) -> tuple[list[str], list[str]]:
    feed = json.loads(data)
    return [item["content_html"] for item in feed["items"]], []


ELEMENTS = """(html) => {
  const box = document.createElement('div');
  box.innerHTML = html;
  document.body.append(box);
  return [...box.querySelectorAll('*')].map(e => e.tagName + ' ' + [...e.attributes].map(a => a.name).sort().join(','));
}"""


FORMATS = {"feed.xml": rss_fields, "feed.atom": atom_fields, "feed.json": json_fields}
SCOPES = {
    "site": lambda story: "/",
    "section": lambda story: story.section.get_absolute_url(),
    "tag": lambda story: story.tags.get().get_absolute_url(),
    "author": lambda story: story.authors.get().get_absolute_url(),
}


@pytest.mark.parametrize("filename", FORMATS)
def test_a_feed_reader_finds_no_element_we_did_not_write(client, page, hostile_story, filename):
    page.set_content("<!doctype html><title>reader</title><body></body>")
    expected = set(page.evaluate(ELEMENTS, hostile_story.body_html))
    assert "B " in expected and not any("onclick" in element for element in expected)
    for scope, url_of in SCOPES.items():
        url = url_of(hostile_story) + filename
        response = client.get(url)
        assert response.status_code == 200, url
        ours, text_fields = FORMATS[filename](response.content)
        assert ours, f"{url} has no item"
        for html in ours:
            found = set(page.evaluate(ELEMENTS, html))
            assert found <= expected, (url, found - expected)
        for text in text_fields:
            assert page.evaluate(ELEMENTS, text) == [], (url, text)
    page.wait_for_timeout(300)  # an <img onerror> fires once its image has failed to load
    assert page.evaluate("window.pwned") is None


def test_rss_text_fields_are_html_that_shows_the_text_typed(client, hostile_story):
    from html import escape

    item = etree.fromstring(client.get("/feed.xml").content).find("channel/item")
    assert item.findtext("title") == escape(hostile_story.headline, quote=False)
    assert item.findtext("dc:creator", namespaces=NS) == escape("W " + SHORT, quote=False)
