"""`newsreel export static DIR`: the public site as files, byte for byte what the server sends."""

from __future__ import annotations

import datetime as dt
import importlib
import io
import json
import os
from pathlib import Path

import pytest
from django.core.management import call_command

from newsreel.films.models import Film
from newsreel.public.export import MANIFEST_NAME, ExportError, export_static, file_for_path
from newsreel.public.models import StoredPage
from newsreel.public.sitemaps.families import part_of
from newsreel.public.store import delete_page, store_page

pytestmark = pytest.mark.django_db


def exported(root: Path, path: str) -> bytes:
    return (root / file_for_path(path)).read_bytes()


def served(client, path: str) -> bytes:
    response = client.get(path)
    if hasattr(response, "streaming_content"):
        return b"".join(response.streaming_content)
    return response.content


@pytest.fixture
def newsroom(make_article, publish, site, graph):
    """Two live stories with spoiler blocks, films, people, a section, an author and a tag."""
    first = publish(make_article("Harbor Lights wraps its winter shoot", slug="harbor-wraps"))
    second = publish(make_article("A second look at the lighthouse", slug="second-look"))
    return first, second


@pytest.fixture
def out(tmp_path):
    """The export folder (beside the media folder the hero image fixture uses)."""
    return tmp_path / "export"


def test_every_stored_page_is_exported_byte_identical_to_what_the_server_sends(client, newsroom, out):
    export_static(out)
    root = out
    paths = list(StoredPage.objects.filter(status=200).values_list("path", flat=True))
    assert "/articles/harbor-wraps/" in paths and "/" in paths
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert exported(root, path) == response.content, path


def test_pages_the_server_fills_on_request_are_rendered_for_the_export(newsroom, out):
    # Nobody asked for these pages yet, and no published story touches them.
    assert not StoredPage.objects.filter(path__in=["/films/paper-orchard-2023/", "/people/mira-sol/",
                                                   "/sections/reviews/"]).exists()
    result = export_static(out)
    assert result.rendered >= 3
    for path in ("/films/paper-orchard-2023/", "/people/mira-sol/", "/sections/reviews/", "/"):
        assert (out / file_for_path(path)).read_bytes().startswith(b"<!doctype html>"), path


def test_without_rendering_only_stored_pages_are_exported(newsroom, out):
    export_static(out, render=False)
    assert not (out / "films/paper-orchard-2023/index.html").exists()
    assert (out / "articles/harbor-wraps/index.html").exists()


def test_urls_map_to_files_a_static_host_serves_at_the_same_url():
    assert file_for_path("/") == "index.html"
    assert file_for_path("/articles/harbor-wraps/") == "articles/harbor-wraps/index.html"
    assert file_for_path("/feed.xml") == "feed.xml"
    assert file_for_path("/sitemaps/articles-1.xml") == "sitemaps/articles-1.xml"


@pytest.mark.parametrize("path", ["articles/x/", "/../etc/passwd", "/articles//x/", "/a/./b", "/a\\b/"])
def test_a_path_that_cannot_be_a_file_inside_the_export_is_refused_by_name(path):
    with pytest.raises(ExportError, match="cannot be written|does not start"):
        file_for_path(path)


def test_a_stored_page_with_an_unusable_path_is_skipped_and_named(newsroom, out):
    store_page("/../escape.html", b"<p>out</p>", "other")
    result = export_static(out)
    assert any("/../escape.html" in problem for problem in result.skipped)
    assert not (out / "escape.html").exists()


def test_media_originals_and_renditions_are_copied_byte_identical(client, hero_image, settings, out):
    export_static(out)
    media_root = Path(settings.MEDIA_ROOT)
    files = [path for path in media_root.rglob("*") if path.is_file() and out not in path.parents]
    assert len(files) > 1, "the uploaded photo and its renditions"
    for path in files:
        url = settings.MEDIA_URL + path.relative_to(media_root).as_posix()
        assert (out / url.lstrip("/")).read_bytes() == served(client, url), url


def test_static_files_the_pages_name_are_exported(newsroom, out):
    export_static(out)
    home = (out / "index.html").read_text()
    stylesheet = home.split('rel="stylesheet" href="', 1)[1].split('"', 1)[0]
    assert stylesheet.startswith("/static/")
    assert (out / stylesheet.lstrip("/")).is_file()


def test_the_not_found_page_is_written_where_static_hosts_look_for_it(client, newsroom, out):
    export_static(out)
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert (out / "404.html").read_bytes() == response.content


def test_a_withdrawn_story_is_exported_as_its_gone_page(client, newsroom, unpublish, out):
    first, _ = newsroom
    unpublish(first)
    export_static(out)
    response = client.get("/articles/harbor-wraps/")
    assert response.status_code == 410
    assert exported(out, "/articles/harbor-wraps/") == response.content
    assert b"Harbor Lights wraps" not in response.content


def test_a_changed_slug_becomes_a_redirect_rule_and_a_refreshing_page(client, newsroom, publish, out):
    first, _ = newsroom
    publish(first, slug="harbor-lights-wraps")
    assert client.get("/articles/harbor-wraps/").status_code == 301
    export_static(out)
    assert "/articles/harbor-wraps/ /articles/harbor-lights-wraps/ 301\n" in (out / "_redirects").read_text()
    old_page = (out / "articles/harbor-wraps/index.html").read_text()
    assert '<meta http-equiv="refresh" content="0; url=/articles/harbor-lights-wraps/">' in old_page
    assert exported(out, "/articles/harbor-lights-wraps/") == client.get("/articles/harbor-lights-wraps/").content


def test_a_second_export_with_nothing_changed_writes_nothing(newsroom, out):
    first = export_static(out)
    mtime = (out / "articles/harbor-wraps/index.html").stat().st_mtime_ns
    second = export_static(out)
    assert first.written > 0 and first.unchanged == 0
    assert (second.written, second.removed) == (0, 0)
    assert second.unchanged == first.written
    assert (out / "articles/harbor-wraps/index.html").stat().st_mtime_ns == mtime


def test_publishing_one_story_rewrites_only_the_pages_it_touched(client, newsroom, make_article, publish, out):
    export_static(out)
    before = json.loads((out / MANIFEST_NAME).read_text())["files"]
    untouched = out / "films/paper-orchard-2023/index.html"
    untouched_mtime = untouched.stat().st_mtime_ns
    publish(make_article("A third story from the harbor", slug="third"))
    result = export_static(out)
    after = json.loads((out / MANIFEST_NAME).read_text())["files"]
    changed = {name for name, signature in after.items() if before.get(name) != signature}
    assert "articles/third/index.html" in changed
    assert result.written == len(changed) and result.unchanged == len(after) - len(changed)
    assert untouched.stat().st_mtime_ns == untouched_mtime
    for path in ("/articles/third/", "/", "/articles/second-look/", "/films/harbor-lights-2025/"):
        assert exported(out, path) == client.get(path).content, path


def test_pages_that_no_longer_exist_are_removed_with_their_empty_folders(newsroom, out):
    store_page("/lists/old-list/", b"<!doctype html><title>Old</title>", "other")
    export_static(out)
    assert (out / "lists/old-list/index.html").exists()
    delete_page("/lists/old-list/")
    result = export_static(out)
    assert result.removed == 1
    assert not (out / "lists").exists()


def test_files_a_person_did_not_write_are_left_alone(newsroom, out):
    out.mkdir()
    (out / "CNAME").write_text("news.example\n")
    export_static(out)
    export_static(out)
    assert (out / "CNAME").read_text() == "news.example\n"


def test_a_file_deleted_from_the_export_is_written_again(newsroom, out):
    export_static(out)
    (out / "articles/second-look/index.html").unlink()
    result = export_static(out)
    assert result.written == 1
    assert (out / "articles/second-look/index.html").exists()


def test_an_unreadable_manifest_means_writing_every_file(newsroom, out):
    first = export_static(out)
    (out / MANIFEST_NAME).write_text("{not json")
    warnings = io.StringIO()
    second = export_static(out, progress_stream=warnings)
    assert second.written == first.written
    assert MANIFEST_NAME in warnings.getvalue()
    assert json.loads((out / MANIFEST_NAME).read_text())["files"]["index.html"].startswith('"')


def test_the_manifest_records_each_page_by_its_etag(newsroom, out):
    export_static(out)
    files = json.loads((out / MANIFEST_NAME).read_text())["files"]
    page = StoredPage.objects.get(path="/articles/harbor-wraps/")
    assert files["articles/harbor-wraps/index.html"] == page.etag


def test_exporting_into_a_file_is_an_error_naming_it(newsroom, out):
    out.write_text("")
    with pytest.raises(ExportError, match=str(out)):
        export_static(out)


def test_exporting_over_the_media_folder_is_refused(newsroom, settings, tmp_path):
    with pytest.raises(ExportError, match="copies from"):
        export_static(Path(settings.MEDIA_ROOT).parent)


def test_the_command_prints_what_it_wrote_kept_and_removed(newsroom, out):
    printed = io.StringIO()
    call_command("export", "static", str(out), stdout=printed, stderr=io.StringIO())
    assert "files written" in printed.getvalue() and "0 unchanged" in printed.getvalue()
    printed = io.StringIO()
    call_command("export", "static", str(out), stdout=printed, stderr=io.StringIO())
    assert "0 files written" in printed.getvalue() and "0 removed" in printed.getvalue()
    assert os.path.exists(out / MANIFEST_NAME)


def test_every_page_of_every_list_is_exported_not_only_those_readers_opened(client, newsroom, out, monkeypatch):
    monkeypatch.setattr("newsreel.public.pages.pagination.PER_PAGE", 1)  # two stories fill two pages
    export_static(out)
    for path in ("/sections/news/page/2/", "/authors/nadia-ferro/page/2/", "/tags/drama/", "/tags/drama/page/2/",
                 "/archive/", "/archive/2026/03/page/2/", "/films/harbor-lights-2025/coverage/page/2/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert exported(out, path) == response.content, path


def test_feeds_sitemaps_and_robots_txt_are_exported_as_served(client, newsroom, out):
    export_static(out)
    feeds = StoredPage.objects.filter(kind="feed").values_list("path", flat=True)
    assert any(path.startswith("/tags/drama/") for path in feeds), "a feed nobody asked for yet"
    for path in ["/robots.txt", "/sitemap.xml", *feeds]:
        assert exported(out, path) == client.get(path).content, path


def test_a_static_file_collected_again_with_the_same_bytes_is_not_copied_again(newsroom, settings, out):
    export_static(out)
    collected = next(path for path in Path(settings.STATIC_ROOT).rglob("*.css") if path.is_file())
    os.utime(collected, ns=(collected.stat().st_atime_ns, collected.stat().st_mtime_ns + 5_000_000_000))
    manifest = (out / MANIFEST_NAME).stat().st_mtime_ns
    assert export_static(out).written == 0
    assert (out / MANIFEST_NAME).stat().st_mtime_ns == manifest, "nothing copied, nothing recorded anew"


def calls_to(monkeypatch, *functions: str) -> list[str]:
    """Wrap each function (by dotted name, where it is called from) to note every call."""
    calls: list[str] = []
    for dotted in functions:
        module, name = dotted.rsplit(".", 1)
        original = getattr(importlib.import_module(module), name)

        def spy(*args, original=original, dotted=dotted, **kwargs):
            calls.append(dotted)
            return original(*args, **kwargs)

        monkeypatch.setattr(dotted, spy)
    return calls


def stored_paths() -> set[str]:
    return set(StoredPage.objects.values_list("path", flat=True))


def test_an_export_right_after_another_renders_nothing_and_writes_nothing(newsroom, out, monkeypatch):
    monkeypatch.setattr("newsreel.public.pages.pagination.PER_PAGE", 1)  # deeper list pages too
    first = export_static(out)
    renders = calls_to(monkeypatch, "newsreel.public.feeds.stored.render_feed", "newsreel.public.sitemaps.stored.urlset",
                       "newsreel.public.refresh.store_page", "newsreel.public.listing_refresh.store_page")
    second = export_static(out)
    assert first.rendered > 0
    assert (second.rendered, second.written, second.removed) == (0, 0, 0)
    assert renders == [], "no feed, sitemap, list or story rendered again"


def test_after_a_publish_the_export_renders_only_the_pages_it_dropped(client, newsroom, make_article, publish, out,
                                                                      monkeypatch):
    monkeypatch.setattr("newsreel.public.pages.pagination.PER_PAGE", 1)
    export_static(out)
    before = stored_paths()
    publish(make_article("A third story from the harbor", slug="third"))
    after_publish = stored_paths()
    dropped = before - after_publish
    assert dropped, "the publish drops tag, author, film, feed and sitemap pages"
    result = export_static(out)
    rendered = stored_paths() - after_publish
    # Nothing still stored is rendered again; besides what was dropped, only the pages a
    # third story adds to its lists (page 3 of each, with one story a page).
    assert result.rendered == len(rendered)
    assert all(path.endswith("/page/3/") for path in rendered - dropped), rendered - dropped
    for path in dropped:
        if client.get(path).status_code == 200:
            assert path in rendered, f"{path} was dropped and is still on the site"
            assert exported(out, path) == client.get(path).content, path


def test_a_story_whose_page_a_publish_dropped_is_rendered_for_the_export(client, newsroom, out):
    delete_page("/articles/second-look/")  # as a publish does when the story's related list changes
    result = export_static(out)
    assert result.rendered >= 1
    assert exported(out, "/articles/second-look/") == client.get("/articles/second-look/").content


def test_only_the_feeds_and_sitemaps_a_publish_dropped_are_rendered_again(newsroom, out):
    export_static(out)
    feed = StoredPage.objects.get(path="/tags/drama/feed.xml")
    kept = StoredPage.objects.get(path="/feed.json")
    delete_page("/tags/drama/feed.xml")
    # Parts go by id, and ids keep climbing across tests on PostgreSQL: ask which part lists the film.
    delete_page(f"/sitemaps/films-{part_of(Film.objects.get(key='harbor-lights-2025').pk)}.xml")
    result = export_static(out)
    assert result.rendered == 2
    assert StoredPage.objects.get(path="/tags/drama/feed.xml").etag == feed.etag
    assert StoredPage.objects.get(path="/feed.json").last_modified == kept.last_modified
    assert (result.written, result.removed) == (0, 0), "same bytes: the files are left alone"


def test_a_news_sitemap_whose_stories_aged_out_is_not_exported(client, newsroom, out):
    # Rendered when the stories were new; two days on, no story is recent enough for it.
    store_page("/sitemaps/news.xml", b'<?xml version="1.0"?><urlset/>', "sitemap", content_type="application/xml",
               last_modified=dt.datetime(2026, 3, 2, tzinfo=dt.timezone.utc))
    export_static(out)
    assert client.get("/sitemaps/news.xml").status_code == 404
    assert not (out / "sitemaps/news.xml").exists()


def test_a_sitemap_index_still_naming_an_aged_out_news_sitemap_is_rendered_again(client, newsroom, out):
    export_static(out)
    stale = exported(out, "/sitemap.xml").replace(
        b"</sitemapindex>", b"<sitemap><loc>http://testserver/sitemaps/news.xml</loc></sitemap>\n</sitemapindex>")
    store_page("/sitemap.xml", stale, "sitemap", content_type="application/xml")
    export_static(out)
    assert b"news.xml" not in exported(out, "/sitemap.xml")
    assert exported(out, "/sitemap.xml") == client.get("/sitemap.xml").content
