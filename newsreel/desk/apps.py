from django.apps import AppConfig


class DeskConfig(AppConfig):
    name = "newsreel.desk"
    label = "desk"

    def ready(self) -> None:
        from newsreel.desk import story_index

        story_index.connect()  # the desk's story list follows every save of an article
