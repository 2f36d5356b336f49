"""A save made over a newer revision never silently wins.

The editor form carries the revision it was opened from (`base_revision`). When someone
saved a newer one in between, nothing is saved: the writer gets the editor back with a
three-way merge (base = the revision they opened, theirs = the latest, ours = what they
submitted). Fields only one side changed take that side's value; the body merges line by
line where it applies cleanly; what both changed differently is shown side by side, with
the writer's own version in the form, for them to settle and save again. Their submitted
text is also kept in their autosave slot, so a closed tab loses nothing.
"""

from __future__ import annotations

import dataclasses
from typing import Callable

from django.http import HttpRequest, HttpResponse

from newsreel.desk.drafts import initial_from_draft
from newsreel.desk.forms import ArticleForm, format_sources
from newsreel.newsroom import autosave, publishing
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.models import Article
from newsreel.text.merge import merge3, merge_value

# Whole-value fields, with how the desk labels and shows them.
MERGED_FIELDS = (
    ("headline", "Headline"), ("slug", "Slug"), ("dek", "Dek"), ("summary", "Summary"), ("section", "Section"),
    ("tags", "Tags"), ("authors", "Bylines"), ("hero_image", "Hero image"), ("sources", "Sources"),
)


def _shown(name: str, value) -> str:
    if name == "sources":
        return format_sources(value)
    if isinstance(value, list):
        return ", ".join(value)
    return "" if value is None else str(value)


def saved_by(article: Article, after: int) -> list[str]:
    names = set()
    for revision in article.revisions.filter(number__gt=after).select_related("created_by"):
        names.add(revision.created_by.get_username() if revision.created_by else revision.origin or "someone")
    return sorted(names)


def stale_save(request: HttpRequest, form: ArticleForm, draft: ArticleDraft, article: Article | None,
               context: dict, render_editor: Callable[..., HttpResponse]) -> HttpResponse | None:
    """The merge page when `form` was based on an older revision than the latest, else None."""
    base_number = form.cleaned_data.get("base_revision")
    latest = article.latest_revision if article is not None else None
    if latest is None or base_number is None or base_number >= latest.number:
        return None
    base_revision = article.revisions.filter(number=base_number).first()
    base = ArticleDraft.from_json(base_revision.content) if base_revision else ArticleDraft(headline="", body="")
    theirs = publishing.draft_for(article)
    merged_values = {}
    field_conflicts = []
    for name, label in MERGED_FIELDS:
        value, conflicted = merge_value(getattr(base, name), getattr(draft, name), getattr(theirs, name))
        merged_values[name] = value
        if conflicted:
            field_conflicts.append({"label": label, "theirs": _shown(name, getattr(theirs, name)),
                                    "ours": _shown(name, getattr(draft, name))})
    body = merge3(base.body, draft.body, theirs.body)
    merged = dataclasses.replace(draft, **merged_values, body=body.text_preferring("ours"))
    # Nothing the writer typed is lost if they close the tab now: it waits in their slot.
    autosave.keep(request.user, article, request.POST, base_revision=base_number, draft=draft.to_json())

    initial = initial_from_draft(merged)
    initial["base_revision"] = latest.number
    context["merge"] = {
        "by": saved_by(article, base_number), "base": base_number, "latest": latest.number,
        "clean": body.clean and not field_conflicts, "field_conflicts": field_conflicts,
        "body_conflicts": body.conflicts, "theirs_body": theirs.body, "ours_body": draft.body,
        "action": request.POST.get("action", "save"),
    }
    return render_editor(request, ArticleForm(initial=initial), context, status=409)
