"""Preview from the desk: the Preview button opens the real page of what is in the editor;
shareable links are made with a lifetime and revoked all at once."""

import re

import pytest

from newsreel.newsroom import autosave
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.models import Article
from newsreel.newsroom.publishing import save_draft

from .conftest import BODY, article_form

pytestmark = pytest.mark.django_db


def test_preview_keeps_the_editor_text_unsaved_and_opens_it_on_the_real_page(as_editor, editor, graph):
    as_editor.post("/desk/articles/new/", article_form())
    article = Article.objects.get()
    response = as_editor.post(f"/desk/articles/{article.pk}/", article_form(
        action="preview", headline="A headline not saved yet", slug=article.slug, base_revision="1"))
    assert response.status_code == 302 and response["Location"] == f"/preview/draft/{article.pk}/"
    assert article.revisions.count() == 1  # a preview saves no revision
    assert autosave.find(editor, article).draft["headline"] == "A headline not saved yet"
    page = as_editor.get(response["Location"]).content.decode()
    assert '<h1 id="headline">A headline not saved yet</h1>' in page and "/static/public/site.css" in page


def test_a_new_story_previews_before_its_first_save(as_editor, graph):
    response = as_editor.post("/desk/articles/new/", article_form(action="preview"))
    assert response["Location"] == "/preview/draft/new/" and not Article.objects.exists()
    assert "Ada Varga finishes Harbor Lights" in as_editor.get("/preview/draft/new/").content.decode()


def test_the_editor_opens_the_preview_in_a_new_tab(as_editor, graph):
    html = as_editor.get("/desk/articles/new/").content.decode()
    assert re.search(r'<button[^>]*value="preview"[^>]*formtarget="_blank"', html)


def test_an_editor_makes_a_preview_link_that_works_for_anyone(client, as_editor, graph, contributor):
    article = save_draft(ArticleDraft(headline="Carla's draft", body=BODY), user=contributor)
    page = as_editor.post(f"/desk/articles/{article.pk}/preview-link/", {"lifetime": "7 days"})
    html = page.content.decode()
    assert page.status_code == 200 and "(7 days)" in html
    url = re.search(r'id="preview-url" value="([^"]+)"', html).group(1)
    assert url.startswith("http") and f"/preview/{article.pk}/" in url
    path = url[url.index("/preview/"):]
    as_editor.logout()
    shown = client.get(path)
    assert shown.status_code == 200 and "Carla&#x27;s draft" in shown.content.decode()


def test_revoking_stops_the_links_already_shared(client, as_editor, graph):
    as_editor.post("/desk/articles/new/", article_form())
    article = Article.objects.get()
    html = as_editor.post(f"/desk/articles/{article.pk}/preview-link/", {"lifetime": "1 day"}).content.decode()
    url = re.search(r'id="preview-url" value="([^"]+)"', html).group(1)
    path = url[url.index("/preview/"):]
    response = as_editor.post(f"/desk/articles/{article.pk}/preview-link/revoke/", follow=True)
    assert "Every preview link made for this story so far has stopped working." in response.content.decode()
    assert client.get(path).status_code == 404


def test_an_unknown_lifetime_is_refused_with_the_choices(as_editor, graph):
    as_editor.post("/desk/articles/new/", article_form())
    article = Article.objects.get()
    response = as_editor.post(f"/desk/articles/{article.pk}/preview-link/", {"lifetime": "forever"}, follow=True)
    assert "“forever” is not a link lifetime; choose one of: 1 hour, 1 day, 7 days, 30 days." in response.content.decode()


def test_the_editor_offers_links_only_for_a_saved_story(as_editor, graph):
    assert "Make a preview link" not in as_editor.get("/desk/articles/new/").content.decode()
    as_editor.post("/desk/articles/new/", article_form())
    article = Article.objects.get()
    html = as_editor.get(f"/desk/articles/{article.pk}/").content.decode()
    assert "Make a preview link" in html and "Revoke all preview links" in html


def test_a_contributor_cannot_share_someone_elses_story(client, other_contributor, editor, graph):
    article = save_draft(ArticleDraft(headline="Edith's story", body=BODY), user=editor)
    client.force_login(other_contributor)
    assert client.post(f"/desk/articles/{article.pk}/preview-link/", {"lifetime": "1 day"}).status_code == 403
    assert client.post(f"/desk/articles/{article.pk}/preview-link/revoke/").status_code == 403
