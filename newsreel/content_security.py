"""The Content-Security-Policy every page carries, the reader's site and the desk alike.

Scripts come only from our own static files: no page has inline script, so the policy
needs neither nonces nor hashes and allows no 'unsafe-inline' script at all. That matters
for the reader's site, whose pages are rendered once and served as stored bytes (a
per-request nonce could not live in them). `<script type="application/ld+json">` is a data
block, never executed, so the policy does not concern it.

Style sheets come only from our own files too. Style *attributes* are allowed
(`style-src-attr 'unsafe-inline'`): pictures set `object-position` from their focal point
and tables their column alignment; the sanitizer keeps no other style property in a body,
and a style attribute cannot run script. Pictures may come from any https host (figures
may name images by URL, media may sit on object storage or a CDN). Frames come only from
the embed providers' players (`newsreel.text.embeds.PROVIDERS`), and only once a reader
clicks an embed's facade: no page is stored with a frame in it.

The WSGI fast path (`newsreel.public.fastpath`) sends the same header with stored pages.
"""

from __future__ import annotations

from typing import Callable

from django.http import HttpRequest, HttpResponse

from newsreel.text.embeds import frame_origins

HEADER = "Content-Security-Policy"
POLICY: dict[str, tuple[str, ...]] = {
    "default-src": ("'self'",),
    "script-src": ("'self'",),
    "style-src": ("'self'",),
    "style-src-attr": ("'unsafe-inline'",),
    "img-src": ("'self'", "data:", "https:"),
    "font-src": ("'self'",),
    "connect-src": ("'self'",),
    "media-src": ("'self'", "https:"),
    "object-src": ("'none'",),
    # Players of the allowlisted embed providers; a page holds none of their frames until
    # the reader asks for one (newsreel.text.embeds, public/embeds.js).
    "frame-src": frame_origins(),
    "base-uri": ("'none'",),
    "form-action": ("'self'",),
    "frame-ancestors": ("'none'",),
}


def policy() -> str:
    """The header's value."""
    return "; ".join(f"{directive} {' '.join(sources)}" for directive, sources in POLICY.items())


class ContentSecurityPolicyMiddleware:
    """Add the policy to every response Django answers (a view may set its own)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.value = policy()

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault(HEADER, self.value)
        return response
