"""RSS 2.0, with the full story in content:encoded and every author as dc:creator.

RSS never says whether `title`, `description`, `dc:creator` and `category` hold text or
HTML, and feed readers take them as HTML: a summary that says `<img onerror=...>` would
run as markup in the reader. So these plain-text fields are escaped for HTML first (`&lt;`),
and that HTML is then escaped for XML by the writer (`&amp;lt;`): every reader shows the
text the writer typed, whether it reads the field as text or as HTML.
"""

from __future__ import annotations

from html import escape

from django.utils.feedgenerator import Enclosure, Rss201rev2Feed, rfc2822_date

from newsreel.public.feeds.document import FeedDocument

CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"


class _Rss(Rss201rev2Feed):
    """Django's RSS 2.0 writer, with namespaces declared once and richer items."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:content": CONTENT_NS, "xmlns:dc": DC_NS}

    def latest_post_date(self):
        return self.feed["updated"]

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        if self.feed.get("icon_url"):
            handler.startElement("image", {})
            handler.addQuickElement("url", self.feed["icon_url"])
            handler.addQuickElement("title", self.feed["title"])
            handler.addQuickElement("link", self.feed["link"])
            handler.endElement("image")

    def add_item_elements(self, handler, item):
        handler.addQuickElement("title", as_html(item["title"]))
        handler.addQuickElement("link", item["link"])
        handler.addQuickElement("description", as_html(item["description"]))
        handler.addQuickElement("content:encoded", item["content_html"])
        for name in item["author_names"]:
            handler.addQuickElement("dc:creator", as_html(name))
        handler.addQuickElement("pubDate", rfc2822_date(item["pubdate"]))
        handler.addQuickElement("guid", item["unique_id"], {"isPermaLink": "false"})
        for enclosure in item["enclosures"]:
            handler.addQuickElement(
                "enclosure", "", {"url": enclosure.url, "length": enclosure.length, "type": enclosure.mime_type}
            )
        for category in item["categories"]:
            handler.addQuickElement("category", as_html(category))


def as_html(text: str) -> str:
    """Plain text as the HTML that shows it (the XML writer escapes the result once more)."""
    return escape(text or "", quote=False)


def write(document: FeedDocument) -> bytes:
    feed = _Rss(
        title=as_html(document.scope.title), link=document.page_url, description=as_html(document.scope.description),
        feed_url=document.self_url, language=document.language.lower(), updated=document.updated,
        icon_url=document.icon_url,
    )
    for item in document.items:
        feed.add_item(
            title=item.title, link=item.url, description=item.summary, content_html=item.content_html,
            author_names=[author.name for author in item.authors], pubdate=item.published,
            updateddate=item.updated, unique_id=item.id, categories=list(item.categories),
            # RSS allows one enclosure per item: the hero image.
            enclosures=[Enclosure(item.image.url, str(item.image.length), item.image.mime_type)] if item.image else [],
        )
    return feed.writeString("utf-8").encode("utf-8")
