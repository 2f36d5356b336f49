from django.apps import AppConfig


class EmbedsConfig(AppConfig):
    name = "newsreel.embeds"
    label = "embeds"
    default_auto_field = "django.db.models.BigAutoField"
