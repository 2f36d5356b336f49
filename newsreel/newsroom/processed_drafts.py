"""The text core's reading of a draft, kept for a moment so one editor refresh runs it once.

After each pause in typing the desk's editor asks for the panel data (`live`, which runs the
text core) and then reloads the preview frame (`/preview/draft/<pk>/`, which needs the very
same result to render the page). Both go through `process_once`: the first computes and keeps
the result in the site's cache (Redis when configured, so every worker sees it), the second
finds it under the same key and renders it as is, so the page is byte for byte what a fresh run
would give.

The key is a hash of everything the text core reads from the draft (body, headline, summary,
slug, link choices), the site's address and the knowledge graph's version: a different text or
a changed graph is a different key. Pictures and embed posters are read from the database during
the run and are not in the key, so a result is kept only briefly (KEEP_SECONDS): an edited
caption shows in the preview at the latest that long after, or at the next keystroke.
"""

from __future__ import annotations

import hashlib
import json

from django.conf import settings
from django.core.cache import cache

from newsreel.films.graph import current_version
from newsreel.newsroom import publishing
from newsreel.newsroom.intake import ArticleDraft
from newsreel.text.types import ProcessedArticle

# Long enough for the preview frame to load after `live` answers on a busy machine; short enough
# that a picture's edited alt text or credit is not hidden for long.
KEEP_SECONDS = 60
_PREFIX = "newsreel:processed-draft:"


def key_for(draft: ArticleDraft, graph_version: str | None = None) -> str:
    """The cache key of the text core's result for this draft on the graph `graph_version`
    (by default the current one)."""
    inputs = {
        "body": draft.body, "body_line": draft.body_line, "headline": draft.headline, "summary": draft.summary,
        "slug": draft.slug, "link_overrides": draft.link_overrides, "site": settings.SITE_URL,
        "graph": current_version() if graph_version is None else graph_version,
    }
    digest = hashlib.sha256(json.dumps(inputs, sort_keys=True, default=str).encode()).hexdigest()
    return _PREFIX + digest


def process_once(draft: ArticleDraft) -> ProcessedArticle:
    """`publishing.preview(draft)`, reusing the result of the same draft on the same graph if it
    was computed in the last KEEP_SECONDS; raises IntakeError on bad text (never kept)."""
    version = current_version()
    key = key_for(draft, version)
    kept = cache.get(key)
    if isinstance(kept, ProcessedArticle):
        return kept
    processed = publishing.preview(draft)
    # Kept only if the graph did not change during the run (it would be the new graph's result).
    if current_version() == version:
        cache.set(key, processed, KEEP_SECONDS)
    return processed
