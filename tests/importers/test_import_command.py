"""`newsreel import jsonl|markdown`: every article through the one intake, failures named."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from newsreel.newsroom.models import Article, WorkflowState
from newsreel.public.models import StoredPage

pytestmark = pytest.mark.django_db


def article_record(index: int, **fields) -> dict:
    return {
        "title": f"Festival report number {index}", "slug": f"festival-report-{index}", "date": f"2026-03-0{index}T09:00:00Z",
        "author": "Ada Varga", "tags": ["festivals"], "summary": f"What happened on day {index}.",
        "body_markdown": f"Day {index} began early.\n\n"
                         f'![Crowd at the pier](/images/inline/day-{index}.jpg "The pier (Photo: Jo Ray)")\n\n'
                         "The screenings ran late.\n",
        **fields,
    }


def write_jsonl(path: Path, records: list[dict | str]) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records), encoding="utf-8")
    return path


def run_import(*args: str) -> tuple[str, str, CommandError | None]:
    out, err = StringIO(), StringIO()
    try:
        call_command("import", *args, stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


def test_a_good_file_publishes_every_article_with_its_page(tmp_path, client):
    source = write_jsonl(tmp_path / "articles.jsonl", [article_record(1), article_record(2)])
    out, err, error = run_import("jsonl", str(source))
    assert error is None, err
    assert "2 new, 0 updated, 0 failed" in out
    assert set(Article.objects.values_list("slug", "state")) == {
        ("festival-report-1", WorkflowState.PUBLISHED), ("festival-report-2", WorkflowState.PUBLISHED)}
    page = client.get("/articles/festival-report-1/").content
    assert b"Photo: Jo Ray" in page and b"/images/inline/day-1.jpg" in page
    assert StoredPage.objects.filter(path="/").exists()
    article = Article.objects.get(slug="festival-report-1")
    assert list(article.tags.values_list("name", flat=True)) == ["festivals"]
    assert article.published_at.isoformat() == "2026-03-01T09:00:00+00:00"


def test_a_bad_line_is_reported_with_its_line_and_field_and_the_rest_imports(tmp_path):
    source = write_jsonl(tmp_path / "articles.jsonl", [
        article_record(1), article_record(2, title=""), "{not json", article_record(4, tags="festivals" and 12), article_record(5)])
    out, err, error = run_import("jsonl", str(source))
    assert error is not None and "3 of 5 article(s) not imported" in str(error)
    assert f"{source}:2: title: is required" in err
    assert f"{source}:3: json: column 2: not valid JSON: Expecting property name enclosed in double quotes" in err
    assert f"{source}:4: tags: must be a list of names" in err
    assert set(Article.objects.values_list("slug", flat=True)) == {"festival-report-1", "festival-report-5"}


def test_a_text_error_names_the_line_of_body_markdown_the_writer_wrote(tmp_path):
    body = 'Intro.\n\n![Pier](/images/a.jpg "Pier (Photo: Jo Ray)")\n\n:::spoiler no-such-film-1999\nThe end.\n:::\n'
    source = write_jsonl(tmp_path / "articles.jsonl", [article_record(1, body_markdown=body)])
    _, err, error = run_import("jsonl", str(source))
    assert error is not None
    assert f"{source}:1: body_markdown, line 5:" in err  # the spoiler line, counted before the figure grew
    assert not Article.objects.exists()


def test_re_importing_updates_articles_by_slug(tmp_path, client):
    source = write_jsonl(tmp_path / "articles.jsonl", [article_record(1)])
    run_import("jsonl", str(source))
    assert b"Festival report number 1" in client.get("/articles/festival-report-1/").content  # stored now
    write_jsonl(source, [article_record(1, title="Festival report, corrected")])
    out, _, error = run_import("jsonl", str(source))
    assert error is None and "0 new, 1 updated" in out
    article = Article.objects.get()
    assert article.headline == "Festival report, corrected"
    assert article.revisions.count() == 2
    assert b"Festival report, corrected" in client.get("/articles/festival-report-1/").content  # never the old page


def test_an_image_without_credit_is_dropped_with_a_warning(tmp_path, client):
    body = "Intro.\n\n![Pier](/images/a.jpg)\n\nMore.\n"
    source = write_jsonl(tmp_path / "articles.jsonl", [article_record(1, body_markdown=body)])
    out, err, error = run_import("jsonl", str(source))
    assert error is None
    assert f"warning: {source}:1: body_markdown, line 3: image '/images/a.jpg' has no credit" in err
    assert b"/images/a.jpg" not in client.get("/articles/festival-report-1/").content


def html_pages() -> dict[str, bytes]:
    # HTML only: feeds carry the articles' database ids, which a second import changes.
    return {p.path: bytes(p.body) for p in StoredPage.objects.filter(content_type__startswith="text/html")}


def pages_of_two_imports(tmp_path, first: list[str], second: list[str]) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """The stored HTML pages after importing two stories with the `first` options, and after
    importing them again into the emptied site with the `second` options."""
    source = write_jsonl(tmp_path / "articles.jsonl", [article_record(1), article_record(2)])
    run_import("jsonl", str(source), *first)
    before = html_pages()
    StoredPage.objects.all().delete()
    Article.objects.all().delete()
    run_import("jsonl", str(source), *second)
    return before, html_pages()


def test_every_page_is_rendered_the_same_with_or_without_batching(tmp_path):
    each, batched = pages_of_two_imports(tmp_path, ["--render-each"], ["--render-pages"])
    assert set(batched) >= {"/", "/articles/festival-report-1/", "/articles/festival-report-2/"}
    assert {path: body for path, body in each.items() if path in batched} == batched


def test_by_default_a_story_s_page_is_rendered_on_its_first_request_the_same_as_during_the_import(tmp_path, client):
    rendered, lazily = pages_of_two_imports(tmp_path, ["--render-pages"], [])
    assert "/" in lazily  # the front page is rendered once, at the end
    assert not StoredPage.objects.filter(path__startswith="/articles/").exists()
    for path in ("/articles/festival-report-1/", "/articles/festival-report-2/"):
        assert client.get(path).content == rendered[path]
        assert bytes(StoredPage.objects.get(path=path).body) == rendered[path]  # stored by that request


def test_a_markdown_folder_imports_every_file_and_names_the_bad_one(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a-good-one.md").write_text(
        "---\nheadline: Harbor Lights wins\nslug: harbor-lights-wins\nauthors: [Ada Varga]\n---\nIt won.\n", encoding="utf-8")
    (tmp_path / "news" / "b-bad-one.md").write_text(
        "---\nheadline: Nowhere\nsection: no-such-section\n---\nText.\n", encoding="utf-8")
    (tmp_path / "news" / "notes.txt").write_text("not an article", encoding="utf-8")
    out, err, error = run_import("markdown", str(tmp_path / "news"))
    assert error is not None and "1 of 2" in str(error)
    assert f"{tmp_path / 'news' / 'b-bad-one.md'}: section:" in err
    assert "1 new, 0 updated, 1 failed" in out
    assert Article.objects.get().slug == "harbor-lights-wins"


def test_a_missing_source_is_named(tmp_path):
    _, _, error = run_import("jsonl", str(tmp_path / "nothing.jsonl"))
    assert error is not None and "nothing.jsonl: no such file" in str(error)


def test_an_imported_story_drops_its_neighbour_s_stored_page_so_its_next_link_is_never_missing(tmp_path, client):
    source = write_jsonl(tmp_path / "articles.jsonl", [article_record(1)])
    run_import("jsonl", str(source))
    assert b"/articles/festival-report-2/" not in client.get("/articles/festival-report-1/").content  # stored now
    write_jsonl(source, [article_record(1), article_record(2)])
    run_import("jsonl", str(source))
    assert b"/articles/festival-report-2/" in client.get("/articles/festival-report-1/").content


def test_render_pages_missing_stores_the_pages_an_import_left_for_their_first_request(tmp_path):
    rendered, _lazily = pages_of_two_imports(tmp_path, ["--render-pages"], [])
    out = StringIO()
    call_command("render_pages", "--missing", stdout=out, stderr=StringIO())
    assert out.getvalue().startswith("Rendered ")
    for path in ("/articles/festival-report-1/", "/articles/festival-report-2/"):
        assert bytes(StoredPage.objects.get(path=path).body) == rendered[path]
    again = StringIO()
    call_command("render_pages", "--missing", stdout=again, stderr=StringIO())
    assert again.getvalue().startswith("Rendered 0 pages")  # nothing stored is rendered twice


# Outside a test's transaction: a story is prepared outside any transaction, where fetching is allowed.
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("mode", [["--dry-run"], ["--render-each"], []])
def test_an_import_fetches_no_embed_poster_whatever_the_site_fetches_for_the_desk(tmp_path, settings, monkeypatch, mode):
    from newsreel.embeds import fetcher

    asked: list[str] = []
    monkeypatch.setattr(fetcher, "fetch", lambda embed: asked.append(embed.link) or fetcher.Fetched())
    settings.EMBED_POSTERS = True  # as a site that fetches posters for its desk has it
    body = "The trailer is out.\n\nhttps://www.youtube.com/watch?v=abcdefghijk\n\nThat is all.\n"
    source = write_jsonl(tmp_path / "articles.jsonl", [article_record(1, body_markdown=body)])
    _, err, error = run_import("jsonl", str(source), *mode)
    assert error is None, err
    assert asked == []
