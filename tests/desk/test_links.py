"""Editors confirm, remove or add mention links, and their choice survives every re-render."""

import pytest

from newsreel.newsroom.models import Article

from .conftest import BODY

pytestmark = pytest.mark.django_db


def _post(client, url, **extra):
    data = {"headline": "Ada Varga finishes Harbor Lights", "body": BODY, "action": "publish", **extra}
    return client.post(url, data)


def test_the_editor_sees_the_links_the_text_core_made(as_editor, graph):
    _post(as_editor, "/desk/articles/new/")
    article = Article.objects.get()
    page = as_editor.get(f"/desk/articles/{article.pk}/").content.decode()
    assert 'value="film:harbor-lights-2025"' in page and 'value="person:ada-varga"' in page


def test_an_unticked_link_is_removed_and_stays_removed_after_republishing(as_editor, graph):
    _post(as_editor, "/desk/articles/new/")
    article = Article.objects.get()
    assert 'href="/people/ada-varga/"' in article.body_html
    url = f"/desk/articles/{article.pk}/"
    _post(as_editor, url, link_entity=["film:harbor-lights-2025", "person:ada-varga"],
          link_surface=["Harbor Lights", "Ada Varga"], link_on=["film:harbor-lights-2025"])
    article.refresh_from_db()
    assert 'href="/people/ada-varga/"' not in article.body_html
    assert 'href="/films/harbor-lights-2025/"' in article.body_html
    _post(as_editor, url)  # a later publish without touching the links keeps the decision
    article.refresh_from_db()
    assert 'href="/people/ada-varga/"' not in article.body_html


def test_an_editor_adds_a_link_the_text_core_missed(as_editor, graph):
    _post(as_editor, "/desk/articles/new/", body="The director Varga was not in the graph's way.\n")
    article = Article.objects.get()
    _post(as_editor, f"/desk/articles/{article.pk}/", body="The director Varga was not in the graph's way.\n",
          add_surface="Varga", add_entity="person:ada-varga")
    article.refresh_from_db()
    assert '<a href="/people/ada-varga/"' in article.body_html


def test_adding_a_link_to_an_unknown_entity_is_refused_and_the_text_is_kept(as_editor, graph):
    response = _post(as_editor, "/desk/articles/new/", add_surface="Ada Varga", add_entity="person:nobody")
    assert response.status_code == 400
    page = response.content.decode()
    assert "not a film or person in the knowledge graph" in page and "lighthouse keeper" in page
