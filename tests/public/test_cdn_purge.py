"""A CDN in front of the site is told which pages changed, once the change commits (NEWSREEL_CDN_PURGE_URL).

Each spec starts a small HTTP server on a free port that plays the CDN's purge API and
records every request it gets. These specs commit for real (transactional database).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import transaction

from newsreel.config import ConfigError, load_config
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.publishing import save_and_publish
from newsreel.public import cdn_purge
from newsreel.public.models import StoredPage

pytestmark = pytest.mark.django_db(transaction=True)

SITE = "https://news.example.com"


class PurgeAPI:
    """A purge endpoint on 127.0.0.1 that records (method, path, query, headers, body) and answers `status`."""

    def __init__(self) -> None:
        self.received: list[dict] = []
        self.status = 200
        api = self

        class Handler(BaseHTTPRequestHandler):
            def handle_any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                parts = urlsplit(self.path)
                api.received.append({"method": self.command, "path": parts.path, "query": parse_qs(parts.query),
                                     "headers": dict(self.headers), "body": self.rfile.read(length)})
                self.send_response(api.status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_POST = do_PURGE = do_DELETE = handle_any

            def log_message(self, *args) -> None:  # keep the test output clean
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def purged_urls(self) -> set[str]:
        """Every page URL the API was asked to purge, whichever shape the requests had."""
        urls = set()
        for request in self.received:
            urls.update(request["query"].get("url", []))
            if request["body"]:
                body = json.loads(request["body"])
                urls.update(body.get("files", []) + body.get("urls", []))
        return urls

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def purge_api():
    api = PurgeAPI()
    yield api
    cdn_purge.wait(10)
    api.stop()


@pytest.fixture
def cdn(settings, purge_api):
    """The site behind a CDN whose purge API takes one URL a request (?url=...), with a token."""
    settings.CONFIG = dataclasses.replace(
        settings.CONFIG, site_url=SITE, cdn_purge_url=purge_api.base + "/purge?url={quoted_url}",
        cdn_purge_method="POST", cdn_purge_header="Authorization: Bearer spec-token")
    return purge_api


def publish_story(headline: str, **changes) -> None:
    values = {"headline": headline, "body": "The harbour town's cinema reopens on Friday.\n\nIt shows Harbor Lights.",
              "section": "news", "tags": ["Festival"], "authors": ["Nadia Ferro"], **changes}
    save_and_publish(ArticleDraft(**values), origin="test")


def test_a_publish_purges_every_page_it_rendered_or_dropped_once_it_commits(cdn, graph, news, client):
    publish_story("The harbour cinema reopens")
    assert client.get("/tags/festival/").status_code == 200  # a reader fills the tag page
    assert cdn_purge.wait(10)
    cdn.received.clear()

    publish_story("The harbour cinema sells out", tags=["Festival"])
    assert cdn_purge.wait(10)
    purged = cdn.purged_urls()
    assert {f"{SITE}/articles/the-harbour-cinema-sells-out/", f"{SITE}/", f"{SITE}/tags/festival/"} <= purged
    assert StoredPage.objects.filter(path="/tags/festival/").count() == 0  # dropped, so purged
    assert all(request["method"] == "POST" and request["path"] == "/purge"
               and request["headers"]["Authorization"] == "Bearer spec-token" for request in cdn.received)
    assert len(cdn.received) == len(purged)  # one request per page, none twice


def test_a_readers_fill_purges_nothing(cdn, graph, news, client):
    publish_story("The harbour cinema reopens")
    assert cdn_purge.wait(10)
    cdn.received.clear()
    assert client.get("/tags/festival/").status_code == 200
    assert StoredPage.objects.filter(path="/tags/festival/").exists()
    assert cdn_purge.wait(10)
    assert cdn.received == []


def test_a_rolled_back_publish_purges_nothing_then_or_on_a_later_commit(cdn, graph, news):
    with pytest.raises(RuntimeError), transaction.atomic():
        publish_story("The harbour cinema never reopened")
        raise RuntimeError("the desk's request failed after the publish")
    with transaction.atomic():  # an unrelated commit later on the same connection
        graph.mira.bio = "Mira Sol shoots on invented film stock."
        graph.mira.save()
    assert cdn_purge.wait(10)
    assert not any("never-reopened" in url for url in cdn.purged_urls())


def test_a_purge_api_that_takes_a_list_gets_the_urls_thirty_at_a_time(settings, purge_api):
    settings.CONFIG = dataclasses.replace(settings.CONFIG, site_url=SITE, cdn_purge_url=purge_api.base + "/purge_cache",
                                          cdn_purge_method="POST", cdn_purge_body='{"files": {urls}}')
    paths = [f"/articles/story-{n}/" for n in range(65)]
    cdn_purge.purge(paths)
    assert [len(json.loads(request["body"])["files"]) for request in purge_api.received] == [30, 30, 5]
    assert purge_api.purged_urls() == {SITE + path for path in paths}
    assert all(request["headers"]["Content-Type"] == "application/json" for request in purge_api.received)


def test_a_purge_sent_to_the_page_itself_replaces_the_path(settings, purge_api):
    settings.CONFIG = dataclasses.replace(settings.CONFIG, site_url=SITE, cdn_purge_url=purge_api.base + "{path}",
                                          cdn_purge_method="PURGE")
    cdn_purge.purge(["/", "/articles/harbour/"])
    assert [(request["method"], request["path"]) for request in purge_api.received] == [
        ("PURGE", "/"), ("PURGE", "/articles/harbour/")]


def test_a_failing_purge_is_logged_and_never_fails_the_publish(cdn, graph, news, client, caplog):
    cdn.status = 503
    with caplog.at_level(logging.WARNING, logger="newsreel.public.cdn_purge"):
        publish_story("The harbour cinema reopens")
        assert cdn_purge.wait(10)
    assert client.get("/articles/the-harbour-cinema-reopens/").status_code == 200
    assert cdn.received, "no purge was tried"
    assert any("CDN purge failed for" in record.getMessage() for record in caplog.records)


def test_more_changed_pages_than_the_limit_are_left_to_expire_with_a_warning(cdn, caplog, monkeypatch):
    monkeypatch.setattr(cdn_purge, "LIMIT", 3)
    with caplog.at_level(logging.WARNING, logger="newsreel.public.cdn_purge"):
        cdn_purge.purge([f"/articles/story-{n}/" for n in range(4)])
    assert cdn.received == []
    assert "4 pages changed at once" in caplog.text


def test_without_a_purge_url_nothing_is_sent(settings, purge_api, graph, news):
    settings.CONFIG = dataclasses.replace(settings.CONFIG, site_url=SITE, cdn_purge_url="")
    publish_story("The harbour cinema reopens")
    assert cdn_purge.wait(10)
    assert purge_api.received == []


@pytest.mark.parametrize(("environment", "named"), [
    ({"NEWSREEL_CDN_PURGE_URL": "https://cdn.example.net/purge?url={link}"}, "NEWSREEL_CDN_PURGE_URL"),
    ({"NEWSREEL_CDN_PURGE_URL": "cdn.example.net/purge"}, "NEWSREEL_CDN_PURGE_URL"),
    ({"NEWSREEL_CDN_PURGE_METHOD": "PURGE ALL"}, "NEWSREEL_CDN_PURGE_METHOD"),
    ({"NEWSREEL_CDN_PURGE_HEADER": "Bearer spec-token"}, "NEWSREEL_CDN_PURGE_HEADER"),
    ({"NEWSREEL_CDN_PURGE_URL": "https://cdn.example.net/purge", "NEWSREEL_CDN_PURGE_BODY": '{"files": []}'},
     "NEWSREEL_CDN_PURGE_BODY"),
], ids=["unknown-placeholder", "not-a-url", "method", "header-without-name", "body-without-urls"])
def test_a_purge_setting_that_cannot_work_stops_start_up_naming_it(environment, named):
    with pytest.raises(ConfigError) as raised:
        load_config(environment)
    assert str(raised.value).startswith(named)


def test_newsreel_publish_sends_its_purges_before_it_exits(tmp_path, purge_api):
    from tests.operations.processes import base_env, newsreel

    story = tmp_path / "story.md"
    story.write_text("---\nheadline: Harbour cinema reopens\nslug: harbour-cinema-reopens\n---\n\n"
                     "The harbour town's cinema reopens on Friday.\n", encoding="utf-8")
    env = base_env(tmp_path / "data", NEWSREEL_SITE_URL=SITE, NEWSREEL_CDN_PURGE_URL=purge_api.base + "/purge",
                   NEWSREEL_CDN_PURGE_BODY='{"files": {urls}}')
    published = newsreel("publish", str(story), env=env)
    assert published.returncode == 0, published.stderr
    assert {f"{SITE}/articles/harbour-cinema-reopens/", f"{SITE}/"} <= purge_api.purged_urls()
