"""URL map: the desk under /desk/ (its Integrations pages from the API), the JSON API under /api/, everything else is the reader's site."""

from django.urls import include, path

urlpatterns = [
    # The API's own settings wear the desk's frame but belong to the API (the desk never imports it).
    path("desk/integrations/", include("newsreel.api.desk_urls")),
    path("desk/", include("newsreel.desk.urls")),
    path("api/", include(("newsreel.api.urls", "api"))),
    path("", include("newsreel.public.urls")),
]

handler404 = "newsreel.public.views.not_found"
