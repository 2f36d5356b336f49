"""Word-level differences between two revisions' texts."""

from newsreel.text.worddiff import ADDED, EQUAL, REMOVED, Segment, counts, word_diff


def test_a_changed_word_is_removed_then_added_and_the_rest_is_equal():
    segments = word_diff("The film opens in October.", "The film opens in November.")
    assert segments == [Segment(EQUAL, "The film opens in "), Segment(REMOVED, "October."), Segment(ADDED, "November.")]


def test_joining_each_side_gives_back_the_two_texts():
    old, new = "Line one.\n\nLine two stays.\n", "Line one, longer.\n\nLine two stays.\nAnd three.\n"
    segments = word_diff(old, new)
    assert "".join(s.text for s in segments if s.kind != ADDED) == old
    assert "".join(s.text for s in segments if s.kind != REMOVED) == new


def test_counts_are_in_words():
    assert counts(word_diff("a b c", "a x y c")) == (1, 2)


def test_identical_texts_have_no_changes():
    assert [s.kind for s in word_diff("Same words.", "Same words.")] == [EQUAL]


def test_unchanged_paragraphs_stay_whole_around_a_changed_one():
    old = "First paragraph stays.\n\nSecond one changes here.\n\nThird paragraph stays.\n"
    new = old.replace("changes here", "changed there")
    segments = word_diff(old, new)
    assert segments[0] == Segment(EQUAL, "First paragraph stays.\n\nSecond one ")
    assert [s for s in segments if s.kind != EQUAL] == [
        Segment(REMOVED, "changes here."), Segment(ADDED, "changed there.")]
    assert segments[-1].text.endswith("Third paragraph stays.\n")


def test_a_rewrite_too_large_to_compare_word_by_word_is_shown_whole(monkeypatch):
    monkeypatch.setattr("newsreel.text.worddiff.MAX_WORD_PAIRS", 10)
    assert word_diff("one two three four", "one six three five") == [
        Segment(REMOVED, "one two three four"), Segment(ADDED, "one six three five")]
