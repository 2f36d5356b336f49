"""Cache tags: names a CDN can purge by, given to every public answer and to purges.

Each stored page and each Content API answer carries its tags twice, in the two headers
CDNs read: `Cache-Tag` (Cloudflare, comma-separated) and `Surrogate-Key` (Fastly and
Varnish setups, space-separated). The tags come from the address alone, so the WSGI fast
path and Django give the same ones without reading anything:

| address | tags |
|---|---|
| every public answer | `nr` (purge everything) |
| `/articles/SLUG/` | `nr-story-SLUG` |
| `/films/KEY/...`, `/people/KEY/...` | `nr-film-KEY`, `nr-person-KEY` |
| `/sections/S/...`, `/tags/T/...`, `/authors/A/...` | `nr-section-S`, `nr-tag-T`, `nr-author-A` |
| `/` | `nr-home` |
| `/api/content/stories...`, `/quotes`, `/search`, `/tags`, `/authors`, `/sections` | `nr-api-stories` (+ `nr-api-story-SLUG` for one story) |
| `/api/content/films...`, `/people...` | `nr-api-films` or `nr-api-people` (+ `nr-api-film-KEY`, `nr-api-person-KEY`) |

A purge by tags (`cdn_purge`, when NEWSREEL_CDN_PURGE_BODY holds `{tags}`) sends the tags
of the pages a change rendered or dropped, plus the API's: a story page that changed also
purges `nr-api-stories`, so every cached list, search and quote answer of the Content API,
whatever its query string (a URL purge cannot name those: each key and cursor is its own
URL), is refetched.

Depends on: nothing (plain strings), so the fast path can call it on every request.
"""

from __future__ import annotations

from typing import Iterable

SITE = "nr"
_PAGES = {"articles": "story", "films": "film", "people": "person", "sections": "section", "tags": "tag",
          "authors": "author"}
_API_ONE = {"stories": "story", "films": "film", "people": "person"}
_API_FAMILY = {"stories": "stories", "quotes": "stories", "search": "stories", "tags": "stories",
               "authors": "stories", "sections": "stories", "films": "films", "people": "people"}
API_PREFIX = "/api/content/"


def tags_for(path: str) -> list[str]:
    """The cache tags of the public answer at `path` (no query string)."""
    if path.startswith(API_PREFIX):
        parts = [part for part in path[len(API_PREFIX):].split("/") if part]
        if not parts or parts[0] not in _API_FAMILY:
            return [SITE]
        tags = [SITE, f"{SITE}-api-{_API_FAMILY[parts[0]]}"]
        if len(parts) > 1 and parts[0] in _API_ONE:
            tags.append(f"{SITE}-api-{_API_ONE[parts[0]]}-{parts[1]}")
        return tags
    if path == "/":
        return [SITE, f"{SITE}-home"]
    parts = [part for part in path.split("/") if part]
    if len(parts) >= 2 and parts[0] in _PAGES:
        return [SITE, f"{SITE}-{_PAGES[parts[0]]}-{parts[1]}"]
    return [SITE]


def headers(path: str) -> list[tuple[str, str]]:
    tags = tags_for(path)
    return [("Cache-Tag", ",".join(tags)), ("Surrogate-Key", " ".join(tags))]


def purge_tags(paths: Iterable[str]) -> list[str]:
    """What to purge after these pages changed: their own tags, and the API answers built
    from the same stories, films and people (never `nr`, which would purge everything)."""
    found: set[str] = set()
    for path in paths:
        for tag in tags_for(path):
            if tag == SITE:
                continue
            found.add(tag)
            kind, _, key = tag[len(SITE) + 1:].partition("-")
            if kind in ("story", "film", "person") and key:
                family = {"story": "stories", "film": "films", "person": "people"}[kind]
                found.update({f"{SITE}-api-{family}", f"{SITE}-api-{kind}-{key}"})
    return sorted(found)
