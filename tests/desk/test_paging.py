"""Long lists are counted up to a cap: the page says "more than", and Next stays offered.
Next and Previous continue from a story's place in the sort, so deep pages cost no more
than the first."""

import datetime as dt
from dataclasses import replace

import pytest
from django.utils import timezone

from newsreel.desk.models import StoryEntry
from newsreel.desk.paging import capped_page, page_number, story_page
from newsreel.desk.search import Position, StoryQuery, find_stories, parse_position, position_of
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.models import Section
from newsreel.newsroom.publishing import save_draft

pytestmark = pytest.mark.django_db


@pytest.fixture
def seven(db):
    for number in range(7):
        save_draft(ArticleDraft(headline=f"Note {number}", body="Text.\n"))
    return StoryEntry.objects.order_by("article_id")


def test_a_list_under_the_cap_is_counted_exactly(seven):
    page = capped_page(seven, 2, per_page=3, cap=10)
    assert page.paginator.count == 7 and not page.paginator.more and page.paginator.num_pages == 3
    assert [e.headline for e in page] == ["Note 3", "Note 4", "Note 5"] and page.has_next and page.has_previous


def test_a_list_over_the_cap_says_more_and_pages_on_past_it(seven):
    page = capped_page(seven, 3, per_page=2, cap=4)
    assert page.paginator.count == 4 and page.paginator.more
    assert [e.headline for e in page] == ["Note 4", "Note 5"] and page.has_next
    last = capped_page(seven, 4, per_page=2, cap=4)
    assert [e.headline for e in last] == ["Note 6"] and not last.has_next


def test_a_page_past_the_end_is_the_last_page_and_junk_is_the_first(seven):
    assert capped_page(seven, 9, per_page=3, cap=10).number == 3
    assert page_number("x") == page_number("-2") == page_number(None) == 1 and page_number("4") == 4


def test_the_list_page_says_more_than_when_the_count_is_capped(as_editor, editor, seven, monkeypatch):
    import newsreel.desk.paging as paging

    monkeypatch.setattr(paging, "COUNT_CAP", 5)
    page = as_editor.get("/desk/").content.decode()
    assert "More than 5 articles; filter or search to narrow them." in page


@pytest.fixture
def twelve(db):
    """Twelve stories with ties in every sort: three updated at one instant, three with one
    headline, three published at one time, four never published."""
    for number in range(12):
        save_draft(ArticleDraft(headline="Same headline" if number in (2, 5, 9) else f"Story {number:02}",
                                slug=f"story-{number}", body="Text.\n"))
    ids = list(StoryEntry.objects.order_by("article_id").values_list("article_id", flat=True))
    base = timezone.now() - dt.timedelta(days=30)
    for position, pk in enumerate(ids):
        tied = position in (1, 4, 7)
        StoryEntry.objects.filter(pk=pk).update(
            updated_at=base if tied else base + dt.timedelta(hours=(position * 7) % 12),
            published_at=None if position % 3 == 0 else base + dt.timedelta(days=1 if position in (2, 5, 8) else position))
    return ids


@pytest.mark.parametrize("sort", ["updated", "published", "headline"])
def test_next_and_previous_links_walk_every_story_once_in_the_sorts_order(twelve, sort):
    entries = find_stories(StoryQuery(sort=sort))
    expected = [entry.article_id for entry in entries]
    pages = [story_page(entries, sort, 1, per_page=5)]
    while pages[-1].has_next:
        after = parse_position(position_of(pages[-1].object_list[-1], sort).token(), sort)
        pages.append(story_page(entries, sort, pages[-1].number + 1, per_page=5, after=after))
    assert [entry.article_id for page in pages for entry in page] == expected
    assert [page.number for page in pages] == [1, 2, 3] and [page.has_previous for page in pages] == [False, True, True]
    back = pages[-1]
    while back.has_previous:
        before = parse_position(position_of(back.object_list[0], sort).token(), sort)
        back = story_page(entries, sort, back.number - 1, per_page=5, before=before)
        assert [e.article_id for e in back] == [e.article_id for e in pages[back.number - 1]] and back.has_next
    assert back.number == 1


def test_a_damaged_page_link_pages_by_number(twelve):
    assert parse_position("12~not a date", "updated") is None and parse_position("x~2026-01-01", "updated") is None
    assert parse_position("12~2026-01-01T00:00:00", "updated") is None  # no time zone: not one we wrote
    assert parse_position("12~", "published") == Position(None, 12)


def test_following_next_on_the_list_page_reaches_the_last_story(as_editor, twelve, monkeypatch):
    import newsreel.desk.views.listing as listing

    monkeypatch.setattr(listing, "STORIES_PER_PAGE", 5)
    seen, address = [], "/desk/?sort=published"
    while address:
        response = as_editor.get(address)
        seen += [entry.article_id for entry in response.context["page"]]
        link = response.context["links"].get("next")
        address = "/desk/" + link if link else None
    assert seen == [entry.article_id for entry in find_stories(StoryQuery(sort="published"))]


@pytest.mark.parametrize("sort", ["updated", "published", "headline"])
def test_a_page_by_its_number_alone_shows_the_same_stories_as_the_links_lead_to(twelve, sort):
    entries = find_stories(StoryQuery(sort=sort))
    expected = [entry.article_id for entry in entries]
    for number in (1, 2, 3):
        page = story_page(entries, sort, number, per_page=5)
        assert [entry.article_id for entry in page] == expected[(number - 1) * 5:number * 5]
        assert page.number == number and page.has_next == (number < 3) and page.has_previous == (number > 1)
    assert story_page(entries, sort, 9, per_page=5).number == 3  # past the end: the last page


def test_a_page_number_past_a_capped_count_is_empty_not_an_error(twelve):
    entries = find_stories(StoryQuery())
    page = story_page(entries, "updated", 40, per_page=5, cap=4)
    assert page.paginator.more and list(page) == [] and not page.has_next


def test_a_word_in_many_stories_is_counted_as_the_plain_count_counts_it_trash_left_out(db, monkeypatch):
    """On SQLite a word in thousands of stories is counted from the full-text index
    (search.counter); here "thousands" is made 1, so six stories take that way."""
    from django.db import connection

    import newsreel.desk.search as search
    from newsreel.newsroom.trash import trash

    stories = [save_draft(ArticleDraft(headline=f"Harbor note {n}", body="Harbor lights at dusk.\n"))
               for n in range(6)]
    save_draft(ArticleDraft(headline="Unrelated", body="Nothing here.\n"))
    trash(stories[0])
    monkeypatch.setattr(search, "FEW_MATCHES", 1)
    query = StoryQuery(words="harb")
    count = search.counter(query)
    assert (count is not None) == (connection.vendor == "sqlite")
    entries = find_stories(query)
    whole = story_page(entries, "updated", 1, per_page=2, cap=10, count=count)
    assert (whole.paginator.count, whole.paginator.more) == (5, False)
    capped = story_page(entries, "updated", 1, per_page=2, cap=3, count=count)
    assert (capped.paginator.count, capped.paginator.more) == (3, True)
    assert [entry.article_id for entry in capped] == [entry.article_id for entry in entries[:2]]
    # With a filter: on SQLite the word as typed first ("harb" also stands for "harbor"), then
    # the plain count; on PostgreSQL, with a section, the matches first, then the filter (a state
    # or dates: the plain count, from the GIN index holding them: test_search_plans.py).
    news = Section.objects.get_or_create(slug="news", defaults={"name": "News"})[0]
    StoryEntry.objects.update(section=news)
    filtered = StoryQuery(words="harb", state="draft", since=dt.date(2000, 1, 1), section_id=news.pk)
    assert search.counter(filtered) is not None
    assert (search.counter(replace(filtered, words="harbor")) is not None) == (connection.vendor == "postgresql")
    assert search.counter(replace(filtered, section_id=None, words="harbor")) is None
    assert (search.counter(replace(filtered, section_id=None)) is not None) == (connection.vendor == "sqlite")
    assert search.counter(replace(filtered, film="harbor-lights-2025")) is None  # a facet: its stories first
    page = story_page(find_stories(filtered), "updated", 1, per_page=2, cap=4, count=search.counter(filtered))
    assert (page.paginator.count, page.paginator.more) == (4, True)
    page = story_page(find_stories(filtered), "updated", 1, per_page=2, cap=10, count=search.counter(filtered))
    assert (page.paginator.count, page.paginator.more) == (5, False)
    nothing = replace(filtered, state="unpublished")
    assert story_page(find_stories(nothing), "updated", 1, per_page=2, count=search.counter(nothing)).paginator.count == 0


@pytest.mark.parametrize("cap", [2, 3, 4, 5, 8])
def test_the_words_as_typed_are_counted_first_and_the_count_is_the_plain_one(db, monkeypatch, cap):
    """On SQLite, when the last word also stands for longer terms ("cast": "castle"), the words
    as typed are counted first (search.counter) and kept when they alone pass the cap: three
    stories say "cast", two "castle", so a cap of 2 is passed by "cast" alone, and 3 or 4 only
    with "castle". The count, "more" and the page are the plain ones whatever the cap; past the
    cap SQLite reads the page asking each story about "cast" and gathering the "castle" stories
    once (search._Fts5Matching), which finds the same stories."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    import newsreel.desk.search as search

    for n in range(3):
        save_draft(ArticleDraft(headline=f"Cast note {n}", body="The cast at dusk.\n"))
    for n in range(2):
        save_draft(ArticleDraft(headline=f"Castle note {n}", body="A castle at dusk.\n"))
    save_draft(ArticleDraft(headline="Unrelated", body="Nothing here at dusk.\n"))
    monkeypatch.setattr(search, "FEW_MATCHES", 1)
    for query in (StoryQuery(words="cast"), StoryQuery(words="dusk cast", state="draft"),
                  StoryQuery(words="cast", since=dt.date(2000, 1, 1), sort="headline")):
        entries = find_stories(query)
        plain = story_page(entries, query.sort, 1, per_page=10, cap=cap)
        count = search.counter(query)
        with CaptureQueriesContext(connection) as read:
            counted = story_page(entries, query.sort, 1, per_page=10, cap=cap, count=count,
                                 planned=lambda counted: search.planned(query, counted))
        assert (counted.paginator.count, counted.paginator.more) == (min(5, cap), 5 > cap), query
        assert (plain.paginator.count, plain.paginator.more) == (min(5, cap), 5 > cap), query
        assert [e.article_id for e in counted] == [e.article_id for e in plain] and len(plain) == 5
        split = any("OR desk_storyentry.article_id IN" in asked_query["sql"] for asked_query in read.captured_queries)
        assert split == (connection.vendor == "sqlite" and 5 > cap), (query, cap)
        if connection.vendor == "sqlite":
            with CaptureQueriesContext(connection) as asked:
                assert count(entries, cap + 1) == min(5, cap + 1)
            longer_terms_read = any("castl" in asked_query["sql"] for asked_query in asked.captured_queries)
            assert longer_terms_read == (cap >= 3), (query, cap)
