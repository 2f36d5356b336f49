"""Front matter written to break the YAML reader gets a message with the file, not a traceback."""

import pytest

from newsreel.newsroom.frontmatter import read_markdown
from newsreel.newsroom.intake import IntakeError

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("front_matter, message", [
    ("headline: " + "[" * 5000 + "]" * 5000, "nested too deep"),
    ("headline: x\ntags: " + "{a: " * 3000 + "b" + "}" * 3000, "nested too deep"),
    ("headline: " + "9" * 5000, "cannot read"),
    ("headline: x\ndate: 2026-13-45", "2026-13-45 is not a date (there is no month 13)"),
])
def test_hostile_yaml_names_the_file(tmp_path, front_matter, message):
    with pytest.raises(IntakeError) as raised:
        read_markdown(f"---\n{front_matter}\n---\nBody.\n", base_dir=tmp_path, source_name="story.md")
    assert str(raised.value).startswith("story.md: front matter") and message in str(raised.value)



@pytest.mark.parametrize("front_matter, line, message", [
    ("headline: The pier stays open\nslug: pier\nheadline: The pier closes", 4, "'headline' is written twice (first on line 2)"),
    ("headline: Fog\nhero: {image: a.png, alt: Fog, image: b.png}", 3, "'image' is written twice"),
])
def test_a_field_written_twice_is_refused_not_half_kept(tmp_path, front_matter, line, message):
    with pytest.raises(IntakeError) as raised:
        read_markdown(f"---\n{front_matter}\n---\nBody.\n", base_dir=tmp_path, source_name="story.md")
    assert str(raised.value).startswith(f"story.md: front matter, line {line}") and message in str(raised.value)


def test_a_merge_may_override_the_keys_it_brings_in():
    from newsreel.newsroom.frontmatter import split_front_matter

    parsed = split_front_matter("---\nbase: &base {alt: Fog, credit: Desk}\nhero: {<<: *base, alt: Mist}\n---\nBody.\n",
                                "story.md")
    assert parsed.meta["hero"] == {"alt": "Mist", "credit": "Desk"}
