#!/usr/bin/env python3
"""Import speed of `newsreel import wordpress`: stories per second on a generated export.

Writes a fictional WXR 1.2 export of `--posts` posts (half written in the block editor with an
image block and an embed, half classic-editor text with a [caption]), `--posts // 10`
attachments (or `--pictures N`: one per post is what a real archive has, and each new picture's
renditions are most of its story's cost) with their files in a scratch uploads folder (flat 640x360
frames, or `--photo-size 2400x1600`: grainy JPEGs that cost what a camera's photo costs to encode),
then runs the real command
(`newsreel import wordpress FILE --media DIR`) in a fresh scratch site (SQLite in a temporary
data folder, or --database-url) and prints the time of each phase and stories per second:

    parse     reading and repairing the file, lxml's parse (no database)
    convert   HTML -> Newsreel Markdown for every post (no database)
    import    the whole command, end to end: parse, convert, the text core, publishing,
              stored pages (rendered once per chunk of stories, as the command does by default)
    cpu       the import's own CPU time (a fairer figure than the wall clock on a busy machine)
    catch-up  after the import, the worker making the renditions the import left to it
              (`newsreel worker --once` until no picture waits): a cost deferred, not removed;
              `--renditions now` makes them during the import instead (nothing to catch up)

    .venv/bin/python bench/import_wordpress.py [--posts 5000] [--pictures N] [--photo-size WxH] [--import-posts N]
        [--renditions later|now] [--database-url postgres://...] [--prepared-site]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def write_site(folder: Path, posts: int, pictures: int | None = None,
               photo_size: tuple[int, int] | None = None) -> tuple[Path, Path]:
    from PIL import Image as PILImage

    from tests.importers.wxr_samples import Post, attachment, classic_diary, gutenberg_review, wxr

    uploads = folder / "uploads"
    items = []
    pictures = max(1, posts // 10 if pictures is None else pictures)
    for number in range(pictures):
        path = f"2024/{number % 12 + 1:02d}/still-{number}.jpg"
        (uploads / path).parent.mkdir(parents=True, exist_ok=True)
        if photo_size:
            photo(photo_size, number).save(uploads / path, quality=88)
        else:
            PILImage.new("RGB", (640, 360), (number % 255, 80, 120)).save(uploads / path)
        items.append(attachment(100000 + number, path, title=f"Still {number}", alt=f"Film still number {number}",
                                credit="Reel Harbor archive"))
    start = dt.datetime(2020, 1, 1, 9)
    for number in range(posts):
        picture = number % pictures
        path = f"2024/{picture % 12 + 1:02d}/still-{picture}.jpg"
        body = (gutenberg_review(number, image_id=100000 + picture, image_path=path) if number % 2
                else classic_diary(100000 + picture, path))
        items.append(Post(number + 1, f"Dispatch {number}: notes from the harbour", f"dispatch-{number}", body,
                          date=start + dt.timedelta(hours=number), creator=("nferro", "tokafor")[number % 2],
                          categories=[("reviews", "Reviews")] if number % 3 == 0 else [("festival-diary", "Festival Diary")],
                          tags=[("festival", "Festival"), (f"series-{number % 40}", f"Series {number % 40}")],
                          excerpt=f"Notes from day {number}.", meta={"_thumbnail_id": str(100000 + picture)}))
    export = folder / "export.xml"
    export.write_text(wxr(items), encoding="utf-8")
    return export, uploads


def photo(size: tuple[int, int], number: int):
    """A picture with a camera photo's grain and detail (a flat frame compresses to nothing)."""
    from PIL import Image as PILImage, ImageFilter

    grain = PILImage.effect_noise(size, 40 + number % 20).filter(ImageFilter.GaussianBlur(1.5))
    return PILImage.merge("RGB", (grain, grain.point(lambda v: (v + number) % 256), grain.transpose(PILImage.FLIP_LEFT_RIGHT)))


def photo_size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    if not (width.isdigit() and height.isdigit() and int(width) > 0 and int(height) > 0):
        raise argparse.ArgumentTypeError(f"{text!r} is not WIDTHxHEIGHT in pixels, e.g. 2400x1600")
    return int(width), int(height)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=5000)
    parser.add_argument("--pictures", type=int, default=None, help="pictures in the export (default: one per ten posts)")
    parser.add_argument("--photo-size", type=photo_size, default=None,
                        help="photo-like pictures of this size, WIDTHxHEIGHT (default: flat 640x360 frames)")
    parser.add_argument("--renditions", choices=["later", "now"], default="later",
                        help="the import's --renditions: later (the worker makes them, timed after the import) or now")
    parser.add_argument("--database-url", default="", help="PostgreSQL to use (default: SQLite in a scratch folder)")
    parser.add_argument("--prepared-site", action="store_true",
                        help="collect the static files before the timed import, as an operator's site has them "
                             "(default: the import collects them itself, as a fresh site's first command does)")
    parser.add_argument("--import-posts", type=int, default=None,
                        help="import an export of this many posts instead (parse and convert still use --posts)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="newsreel-bench-wxr-"))
    os.environ.update(NEWSREEL_DATA_DIR=str(folder / "data"), NEWSREEL_DEBUG="false", DJANGO_SETTINGS_MODULE="newsreel.settings")
    if args.database_url:
        os.environ["DATABASE_URL"] = args.database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    export, uploads = write_site(folder, args.posts, args.pictures, args.photo_size)
    pictures = max(1, args.posts // 10 if args.pictures is None else args.pictures)
    print(f"export: {export} ({export.stat().st_size / 1e6:.1f} MB, {args.posts} posts, {pictures} attachments)")

    from newsreel.importers.html_markdown import ImageFound, html_to_markdown
    from newsreel.importers.wxr import read_wxr

    started = time.perf_counter()
    wxr_export = read_wxr(export)
    parsed = time.perf_counter() - started
    posts = [item for item in wxr_export.items if item.post_type == "post"]
    started = time.perf_counter()
    for item in posts:
        html_to_markdown(item.content, images=lambda src, aid, alt: ImageFound(f"{aid}.jpg", "alt", "credit"), warn=lambda _: None)
    converted = time.perf_counter() - started
    print(f"parse    {parsed:7.2f} s  {len(wxr_export.items) / parsed:8.0f} items/s")
    print(f"convert  {converted:7.2f} s  {len(posts) / converted:8.0f} posts/s")

    if args.import_posts is not None and args.import_posts != args.posts:
        (folder / "smaller").mkdir()
        export, uploads = write_site(folder / "smaller", args.import_posts, args.pictures, args.photo_size)
        args.posts = args.import_posts
    newsreel = str(Path(sys.executable).parent / "newsreel")
    subprocess.run([newsreel, "migrate"], check=True, stdout=subprocess.DEVNULL)
    if args.prepared_site:
        subprocess.run([newsreel, "shell", "-c", "from newsreel.cli import ensure_static_manifest; ensure_static_manifest()"],
                       check=True, stdout=subprocess.DEVNULL)
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run([newsreel, "import", "wordpress", str(export), "--media", str(uploads),
                             "--renditions", args.renditions], capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (usage.ru_utime - cpu_before.ru_utime) + (usage.ru_stime - cpu_before.ru_stime)
    print(result.stdout.strip().splitlines()[-1] if result.stdout.strip() else result.stderr[-2000:])
    print(f"import   {elapsed:7.2f} s  {args.posts / elapsed:8.1f} stories/s (end to end, one process)")
    # On a shared machine the wall clock counts other processes' turns too: CPU time does not.
    print(f"cpu      {cpu:7.2f} s  {args.posts / cpu:8.1f} stories per CPU-second (the import's own process)")
    caught_up, caught_cpu, rounds = catch_up(newsreel)
    print(f"catch-up {caught_up:7.2f} s  {caught_cpu:7.2f} CPU-s  (the worker making the renditions the import left, "
          f"{rounds} run(s) of `newsreel worker --once`)")
    print(f"total    {elapsed + caught_up:7.2f} s  {args.posts / (elapsed + caught_up):8.1f} stories/s "
          f"({args.posts / (cpu + caught_cpu):.1f} per CPU-second) until every picture has its renditions")
    print(f"load     {os.getloadavg()[0]:.2f} (1-minute load average at the end)")


def catch_up(newsreel: str) -> tuple[float, float, int]:
    """Run the worker until no picture waits for its renditions: wall seconds, CPU seconds, runs."""
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    rounds = 0
    while waiting(newsreel):
        rounds += 1
        subprocess.run([newsreel, "worker", "--once"], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if rounds > 100:
            raise SystemExit("bench: pictures still wait for their renditions after 100 worker runs")
    elapsed = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return elapsed, (usage.ru_utime - cpu_before.ru_utime) + (usage.ru_stime - cpu_before.ru_stime), rounds


def waiting(newsreel: str) -> int:
    """How many pictures wait for their renditions (0 on a release without `images.catch_up`)."""
    code = ("from newsreel.images.catch_up import waiting_count; print(waiting_count())")
    result = subprocess.run([newsreel, "shell", "-c", code], capture_output=True, text=True)
    last = (result.stdout.strip().splitlines() or [""])[-1]  # Django's shell may say what it imported first
    return int(last) if result.returncode == 0 and last.isdigit() else 0


if __name__ == "__main__":
    main()
