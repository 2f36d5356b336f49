"""Saving and publishing: every save is a revision, a publish is all or nothing."""

import datetime as dt

import pytest

from newsreel.newsroom.intake import ArticleDraft, IntakeError
from newsreel.newsroom.models import Article, Byline, Mention, Quote, Tag, WorkflowState
from newsreel.newsroom.publishing import neighbours, publish, save_and_publish, save_draft, unpublish
from newsreel.newsroom.signals import article_published

pytestmark = pytest.mark.django_db

BODY = """Ada Varga has finished *Harbor Lights*, her first feature in six years.

"It took the whole winter to find the ending," Varga said.

:::spoiler harbor-lights-2025
In the last scene the lighthouse keeper walks into the sea.
:::

The film opens in October.
"""


def draft(**changes) -> ArticleDraft:
    values = {"headline": "Ada Varga finishes Harbor Lights", "body": BODY, "section": "news", "tags": ["Drama"],
              "authors": ["Nadia Ferro"]}
    values.update(changes)
    return ArticleDraft(**values)


def test_publishing_derives_everything_and_keeps_spoilers_out_of_excerpts(small_graph):
    article = save_and_publish(draft(), origin="test")
    assert article.state == WorkflowState.PUBLISHED and article.slug == "ada-varga-finishes-harbor-lights"
    assert "lighthouse keeper walks into the sea" in article.body_html
    for excerpt in (article.safe_text, article.generated_summary, article.meta_description):
        assert "lighthouse keeper" not in excerpt
    assert article.spoiler_films == ["harbor-lights-2025"]
    assert "Harbor Lights" in article.spoiler_note and "2025" in article.spoiler_note
    assert article.meta_description and len(article.meta_description) <= 160
    assert Mention.objects.filter(article=article, film__key="harbor-lights-2025").exists()
    assert list(article.tags.values_list("name", flat=True)) == ["Drama"]
    assert [a.name for a in article.authors.all()] == ["Nadia Ferro"]


def test_each_stored_quote_keeps_the_text_cores_confidence_in_its_speaker(small_graph):
    body = BODY + '\nA distributor who asked not to be named was blunter: "It will open small."\n'
    article = save_and_publish(draft(body=body), origin="test")
    stored = {q.text: (q.person.key if q.person else None, q.confidence) for q in article.quotes.all()}
    assert stored["It took the whole winter to find the ending"] == ("ada-varga", 0.95)
    assert stored["It will open small."][0] is None
    assert [q.text for q in Quote.objects.sure().filter(article=article)] == ["It took the whole winter to find the ending"]


def test_every_save_is_a_whole_revision(small_graph):
    article = save_draft(draft(), origin="test")
    article = save_draft(draft(dek="Second thoughts"), article=article, origin="test")
    revisions = list(article.revisions.order_by("number"))
    assert [r.number for r in revisions] == [1, 2]
    assert revisions[0].content["body"] == BODY and revisions[1].content["dek"] == "Second thoughts"


def test_a_draft_with_an_unknown_spoiler_film_is_kept_but_cannot_be_published(small_graph):
    bad = BODY.replace(":::spoiler harbor-lights-2025", ":::spoiler no-such-film")
    article = save_draft(draft(body=bad), origin="test")
    assert article.latest_revision.content["body"] == bad  # nothing the writer typed is lost
    assert "line 5" in " ".join(article.latest_revision.derived["errors"])
    with pytest.raises(IntakeError) as raised:
        publish(article)
    assert raised.value.errors[0].line == 5
    assert Article.objects.get(pk=article.pk).state == WorkflowState.DRAFT


def test_a_failed_publish_leaves_the_previous_version_serving(small_graph):
    article = save_and_publish(draft(), origin="test")
    live_html = article.body_html
    article = save_draft(draft(body=BODY.replace("harbor-lights-2025", "nowhere-2020")), article=article, origin="test")
    with pytest.raises(IntakeError):
        publish(article)
    article.refresh_from_db()
    assert article.state == WorkflowState.PUBLISHED and article.body_html == live_html
    assert article.body == BODY  # live fields untouched by the unpublished draft


def test_a_receiver_failure_rolls_the_publish_back(small_graph):
    def explode(**kwargs):
        raise RuntimeError("renderer failed")

    article_published.connect(explode, dispatch_uid="explode")
    try:
        with pytest.raises(RuntimeError):
            save_and_publish(draft(), origin="test")
    finally:
        article_published.disconnect(dispatch_uid="explode")
    assert not Article.objects.exists()


def test_slug_must_be_unique(small_graph):
    save_and_publish(draft(), origin="test")
    with pytest.raises(IntakeError, match="already used"):
        save_draft(draft(), origin="test")


def test_unknown_section_lists_the_known_ones(small_graph):
    with pytest.raises(IntakeError, match="known: news"):
        save_draft(draft(section="gossip"), origin="test")


def test_neighbours_follow_publication_order(small_graph):
    base = dt.datetime(2026, 10, 1, 9, tzinfo=dt.timezone.utc)
    first = save_and_publish(draft(headline="First", publish_at=base), origin="test")
    second = save_and_publish(draft(headline="Second", publish_at=base + dt.timedelta(days=1)), origin="test")
    third = save_and_publish(draft(headline="Third", publish_at=base + dt.timedelta(days=2)), origin="test")
    assert neighbours(second) == (first, third)
    unpublish(third)
    assert neighbours(second) == (first, None)


def test_stories_published_at_the_same_moment_are_ordered_by_id(small_graph):
    moment = dt.datetime(2026, 10, 1, 9, tzinfo=dt.timezone.utc)
    earlier = save_and_publish(draft(headline="Earlier", publish_at=moment - dt.timedelta(seconds=1)), origin="test")
    first, second, third = (save_and_publish(draft(headline=name, publish_at=moment), origin="test")
                            for name in ("One", "Two", "Three"))
    later = save_and_publish(draft(headline="Later", publish_at=moment + dt.timedelta(microseconds=1)), origin="test")
    assert neighbours(first) == (earlier, second)
    assert neighbours(second) == (first, third)
    assert neighbours(third) == (second, later)


def test_unpublish_takes_the_article_off_the_site(small_graph):
    article = save_and_publish(draft(), origin="test")
    unpublish(article)
    assert Article.objects.get(pk=article.pk).state == WorkflowState.UNPUBLISHED


def test_save_and_publish_runs_the_text_core_once(small_graph, monkeypatch):
    from newsreel.newsroom import publishing

    calls = []
    real = publishing.process_article
    monkeypatch.setattr(publishing, "process_article", lambda *args, **kwargs: calls.append(1) or real(*args, **kwargs))
    article = publishing.save_and_publish(ArticleDraft(headline="Once", body="Harbor Lights opens in October.\n"))
    assert article.is_live and len(calls) == 1
    publishing.publish(article)  # a publish on its own runs it for the revision it publishes
    assert len(calls) == 2


def test_tags_and_bylines_keep_the_first_name_of_a_slug_and_the_draft_s_order(small_graph):
    Tag.objects.create(slug="festival", name="Festival")
    article = save_and_publish(draft(tags=["festival", "Night Owls", "night owls", "Awards"],
                                     authors=["Tomás Okafor", "Ana Reyes"]))
    assert sorted(article.tags.values_list("slug", "name")) == [
        ("awards", "Awards"), ("festival", "Festival"), ("night-owls", "Night Owls")]
    # New tags are made in the draft's order, as one get_or_create each made them.
    assert list(Tag.objects.filter(slug__in=["night-owls", "awards"]).order_by("pk").values_list("slug", flat=True)) == [
        "night-owls", "awards"]
    assert list(Byline.objects.filter(article=article).values_list("author__name", "order")) == [
        ("Tomás Okafor", 0), ("Ana Reyes", 1)]
