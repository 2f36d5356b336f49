"""Dates that do not exist, in a static site's file names and front matter (`2023-02-30-title.md`,
`date: 2023-02-30`, TOML `date = 2023-04-31T20:00:00Z`).

Jekyll stops its build on one ("Invalid date '2023-02-30': Post … does not have a valid date").
An editor moving the archive wants the story and the problem, not a lost file nor a story
published under a date nobody chose: it arrives as a draft without that date, with a warning
naming the file and the field, to be dated in the desk and published. The desk's own
`newsreel publish` refuses such a file, naming the field. Every post here is invented.
"""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from newsreel.newsroom.models import Article, WorkflowState

pytestmark = pytest.mark.django_db


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run(*args) -> tuple[str, str, CommandError | None]:
    out, err = StringIO(), StringIO()
    try:
        call_command(*map(str, args), stdout=out, stderr=err, verbosity=2)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


def test_a_story_with_an_impossible_date_arrives_as_an_undated_draft_naming_the_file_and_field(tmp_path):
    site = tmp_path / "site"
    named = write(site / "_posts" / "2023-02-30-leap-year-screening.md", "---\nlayout: post\ntitle: Leap year screening\n---\nOne night only.\n")
    yaml = write(site / "_posts" / "2023-03-01-pier-night.md",
                 "---\nlayout: post\ntitle: Pier night\ndate: 2023-02-30 20:00:00 +0000\n---\nFilms on the pier.\n")
    quoted = write(site / "content" / "posts" / "harbour.md", '---\ntitle: Harbour\npublishDate: "2023-13-01"\n---\nBoats.\n')
    toml = write(site / "content" / "posts" / "ferry.md", '+++\ntitle = "Ferry"\ndate = 2023-04-31T20:00:00Z\n+++\nA crossing.\n')
    write(site / "_posts" / "2023-03-02-good-night.md", "---\nlayout: post\ntitle: Good night\n---\nA real date.\n")
    out, err, error = run("import", "markdown", site)
    assert error is None, err
    assert "5 new, 0 updated, 0 failed (4 draft, 1 published)" in out
    for slug in ("leap-year-screening", "pier-night", "harbour", "ferry"):
        article = Article.objects.get(slug=slug)
        assert article.state == WorkflowState.DRAFT and article.latest_revision.content["publish_at"] is None, slug
    assert (f"{named}: file name: 2023-02-30 is not a date (February 2023 has 28 days); imported as a draft without "
            "a date: give it one in the desk and publish it") in err
    assert (f"{yaml}: front matter date, line 4: 2023-02-30 20:00:00 +0000 is not a date (February 2023 has 28 days); "
            "imported as a draft without a date: give it one in the desk and publish it") in err
    assert f"{quoted}: front matter publishDate, line 3: 2023-13-01 is not a date (there is no month 13)" in err
    assert f"{toml}: front matter date, line 3: 2023-04-31T20:00:00Z is not a date (April 2023 has 30 days)" in err
    assert Article.objects.get(slug="good-night").state == WorkflowState.PUBLISHED


def test_eleventys_file_dates_arrive_as_undated_drafts_not_failures(tmp_path):
    # Eleventy reads `date: Last Modified`, `Created`, `git Last Modified` and `git Created` from the
    # file system or git when it builds; each refused its story ("is not a date-time").
    site = tmp_path / "eleventy"
    for name, value in (("diary", "Last Modified"), ("notes", "git Created")):
        write(site / "posts" / f"{name}.md", f"---\ntitle: {name.title()}\ndate: {value}\ntags: posts\n---\nWords.\n")
    out, err, error = run("import", "markdown", site)
    assert error is None, err
    assert "2 new, 0 updated, 0 failed (2 draft)" in out
    assert ("front matter date, line 3: 'Last Modified' is Eleventy's date of the file itself (its last change on disk), "
            "which the import cannot know; imported as a draft without a date") in err
    assert "'git Created' is Eleventy's date of the file itself (its first commit in git)" in err


def test_the_desk_refuses_a_file_with_an_impossible_date_naming_the_field(tmp_path):
    story = write(tmp_path / "story.md", "---\nheadline: Leap night\npublished_at: 2023-02-30T20:00:00Z\n---\nText.\n")
    _, err, error = run("publish", story)
    assert error is not None and Article.objects.count() == 0
    assert (f"{story}: front matter.published_at, line 3: 2023-02-30T20:00:00Z is not a date (February 2023 has 28 days)"
            in err)
