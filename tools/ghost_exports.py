"""Does Newsreel read what Ghost's own exporter writes? Starts a real Ghost with a scratch
content folder, fills it through its Admin API as a film desk would (HTML converted by Ghost
into its Lexical documents, a Mobiledoc post, a feature image with alt text and a credited
caption, tags with a section's slug and an internal one, every status, members-only,
featured, a page, a title hard on JSON and people), exports it (Settings → Advanced →
Export content, the Admin API's `db` endpoint), imports the file with `newsreel import ghost
--media content/images` into an empty site, and compares each story with the post it came
from. It imports the file twice: as Ghost wrote it, and with each post's `html` taken out,
so the stories come from our own rendering of Ghost's Lexical and Mobiledoc.

    .venv/bin/python tools/ghost_exports.py --ghost DIR

DIR is an installed Ghost 5 package (node_modules included): `npm pack ghost@5`, unpack it,
drop its devDependencies and run `npm install --omit=dev --legacy-peer-deps` in it (with
`npm_config_nodedir=/usr` where Node's headers are Debian's). Ghost runs on SQLite on a free
port of 127.0.0.1 and is stopped by its pid. Nothing here runs in `make test` (it needs a Ghost
`make test` cannot install); it is a check to run by hand. Prints each difference and exits 1
when there is one.
"""

from __future__ import annotations

import argparse
import copy
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from http.cookiejar import CookieJar
from pathlib import Path

from PIL import Image as PILImage
from scratch_site import free_port, newsreel_site, story_of

OWNER = {"name": "Nadia Ferro", "email": "nadia@ghost.invalid", "password": "Tq7#wLm9!vRz2pXe", "blogTitle": "Harbour Desk"}
BODY_HTML = (
    "<p>Ilka Sorensen’s <em>Saltmarsh Hours</em> opens on a tide table &amp; a kettle, and it never hurries.</p>"
    "<h2>A film about waiting</h2>"
    "<p>“I wanted the water to set the pace,” Sorensen said after the premiere. “Not me.”</p>"
    "<blockquote><p>The sea is the only editor I trust.</p></blockquote>"
    "<ul><li>Runtime: 104 minutes</li><li>In cinemas from April 3</li></ul>"
    '<figure class="kg-card kg-image-card kg-card-hascaption"><img src="{still}" class="kg-image" alt="A small ferry crossing a flat bay">'
    "<figcaption>The ferry scene. Photo: Petra Lund</figcaption></figure>"
    '<figure class="kg-card kg-embed-card"><iframe width="200" height="113" src="https://www.youtube.com/embed/aqz-KE-bpKQ?feature=oembed"'
    ' frameborder="0" allowfullscreen></iframe></figure>'
    "<hr><p>More tomorrow, weather permitting.</p>")
MOBILEDOC = {"version": "0.3.1", "atoms": [], "markups": [["em"]], "cards": [["markdown", {"markdown": "A **Markdown** card: the jury meets at noon."}]],
             "sections": [[1, "p", [[0, [], 0, "Mobiledoc still carries "], [0, [0], 1, "Brennmoor"], [0, [], 0, " diaries."]]], [10, 0]]}
# What each post's body must still hold after the conversion to Newsreel Markdown.
BODY_HOLDS = {
    "Saltmarsh Hours review: a tide that takes its time": [
        "## A film about waiting", "The sea is the only editor I trust.", "Runtime: 104 minutes", "Photo: Petra Lund",
        "https://www.youtube.com/watch?v=aqz-KE-bpKQ", "More tomorrow, weather permitting."],
    "Festival diary, day two": ["Mobiledoc still carries *Brennmoor* diaries.", "the jury meets at noon"],
    "Q&A: “Saltmarsh Hours” ]]> the cut nobody saw 🎬": ["]]>", "a < b"],
}
SECTIONS = {"reviews", "news"}  # a new Newsreel site's sections that these posts' tags name


class Ghost:
    """The Admin API of a Ghost we started, signed in as its owner."""

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))

    def call(self, method: str, path: str, body: dict | None = None, *, data: bytes | None = None,
             content_type: str = "application/json") -> dict:
        if body is not None:
            data = json.dumps(body).encode()
        request = urllib.request.Request(self.base + "/ghost/api/admin/" + path, data=data, method=method,
                                         headers={"Content-Type": content_type, "Origin": self.base,
                                                  "Accept-Version": "v5.0"})
        try:
            with self.opener.open(request, timeout=120) as answer:
                text = answer.read()
        except urllib.error.HTTPError as error:
            sys.exit(f"ghost_exports: Ghost answered {error.code} to {method} {path}: {error.read()[:800]!r}")
        return json.loads(text) if text.strip().startswith(b"{") else {}  # a session answers "Created"

    def upload_picture(self, name: str, colour: tuple[int, int, int]) -> str:
        buffer = io.BytesIO()
        PILImage.new("RGB", (1200, 800), colour).save(buffer, "JPEG")
        boundary = uuid.uuid4().hex
        data = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nimage\r\n"
                f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}.jpg\"\r\n"
                "Content-Type: image/jpeg\r\n\r\n").encode() + buffer.getvalue() + f"\r\n--{boundary}--\r\n".encode()
        answer = self.call("POST", "images/upload/", data=data, content_type=f"multipart/form-data; boundary={boundary}")
        return answer["images"][0]["url"]

    def post(self, kind: str = "posts", **fields) -> dict:
        source = "?source=html" if "html" in fields else ""
        made = self.call("POST", f"{kind}/{source}", {kind: [fields]})[kind][0]
        return made | {"type": kind[:-1]}  # the Admin API leaves out what a post or page is


def fill(ghost: Ghost) -> list[dict]:
    """The desk's posts, made through the Admin API; each as Ghost then holds it."""
    hero = ghost.upload_picture("saltmarsh-hours-still", (30, 80, 140))
    still = ghost.upload_picture("saltmarsh-hours-ferry", (90, 80, 40))
    made = [
        ghost.post(title="Saltmarsh Hours review: a tide that takes its time", html=BODY_HTML.format(still=still),
                   status="published", published_at="2026-03-14T10:00:00.000Z", tags=["Reviews", "Drama", "#wide"],
                   custom_excerpt="Ilka Sorensen’s second feature is patient, odd and very moving.",
                   feature_image=hero, feature_image_alt="A woman wading into a grey estuary at dawn",
                   feature_image_caption="Ilka Sorensen on the estuary set. Photo: Harrow Lane Films"),
        ghost.post(title="Festival diary, day two", mobiledoc=json.dumps(MOBILEDOC), status="published",
                   published_at="2026-03-15T18:30:00.000Z", tags=["News", "Brennmoor 2026"], featured=True),
        ghost.post(title="Notes toward a Sorensen profile", html="<p>Unfinished: call the producer first.</p>", status="draft"),
        ghost.post(title="Harrow Lane dates Saltmarsh Hours for April", html="<p>Harrow Lane Films will open it on April 3.</p>",
                   status="scheduled", published_at="2027-04-01T09:00:00.000Z", tags=["News"]),
        ghost.post(title="Screener links for members", html="<p>Links for accredited critics only.</p>", status="published",
                   visibility="members", tags=["News"]),
        ghost.post(title="Q&A: “Saltmarsh Hours” ]]> the cut nobody saw 🎬", status="published", tags=["News"],
                   html="<p>A sentence with ]]&gt; and <code>a &lt; b</code> in it.</p>", published_at="2026-03-16T08:00:00.000Z"),
        ghost.post("pages", title="About this desk", html="<p>We cover films from the coast.</p>", status="published"),
    ]
    return made


def expected_state(post: dict) -> str:
    if post["visibility"] != "public" or "reviews" in [tag["slug"] for tag in post.get("tags", [])]:
        return "draft"  # nothing members-only goes out; a review waits for its film
    return {"published": "published", "scheduled": "scheduled"}.get(post["status"], "draft")


def differences(made: list[dict], stories: dict[str, dict], how: str) -> list[str]:
    found = []
    for post in made:
        where = f"{how}: {post['type']} {post['title']!r} ({post['status']}, {post['visibility']})"
        story = story_of(post["title"], post["type"] == "page", stories, where, found)
        if story is None:
            continue
        tags = [tag for tag in post.get("tags", []) if tag["visibility"] == "public"]
        section = next((tag["slug"] for tag in tags if tag["slug"] in SECTIONS), "")
        wanted = {"state": expected_state(post), "slug": post["slug"], "summary": post.get("custom_excerpt") or "",
                  "authors": [author["name"] for author in post["authors"]], "section": section,
                  "tags": sorted(tag["name"] for tag in tags if tag["slug"] != section)}
        if post.get("feature_image"):
            wanted["hero"] = {"alt": post["feature_image_alt"], "credit": "Photo: Harrow Lane Films"}
        for field, value in wanted.items():
            if story[field] != value:
                found.append(f"{where}: {field} {story[field]!r}, in Ghost {value!r}")
        found += [f"{where}: the body lost {text!r}" for text in BODY_HOLDS.get(post["title"], []) if text not in story["body"]]
    return found


def start_ghost(package: Path, content: Path) -> tuple[subprocess.Popen, str]:
    shutil.copytree(package / "content", content)
    (content / "data").mkdir(exist_ok=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    settings = {"NODE_ENV": "production", "url": base, "server__host": "127.0.0.1", "server__port": str(port),
                "database__client": "sqlite3", "database__connection__filename": str(content / "data" / "ghost.db"),
                "database__useNullAsDefault": "true", "paths__contentPath": str(content), "mail__transport": "stub",
                "security__staffDeviceVerification": "false", "logging__level": "warn", "logging__transports": '["stdout"]'}
    log = open(content.parent / "ghost.log", "wb")
    ghost = subprocess.Popen(["node", "index.js"], cwd=package, env={**os.environ, **settings}, stdout=log,
                             stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if ghost.poll() is not None:
            sys.exit(f"ghost_exports: Ghost stopped (exit {ghost.returncode}); see {content.parent / 'ghost.log'}")
        try:
            urllib.request.urlopen(base + "/ghost/api/admin/site/", timeout=5).read()
            return ghost, base
        except OSError:
            time.sleep(1)
    sys.exit(f"ghost_exports: Ghost did not answer at {base} in 180 s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ghost", type=Path, required=True, help="an installed Ghost 5 package folder")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folders")
    args = parser.parse_args()
    if not (args.ghost / "node_modules").is_dir():
        sys.exit(f"ghost_exports: {args.ghost} is no installed Ghost package (see --help)")
    scratch = Path(tempfile.mkdtemp(prefix="newsreel-ghost-"))
    ghost_process = None
    found: list[str] = []
    try:
        ghost_process, base = start_ghost(args.ghost.resolve(), scratch / "content")
        ghost = Ghost(base)
        ghost.call("POST", "authentication/setup/", {"setup": [OWNER]})
        ghost.call("POST", "session/", {"username": OWNER["email"], "password": OWNER["password"]})
        made = fill(ghost)
        export = ghost.call("GET", "db/")
        version = ghost.call("GET", "site/")["site"]["version"]
        without_html = copy.deepcopy(export)
        for post in without_html["db"][0]["data"]["posts"]:
            post["html"] = None
        for how, data in (("as exported", export), ("without html", without_html)):
            with newsreel_site("ghost_exports", demo=False, serve=False, keep=args.keep) as newsreel:
                path = newsreel.data / "ghost.json"
                path.write_text(json.dumps(data), encoding="utf-8")
                imported = newsreel.run("import", "ghost", str(path), "--media", str(scratch / "content" / "images"), check=False)
                print(f"ghost_exports: Ghost {version}, {how}: newsreel import ghost said:\n  " + "\n  ".join(
                    line for line in (imported.stdout + imported.stderr).splitlines() if line.strip()))
                found += differences(made, newsreel.stories(), how)
    finally:
        if ghost_process is not None and ghost_process.poll() is None:
            os.killpg(ghost_process.pid, signal.SIGTERM)
            ghost_process.wait(timeout=30)
        if not args.keep:
            shutil.rmtree(scratch, ignore_errors=True)
    for line in found:
        print(f"DIFFERENT {line}")
    print(f"ghost_exports: {len(made)} posts and pages, imported twice, {len(found)} differences")
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
