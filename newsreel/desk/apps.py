from django.apps import AppConfig


class DeskConfig(AppConfig):
    name = "newsreel.desk"
    label = "desk"
