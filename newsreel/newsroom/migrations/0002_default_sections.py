"""A new newsroom starts with the four sections a film desk needs."""

from django.db import migrations

SECTIONS = [
    ("news", "News", "Casting, release dates, box office and industry moves.", 1),
    ("interviews", "Interviews", "Filmmakers and actors in their own words.", 2),
    ("reviews", "Reviews", "Our critics on the films in theaters and streaming.", 3),
    ("features", "Features", "Long reads, retrospectives and the craft behind the scenes.", 4),
]


def create_sections(apps, schema_editor):
    Section = apps.get_model("newsroom", "Section")
    for slug, name, description, order in SECTIONS:
        Section.objects.get_or_create(slug=slug, defaults={"name": name, "description": description, "order": order})


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0001_initial")]
    operations = [migrations.RunPython(create_sections, migrations.RunPython.noop)]
