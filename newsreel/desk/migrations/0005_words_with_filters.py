"""PostgreSQL: one GIN index holding the story's words and the columns the list filters by
(state, section, updated and published dates), so words with one of those filters are
answered by that one index (newsreel.desk.search._postgres_counter): the two lists of matches
are crossed inside the index, and only the stories passing both are read. `btree_gin` lets a
GIN index hold plain columns; SQLite has neither, and skips this."""

from django.db import migrations

POSTGRES = [
    "CREATE EXTENSION IF NOT EXISTS btree_gin",
    "CREATE INDEX IF NOT EXISTS desk_story_words_filters ON desk_storyentry "
    "USING gin (words, state, section_id, updated_at, published_at)",
]
# The extension stays: another database object may use it by then.
POSTGRES_UNDO = ["DROP INDEX IF EXISTS desk_story_words_filters"]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)
    return run


class Migration(migrations.Migration):

    dependencies = [
        ('desk', '0004_sort_indexes_hold_state'),
    ]

    operations = [
        migrations.RunPython(_run(POSTGRES), _run(POSTGRES_UNDO)),
    ]
