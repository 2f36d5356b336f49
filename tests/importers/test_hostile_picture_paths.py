"""Picture paths no file system can hold, met by the red-team pass of 2026-12-07: a file name
longer than 255 bytes (a pasted data URL, a CDN address with its query folded into the name) and
a NUL (`%00` in an address). Each failed its whole story with Python's `OSError` or
`ValueError`; a picture that cannot be a file is a picture not found. Every post is invented."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from PIL import Image as PILImage

from newsreel.newsroom.local_images import LocalImageError, local_image_path
from newsreel.newsroom.models import Article
from tests.importers.wxr_samples import SITE, Post, attachment, wxr

pytestmark = pytest.mark.django_db

LONG = "b" * 300


def run_import(kind: str, *args) -> tuple[str, CommandError | None]:
    out, err = StringIO(), StringIO()
    try:
        call_command("import", kind, *map(str, args), stdout=out, stderr=err, verbosity=2)
    except CommandError as error:
        return err.getvalue(), error
    return err.getvalue(), None


@pytest.mark.parametrize("reference", [f"{LONG}.jpg", f"{LONG}/x.jpg", "x\x00y.jpg"])
def test_a_path_no_file_can_have_is_refused_as_a_local_image_error(tmp_path, reference):
    (tmp_path / LONG[:200]).mkdir()
    with pytest.raises(LocalImageError, match="cannot be a file"):
        local_image_path(reference, tmp_path)


def test_a_wordpress_picture_whose_name_no_file_can_have_is_left_out_and_its_post_imports(tmp_path):
    media = tmp_path / "uploads"
    (media / "2024" / "03").mkdir(parents=True)
    PILImage.new("RGB", (800, 450), (40, 60, 90)).save(media / "2024" / "03" / "pier.jpg")
    posts = [attachment(30, f"2024/03/{LONG}.jpg", title="Long", alt="A pier", credit="Jo Okonkwo"),
             Post(31, "Pier lamps", "pier-lamps", f'<p>Four lamps.</p><img src="{SITE}/wp-content/uploads/{LONG}.jpg" alt="x"/>'
                  f'<p>Then a NUL.</p><img src="{SITE}/wp-content/uploads/2024/03/x%00y.jpg" alt="y"/>',
                  meta={"_thumbnail_id": "30"})]
    export = tmp_path / "export.xml"
    export.write_text(wxr(posts), encoding="utf-8")
    err, error = run_import("wordpress", export, "--media", media)
    assert error is None, err
    article = Article.objects.get(slug="pier-lamps")
    assert "Four lamps." in article.body and "Then a NUL." in article.body and article.hero_image is None
    assert "is not in the media folder" in err and "OSError" not in err and "ValueError" not in err


@pytest.mark.parametrize("front_matter, figure", [
    (f"image: {LONG}.jpg\nimage_credit: Staff\n", ""),
    ("", f'![A pier]({LONG}.jpg "Pier (Staff)")\n'),
    ("", '![A pier](images/x%00y.jpg "Pier (Staff)")\n'),
])
def test_a_markdown_picture_whose_name_no_file_can_have_names_the_field_not_a_python_error(tmp_path, front_matter, figure):
    site = tmp_path / "site"
    post = site / "posts" / "pier.md"
    post.parent.mkdir(parents=True)
    post.write_text(f"---\ntitle: Pier lamps\n{front_matter}---\nFour lamps.\n\n{figure}", encoding="utf-8")
    err, error = run_import("markdown", site)
    assert error is not None and "pier.md" in err
    assert "cannot be a file" in err and "OSError" not in err and "ValueError" not in err, err
    assert ("front matter.hero" if front_matter else "body figure, line") in err
