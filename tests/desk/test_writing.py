"""The writing desk's server side: what the editor learns as the writer types (the live
reading of the text, completions, pictures). The browser specs are in test_writing_in_browser.py."""

import pytest

from newsreel.films.knowledge import import_knowledge_graph
from newsreel.images.models import Image
from newsreel.newsroom import autosave
from newsreel.newsroom.models import Article

from tests.graph import ADDED_LATER, SAME_NAMED

from .conftest import GRAPH, article_form, png_upload

pytestmark = pytest.mark.django_db

STORY = """“I wanted the sea to be the last thing you hear,” Ada Varga said.

Tomas Ilic plays Jonah in *Harbor Lights*. We also rewatched *Night Ferry* and *The Lantern Years*.

:::spoiler harbor-lights-2025
In the last scene the lighthouse keeper walks into the sea.
:::
"""


@pytest.fixture
def graphs(graph):
    import_knowledge_graph(SAME_NAMED)


def test_the_live_reading_lists_films_people_quotes_and_spoilers(as_editor, graphs):
    answer = as_editor.post("/desk/articles/new/live/", article_form(body=STORY))
    assert answer.status_code == 200
    data = answer.json()
    films = {film["key"]: film for film in data["films"]}
    assert films["harbor-lights-2025"]["spoiled"] and films["harbor-lights-2025"]["mentioned"]
    assert {person["name"] for person in data["people"]} >= {"Ada Varga", "Tomas Ilic"}
    assert data["quotes"] == [{"text": "I wanted the sea to be the last thing you hear", "speaker": "Ada Varga",
                               "in_spoiler": False}]
    assert data["spoiler_blocks"] == [{"line": 5, "key": "harbor-lights-2025", "title": "Harbor Lights (2025)"}]
    assert data["spoiler_note"] == "This story includes spoilers for Harbor Lights (2025)."
    assert data["words"] > 20 and data["minutes"] == 1
    assert data["problems"] == []
    assert data["preview_url"] == "/preview/draft/new/"


def test_same_named_films_and_unknown_titles_are_warned_about(as_editor, graphs):
    data = as_editor.post("/desk/articles/new/live/", article_form(body=STORY)).json()
    messages = [warning["message"] for warning in data["warnings"]]
    ambiguous = next(w for w in data["warnings"] if w["surface"] == "Night Ferry")
    assert ambiguous["message"] == "“Night Ferry”: 2 films match; not linked. Which one?"
    assert [option["label"] for option in ambiguous["options"]] == [
        "Night Ferry (1984, Oskar Brandt)", "Night Ferry (2021, Ines Kahale)"]
    assert any("“The Lantern Years” is set in italics like a title" in message for message in messages)


def test_a_pinned_link_settles_the_ambiguity(as_editor, graphs):
    pin = {"link_entity": "film:night-ferry-1984", "link_surface": "Night Ferry",
           "link_added": "film:night-ferry-1984", "link_on": "film:night-ferry-1984"}
    data = as_editor.post("/desk/articles/new/live/", article_form(body=STORY, **pin)).json()
    assert not any(w["surface"] == "Night Ferry" for w in data["warnings"])
    assert {film["key"]: film["linked"] for film in data["films"]}["night-ferry-1984"]
    preview = as_editor.get(data["preview_url"]).content.decode()
    assert 'href="/films/night-ferry-1984/"' in preview and "night-ferry-2021" not in preview


def test_bad_text_is_reported_with_its_line_and_the_rest_still_previews(as_editor, graphs):
    body = "Fine first line.\n\n:::spoiler harbour-lightz\nHidden.\n:::\n"
    data = as_editor.post("/desk/articles/new/live/", article_form(body=body, sources="| no name")).json()
    lines = {problem["line"] for problem in data["problems"]}
    assert 3 in lines and None in lines  # the spoiler's film on line 3; the sources field
    assert data["spoiler_blocks"][0]["line"] == 3 and "unknown film" in data["spoiler_blocks"][0]["problem"]


def test_the_live_reading_is_kept_as_the_writers_unsaved_draft(as_editor, editor, graphs):
    as_editor.post("/desk/articles/new/", article_form())
    article = Article.objects.get()
    as_editor.post(f"/desk/articles/{article.pk}/live/", article_form(body="Typed just now.\n"))
    assert autosave.find(editor, article).fields["body"] == "Typed just now.\n"
    assert article.revisions.count() == 1
    assert "Typed just now." in as_editor.get(f"/preview/draft/{article.pk}/").content.decode()


def test_another_writers_story_is_not_read(client, contributor, other_contributor, graphs):
    client.force_login(contributor)
    client.post("/desk/articles/new/", article_form())
    article = Article.objects.get()
    client.force_login(other_contributor)
    answer = client.post(f"/desk/articles/{article.pk}/live/", article_form(body="Mine now"))
    assert answer.status_code == 403


def test_completions_tell_same_named_films_apart(as_editor, graphs):
    data = as_editor.get("/desk/knowledge/complete/", {"q": "We also rewatched Night Fe"}).json()
    assert data["matched"] == "Night Fe"
    assert [(o["label"], o["detail"], o["entity"]) for o in data["options"]] == [
        ("Night Ferry", "(2021, Ines Kahale)", "film:night-ferry-2021"),
        ("Night Ferry", "(1984, Oskar Brandt)", "film:night-ferry-1984"),
    ]


def test_completions_offer_people_with_their_role(as_editor, graphs):
    options = as_editor.get("/desk/knowledge/complete/", {"q": "Ada V"}).json()["options"]
    assert options[0]["label"] == "Ada Varga" and options[0]["detail"] == "(director of Harbor Lights (2025))"
    assert as_editor.get("/desk/knowledge/complete/", {"q": "Zzz"}).json() == {"matched": "", "options": []}
    films_only = as_editor.get("/desk/knowledge/complete/", {"q": "T", "kind": "film"}).json()["options"]
    assert {o["kind"] for o in films_only} <= {"film"}


def test_a_pasted_picture_is_stored_only_with_alt_text_and_credit(as_editor, graphs):
    refused = as_editor.post("/desk/images/upload/", {"file": png_upload(), "alt": "", "credit": ""})
    assert refused.status_code == 400 and set(refused.json()["errors"]) >= {"alt", "credit"}
    assert not Image.objects.exists()
    stored = as_editor.post("/desk/images/upload/", {"file": png_upload(), "alt": "A lighthouse at dusk",
                                                      "credit": "Photo: Newsreel Demo"})
    assert stored.status_code == 201
    image = Image.objects.get()
    assert stored.json()["reference"] == f"image:{image.pk}" and stored.json()["alt"] == "A lighthouse at dusk"
    found = as_editor.get("/desk/images/find/", {"q": "lighthouse"}).json()["images"]
    assert [item["id"] for item in found] == [image.pk]
    assert as_editor.get("/desk/images/find/", {"q": "submarine"}).json()["images"] == []


def test_the_editor_page_carries_the_editor_and_still_works_as_a_form(as_editor, graphs):
    html = as_editor.get("/desk/articles/new/").content.decode()
    assert 'src="/static/desk/editor.js"' in html and "data-writing" in html
    assert 'name="body"' in html  # the textarea is still the field the form posts


def _count_text_core_runs(monkeypatch) -> list:
    from newsreel.newsroom import publishing

    runs, real = [], publishing.process_article
    monkeypatch.setattr(publishing, "process_article", lambda *args, **kwargs: runs.append(1) or real(*args, **kwargs))
    return runs


def test_one_refresh_runs_the_text_core_once_and_the_preview_is_what_a_fresh_run_renders(as_editor, graphs,
                                                                                          monkeypatch):
    from django.core.cache import cache
    from django.utils import timezone

    moment = timezone.now()
    monkeypatch.setattr(timezone, "now", lambda: moment)  # the page shows the time it was rendered
    runs = _count_text_core_runs(monkeypatch)
    data = as_editor.post("/desk/articles/new/live/", article_form(body=STORY)).json()
    reused = as_editor.get(data["preview_url"])
    assert reused.status_code == 200 and len(runs) == 1
    cache.clear()
    fresh = as_editor.get(data["preview_url"])
    assert len(runs) == 2
    assert reused.content == fresh.content


def test_a_refresh_does_not_render_the_feed_and_saving_still_does(as_editor, graphs, monkeypatch):
    from newsreel.newsroom import publishing

    asked, real = [], publishing.process_article
    monkeypatch.setattr(publishing, "process_article",
                        lambda *args, **kwargs: asked.append(kwargs.get("feed", True)) or real(*args, **kwargs))
    data = as_editor.post("/desk/articles/new/live/", article_form(body=STORY)).json()
    assert as_editor.get(data["preview_url"]).status_code == 200
    assert asked == [False]  # the panel and the preview page: one run, no feed HTML
    from newsreel.newsroom.intake import ArticleDraft

    published = publishing.save_and_publish(ArticleDraft(headline="The sea", body=STORY))
    assert asked[-1] is True and "Ada Varga" in published.feed_html


def test_the_preview_runs_the_text_core_again_when_the_text_or_the_graph_changed(as_editor, graphs, monkeypatch):
    runs = _count_text_core_runs(monkeypatch)
    data = as_editor.post("/desk/articles/new/live/", article_form(body=STORY)).json()
    as_editor.post("/desk/articles/new/live/", article_form(body=STORY + "\nOne more line.\n"))
    assert len(runs) == 2
    import_knowledge_graph(ADDED_LATER)
    preview = as_editor.get(data["preview_url"]).content.decode()
    assert len(runs) == 3
    assert 'href="/films/the-lantern-years-2019/"' in preview and "One more line." in preview
