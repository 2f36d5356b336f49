"""A story's review conversation can say the writer withdrew it (only the choices change: no
table is touched)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('newsroom', '0014_source_ids'),
    ]

    operations = [
        migrations.AlterField(
            model_name='storynote',
            name='kind',
            field=models.CharField(choices=[('submitted', 'Submitted for review'), ('withdrawn', 'Withdrawn from review'), ('changes_requested', 'Changes requested'), ('approved', 'Approved'), ('internal', "Editors' note")], max_length=20),
        ),
    ]
