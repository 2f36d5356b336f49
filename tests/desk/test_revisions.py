"""Revisions on the desk: compare two, restore one, and who saved each."""

import pytest

from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.models import Article
from newsreel.newsroom.publishing import save_draft

from .conftest import BODY, article_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_revisions(as_editor, graph):
    as_editor.post("/desk/articles/new/", article_form())
    article = Article.objects.get()
    as_editor.post(f"/desk/articles/{article.pk}/", article_form(
        base_revision="1", slug=article.slug, headline="Ada Varga completes Harbor Lights", body=BODY.replace("October", "November")))
    return article


def test_saving_without_a_change_says_so_and_makes_no_revision(as_editor, graph):
    as_editor.post("/desk/articles/new/", article_form())
    article = Article.objects.get()
    page = as_editor.post(f"/desk/articles/{article.pk}/", article_form(base_revision="1"), follow=True)
    assert "Nothing changed since revision 1, so no new revision was saved." in page.content.decode()
    assert article.revisions.count() == 1


def test_comparing_two_revisions_marks_removed_and_added_words_for_everyone(as_editor, two_revisions):
    page = as_editor.get(f"/desk/articles/{two_revisions.pk}/revisions/compare/?from=2&to=1")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Revision 1 → revision 2" in html  # the older is always on the left, whichever order was asked
    assert '<del><span class="visually-hidden">[removed: </span>finishes<span class="visually-hidden">]</span></del>' in html
    assert '<ins><span class="visually-hidden">[added: </span>completes<span class="visually-hidden">]</span></ins>' in html
    assert "2 fields changed: Headline, Body." in html
    assert html.count("by edith") == 2


def test_comparing_a_revision_that_does_not_exist_names_the_ones_that_do(as_editor, two_revisions):
    page = as_editor.get(f"/desk/articles/{two_revisions.pk}/revisions/compare/?from=1&to=9")
    assert page.status_code == 400
    assert "“9” is not a revision of this article (its revisions: 1, 2)." in page.content.decode()


def test_the_revision_list_offers_the_latest_two_for_comparison(as_editor, two_revisions):
    html = as_editor.get(f"/desk/articles/{two_revisions.pk}/revisions/").content.decode()
    assert 'name="from" value="1" aria-label="Compare from revision 1" checked' in html
    assert 'name="to" value="2" aria-label="Compare to revision 2" checked' in html


def test_restoring_a_revision_saves_it_as_the_newest_draft(as_editor, editor, two_revisions):
    response = as_editor.post(f"/desk/articles/{two_revisions.pk}/revisions/1/restore/", follow=True)
    assert "Revision 1 restored as revision 3." in response.content.decode()
    latest = Article.objects.get().latest_revision
    assert latest.number == 3 and latest.created_by == editor and latest.content["headline"] == "Ada Varga finishes Harbor Lights"


def test_restore_is_a_post(as_editor, two_revisions):
    assert as_editor.get(f"/desk/articles/{two_revisions.pk}/revisions/1/restore/").status_code == 405


def test_a_contributor_cannot_compare_or_restore_someone_elses_article(client, other_contributor, editor, graph):
    article = save_draft(ArticleDraft(headline="Edith's story", body=BODY), user=editor)
    save_draft(ArticleDraft(headline="Edith's story, again", body=BODY), article=article, user=editor)
    client.force_login(other_contributor)
    assert client.get(f"/desk/articles/{article.pk}/revisions/compare/?from=1&to=2").status_code == 403
    assert client.post(f"/desk/articles/{article.pk}/revisions/1/restore/").status_code == 403
    assert article.revisions.count() == 2
