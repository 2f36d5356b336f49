from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    name = "newsreel.newsroom"
    label = "newsroom"

    def ready(self) -> None:
        from newsreel.newsroom import roles  # noqa: F401  (connects post_migrate)
