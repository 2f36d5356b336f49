"""Writes that meet a busy database are tried again, within NEWSREEL_WRITE_WAIT."""

from __future__ import annotations

import sqlite3

import pytest
from django.db import OperationalError, transaction

from newsreel.newsroom.models import Section
from newsreel.write_retry import DatabaseBusy, is_busy, run_write


def locked() -> OperationalError:
    try:
        raise sqlite3.OperationalError("database is locked")
    except sqlite3.OperationalError as cause:
        error = OperationalError("database is locked")
        error.__cause__ = cause
        return error


@pytest.mark.django_db(transaction=True)
def test_a_write_that_meets_a_busy_database_runs_again_from_the_start_and_keeps_only_the_last_try():
    tries = []

    def work() -> int:
        tries.append(1)
        Section.objects.create(slug=f"try-{len(tries)}", name=f"Try {len(tries)}")
        if len(tries) < 3:
            raise locked()  # as if another writer held the lock: this try is rolled back
        return len(tries)

    assert run_write(work, wait=10) == 3
    assert list(Section.objects.filter(slug__startswith="try-").values_list("slug", flat=True)) == ["try-3"]


@pytest.mark.django_db(transaction=True)
def test_a_write_that_stays_busy_past_the_wait_gives_up_with_a_message_that_says_what_to_do():
    def work() -> None:
        raise locked()

    with pytest.raises(DatabaseBusy) as raised:
        run_write(work, wait=0.3)
    assert raised.value.attempts >= 2
    assert "stayed busy with other writers" in str(raised.value)
    assert "nothing was written" in str(raised.value)
    assert "NEWSREEL_WRITE_WAIT" in str(raised.value)


@pytest.mark.django_db(transaction=True)
def test_a_write_that_fails_for_another_reason_is_not_tried_again():
    tries = []

    def work() -> None:
        tries.append(1)
        raise OperationalError("no such table: nowhere")

    with pytest.raises(OperationalError, match="no such table"):
        run_write(work, wait=10)
    assert len(tries) == 1


@pytest.mark.django_db
def test_inside_an_outer_transaction_the_write_runs_once_in_a_savepoint():
    def work() -> None:
        Section.objects.create(slug="inner", name="Inner")
        raise ValueError("the text core refused it")

    with transaction.atomic():
        with pytest.raises(ValueError):
            run_write(work)
        assert not Section.objects.filter(slug="inner").exists()


def test_busy_errors_are_told_apart_from_real_failures():
    assert is_busy(locked())
    assert not is_busy(OperationalError("disk I/O error"))
