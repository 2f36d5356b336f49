from django.db import migrations, models


class Migration(migrations.Migration):
    """Quotes carry the text core's confidence in their speaker. Quotes stored before have no
    such figure: they get 0 and stay off person pages until their story is saved again."""

    dependencies = [
        ("newsroom", "0009_author_profile"),
    ]

    operations = [
        migrations.AddField(
            model_name="quote",
            name="confidence",
            field=models.FloatField(
                default=0.0,
                help_text="How sure the text core is of the speaker, 0 to 1; person pages show a quote at or "
                "above newsreel.text.quotes.SURE_CONFIDENCE",
            ),
        ),
    ]
