"""A URL configuration with the reader's site moved under /news/ and the desk under
/newsroom-desk/: links must follow it."""

from django.urls import include, path

urlpatterns = [
    path("newsroom-desk/", include("newsreel.desk.urls")),
    path("news/", include("newsreel.public.urls")),
]
