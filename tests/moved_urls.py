"""A URL configuration with the reader's site moved under /news/: links must follow it."""

from django.urls import include, path

urlpatterns = [path("news/", include("newsreel.public.urls"))]
