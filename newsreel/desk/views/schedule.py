"""Scheduling on the desk: schedule a story (from the editor), the scheduled queue (what goes
live when, in the newsroom's time zone) with reschedule and unschedule, and unpublish times.
Every change goes through the newsroom's scheduling service, which refuses bad times with a
message and changes nothing."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from newsreel.desk.access import article_or_refusal, can_publish, desk_view, refuse
from newsreel.desk.forms import ArticleForm
from newsreel.desk.schedule_forms import ScheduleForm, local_input_value, zone_name
from newsreel.desk.drafts import attach, draft_from_form, problems_from
from newsreel.desk.views.editor_page import render_editor
from newsreel.newsroom import clock, publishing, review, scheduling
from newsreel.newsroom.intake import IntakeError
from newsreel.newsroom.models import Article, WorkflowState
from newsreel.newsroom.permissions import STORY_CREATE, STORY_EDIT, STORY_SCHEDULE
from newsreel.newsroom.problems import FieldError
from newsreel.text.types import TextError


def _show(moment) -> str:
    return timezone.localtime(moment).strftime("%-d %b %Y, %H:%M") + f" ({zone_name()})"


def _refusal(error: IntakeError) -> str:
    return " ".join(item.message[:1].upper() + item.message[1:].rstrip(".") + "." for item in error.errors)


@require_POST
@desk_view
def article_schedule(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """The editor's "Schedule" button: save what is typed, then schedule that revision.

    Bad times are refused before anything is saved (the typed text stays in the form); a text
    that cannot be published is saved as a draft, not scheduled, and the problems are shown."""
    article = get_object_or_404(Article.objects.select_related("latest_revision"), pk=pk) if pk else None
    refusal = refuse(request, STORY_SCHEDULE, article) or refuse(request, STORY_EDIT if article else STORY_CREATE, article)
    if refusal:
        return refusal
    context = {"article": article, "nav": "articles" if article else "new", "may_publish": True}
    form, times = ArticleForm(request.POST), ScheduleForm(request.POST)
    if not form.is_valid() or not times.is_valid():
        for field, errors in times.errors.items():
            for error in errors:
                form.add_error(None, error)
        return render_editor(request, form, context, status=400)
    at, until = times.cleaned_data["publish_at"], times.cleaned_data["unpublish_at"]
    problems = scheduling.check_times(at, until, require_future=True)
    if article is not None and article.is_live:
        problems.append(FieldError("publish_at", "this story is live; unpublish it before scheduling it for later"))
    if problems:
        for problem in problems:
            form.add_error(None, f"{times.fields[problem.field].label}: {problem.message}")
        return render_editor(request, form, context, status=400)
    base = publishing.draft_for(article) if article else None
    try:
        with transaction.atomic():
            article = publishing.save_draft(draft_from_form(form, base), article=article, user=request.user,
                                            origin="desk")
    except (IntakeError, TextError) as error:
        attach(form, problems_from(error, form))
        return render_editor(request, form, context, status=400)
    revision = article.latest_revision
    state_before = article.state
    try:
        scheduling.schedule(article, at=at, unpublish_at=until, user=request.user)
    except IntakeError as error:
        messages.error(request, f"Saved as revision {revision.number}, but not scheduled: {_refusal(error)}")
    else:
        messages.success(request, f"Scheduled: revision {revision.number} goes live {_show(at)}"
                                  + (f" and comes down {_show(until)}." if until else "."))
        review.approved(article, user=request.user, state_before=state_before)
    return redirect("desk:article_edit", pk=article.pk)


def _publishable(request: HttpRequest, pk: int) -> tuple[Article | None, HttpResponse | None]:
    return article_or_refusal(request, pk, STORY_SCHEDULE)


def _back(request: HttpRequest, article: Article) -> HttpResponse:
    """Back to where the button was: the queue, or the story's editor."""
    if request.POST.get("next") == "queue":
        return redirect("desk:scheduled")
    return redirect("desk:article_edit", pk=article.pk)


@require_POST
@desk_view
def article_reschedule(request: HttpRequest, pk: int) -> HttpResponse:
    """Move a scheduled story's minute (and unpublish time); the scheduled revision stays."""
    article, refusal = _publishable(request, pk)
    if refusal:
        return refusal
    if article.state != WorkflowState.SCHEDULED:
        messages.error(request, f"“{article.headline}” is not scheduled, so it cannot be rescheduled.")
        return _back(request, article)
    times = ScheduleForm(request.POST)
    if not times.is_valid():
        messages.error(request, " ".join(error for errors in times.errors.values() for error in errors))
        return _back(request, article)
    try:
        scheduling.schedule(article, at=times.cleaned_data["publish_at"], unpublish_at=times.cleaned_data["unpublish_at"],
                            revision=article.scheduled_revision, user=request.user)
    except IntakeError as error:
        messages.error(request, f"Not rescheduled: {_refusal(error)}")
    else:
        messages.success(request, f"Rescheduled: “{article.headline}” goes live {_show(article.published_at)}.")
    return _back(request, article)


@require_POST
@desk_view
def article_unschedule(request: HttpRequest, pk: int) -> HttpResponse:
    article, refusal = _publishable(request, pk)
    if refusal:
        return refusal
    try:
        scheduling.unschedule(article, user=request.user)
    except IntakeError as error:
        messages.error(request, f"Not unscheduled: {_refusal(error)}")
    else:
        messages.success(request, f"Unscheduled: “{article.headline}” is a {article.get_state_display().lower()} "
                                  "again and will not go live on its own.")
    return _back(request, article)


@require_POST
@desk_view
def article_unpublish_time(request: HttpRequest, pk: int) -> HttpResponse:
    """Set (or clear, when empty) the time a live or scheduled story comes down."""
    article, refusal = _publishable(request, pk)
    if refusal:
        return refusal
    times = ScheduleForm(request.POST, require_publish_at=False)
    if not times.is_valid():
        messages.error(request, " ".join(error for errors in times.errors.values() for error in errors))
        return _back(request, article)
    until = times.cleaned_data["unpublish_at"]
    try:
        scheduling.set_unpublish_time(article, until, user=request.user)
    except IntakeError as error:
        messages.error(request, f"Unpublish time not set: {_refusal(error)}")
    else:
        messages.success(request, f"“{article.headline}” comes down {_show(until)}." if until
                         else f"“{article.headline}” has no unpublish time now.")
    return _back(request, article)


@desk_view
def scheduled_queue(request: HttpRequest) -> HttpResponse:
    """What goes live when, soonest first; overdue stories (no worker ran) are marked."""
    now = clock.now()
    stories = list(Article.objects.scheduled().select_related("section", "scheduled_revision"))
    for story in stories:
        story.overdue = story.published_at <= now
        story.publish_value = local_input_value(story.published_at)
        story.unpublish_value = local_input_value(story.unpublish_at)
    coming_down = list(Article.objects.filter(state=WorkflowState.PUBLISHED, unpublish_at__isnull=False)
                       .order_by("unpublish_at"))
    recent = [story for story in Article.objects.filter(went_live_at__isnull=False).order_by("-went_live_at")[:10]]
    for story in recent:
        story.late = scheduling.lateness(story) if scheduling.was_late(story) else None
    return render(request, "desk/scheduled.html", {
        "stories": stories, "coming_down": coming_down, "recent": recent, "zone": zone_name(),
        "may_publish": can_publish(request.user), "nav": "scheduled",
    })
