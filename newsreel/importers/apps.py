from django.apps import AppConfig


class ImportersConfig(AppConfig):
    name = "newsreel.importers"
    label = "importers"
