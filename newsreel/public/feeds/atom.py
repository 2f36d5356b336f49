"""Atom (RFC 4287), with the full story as content and a summary beside it."""

from __future__ import annotations

from django.utils.feedgenerator import Atom1Feed, Enclosure, rfc3339_date

from newsreel.public.feeds.document import FeedDocument


class _Atom(Atom1Feed):
    """Django's Atom writer, with several authors and content per entry."""

    def latest_post_date(self):
        return self.feed["updated"]

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        if self.feed.get("icon_url"):
            handler.addQuickElement("logo", self.feed["icon_url"])

    def add_item_elements(self, handler, item):
        handler.addQuickElement("title", item["title"])
        handler.addQuickElement("link", "", {"href": item["link"], "rel": "alternate", "type": "text/html"})
        handler.addQuickElement("published", rfc3339_date(item["pubdate"]))
        handler.addQuickElement("updated", rfc3339_date(item["updateddate"]))
        for name, url in item["authors"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.addQuickElement("uri", url)
            handler.endElement("author")
        handler.addQuickElement("id", item["unique_id"])
        handler.addQuickElement("summary", item["description"], {"type": "text"})
        handler.addQuickElement("content", item["content_html"], {"type": "html"})
        for enclosure in item["enclosures"]:
            handler.addQuickElement("link", "", {
                "rel": "enclosure", "href": enclosure.url, "length": enclosure.length, "type": enclosure.mime_type,
            })
        for category in item["categories"]:
            handler.addQuickElement("category", "", {"term": category})


def write(document: FeedDocument) -> bytes:
    feed = _Atom(
        title=document.scope.title, link=document.page_url, description=document.scope.description,
        subtitle=document.scope.description, feed_url=document.self_url, language=document.language,
        feed_guid=document.self_url, author_name=document.site_name, updated=document.updated,
        icon_url=document.icon_url,
    )
    for item in document.items:
        feed.add_item(
            title=item.title, link=item.url, description=item.summary, content_html=item.content_html,
            authors=[(author.name, author.url) for author in item.authors], pubdate=item.published,
            updateddate=item.updated, unique_id=item.id, categories=list(item.categories),
            enclosures=[Enclosure(item.image.url, str(item.image.length), item.image.mime_type)] if item.image else [],
        )
    return feed.writeString("utf-8").encode("utf-8")
