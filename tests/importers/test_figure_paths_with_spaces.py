"""Pictures whose file names have spaces, named as static sites and CommonMark name them.

A link destination with a space is written between angle brackets (`![alt](<images/my photo.jpg>)`,
CommonMark 0.31 §6.3) or percent-encoded (`images/my%20photo.jpg`, which the site's web server
decodes); in YAML front matter the path is a plain string with its space. Hugo's `figure`,
Eleventy's `{% image %}` and an HTML `<img>` name such a file with its space inside quotes.
Every file and name here is invented.
"""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from PIL import Image as PILImage

from newsreel.images.models import Image
from newsreel.newsroom.models import Article

pytestmark = pytest.mark.django_db


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run(*args) -> tuple[str, CommandError | None]:
    out, err = StringIO(), StringIO()
    try:
        call_command(*map(str, args), stdout=out, stderr=err, verbosity=2)
    except CommandError as error:
        return err.getvalue(), error
    return err.getvalue(), None


@pytest.fixture
def site(tmp_path):
    site = tmp_path / "site"
    (site / "images").mkdir(parents=True)
    PILImage.new("RGB", (800, 450), (10, 60, 90)).save(site / "images" / "ferry at dawn.jpg")
    PILImage.new("RGB", (800, 450), (90, 60, 10)).save(site / "images" / "pier (night).jpg")
    return site


def figure_images(slug: str) -> list[str]:
    article = Article.objects.get(slug=slug)
    return [Image.objects.get(pk=int(part.split(")")[0])).alt for part in article.body.split("](image:")[1:]]


def test_body_pictures_named_with_angle_brackets_or_percent_escapes_become_figures(site):
    write(site / "_posts" / "2024-03-15-ferry-diary.md", """---
title: Ferry diary
---

The crossing took an hour.

![The ferry at dawn](<images/ferry at dawn.jpg> "The ferry. Photo: Jo Ray")

![The pier at night](images/pier%20%28night%29.jpg "The pier (Mara Ilves)")

{% image "images/ferry at dawn.jpg", "The ferry again" %}

<img src="images/pier (night).jpg" alt="The pier once more" title="Pier (Mara Ilves)">
""")
    write(site / "content" / "posts" / "harbour.md", """---
title: Harbour notes
---

{{< figure src="/images/ferry at dawn.jpg" alt="A ferry" caption="Dawn" attr="Photo: Jo Ray" >}}
""")
    err, error = run("import", "markdown", site, "--default-credit", "Reel Harbor")
    assert error is None, err
    assert figure_images("ferry-diary") == ["The ferry at dawn", "The pier at night", "The ferry again", "The pier once more"]
    assert figure_images("harbour") == ["A ferry"]
    body = Article.objects.get(slug="ferry-diary").body
    assert ':::figure credit="Photo: Jo Ray"\n![The ferry at dawn](image:' in body and "%20" not in body and "<" not in body


def test_a_hero_named_in_front_matter_with_a_space_or_a_percent_escape_is_found(site):
    write(site / "content" / "posts" / "ferry.md", """---
title: Ferry
image: images/ferry at dawn.jpg
image_credit: Jo Ray
---

A crossing.
""")
    write(site / "content" / "posts" / "pier.md", """---
title: Pier
images: ["/images/pier%20(night).jpg"]
image_credit: Mara Ilves
---

A night.
""")
    err, error = run("import", "markdown", site)
    assert error is None, err
    assert Article.objects.get(slug="ferry").hero_image.credit == "Jo Ray"
    assert Article.objects.get(slug="pier").hero_image.credit == "Mara Ilves"


def test_the_desk_publishes_a_newsreel_file_naming_its_picture_between_angle_brackets(site):
    story = write(site / "story.md", """---
headline: Dawn crossing
---

The ferry left on time.

:::figure credit="Photo: Jo Ray"
![The ferry at dawn](<images/ferry at dawn.jpg>)
The ferry.
:::
""")
    err, error = run("publish", story)
    assert error is None, err
    assert figure_images("dawn-crossing") == ["The ferry at dawn"]
