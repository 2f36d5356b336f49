"""Routes for the sitemap index and its parts."""

from django.urls import path, re_path

from newsreel.public.sitemaps.views import news_sitemap, sitemap

urlpatterns = [
    path("sitemap.xml", sitemap, name="sitemap-index"),
    path("sitemaps/news.xml", news_sitemap, name="sitemap-news"),
    path("sitemaps/sections.xml", sitemap, name="sitemap-sections"),
    re_path(r"^sitemaps/(?P<family>[a-z]+)-(?P<number>[1-9][0-9]{0,8})\.xml$", sitemap, name="sitemap-part"),
]
