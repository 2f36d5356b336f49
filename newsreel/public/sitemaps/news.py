"""The Google News sitemap: stories published in the last two days, at most 1,000, newest first."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from newsreel import links
from newsreel.public.pages.common import absolute
from newsreel.public.pages.queries import live_articles
from newsreel.public.sitemaps.xml import UrlEntry, news_element, urlset
from newsreel.public.pages.shared import site_settings

NEWS_MAX_AGE = timedelta(days=2)
NEWS_MAX_URLS = 1_000


def news_path() -> str:
    return links.path("sitemap-news")


def news_language() -> str:
    """The ISO 639 code Google News asks for ("en"); Chinese keeps its script ("zh-cn", "zh-tw")."""
    code = settings.LANGUAGE_CODE.lower()
    if code in {"zh-cn", "zh-tw"}:
        return code
    return code.partition("-")[0]


def news_entries(now: datetime | None = None) -> list[UrlEntry]:
    now = now or timezone.now()
    site = site_settings()
    language = news_language()
    rows = (
        live_articles().filter(published_at__gte=now - NEWS_MAX_AGE)
        .values_list("slug", "headline", "published_at")[:NEWS_MAX_URLS]
    )
    return [
        UrlEntry(
            absolute(links.path("article", slug=slug)),
            news=news_element(publication=site.name, language=language, published=published, title=headline),
        )
        for slug, headline, published in rows
    ]


def has_news(now: datetime | None = None) -> bool:
    """Whether any story is recent enough for the news sitemap."""
    return live_articles().filter(published_at__gte=(now or timezone.now()) - NEWS_MAX_AGE).exists()


def render_news(now: datetime | None = None) -> bytes:
    """The news sitemap (an empty <urlset> when nothing is recent: see stored.refresh_news)."""
    return urlset(news_entries(now), news=True)


def has_expired_entries(rendered_at: datetime, now: datetime | None = None) -> bool:
    """Whether a news sitemap whose bytes last changed at `rendered_at` lists a story now too old.

    Bytes rendered at `rendered_at` list the stories published since `rendered_at` minus two
    days; if any of them is now older than two days, the stored file is out of date even
    though nothing was published (a re-render that comes out the same keeps the old time,
    so this errs only towards an extra render).
    """
    now = now or timezone.now()
    return live_articles().filter(
        published_at__gte=rendered_at - NEWS_MAX_AGE, published_at__lt=now - NEWS_MAX_AGE
    ).exists()
