from django.apps import AppConfig


class ImagesConfig(AppConfig):
    name = "newsreel.images"
    label = "images"
