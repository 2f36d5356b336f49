"""WordPress eXtended RSS (WXR 1.0-1.2), as WordPress and Squarespace write it -> plain records.

No Django, no database. The file is read whole, repaired where real exports are broken,
then parsed by lxml with every door shut: no DTD loading, no entity expansion, no network,
no huge-tree mode (libxml2's limits on depth and text-node size stay on), in recovering
mode so one broken item does not cost the others. Every repair and every parser complaint
becomes a `Problem` naming its line and, when it falls inside one, the item's title.

Repairs (each keeps the line count, so the numbers reported are the file's own):
- bytes that are not UTF-8 (an export saved as Windows-1252) are read as Windows-1252,
  line by line;
- control characters XML forbids are dropped;
- outside CDATA: HTML entities XML does not declare (`&nbsp;`, `&eacute;`) become their
  characters, and a bare `&` becomes `&amp;`;
- inside an element's CDATA: a `]]>` that is not the section's end (it would cut the
  body short) is split the way XML allows, and a section never closed is closed before
  its element's end tag.

A file that declares entities (`<!DOCTYPE ... <!ENTITY`) is refused whole: WordPress never
writes one, and it is how entity bombs and external-entity reads arrive.
"""

from __future__ import annotations

import codecs
import datetime as dt
import html.entities
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from operator import attrgetter
from email.utils import parsedate_to_datetime
from pathlib import Path

from lxml import etree

from newsreel.importers.character_references import repair_character_references
from newsreel.importers.encodings import utf8_or_cp1252_lines
from newsreel.importers.html_markdown import html_to_text
from newsreel.numbers import LARGEST_BIG_INTEGER, whole_number

NS = {
    "wp": "http://wordpress.org/export/{version}/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "excerpt": "http://wordpress.org/export/{version}/excerpt/",
    "dc": "http://purl.org/dc/elements/1.1/",
}
WXR_VERSIONS = ("1.2", "1.1", "1.0")
_XML_ENTITIES = {"amp", "lt", "gt", "quot", "apos"}
_ENTITY_OR_AMP = re.compile(r"&(?:(#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});)?")
# A `]]>` inside an element's text that does not open the next section at once: WordPress's
# wxr_cdata() writes a `]]>` of the text as `]]]]><![CDATA[>`, an end followed by a new
# start, which is valid and read back as `]]>`; any other is a stray that would cut the text.
_STRAY_END = re.compile(r"\]\]>(?!<!\[CDATA\[)")
_SPLIT_END = "]]]]><![CDATA[>"
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_CDATA_OPEN = re.compile(r"<(?P<name>[A-Za-z_][\w.:-]*)(?:\s[^<>]*)?><!\[CDATA\[")
_FORBIDDEN_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
_NO_DATE = "0000-00-00 00:00:00"
# libxml2's limit on one text node outside its "huge" mode (XML_MAX_TEXT_LENGTH), kept a little under.
MAX_TEXT = 9_990_000


class WxrError(ValueError):
    """The file cannot be read as a WordPress export at all; the message says why and where."""


@dataclass(frozen=True)
class Problem:
    line: int
    message: str
    item: str = ""  # the item's title (or id) the line falls in, when it falls in one
    # The parser had to guess (a repair before parsing is not): what it read there may be cut short.
    fatal: bool = False

    def __str__(self) -> str:
        where = f"line {self.line}" + (f" (item {self.item!r})" if self.item else "")
        return f"{where}: {self.message}"


@dataclass
class WxrAuthor:
    login: str
    display_name: str
    email: str = ""


@dataclass
class WxrTerm:
    """A category or tag: its slug (nicename), its name, and for categories its parent's slug."""

    slug: str
    name: str
    parent: str = ""


@dataclass
class WxrItem:
    line: int
    end_line: int
    title: str
    link: str
    post_id: int | None
    post_type: str
    status: str
    post_name: str
    creator: str
    content: str
    excerpt: str
    date_gmt: dt.datetime | None
    date_local: dt.datetime | None
    pub_date: dt.datetime | None
    password: str
    sticky: bool
    post_parent: int | None
    attachment_url: str
    categories: list[WxrTerm] = field(default_factory=list)
    tags: list[WxrTerm] = field(default_factory=list)
    # Co-Authors Plus bylines, in the plugin's order: terms of its `author` taxonomy (slug `cap-`
    # and the author's nicename, name the login).
    coauthors: list[WxrTerm] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    # The slugs it had before it was renamed (`_wp_old_slug`, one meta row each: WordPress answers
    # their addresses with the new one).
    old_slugs: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        if len(self.title) > 80:  # a title run on into the next item, in a broken file
            return self.title[:79] + "…"
        return self.title or (f"id {self.post_id}" if self.post_id is not None else f"line {self.line}")

    @property
    def date(self) -> dt.datetime | None:
        """When it was (or will be) published, in UTC: the GMT date, else the RSS date, else the local date."""
        return self.date_gmt or self.pub_date or self.date_local


@dataclass
class WxrExport:
    version: str
    site_url: str
    base_blog_url: str
    authors: dict[str, WxrAuthor]
    categories: dict[str, WxrTerm]
    items: list[WxrItem]
    problems: list[Problem]
    generator: str = ""
    # For a file whose items share a line (written on one line), each item was put on a line of
    # its own before parsing, so that every problem falls in the right item: the file's own line
    # of each line read (None when nothing was moved). Lines are shown through `file_line`.
    original_lines: list[int] | None = None

    def file_line(self, line: int) -> int:
        """The file's own number of a line as read."""
        if self.original_lines is None or not 1 <= line <= len(self.original_lines):
            return line
        return self.original_lines[line - 1]

    def shown(self, problem: Problem) -> str:
        """A problem as the user reads it: at the file's own line."""
        return str(Problem(self.file_line(problem.line), problem.message, problem.item, problem.fatal))

    @cached_property
    def reusable_blocks(self) -> dict[int, str]:
        """The content of each reusable block (a synced pattern, post type `wp_block`) by its id."""
        return {item.post_id: item.content for item in self.items if item.post_type == "wp_block" and item.post_id is not None}

    @cached_property
    def guest_authors(self) -> dict[str, str]:
        """Co-Authors Plus guest authors' display names, by their login and by the slug of their
        term (`cap-LOGIN`, the name of their `guest-author` post)."""
        names: dict[str, str] = {}
        for item in self.items:
            if item.post_type != "guest-author":
                continue
            name = " ".join((item.meta.get("cap-display_name") or item.title).split())
            login = item.meta.get("cap-user_login", "").strip()
            for key in (login, item.post_name.strip(), f"cap-{login}" if login else ""):
                if key and name:
                    names.setdefault(key.lower(), name)
        return names

    @property
    def attachments(self) -> dict[int, WxrItem]:
        return {item.post_id: item for item in self.items if item.post_type == "attachment" and item.post_id is not None}


def read_wxr(path: Path) -> WxrExport:
    """Read and repair `path`; raise WxrError when nothing usable can be read."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise WxrError(f"{path}: cannot be read ({error.strerror or error})") from None
    return parse_wxr(raw)


def _refuse_declarations(raw: bytes) -> None:
    if _ENTITY_DECLARATION.search(raw[:65536]) or (b"<!DOCTYPE" in raw[:65536] and b"SYSTEM" in raw[:65536]):
        line = raw[: (_ENTITY_DECLARATION.search(raw[:65536]) or re.search(rb"<!DOCTYPE", raw)).start()].count(b"\n") + 1
        raise WxrError(f"line {line}: the file declares entities or an external DTD (<!DOCTYPE ... <!ENTITY>), "
                       "which no WordPress or Squarespace export does; refused unread (it is how entity bombs "
                       "and external-entity reads arrive)")


def parse_wxr(raw: bytes) -> WxrExport:
    _refuse_declarations(raw)
    problems: list[Problem] = []
    text = _decode(raw, problems)
    _refuse_declarations(text[:65536].encode("utf-8"))  # the same, in a file in UTF-16 or another encoding
    text, original_lines = _one_item_a_line(text)
    if original_lines is not None:  # the decoding's problems were counted in the file's own lines
        first = {}
        for number, line in enumerate(original_lines, 1):
            first.setdefault(line, number)
        problems[:] = [Problem(first.get(problem.line, problem.line), problem.message, problem.item, problem.fatal)
                       for problem in problems]
    text = _repair(text, problems)
    text = _declare_namespaces(text, problems)
    text = _DECLARATION.sub(r'\1"UTF-8"', text, count=1)  # what lxml is given: the text read, as UTF-8
    parser = _parser()
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except etree.XMLSyntaxError as error:
        raise WxrError(f"line {error.lineno}: not XML a WordPress export could be read from: {error.msg}") from None
    parser_problems = [Problem(entry.line, _message(entry), fatal=entry.type_name not in _HARMLESS)
                       for entry in parser.error_log if entry.level >= etree.ErrorLevels.ERROR]
    if root is None or etree.QName(root).localname != "rss":
        first = parser_problems[0] if parser_problems else None
        detail = f" (first problem: {first})" if first else ""
        if root is None:
            raise WxrError(f"line 1: not a WordPress export: the file holds no XML element{detail}")
        # Where to look: the element the file begins with instead.
        raise WxrError(f"line {root.sourceline or 1}: not a WordPress export: the root element is "
                       f"<{etree.QName(root).localname}>, not <rss>{detail}")
    channel = root.find("channel")
    if channel is None:
        raise WxrError(f"line {root.sourceline}: <rss> has no <channel>; not a WordPress export")
    version = (channel.findtext(_any_ns("wxr_version")) or "").strip()
    ns = _namespaces(channel, version)  # the channel's map holds the root's declarations too
    export = WxrExport(
        version=version or "unknown",
        site_url=(channel.findtext(f"{{{ns['wp']}}}base_site_url") or channel.findtext("link") or "").strip(),
        base_blog_url=(channel.findtext(f"{{{ns['wp']}}}base_blog_url") or channel.findtext("link") or "").strip(),
        generator=(channel.findtext("generator") or "").strip(),
        authors={}, categories={}, items=[], problems=problems, original_lines=original_lines,
    )
    if not version:
        problems.append(Problem(channel.sourceline or 1, "no <wp:wxr_version>; read as WXR 1.2"))
    for element in channel.findall(f"{{{ns['wp']}}}author"):
        login = _text(element, f"{{{ns['wp']}}}author_login")
        if login:
            export.authors[login] = WxrAuthor(login, _as_text(_text(element, f"{{{ns['wp']}}}author_display_name")) or login,
                                              _text(element, f"{{{ns['wp']}}}author_email"))
    for element in channel.findall(f"{{{ns['wp']}}}category"):
        slug = _text(element, f"{{{ns['wp']}}}category_nicename")
        name = _as_text(_text(element, f"{{{ns['wp']}}}cat_name")) or slug
        if slug:
            export.categories[slug] = WxrTerm(slug, name, _text(element, f"{{{ns['wp']}}}category_parent"))
    spans = _item_spans(text)
    starts = _lines_of(text, [start for start, _end in spans])
    read = [(element, _start_line(element, starts)) for element in _items_lifted(channel, problems, starts)]
    read += _items_rescued(text, spans, starts, {line for _element, line in read}, parser_problems)
    read.sort(key=lambda pair: pair[1])
    # The last item ends at the file's last </item>: what libxml2 says after it (the channel's end,
    # mismatched) is not that item's, and must not refuse it.
    last_end = text.count("\n", 0, text.rfind("</item>")) + 1 if "</item>" in text else 10**12
    for index, (element, line) in enumerate(read):
        end = read[index + 1][1] - 1 if index + 1 < len(read) else (last_end if last_end >= line else 10**12)
        export.items.append(_item(element, ns, end, problems, line))
    problems.extend(parser_problems)
    _name_items(export)
    problems.sort(key=lambda problem: problem.line)
    return export


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        recover=True, resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
        huge_tree=False, remove_comments=True, remove_pis=True, strip_cdata=True,
    )


# What the scan for items steps over (an `<item>` quoted in a post's text or a comment is no item),
# and the item tags themselves.
_ITEM_SCAN = re.compile(r"<!\[CDATA\[.*?\]\]>|<!--.*?-->|<(?P<close>/)?item(?:\s[^<>]*)?>", re.DOTALL)
_RSS_START = re.compile(r"<rss\b[^<>]*>")


def _item_spans(text: str) -> list[tuple[int, int]]:
    """Where each item's text begins and ends, outside CDATA sections and comments (after `_repair`,
    which closes every section and every item left open)."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for match in _ITEM_SCAN.finditer(text):
        if not match.group(0).startswith("<i") and not match.group(0).startswith("</i"):
            continue
        if match.group("close"):
            if opened is not None:
                spans.append((opened, match.end()))
            opened = None
        elif opened is None:
            opened = match.start()
    if opened is not None:  # the file ends inside its last item
        spans.append((opened, len(text)))
    return spans


def _lines_of(text: str, offsets: list[int]) -> list[int]:
    """The line each of these ascending offsets falls on, counted once through the text (counting
    from the start for each took a minute for a 10,000-post export)."""
    lines, line, counted = [], 1, 0
    for offset in offsets:
        line += text.count("\n", counted, offset)
        counted = offset
        lines.append(line)
    return lines


# libxml2 keeps an element's line in 16 bits: from this line on, lxml tells the line of the
# element's first text instead (a line or more into the element), not the line it begins on.
_LINE_LIMIT = 65535


def _start_line(element: etree._Element, item_starts: list[int]) -> int:
    """The line an item element begins on, also past line 65,535 (`item_starts`: each item's
    first line, in file order, from `_item_spans`)."""
    line = element.sourceline or 1
    if line < _LINE_LIMIT:
        return line
    at = bisect_right(item_starts, line) - 1  # the item whose text holds the line lxml tells
    return item_starts[at] if at >= 0 else line


def _items_rescued(text: str, spans: list[tuple[int, int]], starts: list[int], read_lines: set[int],
                   parser_problems: list[Problem]) -> list[tuple[etree._Element, int]]:
    """Items the whole file's parse lost, each parsed on its own, with the line it begins on.

    libxml2, recovering from a fault in one item (a stray end tag, a broken tag name, nesting past
    its depth limit, a 10 MB attribute), can close the channel early or stop reading: every item
    after the fault was lost without a word. Each item's text is found outside CDATA and parsed
    alone, inside the file's own <rss> start tag (for its namespaces); what the whole parse said
    about its lines is dropped (it was reading them out of step), and the item's own parse
    says what is wrong with it, if anything."""
    lost = []
    for (start, end), line in zip(spans, starts):
        if line not in read_lines:
            lost.append((start, end, line))
    if not lost:
        return []
    rss = _RSS_START.search(text)
    opening = (rss.group(0).replace("\n", " ").replace("\r", " ") if rss else "<rss>") + "<channel>"
    rescued: list[tuple[etree._Element, int]] = []
    for start, end, line in lost:
        last = line + text.count("\n", start, end)
        parser_problems[:] = [problem for problem in parser_problems if not line <= problem.line <= last]
        parser = _parser()
        # On the wrapper's line: the item's lines are the file's, less `line - 1`.
        root = etree.fromstring((opening + text[start:end] + "</channel></rss>").encode("utf-8"), parser)
        item = root.find("channel/item") if root is not None else None
        parser_problems += [Problem(entry.line + line - 1, _message(entry), fatal=entry.type_name not in _HARMLESS)
                            for entry in parser.error_log if entry.level >= etree.ErrorLevels.ERROR]
        if item is None:
            parser_problems.append(Problem(line, "the item could not be read at all", fatal=True))
            continue
        parser_problems.append(Problem(line, "the XML reader lost this item after a fault earlier in the file; "
                                             "read on its own"))
        rescued.append((item, line))
    return rescued


def _items_lifted(channel: etree._Element, problems: list[Problem], item_starts: list[int]) -> list[etree._Element]:
    """The channel's items in file order, each read on its own. An end tag missing inside an item
    (`<wp:meta_value><![CDATA[x]]>` and no `</wp:meta_value>`) makes libxml2, recovering, nest every
    item after it inside that element: they were lost without a word, and the item holding them
    took their text as its own. Each is taken out and read as an item; the one that held it is
    reported (it may be cut short) and not imported."""
    items = [element for element in channel.iter("item") if element is not channel]
    for element in items:
        holder = next((ancestor for ancestor in element.iterancestors() if ancestor.tag == "item"), None)
        if holder is None and element.getparent() is channel:
            continue
        if holder is not None:
            problems.append(Problem(_start_line(holder, item_starts), "an end tag inside the item is missing: the item "
                                    f"at line {_start_line(element, item_starts)} was read inside it; "
                                                           "read on its own", fatal=True))
        parent = element.getparent()
        if element.tail:  # the text after it stays where it was (a tail moves with its element)
            previous = element.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + element.tail
            else:
                parent.text = (parent.text or "") + element.tail
        element.tail = None
        parent.remove(element)
    return sorted(items, key=lambda element: _start_line(element, item_starts))


def _name_items(export: WxrExport) -> None:
    """Put each problem's item title on it: the item whose lines hold the problem's line."""
    starts = [item.line for item in export.items]
    for index, problem in enumerate(export.problems):
        at = bisect_right(starts, problem.line) - 1
        if at >= 0 and not problem.item and problem.line <= export.items[at].end_line:
            export.problems[index] = Problem(problem.line, problem.message, export.items[at].label, problem.fatal)


def problems_of(export: WxrExport, item: WxrItem) -> list[Problem]:
    """The problems on the item's lines, in line order."""
    # `parse_wxr` leaves the problems in line order: a bisect, not a scan of every problem for
    # each item (an export of 10,000 posts can carry as many warnings).
    problems = export.problems
    first = bisect_left(problems, item.line, key=attrgetter("line"))
    return problems[first:bisect_right(problems, item.end_line, lo=first, key=attrgetter("line"))]


# WordPress writes http://wordpress.org/export/1.2/; WordPress.com writes the same with https.
_WXR_URI = re.compile(r"^https?://wordpress\.org/export/(?P<version>\d+\.\d+)/(?P<excerpt>excerpt/)?$")


# Parser complaints that lose nothing of the text: a namespace declared with a URI that is not
# ASCII or not absolute (`xmlns:x="http://ëxample.com/"`) still names its elements.
_HARMLESS = {"WAR_NS_URI", "WAR_NS_URI_RELATIVE"}


def _message(entry) -> str:
    message = entry.message.strip()
    return f"{message}; read all the same" if entry.type_name in _HARMLESS else message


def _namespaces(scope: etree._Element, version: str) -> dict[str, str]:
    """The namespace URIs this file uses (WXR 1.0, 1.1 and 1.2 each have their own, over http or https)."""
    declared = [uri for uri in (scope.nsmap or {}).values() if uri]
    wp: dict[str, str] = {}
    excerpt: dict[str, str] = {}
    for uri in declared:
        match = _WXR_URI.match(uri)
        if match:
            (excerpt if match.group("excerpt") else wp)[match.group("version")] = uri
    # The version the file says, else the newest it declares, else any it declares.
    found = version if version in wp else next((candidate for candidate in WXR_VERSIONS if candidate in wp), next(iter(wp), None))
    chosen = found or (version if version in WXR_VERSIONS else "1.2")
    ns = {name: uri.format(version=chosen) for name, uri in NS.items()}
    if found:
        ns["wp"] = wp[found]
        ns["excerpt"] = excerpt.get(found) or next(iter(excerpt.values()), ns["excerpt"])
    for name in ("content", "dc"):  # the same modules, should a file name them over https
        ns[name] = next((uri for uri in declared if uri.split("://", 1)[-1] == ns[name].split("://", 1)[-1]), ns[name])
    return ns


_WXR_VERSION = re.compile(r"<wp:wxr_version>\s*(?:<!\[CDATA\[)?\s*(?P<version>\d+\.\d+)")


def _declare_namespaces(text: str, problems: list[Problem]) -> str:
    """Declare on <rss> the namespaces WordPress writes that the file uses but never declares (a
    hand-made or converted export): libxml2 otherwise complains at every `wp:` element, and every
    post was refused. Read as the namespaces of the file's own `<wp:wxr_version>`, else of WXR 1.2."""
    rss = _RSS_START.search(text)
    if rss is None:
        return text
    missing = [prefix for prefix in NS if f"<{prefix}:" in text and f"xmlns:{prefix}=" not in text]
    if not missing:
        return text
    found = _WXR_VERSION.search(text)
    version = found.group("version") if found else "1.2"
    declarations = "".join(f' xmlns:{prefix}="{NS[prefix].format(version=version)}"' for prefix in missing)
    end = rss.end() - (2 if rss.group(0).endswith("/>") else 1)
    problems.append(Problem(text.count("\n", 0, rss.start()) + 1,
                            f"the <rss> start tag does not declare {', '.join('xmlns:' + prefix for prefix in missing)}, "
                            f"which the file uses; read as WXR {version}'s, as WordPress writes them"))
    return text[:end] + declarations + text[end:]


def _any_ns(localname: str) -> str:
    return f"{{*}}{localname}"


def _item(element: etree._Element, ns: dict[str, str], end_line: int, problems: list[Problem], line: int) -> WxrItem:
    wp = ns["wp"]
    title = _title_text(_text(element, "title"), line, problems)
    meta: dict[str, str] = {}
    old_slugs: list[str] = []
    for entry in element.findall(f"{{{wp}}}postmeta"):
        key = _text(entry, f"{{{wp}}}meta_key")
        if key:
            meta[key] = element_text(entry.find(f"{{{wp}}}meta_value"))
            if key == "_wp_old_slug" and meta[key].strip() and meta[key].strip() not in old_slugs:
                old_slugs.append(meta[key].strip())
    categories, tags, coauthors = [], [], []
    by_domain = {"post_tag": tags, "category": categories, None: categories, "author": coauthors}
    for term in element.findall("category"):
        name = _as_text(" ".join(element_text(term).split()))
        slug = (term.get("nicename") or "").strip()
        if not name and not slug:
            continue
        by_domain.get(term.get("domain"), []).append(WxrTerm(slug or name, name or slug))
    return WxrItem(
        line=line, end_line=end_line, title=" ".join(title.split()),
        link=_text(element, "link"),
        post_id=_int(_text(element, f"{{{wp}}}post_id")),
        post_type=_text(element, f"{{{wp}}}post_type") or "post",
        status=_text(element, f"{{{wp}}}status") or "publish",
        post_name=_text(element, f"{{{wp}}}post_name"),
        creator=_text(element, f"{{{ns['dc']}}}creator"),
        content=element_text(element.find(f"{{{ns['content']}}}encoded")),
        excerpt=element_text(element.find(f"{{{ns['excerpt']}}}encoded")),
        date_gmt=_wp_date(_text(element, f"{{{wp}}}post_date_gmt"), line, title, problems),
        date_local=_wp_date(_text(element, f"{{{wp}}}post_date"), line, title, problems),
        pub_date=_rss_date(_text(element, "pubDate")),
        password=_text(element, f"{{{wp}}}post_password"),
        sticky=_text(element, f"{{{wp}}}is_sticky") == "1",
        post_parent=_int(_text(element, f"{{{wp}}}post_parent")) or None,
        attachment_url=_text(element, f"{{{wp}}}attachment_url"),
        categories=categories, tags=tags, coauthors=coauthors, meta=meta, old_slugs=old_slugs,
    )


# A tag's start or end (`<em>`, `</b>`), not a `<` in words ("3 < 4", "I <3 film").
_MARKUP = re.compile(r"</?[A-Za-z][^<>]*>")


def _as_text(name: str) -> str:
    """A name WordPress keeps escaped for HTML (a term's, an author's: `R&amp;D`) as the text it shows."""
    return " ".join(html.unescape(name).split()) if "&" in name else name


def _title_text(title: str, line: int, problems: list[Problem]) -> str:
    """A post's title as WordPress showed it: WordPress prints it as HTML, and keeps it escaped
    (`Tom &amp; Jerry`) when its writer may not post raw HTML; markup (`<em>`) is left out, said once."""
    if not _MARKUP.search(title):
        return _as_text(title)
    text = html_to_text(title)
    shown = repr(" ".join(title.split())[:120])
    problems.append(Problem(line, f"the title holds HTML ({shown}); the headline is its text, {text!r}" if text else
                            f"the title is HTML without words ({shown}); read as no title"))
    return text


def element_text(element: etree._Element | None) -> str:
    if element is None:
        return ""
    return "".join(element.itertext())


def _text(element: etree._Element, path: str) -> str:
    return element_text(element.find(path)).strip()


def _int(value: str) -> int | None:
    return whole_number(value, largest=LARGEST_BIG_INTEGER)


def _wp_date(value: str, line: int, title: str, problems: list[Problem]) -> dt.datetime | None:
    if not value or value == _NO_DATE:
        return None
    try:
        return dt.datetime.strptime(value, "%Y-%m-%d %H:%M:%S").replace(tzinfo=dt.timezone.utc)
    except ValueError:
        problems.append(Problem(line, f"date {value!r} is not YYYY-MM-DD HH:MM:SS; ignored", title))
        return None


def _rss_date(value: str) -> dt.datetime | None:
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if parsed.year < 1971:  # Squarespace and WordPress write 1970 or year 0 for "no date"
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.timezone.utc)


_ITEMS_ON_ONE_LINE = re.compile(r"</item>[ \t]*(?=<item[\s>])")


def _one_item_a_line(text: str) -> tuple[str, list[int] | None]:
    """Each item that begins on the line where the one before it ends moved to a line of its own
    (whitespace between items, which XML ignores), with the file's own line of each line read."""
    if not _ITEMS_ON_ONE_LINE.search(text):
        return text, None
    original: list[int] = []
    out: list[str] = []
    for number, line in enumerate(text.split("\n"), 1):
        parts = _ITEMS_ON_ONE_LINE.split(line)
        if len(parts) > 1:
            parts = [part + "</item>" for part in parts[:-1]] + [parts[-1]]
        out.extend(parts)
        original.extend([number] * len(parts))
    return "\n".join(out), original


_DECLARED = re.compile(rb"""^\s*<\?xml[^>]*?\sencoding\s*=\s*["'](?P<name>[A-Za-z][A-Za-z0-9._-]{0,39})["']""")
_DECLARATION = re.compile(r"""^(\s*<\?xml[^>]*?\sencoding\s*=\s*)["'][^"']*["']""")


def _decode(raw: bytes, problems: list[Problem]) -> str:
    """The file as text: UTF-8 (whatever its declaration says, when it is valid UTF-8); else the
    encoding its byte-order mark or declaration names (WordPress declares its site's charset, such
    as ISO-8859-1); else UTF-8 with any line that is not read as Windows-1252 (and reported)."""
    for mark, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
                        (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if raw.startswith(mark):
            raw = raw[len(mark):]
            if codec != "utf-8":
                try:
                    return raw.decode(codec)
                except UnicodeDecodeError as error:
                    raise WxrError(f"the file begins with a {codec.upper()} byte-order mark but is not {codec.upper()} "
                                   f"(byte {error.start})") from None
            break
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _DECLARED.match(raw[:300])
    if declared:
        name = declared.group("name").decode("ascii").lower()
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            codec = ""
        if codec in ("latin-1", "iso8859-1", "cp1252", "iso8859-15"):
            # What browsers read ISO-8859-1 as: Windows-1252, whose letters fill its unused range.
            return "\n".join(_cp1252_or_latin1(line) for line in raw.split(b"\n"))
        if codec and codec not in ("utf-8",):
            try:
                return raw.decode(codec)
            except UnicodeDecodeError:
                pass
    text, guessed = utf8_or_cp1252_lines(raw)
    problems += [Problem(number, "is not UTF-8; read as Windows-1252 (check its accented letters)") for number in guessed]
    return text


_CP1252_UNUSED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}  # bytes Windows-1252 leaves undefined: read as ISO-8859-1


def _cp1252_or_latin1(line: bytes) -> str:
    if not _CP1252_UNUSED.intersection(line):
        return line.decode("cp1252")
    return "".join(chr(byte) if byte in _CP1252_UNUSED else bytes([byte]).decode("cp1252") for byte in line)


def _repair(text: str, problems: list[Problem]) -> str:
    """Fix what real exports get wrong outside and inside CDATA; each fix is reported."""
    line_starts = [0] + [match.end() for match in re.finditer("\n", text)]

    def line_of(offset: int) -> int:
        return bisect_right(line_starts, offset)

    if _FORBIDDEN_CONTROLS.search(text):
        for match in _FORBIDDEN_CONTROLS.finditer(text):
            problems.append(Problem(line_of(match.start()), f"control character U+{ord(match.group()):04X} is not allowed in XML; dropped"))
        text = _FORBIDDEN_CONTROLS.sub("", text)
        line_starts[:] = [0] + [match.end() for match in re.finditer("\n", text)]
    # A reference's repair changes no line break: line_of stays true for what follows.
    text = repair_character_references(text, lambda offset, message: problems.append(Problem(line_of(offset), message)))
    out: list[str] = []
    position = 0
    items = _OpenItem()
    while True:
        opening = _CDATA_OPEN.search(text, position)
        outside_end = opening.end() if opening else len(text)
        outside = _repair_markup(text[position:outside_end], position, line_of, problems)
        out.append(_raw_html_as_text(_close_unclosed_items(outside, position, line_of, problems, items), position, line_of, problems))
        if opening is None:
            break
        name = opening.group("name")
        # WordPress writes `]]></name>`; hand-formatted exports put a line break between them.
        closing = _closing(name).search(text, opening.end())
        end = closing.start() if closing else -1
        # (Each check below is looked at only when a quick search finds what it needs: most sections are whole.)
        mistyped = _mistyped_end_tag(text, name, opening.end(), end) \
            if end == -1 or text.find("]]>", opening.end(), end) != -1 else None
        if mistyped is not None:
            # `]]></content:encode>`: the section ends here, and the end tag was meant for it (read
            # on, it would run into the next item and take that item's fields as its own).
            section_end, tag = mistyped
            problems.append(Problem(line_of(tag.start()), f"the end tag </{tag.group('tag')}> after <{name}>'s CDATA "
                                                          f"section is mistyped; read as </{name}>"))
            out.append(_STRAY_END.sub(_SPLIT_END, text[opening.end():section_end]) + f"]]></{name}>")
            position = tag.end()
            continue
        element_end = text.find(f"</{name}>", opening.end())
        limit = end if end != -1 and (element_end == -1 or end < element_end) else element_end if element_end != -1 else len(text)
        boundary = _next_item_inside(text, opening.end(), limit) if text.find("<item", opening.end(), limit) != -1 else None
        if boundary is not None:
            # Cut short (`<![CDATA[publ` and no more): read on, the section would take the next
            # item's fields as this one's; it ends where its item does.
            cut, next_item = boundary
            problems.append(Problem(line_of(opening.start()), f"<{name}>'s CDATA section is not closed before the next item "
                                                              f"(line {line_of(next_item)}); closed there", fatal=True))
            out.append(_STRAY_END.sub(_SPLIT_END, text[opening.end():cut]) + f"]]></{name}>")
            position = cut
            continue
        if end == -1 or (element_end < end and _reopened(text, name, opening.end(), end)):
            # Never closed: the section runs to its element's end tag.
            if element_end == -1:
                problems.append(Problem(line_of(opening.start()), f"<{name}> opens a CDATA section that never ends; the rest of the file is lost"))
                out.append(_STRAY_END.sub(_SPLIT_END, text[opening.end():]) + "]]>")
                break
            problems.append(Problem(line_of(opening.start()), f"<{name}>'s CDATA section is never closed with ]]>; closed at </{name}>"))
            inner, end_of_section = text[opening.end():element_end], element_end
            out.append(_STRAY_END.sub(_SPLIT_END, inner) + "]]>")
            position = end_of_section
            continue
        inner = text[opening.end():end]
        if len(inner) > MAX_TEXT // 4 and len(inner.encode("utf-8")) > MAX_TEXT:
            # libxml2 stops at a text node this big and, recovering, loses every item after it.
            problems.append(Problem(line_of(opening.start()), f"<{name}>'s text is {len(inner.encode('utf-8')) / 1e6:.1f} MB, "
                                    "a huge text node (XML readers stop at 10 MB); left out",
                                    fatal=True))
            position = end
            continue
        stray = _STRAY_END.search(inner)
        if stray:
            problems.append(Problem(line_of(opening.end() + stray.start()),
                                    f"<{name}>'s text holds ]]>, which would end its CDATA section early; kept as text"))
            inner = _STRAY_END.sub(_SPLIT_END, inner)
        out.append(inner)
        position = end
    return "".join(out)


_FIRST_END = re.compile(r"\]\]>(?!<!\[CDATA\[)")
_END_TAG = re.compile(r"\s*</(?P<tag>[A-Za-z_][\w.:-]*)\s*>")


def _mistyped_end_tag(text: str, name: str, start: int, end: int) -> tuple[int, re.Match] | None:
    """(where the CDATA section opened at `start` ends, the end tag after it) when that end tag is
    not `</name>` and the section's own end (`]]></name>` at `end`) lies past another section of the
    element or another item: the end tag was mistyped (`</content:encode>`, `</titel>`)."""
    first = _FIRST_END.search(text, start)
    if first is None or first.start() == end:
        return None
    own_end = text.find(f"</{name}>", start)
    if "<![CDATA[" in text[start:first.start()] or -1 < own_end < first.start():
        return None  # the section was never closed: that `]]>` ends another one
    tag = _END_TAG.match(text, first.end())
    if tag is None or tag.group("tag") == name:
        return None
    if end != -1 and not _reopened(text, name, start, end):
        return None
    return first.start(), tag


_ITEM_START = re.compile(r"<item[\s>]")
_CDATA_ELEMENT = re.compile(r"<[A-Za-z_][\w.:-]*(?:\s[^<>]*)?><!\[CDATA\[")
_ITEM_END_BEFORE = re.compile(r"</item\s*>\s*$")


def _next_item_inside(text: str, start: int, limit: int) -> tuple[int, int] | None:
    """(where the section opened at `start` must end, where the next item begins) when an item
    begins inside it: an `<item>` alone at the start of its line, with an element's CDATA section
    after it (the export's own structure, not a post quoting RSS). None when none does."""
    at = text.find("<item", start, limit)
    while at != -1:
        line_start = text.rfind("\n", start, at) + 1
        if _ITEM_START.match(text, at) and not text[line_start:at].strip() and _CDATA_ELEMENT.search(text, at, limit):
            ended = _ITEM_END_BEFORE.search(text, start, line_start)
            return (ended.start() if ended else line_start), at
        at = text.find("<item", at + 5, limit)
    return None


class _OpenItem:
    """Where the item being read opened (an offset in the file), while one is open."""

    def __init__(self) -> None:
        self.at: int | None = None


_ITEM_TAG = re.compile(r"<(?P<close>/)?item(?:\s[^<>]*)?>")


def _close_unclosed_items(chunk: str, offset: int, line_of, problems: list[Problem], items: _OpenItem) -> str:
    """An `<item>` that opens while another is open: the other is closed before it (else the XML
    reader nests the next item inside, and it is lost), and reported as broken (it may be cut short)."""
    if "item" not in chunk:
        return chunk
    out: list[str] = []
    position = 0
    for tag in _ITEM_TAG.finditer(chunk):
        if tag.group("close"):
            items.at = None
            continue
        if items.at is not None:
            problems.append(Problem(line_of(items.at), f"the item has no </item> before the next <item> "
                                                        f"(line {line_of(offset + tag.start())}); it ends there", fatal=True))
            out += [chunk[position:tag.start()], "</item>"]
            position = tag.start()
        items.at = offset + tag.start()
    out.append(chunk[position:])
    return "".join(out)


# Elements that hold a post's HTML: written without CDATA (`<content:encoded><p>Two</content:encoded>`),
# their HTML is read as XML, and an unclosed tag in it runs on into the next item.
_RAW_TEXT = re.compile(r"<(?P<name>content:encoded|excerpt:encoded)>(?!\s*<!\[CDATA\[)(?P<inner>[^\x00]*?)</(?P=name)>")


def _raw_html_as_text(chunk: str, offset: int, line_of, problems: list[Problem]) -> str:
    """The HTML of a post written without a CDATA section, put in one (it is the post's text)."""
    if ":encoded>" not in chunk or not _RAW_TEXT.search(chunk):
        return chunk

    def wrap(match: re.Match) -> str:
        if "<" not in match.group("inner"):
            return match.group(0)
        problems.append(Problem(line_of(offset) + chunk[: match.start()].count("\n"), f"<{match.group('name')}> holds HTML written without a CDATA section; read as its text"))
        inner = match.group("inner").replace("]]>", _SPLIT_END)
        return f"<{match.group('name')}><![CDATA[{inner}]]></{match.group('name')}>"
    return _RAW_TEXT.sub(wrap, chunk)


@lru_cache(maxsize=256)
def _closing(name: str) -> re.Pattern[str]:
    """The end of an element's CDATA section and its end tag (`]]></name>`), compiled once per name."""
    return re.compile(rf"\]\]>\s*</{re.escape(name)}>")


def _reopened(text: str, name: str, start: int, end: int) -> bool:
    """Whether another CDATA section of the element, or another item, begins between `start` and
    `end`: then the section opened at `start` was never closed. Its own end tag written inside it
    (`<![CDATA[<wp:meta_value>x</wp:meta_value>]]>`, HTML or markup kept as text) does not count."""
    again = re.compile(rf"<{re.escape(name)}(?:\s[^<>]*)?><!\[CDATA\[|<item[\s>]")
    return again.search(text, start, end) is not None


def _repair_markup(chunk: str, offset: int, line_of, problems: list[Problem]) -> str:
    """Entities and bare `&` outside CDATA, except in comments, where XML allows both (every
    WordPress export's header comment says "Activate & Run Importer")."""
    if "&" not in chunk:
        return chunk
    out: list[str] = []
    position = 0
    for comment in _COMMENT.finditer(chunk):
        out += [_repair_entities(chunk[position:comment.start()], offset + position, line_of, problems), comment.group()]
        position = comment.end()
    out.append(_repair_entities(chunk[position:], offset + position, line_of, problems))
    return "".join(out)


def _repair_entities(chunk: str, offset: int, line_of, problems: list[Problem]) -> str:
    if "&" not in chunk:
        return chunk

    def fix(match: re.Match) -> str:
        name = match.group(1)
        if name is None:
            problems.append(Problem(line_of(offset + match.start()), "a bare & is not allowed in XML; read as &amp;"))
            return "&amp;"
        if name.startswith("#") or name in _XML_ENTITIES:
            return match.group(0)
        character = html.entities.html5.get(name + ";")
        if character is None:
            problems.append(Problem(line_of(offset + match.start()), f"unknown entity &{name}; kept as text"))
            return "&amp;" + name + ";"
        problems.append(Problem(line_of(offset + match.start()), f"entity &{name}; is not declared in XML; read as {character!r}"))
        return {"&": "&amp;", "<": "&lt;", ">": "&gt;"}.get(character, character)
    return _ENTITY_OR_AMP.sub(fix, chunk)
