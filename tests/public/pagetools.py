"""Reading a served page the way a browser, a crawler or a social card would."""

from __future__ import annotations

import json
from html.parser import HTMLParser


class Page(HTMLParser):
    """Meta tags, links, JSON-LD and visible text of an HTML page."""

    def __init__(self, html: bytes | str) -> None:
        super().__init__(convert_charrefs=True)
        self.html = html.decode() if isinstance(html, bytes) else html
        self.meta: dict[str, str] = {}
        self.links: dict[str, str] = {}
        self.json_ld: list[dict] = []
        self.title = ""
        self._in: list[str] = []
        self._script = ""
        self.feed(self.html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            key = attrs.get("property") or attrs.get("name")
            if key:
                self.meta[key] = attrs.get("content", "")
        elif tag == "link" and attrs.get("rel"):
            self.links[attrs["rel"]] = attrs.get("href", "")
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._script = ""
            self._in.append("ld")
            return
        self._in.append(tag)

    def handle_endtag(self, tag):
        if self._in and self._in[-1] == "ld":
            self.json_ld.append(json.loads(self._script))
        if self._in:
            self._in.pop()

    def handle_data(self, data):
        if self._in and self._in[-1] == "ld":
            self._script += data
        elif self._in and self._in[-1] == "title":
            self.title += data

    def excerpt_surfaces(self) -> str:
        """Everything a search engine or social card shows without the page body."""
        parts = [self.title, *self.meta.values(), json.dumps(self.json_ld, ensure_ascii=False)]
        return "\n".join(parts)
