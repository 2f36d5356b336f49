"""Making an image's renditions at upload: seconds per image and bytes written, by original size.

    .venv/bin/python bench/renditions.py [--runs 5]

Each run uploads a synthetic photo-like picture (gradients and noise, so encoders work as
hard as on a real photo) through `create_image`, which makes the WebP and JPEG copies at
480/960/1600 px and the 16:9, 4:3 and 1:1 crops. Uses a scratch data folder and SQLite.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ["NEWSREEL_DATA_DIR"] = tempfile.mkdtemp(prefix="newsreel-bench-renditions-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsreel.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.files.base import ContentFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from PIL import Image as PILImage  # noqa: E402

from newsreel.images.services import create_image  # noqa: E402

SIZES = ((1600, 900), (3000, 2000), (6000, 4000))


def photo(width: int, height: int) -> bytes:
    gradient = PILImage.linear_gradient("L").resize((width, height))
    noise = PILImage.effect_noise((width, height), 40)
    picture = PILImage.merge("RGB", (gradient, noise, gradient.transpose(PILImage.Transpose.FLIP_LEFT_RIGHT)))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    media = Path(settings.MEDIA_ROOT)
    print(f"{'original':>11}  {'p50 s':>6}  {'max s':>6}  {'renditions KiB':>14}  {'original KiB':>12}")
    for width, height in SIZES:
        data = photo(width, height)
        times = []
        written = 0
        for run in range(args.runs):
            before = sum(p.stat().st_size for p in (media / "renditions").rglob("*")) if (media / "renditions").exists() else 0
            started = time.perf_counter()
            create_image(ContentFile(data, name=f"bench-{width}-{run}.jpg"), alt="Bench picture", credit="Bench")
            times.append(time.perf_counter() - started)
            written = sum(p.stat().st_size for p in (media / "renditions").rglob("*")) - before
        print(f"{width:>5}×{height:<5}  {statistics.median(times):6.2f}  {max(times):6.2f}  {written / 1024:14.0f}  "
              f"{len(data) / 1024:12.0f}")


if __name__ == "__main__":
    main()
