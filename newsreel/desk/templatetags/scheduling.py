"""The desk's scheduling bits in templates: the editor's schedule panel, and the note beside
a story's state in lists (when it goes live, or how late it went live)."""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from newsreel.desk.schedule_forms import local_input_value, zone_name
from newsreel.newsroom import clock, scheduling
from newsreel.newsroom.models import WorkflowState

register = template.Library()


def _minutes(delta) -> str:
    minutes = max(1, round(delta.total_seconds() / 60))
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


@register.simple_tag
def schedule_note(article) -> str:
    """'goes live 24 Dec, 09:00' for a scheduled story; 'went live 42 minutes late' for a late one."""
    if article.state == WorkflowState.SCHEDULED and article.published_at:
        when = timezone.localtime(article.published_at)
        overdue = " (overdue: no worker has published it yet)" if article.published_at <= clock.now() else ""
        return format_html('<span class="schedule-note">goes live <time datetime="{}">{}</time>{}</span>',
                           when.replace(microsecond=0).isoformat(), when.strftime("%-d %b %Y, %H:%M"), overdue)
    if article.state == WorkflowState.PUBLISHED and scheduling.was_late(article):
        return format_html('<span class="schedule-note late">went live {} late</span>',
                           _minutes(scheduling.lateness(article)))
    return ""


@register.inclusion_tag("desk/_schedule_panel.html", takes_context=True)
def schedule_panel(context) -> dict:
    article = context.get("article")
    request = context["request"]
    posted = request.POST if request.method == "POST" else {}
    scheduled = article is not None and article.state == WorkflowState.SCHEDULED
    live = bool(context.get("live"))
    return {
        "article": article, "scheduled": scheduled, "live": live, "zone": zone_name(),
        "may_publish": context.get("may_publish"),
        "publish_value": posted.get("publish_at") or (local_input_value(article.published_at) if scheduled else ""),
        "unpublish_value": posted.get("unpublish_at") or (local_input_value(article.unpublish_at) if article else ""),
        "schedule_url": reverse("desk:article_schedule", args=[article.pk]) if article else reverse("desk:article_schedule_new"),
        "overdue": scheduled and article.published_at <= clock.now(),
        "late": scheduling.lateness(article) if article is not None and scheduling.was_late(article) else None,
        "late_text": _minutes(scheduling.lateness(article)) if article is not None and scheduling.was_late(article) else "",
    }
