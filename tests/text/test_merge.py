"""Three-way merge of Markdown: what applies cleanly is merged, what collides is kept apart."""

import pytest

from newsreel.text.merge import Conflict, merge3, merge_value

BASE = """# Harbor Lights

Ada Varga has finished the film.

It opens in October.

The festival runs for ten days.
"""


def test_changes_to_different_paragraphs_merge_cleanly():
    ours = BASE.replace("finished the film.", "finished the film, her first in six years.")
    theirs = BASE.replace("ten days.", "twelve days.")
    result = merge3(BASE, ours, theirs)
    assert result.clean
    assert "her first in six years" in result.text and "twelve days" in result.text
    assert result.text == BASE.replace("finished the film.", "finished the film, her first in six years.").replace(
        "ten days.", "twelve days.")


def test_a_paragraph_added_by_one_side_and_a_line_changed_by_the_other_both_survive():
    ours = BASE + "\nA new closing paragraph.\n"
    theirs = BASE.replace("# Harbor Lights", "# Harbor Lights, finished")
    result = merge3(BASE, ours, theirs)
    assert result.clean
    assert result.text.startswith("# Harbor Lights, finished\n") and result.text.endswith("A new closing paragraph.\n")


def test_the_same_change_on_both_sides_is_taken_once():
    changed = BASE.replace("October", "November")
    result = merge3(BASE, changed, changed.replace("ten days", "nine days"))
    assert result.clean and result.text.count("November") == 1 and "nine days" in result.text


def test_different_changes_to_one_line_are_a_conflict_with_all_three_versions():
    ours = BASE.replace("October", "November")
    theirs = BASE.replace("October", "December")
    result = merge3(BASE, ours, theirs)
    assert not result.clean
    [conflict] = result.conflicts
    assert conflict == Conflict(base=("It opens in October.\n",), ours=("It opens in November.\n",),
                                theirs=("It opens in December.\n",))
    with pytest.raises(ValueError, match="1 conflict"):
        result.text


def test_a_conflict_keeps_the_agreed_text_around_it_and_either_side_can_fill_it():
    ours = BASE.replace("October", "November").replace("ten days", "eleven days")
    theirs = BASE.replace("October", "December")
    result = merge3(BASE, ours, theirs)
    assert result.text_preferring("ours") == ours
    assert result.text_preferring("theirs") == BASE.replace("October", "December").replace("ten days", "eleven days")


def test_edits_on_touching_lines_conflict_rather_than_splice_a_paragraph():
    base = "One line.\nTwo line.\n"
    result = merge3(base, "One LINE.\nTwo line.\n", "One line.\nTwo LINE.\n")
    assert len(result.conflicts) == 1


def test_a_deletion_against_an_edit_of_the_same_passage_is_a_conflict():
    ours = BASE.replace("It opens in October.\n\n", "")
    theirs = BASE.replace("October", "November")
    [conflict] = merge3(BASE, ours, theirs).conflicts
    assert conflict.theirs_text.startswith("It opens in November.") and "October" not in conflict.ours_text


def test_a_missing_final_newline_does_not_make_an_append_collide():
    base = "First.\n\nLast."
    result = merge3(base, "First!\n\nLast.", "First.\n\nLast.\n\nAppended.")
    assert result.clean and result.text == "First!\n\nLast.\n\nAppended."


def test_one_side_unchanged_gives_the_other_side():
    theirs = BASE.replace("October", "May")
    assert merge3(BASE, BASE, theirs).text == theirs
    assert merge3(BASE, theirs, BASE).text == theirs


def test_whole_values_merge_by_who_changed_them():
    assert merge_value("Old", "Old", "Theirs") == ("Theirs", False)
    assert merge_value("Old", "Ours", "Old") == ("Ours", False)
    assert merge_value("Old", "Same", "Same") == ("Same", False)
    assert merge_value(["a"], ["a", "b"], ["a", "c"]) == (["a", "b"], True)
