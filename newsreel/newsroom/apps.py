from django.apps import AppConfig
from django.db.models.signals import post_migrate


class NewsroomConfig(AppConfig):
    name = "newsreel.newsroom"
    label = "newsroom"

    def ready(self) -> None:
        from newsreel.newsroom.roles import sync_roles_after_migrate

        # The roles' permission groups are brought up to date after every migrate.
        post_migrate.connect(sync_roles_after_migrate, dispatch_uid="newsroom.sync_roles")
