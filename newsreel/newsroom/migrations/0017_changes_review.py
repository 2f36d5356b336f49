"""A live story's saved changes can be reviewed while its live revision keeps serving
(newsreel.newsroom.live_changes): one column, "none" for every story there is, and the index
the review queue finds the few in review by."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('newsroom', '0016_relink_jobs'),
    ]

    operations = [
        migrations.AddField(
            model_name='article',
            name='changes_review',
            field=models.CharField(choices=[('none', 'No changes in review'), ('in_review', 'Changes in review'), ('changes_requested', 'Changes sent back')], default='none', help_text="Review of a live story's saved changes; never read by a public surface", max_length=20),
        ),
        migrations.AddIndex(
            model_name='article',
            index=models.Index(fields=['changes_review', 'state'], name='newsroom_article_changes_idx'),
        ),
    ]
