"""WordPress's own links to a post, `/?p=123` (and `/?page_id=123` for pages), kept working.

A site moved from WordPress has these links in old emails, feeds and other sites' pages:
each answers 301 with the address of the story imported from that post (the importer keeps
the post id, `newsroom.SourceId`). Other query strings on `/` are the home page as before.
"""

from __future__ import annotations

import re

from django.http import HttpResponsePermanentRedirect

from newsreel.newsroom.models import Article, SourceId

_WORDPRESS_ID = re.compile(r"(?:^|&)(?:p|page_id)=(\d{1,18})(?:&|$)")


def wordpress_post_id(query: str) -> int | None:
    """The post id of a WordPress `?p=ID` / `?page_id=ID` query string, else None."""
    found = _WORDPRESS_ID.search(query or "")
    return int(found.group(1)) if found else None


def wordpress_redirect(query: str) -> HttpResponsePermanentRedirect | None:
    """301 to the live story imported from that WordPress post; None when there is none."""
    post_id = wordpress_post_id(query)
    if post_id is None:
        return None
    article_ids = SourceId.objects.filter(source="wordpress", wordpress_post_id=post_id).values("article_id")
    article = Article.objects.live().filter(pk__in=article_ids).order_by("pk").first()
    return HttpResponsePermanentRedirect(article.get_absolute_url()) if article else None
