"""After a merge, drafts that pinned the merged film's or person's key name the one that stays.

A draft pins a key in four places: a spoiler block naming the film by key
(`:::spoiler old-key`), a link written as the page's address (`](/films/old-key/)`), the
editors' link decisions (`link_overrides`: a link added to `old-key`, or a link to it removed),
and a review's film. The old key goes on resolving (it becomes an alias), but an added link
to a key no longer in the graph is skipped and a removed one no longer applies, so the
drafts and pending revisions are rewritten: each story whose latest revision is not the live
one (drafts, stories in review, scheduled and unpublished ones) gets a new revision, made by
"merge", with the surviving key; a scheduled story goes live with it. Published revisions
are history and stay as they were (their mentions were moved by the merge itself).
"""

from __future__ import annotations

import copy
import logging
import re
from typing import Any

from newsreel.newsroom.models import Article, WorkflowState

logger = logging.getLogger("newsreel.graph")

PAGE_PREFIX = {"film": "/films/", "person": "/people/"}


def repin_body(body: str, kind: str, old: str, new: str) -> str:
    """`body` with spoiler blocks naming `old` by key, and links to its page, naming `new`."""
    if kind == "film":
        # A spoiler marker: up to three spaces, three or more colons, "spoiler", the film.
        marker = re.compile(rf"^( {{0,3}}:{{3,}}\s*spoiler\s+){re.escape(old)}(\s*)$", re.I | re.M)
        body = marker.sub(lambda found: f"{found.group(1)}{new}{found.group(2)}", body)
    prefix = PAGE_PREFIX[kind]
    # A link's address, absolute or from the site's root: ](/films/old-key/) or ](https://site/films/old-key/#x).
    address = re.compile(rf"(\]\(\s*<?(?:https?://[^/\s)]+)?{re.escape(prefix)}){re.escape(old)}(?=[/#?)>\s])")
    return address.sub(lambda found: f"{found.group(1)}{new}", body)


def repin_content(content: dict[str, Any], kind: str, old: str, new: str) -> dict[str, Any]:
    """A revision's draft JSON with `old` replaced by `new` wherever it pins the key."""
    content = copy.deepcopy(content)
    content["body"] = repin_body(content.get("body") or "", kind, old, new)
    overrides = content.get("link_overrides")
    if isinstance(overrides, dict):
        if isinstance(overrides.get("remove"), list):
            replaced = {old: new, f"{kind}:{old}": f"{kind}:{new}"}
            overrides["remove"] = list(dict.fromkeys(replaced.get(key, key) for key in overrides["remove"]))
        if isinstance(overrides.get("add"), list):
            for item in overrides["add"]:
                if isinstance(item, dict) and item.get("kind") == kind and item.get("key") == old:
                    item["key"] = new
    if kind == "film" and content.get("film") == old:
        content["film"] = new
    return content


def repin_drafts(kind: str, old: str, new: str) -> list[int]:
    """Give every story whose pending revision pins `old` a new revision naming `new`; the
    ids of the stories changed. Runs inside the merge's transaction."""
    from newsreel.newsroom.intake import ArticleDraft, IntakeError
    from newsreel.newsroom.publishing import _save_draft  # the merge rewrites; publishing checks the text

    changed = []
    pending = (Article.objects.exclude(state=WorkflowState.DELETED).filter(latest_revision__isnull=False)
               .select_related("latest_revision", "live_revision").order_by("pk"))
    for article in pending:
        latest = article.latest_revision
        if latest.pk == article.live_revision_id or old.casefold() not in str(latest.content).casefold():
            continue
        content = repin_content(latest.content, kind, old, new)
        if content == latest.content:
            continue
        try:
            article, _ = _save_draft(ArticleDraft.from_json(content), article=article, user=None, origin="merge",
                                     prepared=None)
        except IntakeError as error:  # its metadata was already refused elsewhere: left as it was, said
            logger.warning("merge of %s:%s: story %s not rewritten: %s", kind, old, article.pk, error)
            continue
        if article.scheduled_revision_id == latest.pk:
            article.scheduled_revision = article.latest_revision
            article.save(update_fields=["scheduled_revision"])
        changed.append(article.pk)
    return changed
