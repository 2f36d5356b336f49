"""The story page lists every quote the text core found, with its speaker and confidence;
an editor confirms, changes the speaker or marks "not a quote" from there."""

import pytest
from django.urls import reverse

from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.models import QuoteCheck
from newsreel.newsroom.publishing import save_and_publish

from tests.newsroom.test_quote_checks import BODY, HANDS, MONEY

from .conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(graph, contributor):
    return save_and_publish(ArticleDraft(headline="Ada Varga finishes Harbor Lights", body=BODY), origin="test",
                            user=None)


def page(client, story) -> str:
    return client.get(reverse("desk:article_edit", args=[story.pk])).content.decode()


def test_the_panel_lists_each_quote_with_its_speaker_and_confidence(as_editor, story):
    html = page(as_editor, story)
    assert 'id="quotes"' in html and "Quotes and who said them" in html
    assert MONEY in html and HANDS in html
    assert "confidence 70%" in html and "waiting for confirmation" in html and "1 waiting for confirmation" in html
    assert "confidence 95%" in html and "Confirm Ada Varga" in html


def test_an_editor_gives_a_misattributed_quote_to_its_speaker_by_name(as_editor, story):
    response = as_editor.post(reverse("desk:quote_check", args=[story.pk]), {
        "quote": MONEY, "verdict": "speaker", "speaker_kind": "person", "person": "Ada Varga"}, follow=True)
    html = response.content.decode()
    assert "is now given to Ada Varga" in html
    assert story.quotes.get(text=MONEY).person.key == "ada-varga"
    assert "set by an editor; the core read Tomas Ilic" in html


def test_an_unknown_person_is_refused_with_the_reason_and_nothing_is_kept(as_editor, story):
    response = as_editor.post(reverse("desk:quote_check", args=[story.pk]), {
        "quote": MONEY, "verdict": "speaker", "speaker_kind": "person", "person": "Nobody Known"}, follow=True)
    assert "Quote not changed: No person in the knowledge graph has the key “Nobody Known”" in response.content.decode()
    assert not QuoteCheck.objects.exists()


def test_not_a_quote_and_undo_from_the_panel(as_editor, story):
    url = reverse("desk:quote_check", args=[story.pk])
    assert "no longer treated as a quote" in as_editor.post(url, {"quote": MONEY, "verdict": "not_a_quote"},
                                                            follow=True).content.decode()
    assert not story.quotes.filter(text=MONEY).exists()
    as_editor.post(url, {"quote": MONEY, "verdict": "undo"})
    assert story.quotes.filter(text=MONEY).exists() and not QuoteCheck.objects.exists()


def test_a_contributor_sees_the_quotes_but_not_the_buttons(client, graph):
    writer = make_user("carla", "contributor")
    from newsreel.newsroom.publishing import save_draft

    draft = save_draft(ArticleDraft(headline="Ada Varga finishes Harbor Lights", body=BODY), user=writer)
    client.force_login(writer)
    html = page(client, draft)
    assert MONEY in html and "an editor's call" in html and 'value="confirmed"' not in html
