"""Publication dates no editor chose, met by the red-team pass of 2026-12-07. A published post
dated in the year 9999 became a story scheduled for then (only the report's count of scheduled
stories showed it), which never goes live; one dated 0001-01-01 (a placeholder: a zero date
another system wrote) was published with that date, at the bottom of every list. Now a date more
than 10 years ahead makes the story a draft without a date, and one before 1990 (before any
newsroom published on the web) a draft keeping its date: an old print story's own date is one
click from live, a placeholder is in front of an editor. Each is a warning naming the story's
file and line. And a Markdown file with no date at all is published dated the moment of the
import, with a warning: it goes to the top of the home page."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command

from newsreel.newsroom.models import Article, WorkflowState
from tests.importers import ghost_samples
from tests.importers.commands import markdown_post, wordpress_warnings
from tests.importers.wxr_samples import Post

pytestmark = pytest.mark.django_db



def publish_at(article: Article):
    return article.revisions.latest("number").content["publish_at"]


def test_a_wordpress_post_dated_past_ten_years_ahead_is_a_draft_without_a_date_with_a_warning(tmp_path):
    errors = wordpress_warnings(tmp_path, [Post(1, "Far ahead", "far-ahead", "<p>Words.</p>", date=dt.datetime(9999, 12, 31, 9))])
    article = Article.objects.get(slug="far-ahead")
    assert article.state == WorkflowState.DRAFT and publish_at(article) is None
    assert ("export.xml:50: is dated 9999-12-31, more than 10 years ahead: scheduled for then, it would never go live; "
            "imported as a draft without a date: give it its date in the desk and publish it") in errors


@pytest.mark.parametrize("year", [1, 1970, 1989])
def test_a_wordpress_post_dated_before_1990_is_a_draft_keeping_its_date_with_a_warning(tmp_path, year):
    # Year 1 is written as WordPress writes it, 0001-01-01 (Python's strftime writes it 1-01-01).
    errors = wordpress_warnings(tmp_path, [Post(1, "Long ago", "long-ago", "<p>Words.</p>", date=dt.datetime(1001 if year == 1 else year, 1, 1, 9))],
                              replace=("1001-01-01", "0001-01-01") if year == 1 else ("", ""))
    article = Article.objects.get(slug="long-ago")
    assert article.state == WorkflowState.DRAFT and article.published_at is None
    assert publish_at(article) == dt.datetime(year, 1, 1, 9, tzinfo=dt.timezone.utc).isoformat()
    assert f"export.xml:50: is dated {year:04d}-01-01, before 1990, when no newsroom published on the web" in errors
    assert "imported as a draft keeping that date: publish it in the desk if it is the story's own, else give it its date" in errors


def test_a_wordpress_post_dated_in_1990_or_nine_years_ahead_is_imported_as_it_says(tmp_path):
    ahead = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=9 * 365)).replace(tzinfo=None, microsecond=0)
    errors = wordpress_warnings(tmp_path, [Post(1, "Early web", "early-web", "<p>Words.</p>", date=dt.datetime(1990, 1, 1, 9)),
                                         Post(2, "Ahead", "ahead", "<p>Words.</p>", date=ahead)])
    assert Article.objects.get(slug="early-web").state == WorkflowState.PUBLISHED
    assert Article.objects.get(slug="ahead").state == WorkflowState.SCHEDULED
    assert "is dated" not in errors


def test_a_ghost_post_dated_past_ten_years_ahead_is_a_draft_without_a_date_with_a_warning(tmp_path):
    path = tmp_path / "ghost.json"
    path.write_text(ghost_samples.export([ghost_samples.post(1, "Far ahead", "far-ahead", html="<p>Words.</p>",
                                                             published_at="9999-12-31T09:00:00.000Z"),
                                          ghost_samples.post(2, "Placeholder", "placeholder", html="<p>Words.</p>",
                                                             published_at="0001-01-01T00:00:00.000Z")]), encoding="utf-8")
    errors = StringIO()
    call_command("import", "ghost", str(path), stdout=StringIO(), stderr=errors, verbosity=2)
    far, placeholder = Article.objects.get(slug="far-ahead"), Article.objects.get(slug="placeholder")
    assert far.state == WorkflowState.DRAFT and publish_at(far) is None
    assert placeholder.state == WorkflowState.DRAFT and publish_at(placeholder).startswith("0001-01-01")
    assert "db[0].data.posts[0]: is dated 9999-12-31, more than 10 years ahead" in errors.getvalue()
    assert "db[0].data.posts[1]: is dated 0001-01-01, before 1990" in errors.getvalue()



def test_a_markdown_date_past_ten_years_ahead_is_a_draft_without_a_date_naming_the_field_and_line(tmp_path):
    article, err = markdown_post(tmp_path, "date: 9999-01-01\n")
    assert article.state == WorkflowState.DRAFT and publish_at(article) is None
    assert "pier-lamps.md: front matter date, line 3: is dated 9999-01-01, more than 10 years ahead" in err


def test_a_markdown_date_before_1990_is_a_draft_keeping_it(tmp_path):
    article, err = markdown_post(tmp_path, "date: 0001-01-01T00:00:00Z\n")
    assert article.state == WorkflowState.DRAFT and publish_at(article).startswith("0001-01-01")
    assert "pier-lamps.md: front matter date, line 3: is dated 0001-01-01, before 1990" in err


def test_a_markdown_file_without_a_date_is_published_now_with_a_warning_naming_it(tmp_path):
    article, err = markdown_post(tmp_path, "")
    assert article.state == WorkflowState.PUBLISHED
    assert ("pier-lamps.md: has no date (no date or publishDate in its front matter, no YYYY-MM-DD- before its "
            "name); published dated the moment of the import, so it sits at the top of the home page: give it its "
            "date in the desk") in err


def test_a_jekyll_post_without_a_date_takes_its_file_name_s_date_without_a_warning(tmp_path):
    article, err = markdown_post(tmp_path, "", name="2019-06-02-pier-lamps.md", folder="_posts")
    assert article.state == WorkflowState.PUBLISHED and article.published_at.date() == dt.date(2019, 6, 2)
    assert "has no date" not in err and "is dated" not in err


def test_a_draft_without_a_date_is_not_warned_about_the_home_page(tmp_path):
    _, err = markdown_post(tmp_path, "draft: true\n")
    assert "has no date" not in err
