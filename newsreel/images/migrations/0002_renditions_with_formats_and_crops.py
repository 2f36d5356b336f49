"""Renditions gain a fallback format, sizes and focal-point crops (newsreel.images.renditions).

The first shape ({"480": "/media/renditions/x-480w.webp"}) cannot describe a <picture>:
it is cleared here, and pages show the original until `newsreel rebuild-renditions` (or
the next publish of an article using the image) makes the new copies. The migration does
no image work itself, so upgrading a large library stays quick.
"""

from django.db import migrations, models


def clear_first_shape(apps, schema_editor):
    Image = apps.get_model("images", "Image")
    for image in Image.objects.exclude(renditions={}).only("pk", "renditions").iterator():
        if not (isinstance(image.renditions, dict) and image.renditions.get("version")):
            Image.objects.filter(pk=image.pk).update(renditions={})


class Migration(migrations.Migration):

    dependencies = [("images", "0001_initial")]

    operations = [
        migrations.AlterField(
            model_name="image",
            name="renditions",
            field=models.JSONField(blank=True, default=dict, editable=False,
                                   help_text="Resized copies and crops, made at upload (see newsreel.images.renditions)"),
        ),
        migrations.RunPython(clear_first_shape, migrations.RunPython.noop),
    ]
