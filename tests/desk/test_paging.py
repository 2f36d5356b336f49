"""Long lists are counted up to a cap: the page says "more than", and Next stays offered."""

import pytest

from newsreel.desk.models import StoryEntry
from newsreel.desk.paging import capped_page, page_number
from newsreel.newsroom.intake import ArticleDraft
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
    monkeypatch.setattr(paging.capped_page, "__defaults__", (5,))
    page = as_editor.get("/desk/").content.decode()
    assert "More than 5 articles; filter or search to narrow them." in page
