"""Quotes are checked before they name anyone (newsreel.newsroom.quote_checks).

An editor's decision on a quote (confirm, another speaker, not a quote) is kept with the
story, found again by the quote's words, and outranks the text core's reading wherever a
quote names someone: the stored quotes, person pages and film pages.
"""

import pytest
from django.test import Client

from newsreel.films.models import Person
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.models import Quote, QuoteCheck
from newsreel.newsroom.permissions import NotAllowed
from newsreel.newsroom.publishing import publish, save_and_publish, save_draft
from newsreel.newsroom.quote_checks import QuoteCheckError, check_quote, found_quotes, undo_check

from tests.desk.conftest import make_user

pytestmark = pytest.mark.django_db

# The text core reads: the first quote Ada Varga's (0.95, sure), the second Tomas Ilic's
# (0.85), the third Tomas Ilic's (0.85: "he" in the same paragraph read as the man named there,
# sure enough to go on his page; the story's editor knows the director said it), the fourth
# Tomas Ilic's at 0.7 (a role, "the actor": not sure, so it waits).
BODY = """Ada Varga has finished *Harbor Lights*, her first feature in six years.

“The sea decides the ending,” Ada Varga said at the festival.

Tomas Ilic plays Jonah. “I learned to sail for it,” he said. The money was short. “We ran out of it twice,” he said.

The shoot moved north in winter. “Nobody could feel their hands,” the actor said.
"""
MONEY = "We ran out of it twice"
HANDS = "Nobody could feel their hands"


def story(body: str = BODY):
    return save_and_publish(ArticleDraft(headline="Ada Varga finishes Harbor Lights", body=body), origin="test")


def speakers(article) -> dict[str, str | None]:
    return {q.text: (q.person.key if q.person else q.speaker_name or None) for q in article.quotes.all()}


def on_page(key: str) -> str:
    return Client().get(Person.objects.get(key=key).get_absolute_url()).content.decode()


@pytest.fixture
def editor(db):
    return make_user("edith", "editor")


@pytest.fixture
def check(django_capture_on_commit_callbacks):
    """check_quote, with the work it leaves for after the commit (the pages' refresh) done."""
    def run(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return check_quote(*args, **kwargs)
    return run


def test_the_desk_sees_every_quote_with_the_cores_speaker_and_confidence(small_graph):
    found = {q.text: q for q in found_quotes(story())}
    assert found[MONEY].speaker == "Tomas Ilic" and found[MONEY].confidence == 0.85 and not found[MONEY].waiting
    assert found[HANDS].speaker == "Tomas Ilic" and found[HANDS].confidence == 0.7 and found[HANDS].waiting


def test_an_unsure_quote_waits_for_an_editor_then_goes_on_the_persons_page(small_graph, editor, check):
    article = story()
    assert HANDS not in on_page("tomas-ilic") and "I learned to sail for it" in on_page("tomas-ilic")
    check(article, text=HANDS, verdict="confirmed", user=editor)
    assert Quote.objects.sure().filter(text=HANDS, person__key="tomas-ilic").exists()
    assert HANDS in on_page("tomas-ilic")


def test_a_misattributed_quote_moves_to_its_speaker_at_once_on_a_live_story(small_graph, editor, check):
    article = story()
    assert MONEY in on_page("tomas-ilic")
    check(article, text=MONEY, verdict="speaker", speaker_kind="person", person_key="ada-varga", user=editor)
    assert speakers(article)[MONEY] == "ada-varga"
    assert MONEY not in on_page("tomas-ilic") and MONEY in on_page("ada-varga")


def test_a_speaker_outside_the_graph_or_an_organisation_takes_the_quote_off_every_page(small_graph, editor, check):
    article = story()
    check(article, text=MONEY, verdict="speaker", speaker_kind="organisation", speaker_name="Kestrel  Films",
                user=editor)
    check(article, text=HANDS, verdict="speaker", speaker_kind="name", speaker_name="Ines Marlow", user=editor)
    stored = {q.text: q for q in article.quotes.all()}
    assert stored[MONEY].person is None and stored[MONEY].speaker_name == "Kestrel Films" and stored[MONEY].organisation
    assert stored[HANDS].person is None and stored[HANDS].speaker_name == "Ines Marlow" and not stored[HANDS].organisation
    assert MONEY not in on_page("tomas-ilic") and HANDS not in on_page("tomas-ilic")


def test_not_a_quote_removes_the_words_from_the_quotes(small_graph, editor):
    article = story()
    check_quote(article, text=MONEY, verdict="not_a_quote", user=editor)
    assert MONEY not in speakers(article) and MONEY not in on_page("tomas-ilic")
    assert undo_check(article, text=MONEY, user=editor)
    assert speakers(article)[MONEY] == "tomas-ilic"


def test_a_decision_survives_republishing_and_edits_that_leave_the_quote_alone(small_graph, editor, check):
    article = story()
    check(article, text=MONEY, verdict="speaker", speaker_kind="person", person_key="ada-varga", user=editor)
    edited = BODY.replace("was blunt about", "spoke   plainly about") + "\nThe film opens in October.\n"
    article = save_draft(ArticleDraft(headline=article.headline, slug=article.slug, body=edited), article=article)
    publish(article)
    assert speakers(article)[MONEY] == "ada-varga"
    publish(save_draft(ArticleDraft(headline=article.headline, slug=article.slug,
                                    body=edited.replace(MONEY, "We ran out of money twice.")), article=article))
    assert speakers(article)["We ran out of money twice."] == "tomas-ilic"  # new words: the core's reading again


def test_a_draft_keeps_the_decision_for_its_first_publish(small_graph, editor, check):
    article = save_draft(ArticleDraft(headline="Ada Varga finishes Harbor Lights", body=BODY))
    check(article, text=HANDS, verdict="confirmed", user=editor)
    assert not article.quotes.exists()
    publish(article)
    assert article.quotes.get(text=HANDS).checked and HANDS in on_page("tomas-ilic")


def test_the_site_may_ask_for_every_quote_to_be_confirmed(small_graph, editor, check, settings):
    settings.CONFIRM_EVERY_QUOTE = True
    article = story()
    assert not Quote.objects.sure().exists()
    assert all(q.waiting for q in found_quotes(article) if q.core_person)
    check(article, text="The sea decides the ending", verdict="confirmed", user=editor)
    assert list(Quote.objects.sure().values_list("text", flat=True)) == ["The sea decides the ending"]


@pytest.mark.parametrize("fields, message", [
    ({"verdict": "maybe"}, "not a decision"),
    ({"verdict": "speaker"}, "Say who the new speaker is"),
    ({"verdict": "speaker", "speaker_kind": "person", "person_key": "nobody-at-all"}, "nobody-at-all"),
    ({"verdict": "speaker", "speaker_kind": "name", "speaker_name": "  "}, "Type the speaker's name"),
    ({"verdict": "speaker", "speaker_kind": "name", "speaker_name": "x" * 201}, "longer than 200"),
    ({"verdict": "confirmed", "text": "Words nobody wrote"}, "no longer in the latest revision"),
])
def test_a_decision_that_cannot_be_kept_says_why_and_changes_nothing(small_graph, editor, fields, message):
    article = story()
    before = speakers(article)
    with pytest.raises(QuoteCheckError, match=message):
        check_quote(article, user=editor, **{"text": MONEY, **fields})
    assert not QuoteCheck.objects.exists() and speakers(article) == before


def test_a_contributor_cannot_check_quotes(small_graph):
    with pytest.raises(NotAllowed, match="editor's call"):
        check_quote(story(), text=MONEY, verdict="confirmed", user=make_user("carla", "contributor"))
    assert not QuoteCheck.objects.exists()
