"""Markdown files with YAML front matter become drafts; bad input names file and line."""

import pytest
from PIL import Image as PILImage

from newsreel.images.models import Image
from newsreel.newsroom.frontmatter import draft_from_markdown
from newsreel.newsroom.intake import IntakeError

pytestmark = pytest.mark.django_db


def test_front_matter_fields_become_the_draft(tmp_path):
    text = "---\nheadline: A headline\nslug: a-slug\ntags: [Drama, Festival]\nauthors: Nadia Ferro\n" \
           "sources:\n  - {name: Interview, url: 'https://example.org/x'}\npublished_at: 2026-10-03T09:00:00Z\n---\nBody text.\n"
    draft = draft_from_markdown(text, base_dir=tmp_path, source_name="a.md")
    assert (draft.headline, draft.slug, draft.tags, draft.authors) == ("A headline", "a-slug", ["Drama", "Festival"], ["Nadia Ferro"])
    assert draft.publish_at.isoformat() == "2026-10-03T09:00:00+00:00"
    assert draft.body == "Body text.\n"


def test_first_heading_is_the_headline_without_front_matter(tmp_path):
    draft = draft_from_markdown("# The headline\n\nThe body.\n", base_dir=tmp_path, source_name="b.md")
    assert draft.headline == "The headline" and draft.body == "The body.\n"
    assert draft.body_line == 3


def test_malformed_front_matter_names_file_and_line(tmp_path):
    with pytest.raises(IntakeError) as raised:
        draft_from_markdown("---\nheadline: ok\ntags: [unclosed\n---\nBody\n", base_dir=tmp_path, source_name="c.md")
    message = str(raised.value)
    assert message.startswith("c.md: front matter") and "line" in message


def test_unclosed_front_matter_is_an_error(tmp_path):
    with pytest.raises(IntakeError, match="never closed"):
        draft_from_markdown("---\nheadline: x\nBody\n", base_dir=tmp_path, source_name="d.md")


def test_unknown_front_matter_field_is_named(tmp_path):
    with pytest.raises(IntakeError, match="front matter.headlien"):
        draft_from_markdown("---\nheadlien: typo\n---\nBody\n", base_dir=tmp_path, source_name="e.md")


def _png(path):
    PILImage.new("RGB", (1200, 675), (40, 60, 90)).save(path)


def test_hero_image_without_credit_is_refused_and_nothing_is_uploaded(tmp_path):
    _png(tmp_path / "hero.png")
    text = "---\nheadline: x\nhero: {image: hero.png, alt: A harbor at night}\n---\nBody\n"
    with pytest.raises(IntakeError, match="credit"):
        draft_from_markdown(text, base_dir=tmp_path, source_name="f.md")
    assert not Image.objects.exists()


def test_local_figure_images_are_uploaded_and_referenced_by_id(tmp_path):
    _png(tmp_path / "still.png")
    text = '# H\n\n:::figure credit="Photo: Test"\n![A still](still.png)\nCaption.\n:::\n'
    draft = draft_from_markdown(text, base_dir=tmp_path, source_name="g.md")
    image = Image.objects.get()
    assert f"(image:{image.pk})" in draft.body and image.credit == "Photo: Test" and image.alt == "A still"
    assert image.renditions  # resized copies made at upload, never on a page view
