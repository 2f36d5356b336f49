"""Requests for a password reset link, counted by the throttle (newsreel.desk.throttle)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('desk', '0002_changes_index'),
    ]

    operations = [
        migrations.CreateModel(
            name='ResetRequest',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('made_at', models.DateTimeField()),
                ('address', models.CharField(help_text="HMAC of the client's IP address", max_length=64)),
                ('account', models.CharField(help_text='HMAC of the e-mail address typed, casefolded', max_length=64)),
            ],
            options={
                'indexes': [models.Index(fields=['address', 'made_at'], name='desk_reset_by_address'), models.Index(fields=['account', 'made_at'], name='desk_reset_by_account'), models.Index(fields=['made_at'], name='desk_reset_made')],
            },
        ),
    ]
