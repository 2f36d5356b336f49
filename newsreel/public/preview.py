"""Previews: an unpublished version of a story rendered through the real article template
(the same styles, spoiler panels and figures readers get), never stored, never indexed.

Two ways in:

- `/preview/<pk>/<token>/`: a shareable link (newsreel.newsroom.preview_links) showing the
  story's latest saved revision to anyone who has it, until it expires or is revoked;
- `/preview/draft/<pk>/` and `/preview/draft/new/`: what a signed-in writer has in the
  editor right now (their autosave slot, which the desk's Preview button fills), else the
  latest revision.

Every answer says noindex twice (X-Robots-Tag and the robots meta) and is never cached.
"""

from __future__ import annotations

from datetime import datetime
from typing import Callable

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.templatetags.static import static
from django.utils import timezone

from newsreel.films.graph import one_graph
from newsreel.films.models import Film, Person
from newsreel.images.models import Image
from newsreel.newsroom import autosave, preview_links, processed_drafts, publishing
from newsreel.newsroom.intake import ArticleDraft, IntakeError
from newsreel.newsroom.models import Article, Author, Tag, WorkflowState
from newsreel.public.pages.article import page_context
from newsreel.public.pages.common import image_info, render_page
from newsreel.public.pages.shared import site_settings
from newsreel.slugs import slug_of
from newsreel.text.types import ProcessedArticle

NOINDEX = "noindex, nofollow, noarchive"


def _named(model, names: list[str]) -> list:
    """Authors or tags by name: the stored ones, else unsaved ones (a preview stores nothing)."""
    slugs = [slug_of(name) for name in names]
    found = {item.slug: item for item in model.objects.filter(slug__in=slugs)}
    return [found.get(slug) or model(slug=slug, name=name) for slug, name in zip(slugs, names)]


def _mentioned(processed: ProcessedArticle) -> tuple[list[Film], list[Person]]:
    """Films and people named outside spoiler blocks, in order of first mention (as the page lists them)."""
    visible = sorted((m for m in processed.mentions if not m.in_spoiler), key=lambda m: m.start)
    films = Film.objects.in_bulk([m.key for m in visible if m.kind == "film"], field_name="key")
    people = Person.objects.in_bulk([m.key for m in visible if m.kind == "person"], field_name="key")
    film_list: dict[str, Film] = {}
    person_list: dict[str, Person] = {}
    for mention in visible:
        if mention.kind == "film" and mention.key in films:
            film_list.setdefault(mention.key, films[mention.key])
        elif mention.kind == "person" and mention.key in people:
            person_list.setdefault(mention.key, people[mention.key])
    return list(film_list.values()), list(person_list.values())


def render_draft(draft: ArticleDraft, processed: ProcessedArticle, *, notice: str,
                 published: datetime | None = None) -> bytes:
    """The article page for a version that is not live, with a preview notice above it."""
    article = publishing.unsaved_article(draft, processed)
    hero = image_info(Image.objects.filter(pk=draft.hero_image).first()) if draft.hero_image else None
    films, people = _mentioned(processed)
    when = (published or draft.publish_at or timezone.now()).replace(microsecond=0)  # HTML dates carry no microseconds
    context = page_context(article, title=f"Preview: {draft.headline or 'untitled'} | {site_settings().name}",
                           hero=hero, authors=_named(Author, draft.authors), tags=_named(Tag, draft.tags),
                           films=films, people=people, published=when, modified=when)
    context.update({"noindex": True, "preview_notice": notice, "preview_css": static("public/preview.css")})
    return render_page("public/preview_article.html", context)


def _respond(body: bytes, status: int = 200) -> HttpResponse:
    response = HttpResponse(body, status=status)
    response.headers["X-Robots-Tag"] = NOINDEX
    response.headers["Cache-Control"] = "no-store"
    # The token is in the address: never send it on to the sites the preview links to.
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def _refusal(status: int, heading: str, message: str) -> HttpResponse:
    body = render_page("public/preview_refused.html", {
        "title": heading, "description": "", "noindex": True, "status": status, "heading": heading,
        "message": message,
    })
    return _respond(body, status)


def _state_notice(article: Article, label: str, revision_id: int | None = None) -> tuple[str, datetime | None]:
    """What the preview is of (`label`: "revision 4", shown from the revision `revision_id`),
    and the publication time its page shows."""
    if article.state == WorkflowState.SCHEDULED and article.published_at:
        when = timezone.localtime(article.published_at)
        scheduled = article.scheduled_revision
        at = f"{when.day} {when:%B %Y at %H:%M %Z}"
        if scheduled is not None and scheduled.pk != revision_id:
            return (f"Scheduled: revision {scheduled.number} goes live on {at}. This is {label}, "
                    "which will not go live unless it is scheduled or published."), article.published_at
        return f"Scheduled: {label} goes live on {at}. Not public until then.", article.published_at
    if article.is_live:
        if article.live_revision_id and revision_id != article.live_revision_id:
            return (f"Unpublished changes: {label}. Readers see revision {article.live_revision.number} "
                    "until it is published."), article.published_at
        return f"Published: {label} is what readers see.", article.published_at
    return f"Draft: {label}, not published.", None


def _render_or_explain(draft: ArticleDraft, notice: str, published: datetime | None,
                       process: Callable[[ArticleDraft], ProcessedArticle] = publishing.preview) -> HttpResponse:
    try:
        processed = process(draft)
    except IntakeError as error:
        problems = "; ".join(str(item) for item in error.errors)
        return _refusal(422, "This version cannot be previewed yet",
                        f"Its text has problems that would also stop it from publishing: {problems}. "
                        "Fix them in the editor and preview again.")
    return _respond(render_draft(draft, processed, notice=notice, published=published))


def shared_preview(request: HttpRequest, pk: int, token: str) -> HttpResponse:
    """A shareable link: the story's latest saved revision, to whoever has the link."""
    try:
        article = preview_links.check(pk, token)
    except preview_links.ExpiredPreviewLink as error:
        return _refusal(410, "This preview link has expired", str(error))
    except preview_links.PreviewLinkError as error:
        return _refusal(404, "This preview link does not work", str(error))
    if article.latest_revision_id is None:
        return _refusal(404, "This preview link does not work", preview_links.WRONG)
    notice, published = _state_notice(article, f"revision {article.latest_revision.number}",
                                      article.latest_revision_id)
    return _render_or_explain(publishing.draft_for(article), notice, published)


@one_graph()  # the page's look-ups of the graph share one question to the database
def draft_preview(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """The signed-in writer's own view of what they have in the editor."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    article = (Article.objects.select_related("latest_revision", "live_revision", "scheduled_revision")
               .filter(pk=pk).first() if pk else None)
    if pk is not None and article is None:
        return _refusal(404, "No such story", "There is no story with this number; it may have been deleted.")
    if not preview_links.may_preview(request.user, article):
        return _refusal(403, "You cannot preview this story",
                        "Only editors and the writer of a story can preview it without a preview link.")
    slot = autosave.find(request.user, article)
    revision_id = None
    if slot is not None and slot.draft:
        draft = ArticleDraft.from_json(slot.draft)
        label = "what is in your editor (not saved yet)"
    elif article is not None and article.latest_revision_id:
        draft = publishing.draft_for(article)
        label, revision_id = f"revision {article.latest_revision.number}", article.latest_revision_id
    else:
        return _refusal(404, "Nothing to preview yet", "Write something in the editor, then press Preview.")
    # The editor's `live` call has just run the text core on this very draft: reuse its result.
    if article is None:
        return _render_or_explain(draft, f"Draft: {label}, not published.", None, processed_drafts.process_once)
    notice, published = _state_notice(article, label, revision_id)
    return _render_or_explain(draft, notice, published, processed_drafts.process_once)
