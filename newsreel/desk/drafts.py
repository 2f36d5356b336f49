"""Between the editor form and the newsroom's ArticleDraft: the writer's fields become a draft,
a draft fills the form, and what the intake or the text core refuses comes back as a problem
placed at its form field (and body line)."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from newsreel.desk.forms import ArticleForm, format_sources
from newsreel.newsroom import publishing
from newsreel.newsroom.intake import ArticleDraft, IntakeError
from newsreel.newsroom.models import Article
from newsreel.text.types import TextError


@dataclass(frozen=True)
class Problem:
    """One thing wrong with what the writer typed, placed at its field (and line)."""

    field: str | None  # a form field name, or None for the whole article
    message: str
    line: int | None = None

    def __str__(self) -> str:
        return f"Line {self.line}: {self.message}" if self.line else self.message


def initial_from_draft(draft: ArticleDraft) -> dict:
    """The editor form's initial values for `draft`."""
    return {
        "headline": draft.headline, "slug": draft.slug, "dek": draft.dek, "summary": draft.summary,
        "body": draft.body, "section": draft.section or None, "tags": ", ".join(draft.tags),
        "authors": ", ".join(draft.authors), "hero_image": draft.hero_image,
        "sources": format_sources(draft.sources),
        "film": draft.film, "rating": draft.rating or "", "verdict": draft.verdict,
    }


def draft_from_form(form: ArticleForm, base: ArticleDraft | None) -> ArticleDraft:
    """The writer's fields over what the desk does not edit (publish time, link decisions)."""
    data = form.cleaned_data
    fields = {
        "headline": data["headline"], "slug": data["slug"], "dek": data["dek"], "summary": data["summary"],
        "body": data["body"].replace("\r\n", "\n"),
        "section": data["section"].slug if data["section"] else "",
        "tags": data["tags"], "authors": data["authors"],
        "hero_image": data["hero_image"].pk if data["hero_image"] else None,
        "sources": data["sources"],
        "film": data["film"].strip(), "rating": data["rating"].strip() or None, "verdict": data["verdict"],
        "body_line": 1,  # the textarea is the whole body: its lines are the body's lines
    }
    return dataclasses.replace(base, **fields) if base else ArticleDraft(**fields)


def problems_from(error: IntakeError | TextError, form: ArticleForm) -> list[Problem]:
    """Each refusal placed at the form field it concerns, worded as a sentence about that field."""
    if isinstance(error, TextError):
        return [Problem("body", error.message, error.line)]
    problems = []
    for item in error.errors:
        name = re.split(r"[\[.]", item.field, maxsplit=1)[0]
        field = name if name in form.fields else None
        message = item.message
        if field and re.match(r"(is|are|must|needs|has) ", message):
            message = f"{form.fields[field].label or field.capitalize()} {message}"
        message = message[:1].upper() + message[1:]
        if field is None and item.field not in ("article", ""):
            message = f"{item.field}: {message}"
        problems.append(Problem(field, message, item.line))
    return problems


def attach(form: ArticleForm, problems: list[Problem]) -> None:
    """Show `problems` on the form, each at its field."""
    for problem in problems:
        form.add_error(problem.field, str(problem))


def text_problems(article: Article, draft: ArticleDraft) -> list[Problem]:
    """What will stop the latest saved revision from publishing (saving keeps it anyway)."""
    revision = article.latest_revision
    if not revision or not revision.derived.get("errors"):
        return []
    try:
        publishing.preview(dataclasses.replace(draft, body_line=1))  # lines of the textarea, not of an imported file
    except (IntakeError, TextError) as error:
        return problems_from(error, ArticleForm())
    return []
