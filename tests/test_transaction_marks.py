"""A mark made in a transaction stands until the savepoint that made it is rolled back, or the transaction ends."""

from __future__ import annotations

import pytest
from django.db import transaction

from newsreel.transaction_marks import mark, standing

pytestmark = pytest.mark.django_db(transaction=True)


class Refused(Exception):
    pass


def rolled_back(make):
    try:
        with transaction.atomic():
            made = make()
            raise Refused
    except Refused:
        return made


def test_a_mark_stands_through_released_savepoints_and_falls_with_a_rolled_back_one():
    with transaction.atomic():
        kept_outside = mark()
        with transaction.atomic():
            kept = mark()
        lost = rolled_back(mark)
        after = mark()
        assert standing(kept_outside) and standing(kept) and standing(after)
        assert not standing(lost)
        nested = rolled_back(lambda: [mark(), rolled_back(mark)])
        assert not any(standing(made) for made in nested) and standing(after)
    assert not standing(kept) and not standing(after)  # the transaction ended


def test_outside_a_transaction_nothing_is_marked_and_nothing_stands():
    assert mark() is None and not standing(None)


def test_a_mark_s_callback_runs_on_commit_only_when_it_stands():
    ran = []
    with transaction.atomic():
        mark(lambda: ran.append("kept"))
        rolled_back(lambda: mark(lambda: ran.append("lost")))
    assert ran == ["kept"]
