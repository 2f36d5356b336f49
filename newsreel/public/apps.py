from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "newsreel.public"
    label = "public"
    verbose_name = "Reader's site"

    def ready(self) -> None:
        from newsreel.public import receivers  # noqa: F401  (re-renders pages on publish)
        from newsreel.public.search import index as search_index

        search_index.connect()  # keeps the search index current on publish / unpublish
        from newsreel.public import robots  # noqa: F401  (registers robots.txt for rebuilds)
        from newsreel.public.feeds import stored as feeds  # noqa: F401  (registers the feeds' refresher)
        from newsreel.public.sitemaps import stored as sitemaps  # noqa: F401  (registers the sitemaps' refresher)
