"""After a merge, drafts and pending revisions that pinned the merged film's or person's key
(spoiler blocks, links to its page, the editors' link decisions, a review's film) are
rewritten to the surviving key; published revisions stay as they were."""

import datetime as dt

import pytest

from newsreel.films.models import Film, Person
from newsreel.newsroom import clock, graph_edits
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.merged_keys import repin_body, repin_content
from newsreel.newsroom.publishing import save_and_publish, save_draft

pytestmark = pytest.mark.django_db


def test_spoiler_blocks_naming_the_key_and_links_to_its_page_are_rewritten():
    body = ("Intro [the film](/films/salt-dup-2026/) and [again](https://news.example/films/salt-dup-2026/#cast).\n\n"
            ":::spoiler SALT-DUP-2026\nThe end.\n:::\n\n::: spoiler salt-dup-2026 \nMore.\n:::\n\n"
            ":::spoiler Salt Dup\nBy title: resolves through the alias, left alone.\n:::\n"
            "Not a link: /films/salt-dup-2026/ and [other](/films/salt-dup-2026-2/).\n")
    assert repin_body(body, "film", "salt-dup-2026", "salt-meridian-2026") == (
        "Intro [the film](/films/salt-meridian-2026/) and [again](https://news.example/films/salt-meridian-2026/#cast).\n\n"
        ":::spoiler salt-meridian-2026\nThe end.\n:::\n\n::: spoiler salt-meridian-2026 \nMore.\n:::\n\n"
        ":::spoiler Salt Dup\nBy title: resolves through the alias, left alone.\n:::\n"
        "Not a link: /films/salt-dup-2026/ and [other](/films/salt-dup-2026-2/).\n")
    assert repin_body(":::spoiler a-varga\n", "person", "a-varga", "ada-varga") == ":::spoiler a-varga\n"
    assert repin_body("[Ada](/people/a-varga/)", "person", "a-varga", "ada-varga") == "[Ada](/people/ada-varga/)"


def test_link_decisions_and_a_reviews_film_name_the_surviving_key():
    content = {"body": "", "film": "salt-dup-2026", "link_overrides": {
        "remove": ["salt-dup-2026", "film:salt-dup-2026", "film:other", "person:salt-dup-2026"],
        "add": [{"kind": "film", "key": "salt-dup-2026", "surface": "the ferry film"},
                {"kind": "person", "key": "salt-dup-2026", "surface": "x"}]}}
    assert repin_content(content, "film", "salt-dup-2026", "salt-meridian-2026") == {
        "body": "", "film": "salt-meridian-2026", "link_overrides": {
            "remove": ["salt-meridian-2026", "film:salt-meridian-2026", "film:other", "person:salt-dup-2026"],
            "add": [{"kind": "film", "key": "salt-meridian-2026", "surface": "the ferry film"},
                    {"kind": "person", "key": "salt-dup-2026", "surface": "x"}]}}
    assert content["film"] == "salt-dup-2026"  # the stored revision is not changed in place


PINNED = (":::spoiler salt-dup-2026\nThe ferry sinks.\n:::\n\n"
          "See [our page](/films/salt-dup-2026/). The ferry film returns.\n")


def test_merging_rewrites_drafts_and_pending_revisions_and_leaves_published_ones(small_graph):
    keep = Film.objects.get(key="salt-meridian-2026")
    drop = Film.objects.create(key="salt-dup-2026", title="Salt Dup", year=2026)
    overrides = {"remove": [], "add": [{"kind": "film", "key": "salt-dup-2026", "surface": "The ferry film"}]}
    draft = save_draft(ArticleDraft(headline="Draft", body=PINNED, link_overrides=overrides), origin="test")
    live = save_and_publish(ArticleDraft(headline="Live", body=PINNED), origin="test")
    live_revision = live.live_revision_id
    pending = save_and_publish(ArticleDraft(headline="Pending", body=PINNED), origin="test")
    save_draft(ArticleDraft(headline="Pending", body=PINNED + "\nA new paragraph.\n", slug=pending.slug),
               article=pending, origin="test")
    scheduled = save_and_publish(ArticleDraft(headline="Scheduled", body=PINNED,
                                              publish_at=clock.now() + dt.timedelta(days=1)), origin="test")
    untouched = save_draft(ArticleDraft(headline="Elsewhere", body="Nothing about ferries.\n"), origin="test")
    before = untouched.latest_revision_id

    merged = graph_edits.merge(keep, drop)

    assert sorted(merged.drafts) == sorted([draft.pk, pending.pk, scheduled.pk])
    for story in (draft, pending, scheduled):
        story.refresh_from_db()
        latest = story.latest_revision
        assert latest.origin == "merge" and "salt-dup-2026" not in str(latest.content), latest.content
        assert ":::spoiler salt-meridian-2026" in latest.content["body"]
        assert "](/films/salt-meridian-2026/)" in latest.content["body"]
    draft.refresh_from_db()
    assert draft.latest_revision.content["link_overrides"]["add"][0]["key"] == "salt-meridian-2026"
    scheduled.refresh_from_db()
    assert scheduled.scheduled_revision_id == scheduled.latest_revision_id  # it goes live with the new key
    pending.refresh_from_db()
    assert pending.live_revision_id != pending.latest_revision_id
    live.refresh_from_db()
    assert live.latest_revision_id == live.live_revision_id == live_revision  # published: history, unchanged
    untouched.refresh_from_db()
    assert untouched.latest_revision_id == before


def test_merging_people_rewrites_links_to_the_old_page(small_graph):
    keep = Person.objects.get(key="ada-varga")
    drop = Person.objects.create(key="a-varga", name="A. Varga")
    story = save_draft(ArticleDraft(headline="Profile", body="Meet [A. Varga](/people/a-varga/).\n",
                                    link_overrides={"remove": ["person:a-varga"], "add": []}), origin="test")
    assert graph_edits.merge(keep, drop).drafts == [story.pk]
    story.refresh_from_db()
    assert story.latest_revision.content["body"] == "Meet [A. Varga](/people/ada-varga/).\n"
    assert story.latest_revision.content["link_overrides"]["remove"] == ["person:ada-varga"]
