"""The desk's scheduling pages are valid HTML as the Nu HTML Checker judges them: the editor
of a scheduled story (its schedule panel), the scheduled queue and the list of scheduled stories."""

import datetime as dt
import re

import pytest

from newsreel.newsroom import clock
from newsreel.newsroom.models import Article
from tests.desk.test_schedule import schedule_new, soon
from tests.public.test_html_valid import validation_errors, validator  # noqa: F401  (the checker fixture)

pytestmark = pytest.mark.django_db


def test_the_scheduling_pages_are_valid_html(as_editor, graph, validator, monkeypatch):  # noqa: F811
    schedule_new(as_editor, soon(3), until=soon(30))
    schedule_new(as_editor, soon(1), headline="An overdue story")
    article = Article.objects.get(headline="An overdue story")
    monkeypatch.setattr(clock, "now", lambda: article.published_at + dt.timedelta(minutes=5))
    response = as_editor.get("/desk/scheduled/")
    assert response.status_code == 200 and validation_errors(validator, response.content) == []
    # The editor and the list as a whole belong to the desk's own checks; what scheduling
    # adds to them (the editor's panel, the note beside a state) is checked here.
    editor = as_editor.get(f"/desk/articles/{article.pk}/").content.decode()
    panel = editor[editor.index('<fieldset class="schedule-panel"'):editor.index("</fieldset>") + len("</fieldset>")]
    listing = as_editor.get("/desk/?state=scheduled").content.decode()
    notes = re.findall(r'<span class="schedule-note.*?</span>', listing, re.S)
    assert "Overdue" in panel and len(notes) == 2
    page = (f'<!doctype html><html lang="en"><head><title>Parts</title></head><body><form method="post">{panel}'
            f'</form><p>{" ".join(notes)}</p></body></html>')
    assert validation_errors(validator, page.encode()) == []
