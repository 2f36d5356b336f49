from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "newsreel.api"
    label = "api"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from newsreel.api.webhooks import events

        events.connect()
