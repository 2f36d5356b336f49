"""The desk's scheduling fields: publication and unpublish times, typed in the newsroom's
time zone (NEWSREEL_TIME_ZONE) with the browser's date-and-time picker."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone

INPUT_FORMAT = "%Y-%m-%dT%H:%M"


class LocalTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs) -> None:
        super().__init__(format=INPUT_FORMAT, **kwargs)


class ScheduleForm(forms.Form):
    publish_at = forms.DateTimeField(
        label="Goes live at", required=False, widget=LocalTimeInput(), input_formats=[INPUT_FORMAT, "%Y-%m-%d %H:%M"],
        error_messages={"invalid": "Goes live at must be a date and time, e.g. 2026-12-24T09:00"},
    )
    unpublish_at = forms.DateTimeField(
        label="Comes down at (optional)", required=False, widget=LocalTimeInput(),
        input_formats=[INPUT_FORMAT, "%Y-%m-%d %H:%M"],
        error_messages={"invalid": "Comes down at must be a date and time, e.g. 2026-12-31T18:00"},
    )

    def __init__(self, *args, require_publish_at: bool = True, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.require_publish_at = require_publish_at

    def clean(self) -> dict:
        data = super().clean()
        if self.require_publish_at and not self.errors and data.get("publish_at") is None:
            self.add_error("publish_at", "Goes live at is required to schedule a story: choose a date and time.")
        return data


def zone_name() -> str:
    """The newsroom's time zone, as the desk names it beside every time it shows or takes."""
    return timezone.get_current_timezone_name()


def local_input_value(moment: dt.datetime | None) -> str:
    return timezone.localtime(moment).strftime(INPUT_FORMAT) if moment else ""
