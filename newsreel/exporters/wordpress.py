"""`newsreel export wordpress FILE.xml`: every story as WXR 1.2, the file WordPress's importer reads.

The structure is the one WordPress's own exporter (`export_wp()`) writes: an RSS 2.0 channel
with the `excerpt`, `content`, `wfw`, `dc` and `wp` namespaces of WXR 1.2; the site's name,
address and tagline; `wp:author`, `wp:category` (our sections) and `wp:tag` terms; then one
`item` per story (`post`) and per hero picture (`attachment`, its file's address, alt text
and caption, its credit twice: as the description, which WordPress's importer keeps, and as the IPTC
`credit` of its `_wp_attachment_metadata`, a PHP-serialized array as WordPress stores it,
which other readers of WXR see but WordPress's importer drops). Text goes
in CDATA sections as WordPress writes them (a `]]>` inside is split across two sections).

Bodies are the HTML the story is published with, with our site-relative links made absolute
(mentions of films and people still lead to this site). Drafts and scheduled stories carry
their latest saved text, rendered by the text core. What WordPress has no place for (spoiler
blocks' films, quotes, mentions, review ratings, the knowledge graph) is not in the file.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from email.utils import format_datetime
from pathlib import Path
from typing import IO

from django.conf import settings
from django.utils import timezone

from newsreel.images.models import Image
from newsreel.newsroom.intake import IntakeError
from newsreel.newsroom.models import Article, Author, Section, Tag, WorkflowState
from newsreel.newsroom.publishing import draft_for, preview
from newsreel.public.models import SiteSettings

WXR_VERSION = "1.2"
# Attachments get ids above every story's, so the two never collide in WordPress's import map.
_STATUS = {WorkflowState.PUBLISHED: "publish", WorkflowState.SCHEDULED: "future"}


@dataclass
class WxrExportResult:
    stories: int = 0
    attachments: int = 0
    # Stories whose saved text could not be rendered (exported with their text as Markdown).
    problems: list[str] | None = None


def cdata(text: str) -> str:
    """Text in a CDATA section, as WordPress's wxr_cdata() writes it (a `]]>` inside split across two)."""
    return "<![CDATA[" + _xml_safe(text).replace("]]>", "]]]]><![CDATA[>") + "]]>"


def shown_as_html(text: str) -> str:
    """A name as WordPress keeps what it shows as HTML (a post's title, a term's or an author's
    name): `Tom &amp; Jerry &lt;3`. Written raw, a headline naming a tag or an entity showed as
    markup in WordPress, and did not come back from `import wordpress` as it was."""
    return html.escape(text or "", quote=False)


def _escape(text: str) -> str:
    return _xml_safe(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


# Characters XML 1.0 forbids, even in CDATA (a NUL a writer pasted must not break the file).
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_safe(text: str) -> str:
    return _FORBIDDEN.sub("", text or "")


def _absolute(html: str, site: str) -> str:
    """Site-relative href/src made absolute (`/films/x/` → `https://site/films/x/`)."""
    return re.sub(r'(\s(?:href|src)=")/(?!/)', lambda m: f"{m.group(1)}{site}/", html)


def _dates(moment: dt.datetime | None) -> tuple[str, str]:
    """(local, GMT) as WordPress's `post_date`/`post_date_gmt` write them."""
    if moment is None:
        return "0000-00-00 00:00:00", "0000-00-00 00:00:00"
    local = timezone.localtime(moment)
    return local.strftime("%Y-%m-%d %H:%M:%S"), moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S")


def export_wordpress(path: Path | str) -> WxrExportResult:
    """Write every story (not the trash) and its hero picture to `path` as WXR 1.2."""
    result = WxrExportResult(problems=[])
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(target.name + ".partial")
    with temporary.open("w", encoding="utf-8", newline="\n") as out:
        _write(out, result)
    temporary.replace(target)  # a reader never finds half a file under the name asked for
    return result


def _write(out: IO[str], result: WxrExportResult) -> None:
    site_settings = SiteSettings.current()
    site = settings.SITE_URL.rstrip("/")
    now = format_datetime(timezone.now().astimezone(dt.timezone.utc))
    out.write('<?xml version="1.0" encoding="UTF-8" ?>\n'
              "<!-- A WordPress eXtended RSS file (WXR 1.2) written by Newsreel's export wordpress. -->\n"
              f'<rss version="2.0"\n\txmlns:excerpt="http://wordpress.org/export/{WXR_VERSION}/excerpt/"\n'
              '\txmlns:content="http://purl.org/rss/1.0/modules/content/"\n'
              '\txmlns:wfw="http://wellformedweb.org/CommentAPI/"\n'
              '\txmlns:dc="http://purl.org/dc/elements/1.1/"\n'
              f'\txmlns:wp="http://wordpress.org/export/{WXR_VERSION}/"\n>\n\n<channel>\n'
              f"\t<title>{_escape(site_settings.name)}</title>\n\t<link>{_escape(site)}</link>\n"
              f"\t<description>{_escape(site_settings.tagline)}</description>\n\t<pubDate>{now}</pubDate>\n"
              f"\t<language>{_escape(settings.LANGUAGE_CODE)}</language>\n"
              f"\t<wp:wxr_version>{WXR_VERSION}</wp:wxr_version>\n"
              f"\t<wp:base_site_url>{_escape(site)}</wp:base_site_url>\n"
              f"\t<wp:base_blog_url>{_escape(site)}</wp:base_blog_url>\n\n")
    for author in Author.objects.order_by("pk"):
        first, _, last = author.name.partition(" ")
        out.write(f"\t<wp:author><wp:author_id>{author.pk}</wp:author_id>"
                  f"<wp:author_login>{cdata(author.slug)}</wp:author_login><wp:author_email>{cdata('')}</wp:author_email>"
                  f"<wp:author_display_name>{cdata(shown_as_html(author.name))}</wp:author_display_name>"
                  f"<wp:author_first_name>{cdata(first)}</wp:author_first_name>"
                  f"<wp:author_last_name>{cdata(last)}</wp:author_last_name></wp:author>\n")
    for section in Section.objects.order_by("pk"):
        out.write(f"\t<wp:category>\n\t\t<wp:term_id>{section.pk}</wp:term_id>\n"
                  f"\t\t<wp:category_nicename>{cdata(section.slug)}</wp:category_nicename>\n"
                  f"\t\t<wp:category_parent>{cdata('')}</wp:category_parent>\n"
                  f"\t\t<wp:cat_name>{cdata(shown_as_html(section.name))}</wp:cat_name>\n"
                  f"\t\t<wp:category_description>{cdata(section.description)}</wp:category_description>\n\t</wp:category>\n")
    for tag in Tag.objects.order_by("pk"):
        out.write(f"\t<wp:tag>\n\t\t<wp:term_id>{tag.pk}</wp:term_id>\n\t\t<wp:tag_slug>{cdata(tag.slug)}</wp:tag_slug>\n"
                  f"\t\t<wp:tag_name>{cdata(shown_as_html(tag.name))}</wp:tag_name>\n\t</wp:tag>\n")
    out.write("\n\t<generator>Newsreel</generator>\n\n")
    stories = (Article.objects.exclude(state=WorkflowState.DELETED).select_related("section", "hero_image", "latest_revision")
               .prefetch_related("tags", "authors").order_by("published_at", "pk"))
    offset = (Article.objects.order_by("-pk").values_list("pk", flat=True).first() or 0)
    pictures: dict[int, int] = {}
    for article in stories.iterator(chunk_size=200):
        hero = article.hero_image
        if hero is not None and hero.pk not in pictures:
            pictures[hero.pk] = offset + len(pictures) + 1
            out.write(_attachment(hero, pictures[hero.pk], article, site))
            result.attachments += 1
        out.write(_story(article, pictures.get(hero.pk) if hero else None, site, result))
        result.stories += 1
    out.write("</channel>\n</rss>\n")


def _html(article: Article, result: WxrExportResult) -> str:
    """The story's body as published; a draft's latest saved text rendered by the text core."""
    if article.state == WorkflowState.PUBLISHED and article.body_html:
        return article.body_html
    try:
        return preview(draft_for(article)).html
    except IntakeError as error:
        result.problems.append(f"{article.slug}: its saved text does not render ({error}); exported as its Markdown")
        return "<pre>" + _escape(draft_for(article).body) + "</pre>"


def _story(article: Article, thumbnail_id: int | None, site: str, result: WxrExportResult) -> str:
    status = _STATUS.get(article.state, "draft")
    local, gmt = _dates(article.published_at if status != "draft" else None)
    modified_local, modified_gmt = _dates(article.updated_at)
    authors = list(article.authors.all())
    link = site + article.get_absolute_url()
    terms = []
    if article.section:
        terms.append(f'\t\t<category domain="category" nicename="{_escape(article.section.slug)}">{cdata(shown_as_html(article.section.name))}</category>\n')
    terms += [f'\t\t<category domain="post_tag" nicename="{_escape(tag.slug)}">{cdata(shown_as_html(tag.name))}</category>\n'
              for tag in article.tags.all()]
    meta = (f"\t\t<wp:postmeta>\n\t\t\t<wp:meta_key>{cdata('_thumbnail_id')}</wp:meta_key>\n"
            f"\t\t\t<wp:meta_value>{cdata(str(thumbnail_id))}</wp:meta_value>\n\t\t</wp:postmeta>\n") if thumbnail_id else ""
    if article.dek:
        meta += (f"\t\t<wp:postmeta>\n\t\t\t<wp:meta_key>{cdata('newsreel_dek')}</wp:meta_key>\n"
                 f"\t\t\t<wp:meta_value>{cdata(article.dek)}</wp:meta_value>\n\t\t</wp:postmeta>\n")
    pub_date = format_datetime(article.published_at.astimezone(dt.timezone.utc)) if article.published_at and status != "draft" else ""
    return (
        "\t<item>\n"
        f"\t\t<title>{cdata(shown_as_html(article.headline))}</title>\n"
        f"\t\t<link>{_escape(link)}</link>\n"
        f"\t\t<pubDate>{pub_date}</pubDate>\n"
        f"\t\t<dc:creator>{cdata(authors[0].slug if authors else '')}</dc:creator>\n"
        f'\t\t<guid isPermaLink="false">{_escape(link)}</guid>\n'
        "\t\t<description></description>\n"
        f"\t\t<content:encoded>{cdata(_absolute(_html(article, result), site))}</content:encoded>\n"
        f"\t\t<excerpt:encoded>{cdata(article.summary)}</excerpt:encoded>\n"
        f"\t\t<wp:post_id>{article.pk}</wp:post_id>\n"
        f"\t\t<wp:post_date>{cdata(local)}</wp:post_date>\n\t\t<wp:post_date_gmt>{cdata(gmt)}</wp:post_date_gmt>\n"
        f"\t\t<wp:post_modified>{cdata(modified_local)}</wp:post_modified>\n"
        f"\t\t<wp:post_modified_gmt>{cdata(modified_gmt)}</wp:post_modified_gmt>\n"
        f"\t\t<wp:comment_status>{cdata('closed')}</wp:comment_status>\n\t\t<wp:ping_status>{cdata('closed')}</wp:ping_status>\n"
        f"\t\t<wp:post_name>{cdata(article.slug)}</wp:post_name>\n\t\t<wp:status>{cdata(status)}</wp:status>\n"
        "\t\t<wp:post_parent>0</wp:post_parent>\n\t\t<wp:menu_order>0</wp:menu_order>\n"
        f"\t\t<wp:post_type>{cdata('post')}</wp:post_type>\n\t\t<wp:post_password>{cdata('')}</wp:post_password>\n"
        "\t\t<wp:is_sticky>0</wp:is_sticky>\n"
        + "".join(terms) + meta + "\t</item>\n")


def _attachment(image: Image, post_id: int, article: Article, site: str) -> str:
    url = site + image.file.url if image.file.url.startswith("/") else image.file.url
    caption = image.caption.strip()
    local, gmt = _dates(image.uploaded_at)
    name = Path(image.file.name).stem
    return (
        "\t<item>\n"
        f"\t\t<title>{cdata(name)}</title>\n\t\t<link>{_escape(url)}</link>\n\t\t<pubDate></pubDate>\n"
        f"\t\t<dc:creator>{cdata('')}</dc:creator>\n\t\t<guid isPermaLink=\"false\">{_escape(url)}</guid>\n"
        "\t\t<description></description>\n"
        f"\t\t<content:encoded>{cdata(credit_description(image))}</content:encoded>\n"
        f"\t\t<excerpt:encoded>{cdata(caption)}</excerpt:encoded>\n\t\t<wp:post_id>{post_id}</wp:post_id>\n"
        f"\t\t<wp:post_date>{cdata(local)}</wp:post_date>\n\t\t<wp:post_date_gmt>{cdata(gmt)}</wp:post_date_gmt>\n"
        f"\t\t<wp:comment_status>{cdata('closed')}</wp:comment_status>\n\t\t<wp:ping_status>{cdata('closed')}</wp:ping_status>\n"
        f"\t\t<wp:post_name>{cdata(name)}</wp:post_name>\n\t\t<wp:status>{cdata('inherit')}</wp:status>\n"
        f"\t\t<wp:post_parent>{article.pk}</wp:post_parent>\n\t\t<wp:menu_order>0</wp:menu_order>\n"
        f"\t\t<wp:post_type>{cdata('attachment')}</wp:post_type>\n\t\t<wp:post_password>{cdata('')}</wp:post_password>\n"
        "\t\t<wp:is_sticky>0</wp:is_sticky>\n"
        f"\t\t<wp:attachment_url>{cdata(url)}</wp:attachment_url>\n"
        f"\t\t<wp:postmeta>\n\t\t\t<wp:meta_key>{cdata('_wp_attached_file')}</wp:meta_key>\n"
        f"\t\t\t<wp:meta_value>{cdata(image.file.name)}</wp:meta_value>\n\t\t</wp:postmeta>\n"
        f"\t\t<wp:postmeta>\n\t\t\t<wp:meta_key>{cdata('_wp_attachment_metadata')}</wp:meta_key>\n"
        f"\t\t\t<wp:meta_value>{cdata(_php_metadata(image))}</wp:meta_value>\n\t\t</wp:postmeta>\n"
        f"\t\t<wp:postmeta>\n\t\t\t<wp:meta_key>{cdata('_wp_attachment_image_alt')}</wp:meta_key>\n"
        f"\t\t\t<wp:meta_value>{cdata(image.alt)}</wp:meta_value>\n\t\t</wp:postmeta>\n"
        "\t</item>\n")


def credit_description(image: Image) -> str:
    """The attachment's description, where the credit survives WordPress's importer: it drops
    `_wp_attachment_metadata` and reads the picture's own file again, which seldom carries one."""
    return f"Credit: {image.credit.strip()}" if image.credit.strip() else ""


def _php(value: str | int) -> str:
    if isinstance(value, int):
        return f"i:{value};"
    return f's:{len(value.encode("utf-8"))}:"{value}";'  # PHP counts bytes


def _php_metadata(image: Image) -> str:
    """WordPress's `_wp_attachment_metadata`: size, file and image_meta (credit, caption), PHP-serialized."""
    meta = _php("credit") + _php(image.credit) + _php("caption") + _php(image.caption)
    return ("a:4:{" + _php("width") + _php(image.width) + _php("height") + _php(image.height)
            + _php("file") + _php(image.file.name) + _php("image_meta") + "a:2:{" + meta + "}}")
