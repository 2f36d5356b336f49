from django.apps import AppConfig


class FilmsConfig(AppConfig):
    name = "newsreel.films"
    label = "films"
    verbose_name = "Films and people"
