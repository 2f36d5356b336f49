#!/usr/bin/env python3
"""The writing desk while someone types a 2,000-word story: the preview round trip and the
editor's input latency with the live preview and the "In this story" panel on.

1. Round trip (in process, Django's test client as a signed-in editor): what the editor
   does after each pause in typing, for a 2,000-word story naming films and people, with
   quotes, two spoiler blocks and an editor's note; each round appends a word, like typing:
     live     POST /desk/articles/<pk>/live/ (text core, panel data, the autosave slot)
     page     GET  /preview/draft/<pk>/ (the public article template on that draft)
     total    both, one after the other, as editor.js sends them (target: p95 < 150 ms)
2. Input latency (Chromium via Playwright against `newsreel serve`, unless --no-browser):
   the time from a key press in the editor to the next frame the browser paints, while the
   editor's live preview and panel refresh behind the typing; p50/p95/max over the keys.

    .venv/bin/python bench/editor_preview.py [--rounds 40] [--keys 200] [--no-browser]

Prints the figures and the machine's load average (the machine is shared).
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHROMIUM = "/usr/bin/chromium"
PASSWORD = "bench-editor-password"

# An invented knowledge graph: films (two share a title) and the people who made them.
FILMS = [("harbor-lights-2025", "Harbor Lights", 2025), ("paper-orchard-2023", "The Paper Orchard", 2023),
         ("glass-meridian-2026", "Glass Meridian", 2026), ("night-ferry-1984", "Night Ferry", 1984),
         ("night-ferry-2021", "Night Ferry", 2021), ("salt-meridian-2026", "Salt Meridian", 2026)]
PEOPLE = [("ada-varga", "Ada Varga"), ("tomas-ilic", "Tomas Ilic"), ("mira-sol", "Mira Sol"),
          ("lena-osei", "Lena Osei"), ("oskar-brandt", "Oskar Brandt")]
WORDS = ("the film festival camera scene harbor winter light keeper island audience premiere cut sound "
         "score editor studio shoot night sea ferry crew actor role story director screen week opening").split()


def story(words: int = 2000, seed: int = 14) -> str:
    """About `words` words of invented film news in Newsreel Markdown."""
    rng = random.Random(seed)
    parts, count = [], 0
    while count < words:
        film = rng.choice(FILMS)[1]
        person = rng.choice(PEOPLE)[1]
        sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 22)))
        kind = count // 100 % 7
        if kind == 3:
            text = f"“{sentence.capitalize()},” {person} said of *{film}*."
        elif kind == 5 and count < words - 300:
            key = rng.choice(FILMS[:3])[0]
            text = f":::spoiler {key}\n{sentence.capitalize()} in {film}.\n:::"
        else:
            text = f"{person} returns to {film}: {sentence}."
        parts.append(text)
        count += len(text.split())
    parts.insert(4, ":::note\nThis story was updated with the festival's dates.\n:::")
    return "\n\n".join(parts) + "\n"


def setup_site(folder: str) -> tuple[int, str]:
    os.environ["NEWSREEL_DATA_DIR"] = folder
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsreel.settings")
    os.environ["NEWSREEL_DEBUG"] = "false"
    import django

    django.setup()
    from django.contrib.auth.models import Group, User

    from newsreel.cli import ensure_migrated, ensure_static_manifest
    from newsreel.films.knowledge import import_knowledge_graph
    from newsreel.newsroom.intake import ArticleDraft
    from newsreel.newsroom.publishing import save_draft

    ensure_migrated()
    ensure_static_manifest()
    import_knowledge_graph({
        "films": [{"key": key, "title": title, "year": year} for key, title, year in FILMS],
        "people": [{"key": key, "name": name} for key, name in PEOPLE],
        "credits": [{"film": FILMS[i][0], "person": PEOPLE[i % len(PEOPLE)][0], "role": "director"}
                    for i in range(len(FILMS))],
    })
    user = User.objects.create_user("bencher", "bencher@newsroom.example", PASSWORD)
    user.groups.add(Group.objects.get(name="editor"))
    article = save_draft(ArticleDraft(headline="Two ferries, one harbour", body=story()), user=user, origin="desk")
    return article.pk, user.username


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def line(name: str, values: list[float]) -> str:
    return (f"  {name:<8} p50 {statistics.median(values):7.1f} ms   p95 {percentile(values, .95):7.1f} ms"
            f"   max {max(values):7.1f} ms   (n={len(values)})")


def round_trip(pk: int, rounds: int) -> None:
    from django.contrib.auth.models import User
    from django.test import Client

    client = Client()
    client.force_login(User.objects.get(username="bencher"))
    body = story()
    form = {"headline": "Two ferries, one harbour", "slug": "", "dek": "", "summary": "", "section": "",
            "tags": "", "authors": "", "hero_image": "", "sources": "", "base_revision": "1"}
    timings: dict[str, list[float]] = {"live": [], "page": [], "total": []}
    cpu: dict[str, list[float]] = {"live": [], "page": [], "total": []}
    for number in range(rounds + 3):  # the first rounds warm the caches, as the page's first refresh does
        body += f" word{number}"
        start, start_cpu = time.perf_counter(), time.process_time()
        answer = client.post(f"/desk/articles/{pk}/live/", {**form, "body": body})
        middle, middle_cpu = time.perf_counter(), time.process_time()
        page = client.get(answer.json()["preview_url"])
        end, end_cpu = time.perf_counter(), time.process_time()
        assert answer.status_code == 200 and page.status_code == 200, (answer.status_code, page.status_code)
        if number >= 3:
            timings["live"].append((middle - start) * 1000)
            timings["page"].append((end - middle) * 1000)
            timings["total"].append((end - start) * 1000)
            cpu["live"].append((middle_cpu - start_cpu) * 1000)
            cpu["page"].append((end_cpu - middle_cpu) * 1000)
            cpu["total"].append((end_cpu - start_cpu) * 1000)
    print(f"Preview round trip, {len(body.split()):,} words, {rounds} rounds (wall clock):")
    for name, values in timings.items():
        print(line(name, values))
    print("The same, CPU time of this process (what the work costs, whatever else runs):")
    for name, values in cpu.items():
        print(line(name, values))


KEY_TIMER = """() => {
  window.__latencies = [];
  const content = document.querySelector('.writing .cm-content');
  content.addEventListener('keydown', (event) => {
    const start = event.timeStamp;
    requestAnimationFrame(() => setTimeout(() => window.__latencies.push(performance.now() - start), 0));
  }, true);
}"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def input_latency(pk: int, folder: str, keys: int) -> None:
    if not os.path.exists(CHROMIUM):
        print(f"Input latency: skipped (no Chromium at {CHROMIUM})")
        return
    from playwright.sync_api import sync_playwright

    port = free_port()
    env = {**os.environ, "NEWSREEL_DATA_DIR": folder}
    server = subprocess.Popen([str(ROOT / ".venv" / "bin" / "newsreel"), "serve", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        base = f"http://127.0.0.1:{port}"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(f"{base}/desk/login/?next=/desk/articles/{pk}/")
            page.fill("#id_username", "bencher")
            page.fill("#id_password", PASSWORD)
            page.keyboard.press("Enter")
            page.wait_for_selector(".writing .cm-content")
            page.wait_for_selector("#writing-preview-frame")
            page.evaluate(KEY_TIMER)
            page.locator(".writing .cm-content").focus()
            page.keyboard.press("Control+End")
            text = "The keeper walks into the sea and the harbor lights go out one by one. " * (keys // 70 + 1)
            for character in text[:keys]:
                page.keyboard.type(character)
                time.sleep(0.06)  # about 160 words a minute
            page.wait_for_function("() => document.getElementById('id_body').writingEditor.previewSettled()")
            latencies = page.evaluate("window.__latencies")
            refreshed = page.evaluate("Number(document.getElementById('writing-preview-frame').dataset.sequence || 0)")
            browser.close()
        print(f"Input latency with the preview and panel on ({len(latencies)} keys, a key every 60 ms; "
              f"the preview refreshed {refreshed} times meanwhile):")
        print(line("key", latencies))
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--keys", type=int, default=200)
    parser.add_argument("--no-browser", action="store_true", help="measure the round trip only")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="newsreel-bench-editor-")
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    pk, _ = setup_site(folder)
    round_trip(pk, args.rounds)
    if not args.no_browser:
        input_latency(pk, folder, args.keys)
    print(f"load average after:  {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
