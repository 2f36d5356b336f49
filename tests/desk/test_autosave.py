"""Autosave: the editor's unsaved fields are kept (never as a revision) and offered back."""

import pytest
from django.test import Client

from newsreel.newsroom import autosave
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.models import Article, Autosave
from newsreel.newsroom.publishing import save_draft

from .conftest import BODY, article_form

pytestmark = pytest.mark.django_db


def test_an_autosave_keeps_the_fields_without_making_a_revision(as_editor, editor, graph):
    as_editor.post("/desk/articles/new/", article_form())
    article = Article.objects.get()
    answer = as_editor.post(f"/desk/articles/{article.pk}/autosave/",
                            article_form(body=BODY + "\nA sentence not yet saved.\n", base_revision="1"))
    assert answer.status_code == 200 and answer.json()["time"]
    slot = autosave.find(editor, article)
    assert slot.fields["body"].endswith("A sentence not yet saved.\n") and slot.base_revision == 1
    assert slot.draft["tags"] == ["Drama", "Festivals"]  # the same fields as a draft, for the preview
    assert article.revisions.count() == 1


def test_reopening_offers_the_unsaved_text_and_restores_it(as_editor, graph):
    as_editor.post("/desk/articles/new/", article_form())
    article = Article.objects.get()
    as_editor.post(f"/desk/articles/{article.pk}/autosave/", article_form(body="Typed, then the tab closed.\n"))
    page = as_editor.get(f"/desk/articles/{article.pk}/")
    html = page.content.decode()
    assert "You have unsaved text from" in html and "Restore it" in html and "Discard it" in html
    assert page.context["form"]["body"].value() == BODY  # nothing replaced without asking
    restored = as_editor.get(f"/desk/articles/{article.pk}/?autosave=restore")
    assert restored.context["form"]["body"].value() == "Typed, then the tab closed.\n"
    assert "Restored the text autosaved at" in restored.content.decode()


def test_a_new_story_that_was_never_saved_is_offered_back(as_editor, editor, graph):
    as_editor.post("/desk/articles/new/autosave/", article_form(headline="A story never saved", body="Words.\n"))
    assert Article.objects.count() == 0
    html = as_editor.get("/desk/articles/new/").content.decode()
    assert "“A story never saved”, 1 word" in html
    restored = as_editor.get("/desk/articles/new/?autosave=restore")
    assert restored.context["form"]["headline"].value() == "A story never saved"


def test_saving_a_revision_empties_the_slot(as_editor, editor, graph):
    as_editor.post("/desk/articles/new/autosave/", article_form(body="Words.\n"))
    as_editor.post("/desk/articles/new/", article_form(body="Words.\n"))
    article = Article.objects.get()
    as_editor.post(f"/desk/articles/{article.pk}/autosave/", article_form(body="More words.\n", base_revision="1"))
    as_editor.post(f"/desk/articles/{article.pk}/", article_form(body="More words.\n", base_revision="1",
                                                                 slug=article.slug))
    assert not Autosave.objects.exists()


def test_discarding_drops_the_slot(as_editor, editor, graph):
    as_editor.post("/desk/articles/new/autosave/", article_form(body="Second thoughts.\n"))
    response = as_editor.post("/desk/articles/new/autosave/discard/", follow=True)
    assert "The unsaved text was discarded." in response.content.decode()
    assert autosave.find(editor, None) is None


def test_a_slot_that_holds_what_the_editor_shows_is_not_offered(as_editor, editor, graph):
    as_editor.post("/desk/articles/new/", article_form())
    article = Article.objects.get()
    fields = article_form(tags="Drama,Festivals")  # the same, spaced differently
    autosave.keep(editor, article, fields, base_revision=1)
    assert "You have unsaved text" not in as_editor.get(f"/desk/articles/{article.pk}/").content.decode()
    assert autosave.find(editor, article) is None


def test_each_writer_has_their_own_slot(as_editor, editor, contributor, graph):
    article = save_draft(ArticleDraft(headline="Carla's story", body=BODY), user=contributor)
    as_editor.post(f"/desk/articles/{article.pk}/autosave/", article_form(body="Edith's words.\n"))
    carla = Client()
    carla.force_login(contributor)
    assert "You have unsaved text" not in carla.get(f"/desk/articles/{article.pk}/").content.decode()
    assert "You have unsaved text" in as_editor.get(f"/desk/articles/{article.pk}/").content.decode()


def test_a_contributor_cannot_autosave_into_someone_elses_story(client, other_contributor, editor, graph):
    article = save_draft(ArticleDraft(headline="Edith's story", body=BODY), user=editor)
    client.force_login(other_contributor)
    assert client.post(f"/desk/articles/{article.pk}/autosave/", article_form()).status_code == 403
    assert not Autosave.objects.exists()


def test_an_oversized_field_is_refused_with_its_name(as_editor, graph):
    response = as_editor.post("/desk/articles/new/autosave/",
                              article_form(body="x" * (autosave.MAX_FIELD_CHARS + 1)))
    assert response.status_code == 400 and "body is 1,000,001 characters" in response.json()["error"]


def test_autosave_is_a_post(as_editor, graph):
    assert as_editor.get("/desk/articles/new/autosave/").status_code == 405
