"""URL map: the desk under /desk/, the JSON API under /api/, everything else is the reader's site."""

from django.urls import include, path

urlpatterns = [
    path("desk/", include("newsreel.desk.urls")),
    path("api/", include(("newsreel.api.urls", "api"))),
    path("", include("newsreel.public.urls")),
]

handler404 = "newsreel.public.views.not_found"
