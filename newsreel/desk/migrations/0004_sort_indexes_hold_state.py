"""The sort indexes also hold the story's state, so a page asked for by number alone is counted
off an index without reading the stories (newsreel.desk.paging.position_at). PostgreSQL's
newest-published-first index, made in raw SQL by 0001, gets the state too (INCLUDE)."""

from django.db import migrations, models

POSTGRES = [
    "DROP INDEX IF EXISTS desk_story_published_last",
    "CREATE INDEX desk_story_published_last ON desk_storyentry (published_at DESC NULLS LAST, article_id DESC) "
    "INCLUDE (state)",
]
POSTGRES_UNDO = [
    "DROP INDEX IF EXISTS desk_story_published_last",
    "CREATE INDEX desk_story_published_last ON desk_storyentry (published_at DESC NULLS LAST, article_id DESC)",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)
    return run


class Migration(migrations.Migration):

    dependencies = [
        ('desk', '0003_reset_request'),
    ]

    operations = [
        migrations.RemoveIndex(model_name='storyentry', name='desk_story_updated'),
        migrations.RemoveIndex(model_name='storyentry', name='desk_story_published'),
        migrations.RemoveIndex(model_name='storyentry', name='desk_story_headline'),
        migrations.AddIndex(
            model_name='storyentry',
            index=models.Index(fields=['updated_at', 'article', 'state'], name='desk_story_updated_state'),
        ),
        migrations.AddIndex(
            model_name='storyentry',
            index=models.Index(fields=['published_at', 'article', 'state'], name='desk_story_published_state'),
        ),
        migrations.AddIndex(
            model_name='storyentry',
            index=models.Index(fields=['headline_key', 'article', 'state'], name='desk_story_headline_state'),
        ),
        migrations.RunPython(_run(POSTGRES), _run(POSTGRES_UNDO)),
    ]
