"""Embeds: a trailer or a post from an allowlisted provider, shown behind a click-to-load facade.

The providers are data (`PROVIDERS`), declared once: the text core recognises their
addresses from it, the sanitizer lets through only player addresses it names, the site's
Content-Security-Policy allows frames from exactly its origins (`frame_origins()`), and
the poster fetcher reads its oEmbed and thumbnail addresses. Adding a provider is adding
an entry here.

A page never loads the provider's player by itself: the article carries a link to the
video or post (which works without JavaScript), and `embeds.js` turns it into a button
that swaps in the player's iframe when the reader asks for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from typing import Callable
from urllib.parse import urlsplit

from .types import ImageRef, TextError

_ID = r"[A-Za-z0-9_-]"


@dataclass(frozen=True)
class EmbedProvider:
    key: str
    name: str
    kind: str  # "video" (a 16:9 player) or "post" (a taller card)
    hosts: tuple[str, ...]  # hosts of the addresses writers paste
    # Regular expressions matched against "host/path?query"; named groups fill the templates.
    patterns: tuple[str, ...]
    link: str  # the address readers follow without the player
    frame: str  # the player's address, loaded only after the reader asks
    frame_hosts: tuple[str, ...]  # where players come from (Content-Security-Policy frame-src)
    # For the poster fetcher (the site, at publish time): oEmbed for the title and a
    # thumbnail, or a thumbnail address to use directly.
    oembed: str = ""
    thumbnail: str = ""


# Mastodon is federated: these are the instances whose posts embed. A post on another
# instance stays a plain link (add its host here to embed it).
MASTODON_HOSTS = (
    "mastodon.social", "mastodon.online", "mstdn.social", "mas.to", "fosstodon.org",
    "hachyderm.io", "mastodon.world", "universeodon.com",
)

PROVIDERS: tuple[EmbedProvider, ...] = (
    EmbedProvider(
        key="youtube", name="YouTube", kind="video",
        hosts=("youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be"),
        patterns=(
            rf"(?:www\.|m\.)?youtube\.com/watch\?(?:[^#]*&)?v=(?P<id>{_ID}{{11}})(?:[&#].*)?",
            rf"(?:www\.|m\.)?youtube\.com/(?:shorts|embed|live)/(?P<id>{_ID}{{11}})/?(?:[?#].*)?",
            rf"youtu\.be/(?P<id>{_ID}{{11}})/?(?:[?#].*)?",
        ),
        link="https://www.youtube.com/watch?v={id}",
        frame="https://www.youtube-nocookie.com/embed/{id}?autoplay=1",
        frame_hosts=("www.youtube-nocookie.com",),
        oembed="https://www.youtube.com/oembed?format=json&url={link}",
        thumbnail="https://i.ytimg.com/vi/{id}/hqdefault.jpg",
    ),
    EmbedProvider(
        key="vimeo", name="Vimeo", kind="video",
        hosts=("vimeo.com", "www.vimeo.com", "player.vimeo.com"),
        patterns=(
            r"(?:www\.)?vimeo\.com/(?P<id>\d{1,12})/?(?:[?#].*)?",
            r"player\.vimeo\.com/video/(?P<id>\d{1,12})/?(?:[?#].*)?",
        ),
        link="https://vimeo.com/{id}",
        frame="https://player.vimeo.com/video/{id}?autoplay=1&dnt=1",
        frame_hosts=("player.vimeo.com",),
        oembed="https://vimeo.com/api/oembed.json?url={link}",
    ),
    EmbedProvider(
        key="bluesky", name="Bluesky", kind="post",
        hosts=("bsky.app",),
        patterns=(r"bsky\.app/profile/(?P<actor>[A-Za-z0-9.:_-]{3,253})/post/(?P<id>[a-z0-9]{8,32})/?(?:[?#].*)?",),
        link="https://bsky.app/profile/{actor}/post/{id}",
        frame="https://embed.bsky.app/embed/{actor}/app.bsky.feed.post/{id}",
        frame_hosts=("embed.bsky.app",),
        oembed="https://embed.bsky.app/oembed?format=json&url={link}",
    ),
    EmbedProvider(
        key="mastodon", name="Mastodon", kind="post",
        hosts=MASTODON_HOSTS,
        patterns=(
            r"(?P<host>" + "|".join(re.escape(host) for host in MASTODON_HOSTS) + r")"
            r"/@(?P<user>[A-Za-z0-9_]{1,30})/(?P<id>\d{1,20})/?(?:[?#].*)?",
        ),
        link="https://{host}/@{user}/{id}",
        frame="https://{host}/@{user}/{id}/embed",
        frame_hosts=MASTODON_HOSTS,
        oembed="https://{host}/api/oembed?url={link}",
    ),
    EmbedProvider(
        key="instagram", name="Instagram", kind="post",
        hosts=("instagram.com", "www.instagram.com"),
        patterns=(r"(?:www\.)?instagram\.com/(?P<type>p|reel)/(?P<id>[A-Za-z0-9_-]{5,40})/?(?:[?#].*)?",),
        link="https://www.instagram.com/{type}/{id}/",
        frame="https://www.instagram.com/{type}/{id}/embed/",
        frame_hosts=("www.instagram.com",),
    ),
)
PROVIDERS_BY_KEY = {provider.key: provider for provider in PROVIDERS}
_HOSTS = {host: provider for provider in PROVIDERS for host in provider.hosts}
_COMPILED = {provider.key: tuple(re.compile(pattern) for pattern in provider.patterns) for provider in PROVIDERS}
_FRAME_PREFIXES = tuple(
    (provider, re.compile("^" + re.escape(provider.frame).replace(r"\{", "{").replace(r"\}", "}")
                          .replace("{host}", "(?:" + "|".join(re.escape(h) for h in provider.frame_hosts) + ")")
                          .replace("{id}", "[A-Za-z0-9_-]+").replace("{actor}", "[A-Za-z0-9.:_-]+")
                          .replace("{user}", "[A-Za-z0-9_]+").replace("{type}", "(?:p|reel)") + "$"))
    for provider in PROVIDERS
)


@dataclass(frozen=True)
class EmbedRef:
    """A recognised address: its provider, where readers go, and the player to load on request."""

    provider: str  # a key of PROVIDERS
    url: str  # as the writer wrote it
    link: str
    frame: str
    params: tuple[tuple[str, str], ...] = ()  # what the address named (id, host, ...)

    @property
    def provider_name(self) -> str:
        return PROVIDERS_BY_KEY[self.provider].name

    @property
    def kind(self) -> str:
        return PROVIDERS_BY_KEY[self.provider].kind


@dataclass(frozen=True)
class EmbedMedia:
    """What the site stored for an embed at publish time: the title and our copy of its poster."""

    title: str = ""
    poster: ImageRef | None = None


EmbedLookup = Callable[[EmbedRef], "EmbedMedia | None"]


def no_embed_media(embed: EmbedRef) -> EmbedMedia | None:
    return None


def recognize(url: str) -> EmbedRef | None:
    """The embed an https address of an allowlisted provider names; None for anything else."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if parts.scheme != "https" or host not in _HOSTS or parts.username or parts.password or parts.port:
        return None
    provider = _HOSTS[host]
    rest = host + parts.path + (f"?{parts.query}" if parts.query else "")
    for pattern in _COMPILED[provider.key]:
        match = pattern.fullmatch(rest)
        if match:
            values = {name: value for name, value in match.groupdict().items() if value is not None}
            return EmbedRef(
                provider=provider.key, url=url.strip(), link=provider.link.format(**values),
                frame=provider.frame.format(**values), params=tuple(sorted(values.items())),
            )
    return None


def embed_for_block(argument: str, *, line: int) -> EmbedRef:
    """The embed a `::: embed URL` block names, or a TextError that says what is wrong with it."""
    url = argument.strip()
    known = ", ".join(provider.name for provider in PROVIDERS)
    if not url:
        raise TextError(
            "an embed block needs the address of a video or post, e.g. "
            "'::: embed https://www.youtube.com/watch?v=...'", line=line,
        )
    try:
        parts = urlsplit(url)
    except ValueError:
        parts = None
    if parts is None or " " in url or parts.scheme not in ("http", "https") or not parts.hostname:
        raise TextError(
            f"{url[:80]!r} is not a web address; an embed block takes one https:// address of a "
            f"video or post ({known})", line=line,
        )
    if parts.scheme != "https":
        raise TextError(
            f"embeds load only over https: write {('https' + url[len(parts.scheme):])[:120]!r}", line=line,
        )
    provider = _HOSTS.get(parts.hostname.lower())
    if provider is None:
        raise TextError(
            f"{parts.hostname} is not a provider Newsreel embeds (it embeds {known}); "
            f"link to it instead: [what it is]({url[:80]})", line=line,
        )
    found = recognize(url)
    if found is None:
        what = "video" if provider.kind == "video" else "post"
        raise TextError(
            f"this {provider.name} address does not name a single {what}; paste the {what}'s own "
            f"address (e.g. {provider.link.format(id='...', actor='name', host=provider.hosts[0], user='name', type='p')})",
            line=line,
        )
    return found


def is_player_address(url: str) -> bool:
    """Whether `url` is a player address some provider's `frame` template makes (the sanitizer's test)."""
    return any(pattern.match(url) for _, pattern in _FRAME_PREFIXES)


def frame_origins() -> tuple[str, ...]:
    """Every origin a player may be loaded from, for the Content-Security-Policy's frame-src."""
    origins: list[str] = []
    for provider in PROVIDERS:
        for host in provider.frame_hosts:
            if f"https://{host}" not in origins:
                origins.append(f"https://{host}")
    return tuple(origins)


def _wording(embed: EmbedRef, title: str) -> tuple[str, str]:
    """(the link's text, the player frame's title)."""
    provider = embed.provider_name
    if embed.kind == "video":
        return ((f"Watch “{title}” on {provider}" if title else f"Watch the video on {provider}"),
                (f"{provider} video: {title}" if title else f"{provider} video"))
    return ((f"Read “{title}” on {provider}" if title else f"Read the post on {provider}"),
            (f"{provider} post: {title}" if title else f"{provider} post"))


def facade_html(embed: EmbedRef, media: EmbedMedia | None, caption_html: str = "") -> str:
    """The click-to-load facade: poster, provider and title, and a link that embeds.js gives a button."""
    media = media or EmbedMedia()
    title = media.title.strip()
    link_text, frame_title = _wording(embed, title)
    poster = ""
    if media.poster is not None:
        size = "".join(
            f' {name}="{value}"' for name, value in (("width", media.poster.width), ("height", media.poster.height)) if value
        )
        # The poster repeats what the title says: decorative for screen readers.
        poster = (f'<img class="embed-poster" src="{escape(media.poster.url)}" alt=""{size} '
                  'loading="lazy" decoding="async">')
    heading = f'<span class="embed-title">{escape(title)}</span>' if title else ""
    caption = f'<figcaption><span class="caption">{caption_html}</span></figcaption>' if caption_html.strip() else ""
    classes = f"embed embed-{embed.kind}" + ("" if poster else " embed-no-poster")
    return (
        f'<figure class="{classes}" data-embed-provider="{embed.provider}">'
        f'<div class="embed-facade">{poster}'
        f'<p class="embed-label"><span class="embed-provider">{escape(embed.provider_name)}</span>{heading}</p>'
        f'<p class="embed-fallback"><a class="embed-link" href="{escape(embed.link)}" '
        f'data-embed-src="{escape(embed.frame)}" data-embed-title="{escape(frame_title)}">{escape(link_text)}</a></p>'
        f"</div>{caption}</figure>\n"
    )


def feed_link_html(embed: EmbedRef, media: EmbedMedia | None, caption_html: str = "") -> str:
    """What feeds show instead of the facade: a plain link, and the caption."""
    link_text, _ = _wording(embed, media.title.strip() if media else "")
    caption = f" {caption_html}" if caption_html.strip() else ""
    return f'<p class="embed-link"><a href="{escape(embed.link)}">{escape(link_text)}</a>{caption}</p>\n'
