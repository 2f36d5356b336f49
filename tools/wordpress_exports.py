"""Does Newsreel read what WordPress's own exporter writes? Fills a real WordPress as a film
desk would (block-editor and classic posts, pictures with IPTC credits, captions, galleries,
embeds, every status, a page, a title hard on XML), exports it with WordPress's exporter,
imports the file with `newsreel import wordpress --media wp-content/uploads` into an empty
site, and compares each story with the post it came from.

    .venv/bin/python tools/wordpress_exports.py [--wordpress /usr/share/wordpress]

Needs Debian's `wordpress` package with php-cli, php-mysql, php-xml, php-mbstring and php-gd,
and MariaDB at 127.0.0.1 (a scratch database, made and dropped here). Nothing here runs in
`make test` (it needs packages `make test` cannot install); it is a check to run by hand.
Prints each difference and exits 1 when there is one.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from scratch_site import last_line, newsreel_site, story_of
from wordpress_site import finish, wordpress_site

# What the intake makes of each WordPress status (newsreel/importers/wordpress.py).
STATES = {"publish": "published", "future": "scheduled", "draft": "draft", "pending": "draft", "private": "draft"}
# What each made post's body must still hold after the conversion to Newsreel Markdown.
BODY_HOLDS = {
    "Saltmarsh Hours review: a tide that takes its time": [
        "Photo: Harrow Lane Films", "Photo: Petra Lund", "Photo: Brennmoor Festival", "## A film about waiting",
        "The sea is the only editor I trust.", "https://www.youtube.com/watch?v=aqz-KE-bpKQ", "Runtime: 104 minutes"],
    "Festival diary: three ferries & a standing ovation": [
        "Photo: Tomas Vale", "The 7:10 from the mainland.", "Photo: Brennmoor Festival", "https://vimeo.com/76979871",
        "The applause ran longer.", "More tomorrow, weather permitting."],
    "Q&A: “Saltmarsh Hours” ]]> the cut nobody saw 🎬": ["]]>", "a < b"],
}
# The site's own sections (a category with a section's slug is that section; others are tags).
SECTIONS = {"Reviews": "reviews", "News": "news"}

# Where WordPress's own link to each post (/?p=ID) leads now.
OLD_LINKS = """
import json, sys
from django.test import Client
client = Client(SERVER_NAME="127.0.0.1")
print(json.dumps({pk: [(answer := client.get("/", {"p": pk})).status_code, answer.get("Location", "")] for pk in IDS}))
"""


def differences(made: list[dict], stories: dict[str, dict], old_links: dict[str, list]) -> list[str]:
    found = []
    for post in made:
        where = f"{post['type']} {post['title']!r} ({post['status']}{', password' if post['password'] else ''})"
        story = story_of(post["title"], post["type"] == "page", stories, where, found)
        if story is None:
            continue
        # A review goes live only with its film, which WordPress does not know: it comes in as a draft.
        review = "Reviews" in post["categories"]
        wanted = {"state": "draft" if post["password"] or review else STATES[post["status"]], "summary": post["excerpt"],
                  "authors": [post["author"]],
                  "section": next((SECTIONS[name] for name in post["categories"] if name in SECTIONS), ""),
                  "tags": sorted(post["tags"] + [name for name in post["categories"] if name not in SECTIONS])}
        # WordPress gives drafts and posts pending review no slug yet, and keeps an emoji in a
        # slug percent-encoded; a Newsreel slug is letters, digits and hyphens.
        if post["slug"]:
            wanted["slug"] = re.sub(r"(-?%[0-9a-f]{2})+", "", post["slug"]).strip("-")
        if post["hero"]:
            wanted["hero"] = post["hero"]
        for field, value in wanted.items():
            if story[field] != value:
                found.append(f"{where}: {field} {story[field]!r}, in WordPress {value!r}")
        found += [f"{where}: the body lost {text!r}" for text in BODY_HOLDS.get(post["title"], []) if text not in story["body"]]
        status, location = old_links[str(post["id"])]
        if story["state"] == "published" and (status != 301 or not location.endswith(f"/{story['slug']}/")):
            found.append(f"{where}: /?p={post['id']} answers {status} {location!r}, not 301 to the story")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wordpress", type=Path, default=Path("/usr/share/wordpress"), help="WordPress's folder")
    parser.add_argument("--database-user", default="root", help="a MariaDB user who may create databases")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folders and database")
    args = parser.parse_args()
    with wordpress_site(args.wordpress, user=args.database_user, keep=args.keep) as wordpress, \
            newsreel_site("wordpress_exports", demo=False, serve=False, keep=args.keep) as newsreel:
        wxr = newsreel.data / "wordpress.xml"
        made = wordpress.php("make_content.php", str(wxr))
        print(f"wordpress_exports: WordPress {made['version']} exported {len(made['made'])} posts and pages "
              f"({wxr.stat().st_size:,} bytes); importing ...", flush=True)
        imported = newsreel.run("import", "wordpress", str(wxr), "--media", str(wordpress.uploads), check=False)
        stories = newsreel.stories()
        ids = [post["id"] for post in made["made"]]
        old_links = json.loads(last_line(newsreel.run("shell", "-c", OLD_LINKS.replace("IDS", repr(ids))).stdout))
    print("newsreel import wordpress said:\n  " + "\n  ".join(
        line for line in (imported.stdout + imported.stderr).splitlines() if line.strip()))
    moved = sum(status == 301 for status, _ in old_links.values())
    print(f"WordPress's own links (/?p=ID): {moved} answer 301 (the published stories'), "
          f"{len(old_links) - moved} do not (drafts, scheduled, the page)")
    finish("wordpress_exports", made["notices"], differences(made["made"], stories, old_links),
           f"{len(stories)} stories from {len(made['made'])} posts and pages")


if __name__ == "__main__":
    main()
