"""A fictional Ghost 5 export, shaped as Ghost's exporter writes it: db[0].meta and db[0].data with
posts (Lexical, Mobiledoc or rendered HTML), posts_meta, tags, posts_tags, users, posts_authors."""

from __future__ import annotations

import json

GHOST_IMAGE = "__GHOST_URL__/content/images/2024/03/pier.jpg"


def text(value: str, bold: bool = False) -> dict:
    return {"detail": 0, "format": 1 if bold else 0, "mode": "normal", "style": "", "text": value,
            "type": "extended-text", "version": 1}


def paragraph(*children: dict) -> dict:
    return {"children": list(children), "direction": "ltr", "format": "", "indent": 0, "type": "paragraph", "version": 1}


LEXICAL = {"root": {"children": [
    paragraph(text("The closing night of the Saltmarsh Film Week went to "), text("Lanterns Over Kelby", bold=True), text(".")),
    {"children": [text("What the jury said")], "direction": "ltr", "format": "", "indent": 0, "type": "extended-heading",
     "version": 1, "tag": "h2"},
    {"type": "image", "version": 1, "src": GHOST_IMAGE, "width": 1200, "height": 675, "title": "", "alt": "The pier at dusk",
     "caption": '<span style="white-space: pre-wrap;">Crowds on the pier. Photo: Jo Okonkwo</span>', "cardWidth": "regular", "href": ""},
    {"type": "embed", "version": 1, "url": "https://www.youtube.com/watch?v=closing0001", "embedType": "video",
     "html": '<iframe width="200" height="113" src="https://www.youtube.com/embed/closing0001?feature=oembed"></iframe>',
     "metadata": {"title": "Closing night"}, "caption": ""},
    {"children": [{"children": [text("Best film")], "direction": "ltr", "format": "", "indent": 0, "type": "listitem",
                   "version": 1, "value": 1}],
     "direction": "ltr", "format": "", "indent": 0, "type": "list", "version": 1, "listType": "bullet", "start": 1, "tag": "ul"},
    {"type": "html", "version": 1, "html": "<p>Tickets <b>sold out</b>.</p><script>track()</script>"},
    {"type": "paywall", "version": 1},
], "direction": "ltr", "format": "", "indent": 0, "type": "root", "version": 1}}

MOBILEDOC = {"version": "0.3.1", "atoms": [["soft-return", "", {}]], "cards": [
    ["image", {"src": GHOST_IMAGE, "alt": "The pier at dusk", "caption": "The pier (Courtesy Saltmarsh Film Week)"}],
    ["markdown", {"markdown": "A *Markdown* card with a [link](https://example.org/programme)."}],
    ["hr", {}],
], "markups": [["strong"], ["a", ["href", "https://example.org/jury"]]], "sections": [
    [1, "p", [[0, [], 0, "Day one of the "], [0, [0], 1, "Saltmarsh"], [0, [], 0, " week."], [1, [], 0, 0], [0, [1], 1, "The jury"]]],
    [10, 0], [10, 1], [10, 2],
    [3, "ul", [[[0, [], 0, "First"]], [[0, [], 0, "Second"]]]],
]}


def post(number: int, title: str, slug: str, **fields) -> dict:
    row = {
        "id": f"65f0000000000000000000{number:02d}", "uuid": f"0b7c1f00-0000-4000-8000-0000000000{number:02d}",
        "title": title, "slug": slug, "mobiledoc": None, "lexical": None, "html": None, "comment_id": f"{number}",
        "plaintext": None, "feature_image": None, "featured": False, "type": "post", "status": "published",
        "locale": None, "visibility": "public", "email_recipient_filter": "none",
        "created_at": "2024-03-14T10:00:00.000Z", "updated_at": "2024-03-15T09:05:00.000Z",
        "published_at": "2024-03-15T09:00:00.000Z", "custom_excerpt": None, "codeinjection_head": None,
        "codeinjection_foot": None, "custom_template": None, "canonical_url": None, "newsletter_id": None,
        "show_title_and_feature_image": True,
    }
    row.update(fields)
    return row


def export(posts: list[dict], *, tags: list[tuple[str, list[str]]] = (), authors: list[tuple[str, list[str]]] = (),
           metas: list[dict] = ()) -> str:
    """`tags`/`authors`: (post id, [tag or user ids in order])."""
    data = {
        "posts": posts,
        "posts_meta": list(metas),
        "tags": [
            {"id": "t-reviews", "name": "Reviews", "slug": "reviews", "description": None, "visibility": "public"},
            {"id": "t-festival", "name": "Festival", "slug": "festival", "description": None, "visibility": "public"},
            {"id": "t-hash", "name": "#wide-layout", "slug": "hash-wide-layout", "description": None, "visibility": "internal"},
        ],
        "posts_tags": [{"id": f"pt-{post_id}-{i}", "post_id": post_id, "tag_id": tag, "sort_order": i}
                       for post_id, ids in tags for i, tag in enumerate(ids)],
        "users": [
            {"id": "u-1", "name": "Nadia Ferro", "slug": "nadia", "email": "nadia@reelharbor.example", "status": "active"},
            {"id": "u-2", "name": "Tomas Okafor", "slug": "tomas", "email": "tomas@reelharbor.example", "status": "active"},
        ],
        "posts_authors": [{"id": f"pa-{post_id}-{i}", "post_id": post_id, "author_id": user, "sort_order": i}
                          for post_id, ids in authors for i, user in enumerate(ids)],
        "roles": [], "roles_users": [], "settings": [{"id": "s-1", "key": "title", "value": "Reel Harbor", "type": "core"}],
    }
    return json.dumps({"db": [{"meta": {"exported_on": 1710500000000, "version": "5.80.0"}, "data": data}]}, indent=2)
