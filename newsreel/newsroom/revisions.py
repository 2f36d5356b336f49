"""Revisions as the desk uses them: compare any two, restore one as a new draft revision."""

from __future__ import annotations

from dataclasses import dataclass

from newsreel.newsroom import publishing
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.models import Article, Revision
from newsreel.text.worddiff import Segment, counts, word_diff

# The fields a writer edits, in the order the editor shows them, with their labels.
COMPARED_FIELDS: tuple[tuple[str, str], ...] = (
    ("headline", "Headline"), ("slug", "Slug"), ("dek", "Dek"), ("summary", "Summary"),
    ("section", "Section"), ("tags", "Tags"), ("authors", "Bylines"), ("hero_image", "Hero image"),
    ("sources", "Sources"), ("publish_at", "Publish time"), ("body", "Body"),
)


@dataclass(frozen=True)
class FieldChange:
    """One field of two revisions, word by word."""

    name: str
    label: str
    segments: list[Segment]
    removed_words: int
    added_words: int

    @property
    def changed(self) -> bool:
        return any(segment.kind != "equal" for segment in self.segments)


def field_text(content: dict, name: str) -> str:
    """A field of a revision's content as text to compare (lists one item a line)."""
    value = content.get(name)
    if value is None:
        return ""
    if name == "sources":
        return "\n".join(f"{item.get('name', '')} | {item.get('url', '')}".rstrip(" |") for item in value)
    if name == "hero_image":
        return f"image:{value}"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


def compare(older: Revision, newer: Revision) -> list[FieldChange]:
    """Every editable field of two revisions (of one article), word-level."""
    if older.article_id != newer.article_id:
        raise ValueError("revisions of two different articles cannot be compared")
    changes = []
    for name, label in COMPARED_FIELDS:
        segments = word_diff(field_text(older.content, name), field_text(newer.content, name))
        removed, added = counts(segments)
        changes.append(FieldChange(name, label, segments, removed, added))
    return changes


def restore(article: Article, number: int, *, user=None) -> Revision:
    """Save revision `number`'s content again as the newest draft revision.

    What is live does not change until someone publishes. Restoring the content the latest
    revision already has makes no new revision (and returns the latest).
    Raises Revision.DoesNotExist for a number the article does not have.
    """
    revision = article.revisions.get(number=number)
    article = publishing.save_draft(ArticleDraft.from_json(revision.content), article=article, user=user,
                                    origin=f"restore:{number}")
    return article.latest_revision
