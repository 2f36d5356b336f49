from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "newsreel.public"
    label = "public"
    verbose_name = "Reader's site"

    def ready(self) -> None:
        from newsreel.public import receivers

        receivers.connect()  # every signal and page refresher the public site needs, in one place
