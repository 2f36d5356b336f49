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

