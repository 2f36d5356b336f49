"""Markdown files with YAML front matter become drafts; bad input names file and line."""

import pytest
from PIL import Image as PILImage

from newsreel.images.models import Image
from newsreel.newsroom.frontmatter import read_markdown
from newsreel.newsroom.intake import IntakeError
from newsreel.newsroom.upsert import publish_incoming

pytestmark = pytest.mark.django_db


def test_front_matter_fields_become_the_draft(tmp_path):
    text = "---\nheadline: A headline\nslug: a-slug\ntags: [Drama, Festival]\nauthors: Nadia Ferro\n" \
           "sources:\n  - {name: Interview, url: 'https://example.org/x'}\npublished_at: 2026-10-03T09:00:00Z\n---\nBody text.\n"
    draft = read_markdown(text, base_dir=tmp_path, source_name="a.md").draft
    assert (draft.headline, draft.slug, draft.tags, draft.authors) == ("A headline", "a-slug", ["Drama", "Festival"], ["Nadia Ferro"])
    assert draft.publish_at.isoformat() == "2026-10-03T09:00:00+00:00"
    assert draft.body == "Body text.\n"


def test_first_heading_is_the_headline_without_front_matter(tmp_path):
    draft = read_markdown("# The headline\n\nThe body.\n", base_dir=tmp_path, source_name="b.md").draft
    assert draft.headline == "The headline" and draft.body == "The body.\n"
    assert draft.body_line == 3


def test_malformed_front_matter_names_file_and_line(tmp_path):
    with pytest.raises(IntakeError) as raised:
        read_markdown("---\nheadline: ok\ntags: [unclosed\n---\nBody\n", base_dir=tmp_path, source_name="c.md")
    message = str(raised.value)
    assert message.startswith("c.md: front matter") and "line" in message


def test_unclosed_front_matter_is_an_error(tmp_path):
    with pytest.raises(IntakeError, match="never closed"):
        read_markdown("---\nheadline: x\nBody\n", base_dir=tmp_path, source_name="d.md")


def test_unknown_front_matter_field_is_named(tmp_path):
    with pytest.raises(IntakeError, match="front matter.headlien"):
        read_markdown("---\nheadlien: typo\n---\nBody\n", base_dir=tmp_path, source_name="e.md")


def _png(path):
    PILImage.new("RGB", (1200, 675), (40, 60, 90)).save(path)


def test_hero_image_without_credit_is_refused_and_nothing_is_uploaded(tmp_path):
    _png(tmp_path / "hero.png")
    text = "---\nheadline: x\nhero: {image: hero.png, alt: A harbor at night}\n---\nBody\n"
    with pytest.raises(IntakeError, match="credit"):
        read_markdown(text, base_dir=tmp_path, source_name="f.md")
    assert not Image.objects.exists()


def test_a_missing_figure_file_names_its_line(tmp_path):
    text = '# H\n\n:::figure credit="Photo: Test"\n![A still](gone.png)\nCaption.\n:::\n'
    with pytest.raises(IntakeError, match="g.md: body figure, line 4: image file 'gone.png' not found"):
        read_markdown(text, base_dir=tmp_path, source_name="g.md")


def test_reading_a_file_stores_no_image(tmp_path):
    _png(tmp_path / "still.png")
    text = '# H\n\n:::figure credit="Photo: Test"\n![A still](still.png)\nCaption.\n:::\n'
    incoming = read_markdown(text, base_dir=tmp_path, source_name="g.md")
    assert "(still.png)" in incoming.draft.body and not Image.objects.exists()


def test_local_figure_images_are_uploaded_at_publish_and_referenced_by_id(tmp_path):
    _png(tmp_path / "still.png")
    text = '# H\n\n:::figure credit="Photo: Test"\n![A still](still.png)\nCaption.\n:::\n'
    article, created = publish_incoming(read_markdown(text, base_dir=tmp_path, source_name="g.md"), origin="cli")
    image = Image.objects.get()
    assert created and f"(image:{image.pk})" in article.body
    assert image.credit == "Photo: Test" and image.alt == "A still"
    assert image.renditions  # resized copies made at upload, never on a page view


def test_a_draft_that_fails_validation_uploads_no_image(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    _png(tmp_path / "hero.png")
    text = "---\nheadline: x\nsection: nowhere\nhero: {image: hero.png, alt: A harbor, credit: 'Photo - Test'}\n---\nBody\n"
    incoming = read_markdown(text, base_dir=tmp_path, source_name="h.md")
    with pytest.raises(IntakeError, match="h.md: section: 'nowhere' is not a section"):
        publish_incoming(incoming, origin="cli", source="h.md")
    assert not Image.objects.exists() and not (tmp_path / "media").exists()


def test_a_publish_that_fails_in_the_text_rolls_its_images_back_files_and_all(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    _png(tmp_path / "hero.png")
    text = ("---\nheadline: x\nhero: {image: hero.png, alt: A harbor, credit: 'Photo - Test'}\n---\n"
            ":::spoiler no-such-film-1999\nThe end.\n:::\n")
    incoming = read_markdown(text, base_dir=tmp_path, source_name="i.md")
    with pytest.raises(IntakeError, match="i.md: body"):
        publish_incoming(incoming, origin="cli", source="i.md")
    assert not Image.objects.exists()
    assert [path for path in (tmp_path / "media").rglob("*") if path.is_file()] == []


def test_a_publish_that_fails_in_a_receiver_rolls_its_images_back_files_and_all(tmp_path, settings):
    from newsreel.newsroom.signals import article_published

    def broken(**kwargs):
        raise RuntimeError("the site could not render the page")

    settings.MEDIA_ROOT = tmp_path / "media"
    _png(tmp_path / "hero.png")
    text = "---\nheadline: x\nhero: {image: hero.png, alt: A harbor, credit: 'Photo - Test'}\n---\nBody.\n"
    incoming = read_markdown(text, base_dir=tmp_path, source_name="j.md")
    article_published.connect(broken, dispatch_uid="test.broken")
    try:
        with pytest.raises(RuntimeError, match="could not render"):
            publish_incoming(incoming, origin="cli", source="j.md")
    finally:
        article_published.disconnect(dispatch_uid="test.broken")
    assert not Image.objects.exists()
    assert [path for path in (tmp_path / "media").rglob("*") if path.is_file()] == []


@pytest.mark.parametrize("text", [
    "---\nheadline: A headline\n...\nBody text.\n",        # YAML's document end closes it
    "---  \nheadline: A headline\n---\nBody text.\n",      # spaces after the opening dashes
])
def test_front_matter_closed_by_yamls_document_end_or_opened_with_trailing_spaces_is_read(tmp_path, text):
    draft = read_markdown(text, base_dir=tmp_path, source_name="c.md").draft
    assert draft.headline == "A headline" and draft.body == "Body text.\n" and draft.body_line == 4
