from django.apps import AppConfig


class FilmsConfig(AppConfig):
    name = "newsreel.films"
    label = "films"
    verbose_name = "Films and people"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from newsreel.films import name_starts
        from newsreel.films.models import Film, Person

        # One film or person saved (the desk's graph pages, a merge, the admin): its completion
        # rows follow. Bulk imports write theirs in newsreel.films.graph_writes.
        post_save.connect(name_starts.entity_saved, sender=Film, dispatch_uid="films.name_starts.film")
        post_save.connect(name_starts.entity_saved, sender=Person, dispatch_uid="films.name_starts.person")
