"""Image paths in a Markdown article stay inside its folder (or a media root the publisher names)."""

import os

import pytest
from PIL import Image as PILImage

from newsreel.images.models import Image
from newsreel.newsroom.frontmatter import read_markdown
from newsreel.newsroom.intake import IntakeError
from newsreel.newsroom.upsert import publish_incoming

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "public-media"
    return settings.MEDIA_ROOT


@pytest.fixture
def article_dir(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    return folder


@pytest.fixture
def outside_png(tmp_path):
    """A picture beside, not inside, the article's folder: a stand-in for any file on the machine."""
    path = tmp_path / "private" / "secret.png"
    path.parent.mkdir()
    PILImage.new("RGB", (64, 64), (9, 9, 9)).save(path)
    return path


def hero(path: str) -> str:
    return f"---\nheadline: H\nhero: {{image: '{path}', alt: A pier, credit: 'Photo: Desk'}}\n---\nBody.\n"


def figure(path: str) -> str:
    return f'# H\n\n:::figure credit="Photo: Desk"\n![A pier]({path})\n:::\n'


def published(text, article_dir, **options):
    """The article as published: its images are stored only then."""
    incoming = read_markdown(text, base_dir=article_dir, source_name="story.md", **options)
    return publish_incoming(incoming, origin="cli", source="story.md")[0]


def refused(text, article_dir, match, **options):
    with pytest.raises(IntakeError, match=match) as raised:
        read_markdown(text, base_dir=article_dir, source_name="story.md", **options)
    assert not Image.objects.exists()
    return str(raised.value)


def test_an_absolute_hero_path_is_refused_and_nothing_is_copied(article_dir, outside_png, media):
    message = refused(hero(str(outside_png)), article_dir, "absolute")
    assert message.startswith("story.md: front matter.hero")
    assert not media.exists() or not any(media.rglob("*.png"))


def test_a_figure_path_from_the_root_is_a_site_address_never_a_file_to_copy(article_dir, outside_png, media):
    incoming = read_markdown(figure(str(outside_png)), base_dir=article_dir, source_name="story.md")
    assert f"]({outside_png})" in incoming.attach(incoming.draft).body
    assert not Image.objects.exists() and (not media.exists() or not any(media.rglob("*.png")))


@pytest.mark.parametrize("write", [hero, figure])
def test_a_path_climbing_out_with_dot_dot_is_refused(write, article_dir, outside_png):
    refused(write("../private/secret.png"), article_dir, "leads outside the article's folder")


@pytest.mark.parametrize("write", [hero, figure])
def test_a_symlink_pointing_out_of_the_folder_is_refused(write, article_dir, outside_png):
    os.symlink(outside_png, article_dir / "innocent.png")
    refused(write("innocent.png"), article_dir, "leads outside")


def test_a_figure_error_names_its_line(article_dir, outside_png):
    message = refused(figure("../private/secret.png"), article_dir, "leads outside")
    assert "line 4" in message


@pytest.mark.parametrize("write", [hero, figure])
def test_a_file_that_is_not_an_image_is_refused_before_it_is_read(write, article_dir, monkeypatch):
    (article_dir / "notes.txt").write_text("private notes")
    refused(write("notes.txt"), article_dir, "not an image file")
    (article_dir / "fake.png").write_text("not a picture at all")
    refused(write("fake.png"), article_dir, "does not hold a JPEG, PNG, WebP or GIF")


def test_an_image_over_the_byte_limit_is_refused_before_it_is_read(article_dir, settings):
    settings.IMAGE_MAX_BYTES = 1000
    PILImage.effect_noise((200, 200), 60).convert("RGB").save(article_dir / "big.png")
    refused(hero("big.png"), article_dir, "the limit is 1,000")


def test_images_in_the_folder_and_below_it_are_uploaded(article_dir):
    (article_dir / "pics").mkdir()
    PILImage.new("RGB", (64, 64), (1, 2, 3)).save(article_dir / "pics" / "pier.png")
    article = published(figure("pics/pier.png"), article_dir)
    assert "image:" in article.body and Image.objects.count() == 1


def test_a_media_root_the_publisher_names_is_allowed(article_dir, tmp_path):
    shared = tmp_path / "shared-media"
    shared.mkdir()
    PILImage.new("RGB", (64, 64), (1, 2, 3)).save(shared / "pier.png")
    article = published(hero("pier.png"), article_dir, media_root=shared)
    assert article.hero_image_id == Image.objects.get().pk
    article = published(figure("../shared-media/pier.png"), article_dir, media_root=shared)
    assert f"image:{Image.objects.get().pk}" in article.body


def test_the_publish_command_takes_a_media_root(article_dir, tmp_path):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    shared = tmp_path / "shared-media"
    shared.mkdir()
    PILImage.new("RGB", (64, 64), (1, 2, 3)).save(shared / "pier.png")
    story = article_dir / "story.md"
    story.write_text(hero("../shared-media/pier.png"))
    with pytest.raises(CommandError):
        call_command("publish", str(story))
    call_command("publish", str(story), "--media-root", str(shared))
    assert Image.objects.count() == 1
