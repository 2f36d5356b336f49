"""Does WordPress's own importer accept `newsreel export wordpress`? Imports the demo newsroom's
export into a real WordPress with the WordPress Importer plugin and compares what WordPress
then holds with the file, item by item.

    .venv/bin/python tools/wordpress_accepts.py --plugin DIR [--wordpress /usr/share/wordpress]

DIR is a checkout of the WordPress Importer plugin (github.com/WordPress/wordpress-importer);
WordPress itself is Debian's `wordpress` package (with php-cli, php-mysql, php-xml, php-mbstring
and php-gd), and its database a scratch one, made and dropped here, on the MariaDB at
127.0.0.1 (`--database-user`, empty password; WXR_CHECK_DATABASE_PASSWORD to give one).
Attachments are downloaded by the importer from the scratch Newsreel serving the demo, as
its "Download and import file attachments" box does. Nothing here runs in `make test`: the
plugin cannot be installed without the network, so this is a check to run by hand.
Prints each difference and exits 1 when there is one.
"""

from __future__ import annotations

import argparse
import html
import sys
from pathlib import Path

from scratch_site import ROOT, newsreel_site
from wordpress_site import finish, wordpress_site

sys.path.insert(0, str(ROOT))
from newsreel.importers.wxr import WxrExport, WxrItem, parse_wxr  # noqa: E402

# Beside the demo: a story whose text is hard on XML and on WordPress (a CDATA end, markup as
# text, ampersands and quotes, characters outside the BMP, right-to-left script).
EDGE_CASE = """---
headline: "Q&A: \\"Tidewater\\" & the <em>odd</em> ]]> case of the missing reel \U0001F3AC"
slug: tidewater-edge-case
summary: A made-up story whose text is hard on export files, with an ampersand & a CDATA end ]]> inside.
section: news
tags: [R&D, "Quotes \\"inside\\""]
authors: [Tobias Wrenfield]
published_at: 2026-09-01T09:00:00Z
---
The code `if a < b && c > d ]]>` stays as it is written, and so does <b>this markup</b> as text.

Arabic: \u0633\u064a\u0646\u0645\u0627. Emoji: \U0001F39E\uFE0F. A line with a NUL-free tab\there.
"""
def expected_terms(item: WxrItem) -> tuple[list[str], list[str]]:
    return sorted(term.name for term in item.categories), sorted(term.name for term in item.tags)


def differences(export: WxrExport, held: dict) -> list[str]:
    """What WordPress holds that is not what the file says, one line each."""
    found: list[str] = []
    posts = {(post["type"], post["title"]): post for post in held["posts"]}
    attachments_by_id = {item.post_id: item for item in export.items if item.post_type == "attachment"}
    for item in export.items:
        post = posts.get((item.post_type, item.title))
        where = f"line {item.line}: {item.post_type} {item.title!r}"
        if post is None:
            found.append(f"{where}: not in WordPress")
            continue
        wanted = {"status": item.status, "name": item.post_name, "content": item.content}  # a picture's: its credit
        if item.creator or item.post_type != "attachment":  # a picture with no uploader is the importing user's
            wanted["author"] = item.creator or None
        if item.post_type != "attachment":
            wanted |= {"excerpt": item.excerpt,
                       "date_gmt": item.date_gmt.strftime("%Y-%m-%d %H:%M:%S") if item.date_gmt else "0000-00-00 00:00:00"}
            categories, tags = expected_terms(item)
            # WordPress keeps a term's "&" as "&amp;" (its kses filter on term names), as it does for any term.
            held_categories, held_tags = (sorted(html.unescape(name) for name in post[kind]) for kind in ("categories", "tags"))
            if held_categories != categories or held_tags != tags:
                found.append(f"{where}: categories/tags {post['categories']}/{post['tags']}, the file: {categories}/{tags}")
            thumbnail = attachments_by_id.get(int(item.meta.get("_thumbnail_id") or 0))
            if (thumbnail.title if thumbnail else None) != post["thumbnail"]:
                found.append(f"{where}: featured image {post['thumbnail']!r}, the file: {thumbnail and thumbnail.title!r}")
            if item.meta.get("newsreel_dek", "") != post["dek"]:
                found.append(f"{where}: dek {post['dek']!r}, the file: {item.meta.get('newsreel_dek')!r}")
        else:
            wanted["status"] = "inherit"
            if not post["file_bytes"]:
                found.append(f"{where}: its picture was not downloaded")
            if post["alt"] != item.meta.get("_wp_attachment_image_alt", ""):
                found.append(f"{where}: alt text {post['alt']!r}, the file: {item.meta.get('_wp_attachment_image_alt')!r}")
        for field, value in wanted.items():
            if post[field] != value:
                found.append(f"{where}: {field} {str(post[field])[:120]!r}, the file: {str(value)[:120]!r}")
    logins = {user["login"] for user in held["users"]}
    found += [f"author {login!r}: not in WordPress" for login in export.authors if login not in logins]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--plugin", type=Path, required=True, help="a checkout of the WordPress Importer plugin")
    parser.add_argument("--wordpress", type=Path, default=Path("/usr/share/wordpress"), help="WordPress's folder")
    parser.add_argument("--database-user", default="root", help="a MariaDB user who may create databases")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folders and database")
    args = parser.parse_args()
    if not (args.plugin / "src" / "wordpress-importer.php").exists():
        sys.exit(f"wordpress_accepts: no WordPress Importer plugin in {args.plugin} (see --help)")
    with newsreel_site("wordpress_accepts", keep=args.keep) as newsreel, \
            wordpress_site(args.wordpress, user=args.database_user, keep=args.keep) as wordpress:
        edge_case = newsreel.data / "edge-case.md"
        edge_case.write_text(EDGE_CASE, encoding="utf-8")
        newsreel.run("publish", str(edge_case))
        wxr = newsreel.data / "newsreel.xml"
        newsreel.run("export", "wordpress", str(wxr))
        export = parse_wxr(wxr.read_bytes())
        print(f"wordpress_accepts: WordPress {wordpress.version}, importing {wxr.stat().st_size:,} bytes ...", flush=True)
        held = wordpress.php("import.php", str(args.plugin.resolve()), str(wxr))
    if "parse_error" in held:
        sys.exit(f"wordpress_accepts: WordPress's importer refused the file: {held['parse_error']}")
    kinds = {kind: sum(item.post_type == kind for item in export.items) for kind in ("post", "attachment")}
    in_wordpress = {kind: sum(post["type"] == kind for post in held["posts"]) for kind in kinds}
    print(f"in the file: {kinds['post']} posts, {kinds['attachment']} attachments, {len(export.authors)} authors, "
          f"{len(export.categories)} categories; in WordPress: {in_wordpress['post']} posts, "
          f"{in_wordpress['attachment']} attachments, {len(held['users'])} users")
    said = [line.strip() for line in held["said"].splitlines() if line.strip() and "Deprecated:" not in line]
    print("the importer said:\n  " + "\n  ".join(said))
    finish("wordpress_accepts", held["notices"], differences(export, held), f"{len(held['posts'])} items in WordPress")


if __name__ == "__main__":
    main()
