"""The reader's site. Every page is a stored page; see `newsreel.public.views`."""

import re

from django.conf import settings
from django.urls import path, re_path

from newsreel.public import preview, views
from newsreel.public.feeds.urls import urlpatterns as feed_urls
from newsreel.public.robots import robots_txt
from newsreel.public.sitemaps.urls import urlpatterns as sitemap_urls
from newsreel.public.search.views import search

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/<slug:slug>/", views.article, name="article"),
    path("films/<slug:key>/", views.film, name="film"),
    path("people/<slug:key>/", views.person, name="person"),
    path("sections/<slug:slug>/", views.section, name="section"),
    path("authors/<slug:slug>/", views.author, name="author"),
    path("search/", search, name="search"),
    # Unpublished versions on the real page: a shareable link, or the writer's own editor.
    path("preview/<int:pk>/<str:token>/", preview.shared_preview, name="preview-shared"),
    path("preview/draft/new/", preview.draft_preview, name="preview-draft-new"),
    path("preview/draft/<int:pk>/", preview.draft_preview, name="preview-draft"),
    # Lists that grow: page 1 is the list's own URL, then .../page/<n>/ (n >= 2).
    re_path(r"^sections/(?P<slug>[-a-zA-Z0-9_]+)/page/(?P<number>[1-9][0-9]{0,5})/$", views.section_page, name="section-page"),
    re_path(r"^authors/(?P<slug>[-a-zA-Z0-9_]+)/page/(?P<number>[1-9][0-9]{0,5})/$", views.author_page, name="author-page"),
    path("tags/<slug:slug>/", views.tag, name="tag"),
    re_path(r"^tags/(?P<slug>[-a-zA-Z0-9_]+)/page/(?P<number>[1-9][0-9]{0,5})/$", views.tag, name="tag-page"),
    path("archive/", views.archive, name="archive"),
    re_path(r"^archive/(?P<year>[0-9]{4})/(?P<month>0[1-9]|1[0-2])/$", views.archive_month, name="archive-month"),
    re_path(r"^archive/(?P<year>[0-9]{4})/(?P<month>0[1-9]|1[0-2])/page/(?P<number>[1-9][0-9]{0,5})/$",
            views.archive_month, name="archive-month-page"),
    re_path(r"^films/(?P<key>[-a-zA-Z0-9_]+)/coverage/page/(?P<number>[1-9][0-9]{0,5})/$", views.film_coverage,
            name="film-coverage-page"),
    re_path(r"^people/(?P<key>[-a-zA-Z0-9_]+)/coverage/page/(?P<number>[1-9][0-9]{0,5})/$", views.person_coverage,
            name="person-coverage-page"),
]
urlpatterns += feed_urls  # /feed.xml, /sections/<slug>/feed.atom, ... (newsreel.public.feeds)
urlpatterns += sitemap_urls  # /sitemap.xml, /sitemaps/... (newsreel.public.sitemaps)
urlpatterns.append(path("robots.txt", robots_txt, name="robots"))

# Uploaded media from the local file system; a remote storage backend serves its own URLs.
if settings.MEDIA_URL.startswith("/") and settings.MEDIA_URL != "/":
    urlpatterns.append(re_path(r"^%s(?P<path>.+)$" % re.escape(settings.MEDIA_URL.lstrip("/")), views.media, name="media"))
