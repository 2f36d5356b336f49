"""`newsreel import ... --renditions later|now`: who makes the new pictures' copies, and the report saying so.

By default (`later`) the worker makes them after the import; the report says how many
pictures wait and what makes them. `now` makes them during the import, as before, and says
nothing of it.
"""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from newsreel.images import renditions
from newsreel.images.models import Image
from newsreel.newsroom.models import Section
from tests.images.test_renditions_later import story
from tests.importers.commands import imported

pytestmark = pytest.mark.django_db

WAIT_LINE = ("2 pictures wait for their renditions (pages show the original until then): the worker makes them "
             "(`newsreel worker`, or `newsreel serve`, which runs it); or now: `newsreel rebuild-renditions --missing`")


@pytest.fixture
def site(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    Section.objects.get_or_create(slug="news", defaults={"name": "News", "order": 1})
    story(tmp_path / "site", "pier")
    return tmp_path / "site"


def test_by_default_the_report_says_how_many_pictures_wait_and_what_makes_them(site):
    out, _err, error = imported("markdown", site, verbosity=1)
    assert error is None and WAIT_LINE in out.splitlines()
    assert Image.objects.count() == 2 and not Image.objects.exclude(renditions={}).exists()


def test_with_renditions_now_the_pictures_have_them_when_the_import_ends_and_nothing_is_said(site):
    out, _err, error = imported("markdown", site, "--renditions", "now", verbosity=1)
    assert error is None and "renditions" not in out
    assert all(renditions.is_current(image.renditions, image) for image in Image.objects.all())


def test_a_dry_run_says_nothing_waits(site):
    out, _err, error = imported("markdown", site, "--dry-run", verbosity=1)
    assert error is None and "dry run, nothing was kept" in out and "wait" not in out


def test_an_unknown_choice_is_refused_with_the_choices():
    with pytest.raises(CommandError, match="--renditions: invalid choice: 'soon' \\(choose from '?later'?, '?now'?\\)"):
        call_command("import", "markdown", ".", "--renditions", "soon")
