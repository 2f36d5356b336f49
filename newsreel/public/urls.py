"""The reader's site. Every page is a stored page; see `newsreel.public.views`."""

import re

from django.conf import settings
from django.urls import path, re_path

from newsreel.public import views

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/<slug:slug>/", views.article, name="article"),
    path("films/<slug:key>/", views.film, name="film"),
    path("people/<slug:key>/", views.person, name="person"),
    path("sections/<slug:slug>/", views.section, name="section"),
    path("authors/<slug:slug>/", views.author, name="author"),
]

# Uploaded media from the local file system; a remote storage backend serves its own URLs.
if settings.MEDIA_URL.startswith("/") and settings.MEDIA_URL != "/":
    urlpatterns.append(re_path(r"^%s(?P<path>.+)$" % re.escape(settings.MEDIA_URL.lstrip("/")), views.media, name="media"))
