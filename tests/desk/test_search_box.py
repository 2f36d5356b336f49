"""A desk list's search box takes whatever is pasted into it and answers with a list."""

from __future__ import annotations

import pytest
from django.urls import reverse

from newsreel.desk.search_box import LONGEST_SEARCH

PASTED_PAGE = "Harbor Lights " * 8000  # 112,000 characters: SQLite refuses LIKE patterns this long


@pytest.mark.parametrize("address", ["desk:graph_films", "desk:graph_people", "desk:images", "desk:image_find", "desk:complete"])
@pytest.mark.parametrize("typed", [PASTED_PAGE, "Harbor\x00Lights", "% _ ' \\"])
def test_whatever_is_pasted_in_the_search_box_gets_a_list(as_editor, graph, address, typed):
    response = as_editor.get(reverse(address), {"q": typed})
    assert response.status_code == 200


def test_the_words_kept_are_the_first_ones_with_their_spacing_collapsed(as_editor, graph):
    response = as_editor.get(reverse("desk:graph_films"), {"q": "  Harbor \t Lights  " + "x" * 500})
    assert response.status_code == 200
    kept = response.context["page_query"]
    assert kept.startswith("q=Harbor+Lights+") and len(kept) <= len("q=") + LONGEST_SEARCH + 2
