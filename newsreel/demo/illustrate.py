"""Generated illustrations for the demo newsroom: abstract film-poster compositions.

Every picture the demo articles use is drawn here with Pillow, from a seed derived from its
file name, so the same name always gives the same pixels. Nothing is downloaded and no PNG
is kept in the repository: `newsreel demo` draws them at load time into a scratch folder,
and the intake uploads them as images credited to the demo.

    python -m newsreel.demo.illustrate OUT_DIR     # draw them all, e.g. to look at them
"""

from __future__ import annotations

import hashlib
import math
import random
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from PIL import Image, ImageDraw, ImageFilter, ImageFont

CREDIT = "Illustration: Newsreel demo"
HERO_SIZE = (1600, 900)
FIGURE_SIZE = (1200, 800)
SCALE = 2  # draw at twice the size and scale down: Pillow's shapes are not antialiased

Colour = tuple[int, int, int]


def _hex(value: str) -> Colour:
    value = value.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


@dataclass(frozen=True)
class Palette:
    sky: str  # top of the background
    ground: str  # bottom of the background
    accent: str
    second: str
    ink: str  # shapes that must stand out against the background

    def __getitem__(self, name: str) -> Colour:
        return _hex(getattr(self, name))


PALETTES: dict[str, Palette] = {
    "dusk-sea": Palette("#f3c98b", "#2f5d73", "#e2572b", "#8fc1c9", "#17323f"),
    "harbour-night": Palette("#0d1424", "#1d2b45", "#ffcf6b", "#e85d3f", "#f6efe0"),
    "ice": Palette("#c9d3db", "#eef2f4", "#1e3340", "#7a95a8", "#0f1a22"),
    "storm": Palette("#142033", "#3a5672", "#f2d27a", "#9fb7cc", "#0a0f18"),
    "signal-red": Palette("#1a1013", "#3b1820", "#ff4438", "#f5b2a4", "#f7ede8"),
    "dusk-flight": Palette("#2b1b3d", "#e0785a", "#ff3b30", "#ffd3a1", "#160c20"),
    "cold-blue": Palette("#0e2a47", "#6f9cc4", "#ffffff", "#bfe1ff", "#081829"),
    "ash": Palette("#2a2a2e", "#6e6a66", "#f4f1ea", "#d0451b", "#0c0c0e"),
    "turquoise": Palette("#f0e6cf", "#1f8a8a", "#1f4d2f", "#8cd0c4", "#123524"),
    "orchard": Palette("#e9dcc2", "#5f7479", "#c8322b", "#4f7a3a", "#2c3a3f"),
    "violet-road": Palette("#3b2754", "#8a7aa6", "#efe6d2", "#211630", "#0b0712"),
    "gold-teal": Palette("#0b1f24", "#14393f", "#e8b54a", "#4fb3a9", "#f3ead6"),
    "studio": Palette("#1b2430", "#33475b", "#f08a3c", "#5aa3d6", "#f4f4f0"),
    "autumn": Palette("#f4e3c3", "#c7763a", "#8c2f1e", "#e9a23b", "#3a1f14"),
    "navy-beam": Palette("#070d1f", "#142a4f", "#fff1a8", "#5f86b8", "#f8f3da"),
    "sea-green": Palette("#dff1ee", "#3d8f8a", "#1b4f72", "#7cc4a3", "#0f2e3d"),
    "cream-black": Palette("#f1e8d6", "#d8c9ab", "#151515", "#a8362a", "#151515"),
    "amber-red": Palette("#3d0d12", "#7a1c20", "#f0a53a", "#f6d7a0", "#1a0507"),
    "valdoria": Palette("#1c1638", "#5e3c7d", "#f3ecdc", "#b7a6e0", "#120d24"),
    "parchment": Palette("#efe2c4", "#d2bb8f", "#6b4a2b", "#a0522d", "#3b2a1a"),
}


@dataclass(frozen=True)
class Illustration:
    """One picture the demo uses: its path as the articles name it, and how to draw it."""

    path: str  # relative to the articles folder, e.g. images/salt-orchard-review-hero.png
    motif: str
    palette: str
    title: str = ""  # set like a poster title; empty for inline figures
    kicker: str = ""

    @property
    def size(self) -> tuple[int, int]:
        return HERO_SIZE if self.title else FIGURE_SIZE

    @property
    def seed(self) -> int:
        return int.from_bytes(hashlib.sha256(self.path.encode()).digest()[:8], "big")


# --- drawing helpers (all coordinates are fractions of the canvas, drawn at SCALE) -------


class Canvas:
    def __init__(self, size: tuple[int, int], palette: Palette, rng: random.Random) -> None:
        self.w, self.h = size[0] * SCALE, size[1] * SCALE
        self.palette = palette
        self.rng = rng
        self.image = _vertical_gradient((self.w, self.h), palette["sky"], palette["ground"])
        self.draw = ImageDraw.Draw(self.image, "RGBA")

    def x(self, fraction: float) -> float:
        return fraction * self.w

    def y(self, fraction: float) -> float:
        return fraction * self.h

    def box(self, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        return self.x(x0), self.y(y0), self.x(x1), self.y(y1)

    def circle(self, cx: float, cy: float, r: float, fill=None, outline=None, width: float = 0) -> None:
        """A circle centred at (cx, cy) with radius r as a fraction of the canvas height."""
        rad = r * self.h
        self.draw.ellipse((self.x(cx) - rad, self.y(cy) - rad, self.x(cx) + rad, self.y(cy) + rad),
                          fill=fill, outline=outline, width=int(width * self.h) if width else 1)

    def polygon(self, points: list[tuple[float, float]], fill) -> None:
        self.draw.polygon([(self.x(px), self.y(py)) for px, py in points], fill=fill)

    def line(self, points: list[tuple[float, float]], fill, width: float) -> None:
        self.draw.line([(self.x(px), self.y(py)) for px, py in points], fill=fill, width=max(1, int(width * self.h)),
                       joint="curve")

    def rect(self, x0: float, y0: float, x1: float, y1: float, fill) -> None:
        self.draw.rectangle(self.box(x0, y0, x1, y1), fill=fill)

    def glow(self, cx: float, cy: float, r: float, colour: Colour, strength: int = 150) -> None:
        """A soft light: a blurred circle composited onto the picture."""
        layer = Image.new("RGBA", (self.w, self.h), (0, 0, 0, 0))
        rad = r * self.h
        ImageDraw.Draw(layer).ellipse((self.x(cx) - rad, self.y(cy) - rad, self.x(cx) + rad, self.y(cy) + rad),
                                      fill=(*colour, strength))
        layer = layer.filter(ImageFilter.GaussianBlur(rad * 0.6))
        self.image.alpha_composite(layer)
        self.draw = ImageDraw.Draw(self.image, "RGBA")


def _vertical_gradient(size: tuple[int, int], top: Colour, bottom: Colour) -> Image.Image:
    strip = Image.new("RGBA", (1, 256))
    for i in range(256):
        t = i / 255
        strip.putpixel((0, i), (*(round(a + (b - a) * t) for a, b in zip(top, bottom)), 255))
    return strip.resize(size, Image.Resampling.BICUBIC)


def _mix(a: Colour, b: Colour, t: float, alpha: int = 255) -> tuple[int, int, int, int]:
    return (*(round(x + (y - x) * t) for x, y in zip(a, b)), alpha)


def _rgba(colour: Colour, alpha: int = 255) -> tuple[int, int, int, int]:
    return (*colour, alpha)


def _wave(c: Canvas, y: float, amplitude: float, wavelength: float, phase: float,
          x0: float = -0.05, x1: float = 1.05, steps: int = 120) -> list[tuple[float, float]]:
    return [(x0 + (x1 - x0) * i / steps,
             y + amplitude * math.sin(phase + 2 * math.pi * (x0 + (x1 - x0) * i / steps) / wavelength))
            for i in range(steps + 1)]


# --- motifs -------------------------------------------------------------------------------


def _horizon(c: Canvas) -> None:
    """A low sun over orchard rows standing in shallow water."""
    p = c.palette
    c.glow(0.68, 0.42, 0.30, p["accent"], 120)
    c.circle(0.68, 0.42, 0.13, fill=_rgba(p["accent"]))
    c.rect(0, 0.55, 1, 1, _mix(p["second"], p["ground"], 0.3))
    for band in range(7):
        y = 0.58 + band * 0.06
        c.line(_wave(c, y, 0.004, 0.2 + band * 0.03, c.rng.uniform(0, 6)), _mix(p["second"], p["sky"], 0.4, 140), 0.004)
    for row in range(3):
        y = 0.52 + row * 0.07
        size = 0.045 - row * 0.008
        for i in range(9 - row * 2):
            x = 0.06 + i * (0.9 / (9 - row * 2)) + c.rng.uniform(-0.01, 0.01)
            c.line([(x, y), (x, y + size * 1.4)], _rgba(p["ink"]), 0.006)
            c.circle(x, y, size, fill=_rgba(p["ink"], 230))
            c.line([(x - size * 0.7, y + size * 1.6), (x + size * 0.7, y + size * 1.6)], _mix(p["sky"], p["second"], 0.5, 150), 0.003)


def _marquee(c: Canvas) -> None:
    """Rows of marquee bulbs reflected in dark harbour water."""
    p = c.palette
    water = 0.42
    c.rect(0, water, 1, 1, _mix(p["ground"], (0, 0, 0), 0.45))
    c.glow(0.5, 0.2, 0.3, p["accent"], 55)
    for row in range(3):
        y = 0.1 + row * 0.09
        for i in range(22):
            x = 0.05 + i * 0.043
            on = c.rng.random() > 0.12
            colour = p["accent"] if on else p["second"]
            c.circle(x, y, 0.018, fill=_rgba(colour, 255 if on else 120))
            mirrored = water + (water - y) * 1.3
            for k in range(3):  # the reflection breaks up into ripples
                offset = c.rng.uniform(-0.008, 0.008)
                c.line([(x - 0.012 + offset, mirrored + k * 0.012), (x + 0.012 + offset, mirrored + k * 0.012)],
                       _rgba(colour, (110 if on else 35) - k * 30), 0.006)


def _ice(c: Canvas) -> None:
    """A small boat crossing a field of broken ice plates."""
    p = c.palette
    for _ in range(60):
        x, y = c.rng.uniform(-0.05, 1.0), c.rng.uniform(0.45, 1.0)
        w = c.rng.uniform(0.05, 0.16)
        pts = [(x + w * math.cos(a) * c.rng.uniform(0.6, 1.0), y + w * 0.35 * math.sin(a) * c.rng.uniform(0.6, 1.0))
               for a in sorted(c.rng.uniform(0, 2 * math.pi) for _ in range(6))]
        c.polygon(pts, _mix((255, 255, 255), p["second"], c.rng.uniform(0, 0.35)))
    c.line(_wave(c, 0.62, 0.01, 0.5, 0.5, 0.2, 0.55, 40), _rgba(p["second"], 200), 0.012)
    c.polygon([(0.52, 0.6), (0.62, 0.6), (0.6, 0.64), (0.54, 0.64)], _rgba(p["accent"]))
    c.rect(0.56, 0.52, 0.575, 0.6, _rgba(p["accent"]))


def _tower(c: Canvas) -> None:
    """A tall hotel silhouette with one lit window under slanting rain."""
    p = c.palette
    c.rect(0.36, 0.2, 0.64, 1.0, _rgba(p["ink"]))
    c.polygon([(0.33, 0.2), (0.5, 0.08), (0.67, 0.2)], _rgba(p["ink"]))
    for row in range(7):
        for col in range(4):
            x, y = 0.39 + col * 0.065, 0.28 + row * 0.09
            lit = (row, col) == (3, 2)
            c.rect(x, y, x + 0.03, y + 0.05, _rgba(p["accent"] if lit else p["second"], 255 if lit else 40))
    c.glow(0.545, 0.575, 0.06, p["accent"], 160)
    for _ in range(260):
        x, y = c.rng.uniform(-0.2, 1.0), c.rng.uniform(-0.1, 1.0)
        c.line([(x, y), (x + 0.05, y + 0.12)], _rgba(p["second"], 90), 0.002)


def _rings(c: Canvas) -> None:
    """Target rings over a map grid crossed by a flight line."""
    p = c.palette
    for i in range(1, 16):
        c.line([(i / 16, 0), (i / 16, 1)], _rgba(p["second"], 35), 0.002)
        c.line([(0, i / 9), (1, i / 9)], _rgba(p["second"], 35), 0.002)
    for i, r in enumerate((0.42, 0.32, 0.22, 0.12, 0.04)):
        c.circle(0.62, 0.45, r, outline=_rgba(p["accent"], 230 - i * 20), width=0.012)
    route = [(0.05, 0.85), (0.25, 0.7), (0.38, 0.74), (0.5, 0.52), (0.62, 0.45)]
    c.line(route, _rgba(p["ink"]), 0.008)
    for x, y in route[1:-1]:
        c.circle(x, y, 0.015, fill=_rgba(p["ink"]))


def _bird(c: Canvas) -> None:
    """A bird in flight built from sharp triangles against a dusk sky."""
    p = c.palette
    c.glow(0.2, 0.75, 0.35, p["second"], 120)
    cx, cy = 0.58, 0.42
    shards = [
        [(cx, cy), (cx - 0.38, cy - 0.2), (cx - 0.1, cy + 0.04)],
        [(cx, cy), (cx + 0.34, cy - 0.26), (cx + 0.1, cy + 0.05)],
        [(cx - 0.1, cy + 0.04), (cx + 0.1, cy + 0.05), (cx, cy + 0.22)],
        [(cx - 0.04, cy + 0.18), (cx + 0.04, cy + 0.18), (cx, cy + 0.34)],
        [(cx - 0.3, cy - 0.17), (cx - 0.45, cy - 0.05), (cx - 0.15, cy + 0.0)],
        [(cx + 0.28, cy - 0.21), (cx + 0.42, cy - 0.1), (cx + 0.14, cy + 0.02)],
    ]
    for i, shard in enumerate(shards):
        c.polygon(shard, _rgba(p["accent"] if i % 2 == 0 else p["ink"], 235))


def _fall(c: Canvas) -> None:
    """A figure's fall drawn as a white arc across tilted planes."""
    p = c.palette
    for i in range(6):
        x = 0.05 + i * 0.16
        top = c.rng.uniform(0.1, 0.5)
        c.polygon([(x, top), (x + 0.14, top - 0.08), (x + 0.14, top + 0.5), (x, top + 0.58)],
                  _mix(p["sky"], p["second"], i / 6, 140))
    arc = [(0.12 + 0.76 * t, 0.15 + 0.7 * t * t) for t in (i / 60 for i in range(61))]
    c.line(arc, _rgba(p["accent"]), 0.012)
    for i in range(1, 6):
        x, y = arc[i * 10]
        c.circle(x, y, 0.012 + i * 0.004, fill=_rgba(p["accent"], 60 + i * 35))


def _keys(c: Canvas) -> None:
    """Piano keys dissolving into ash drifting over a volcanic cone."""
    p = c.palette
    c.polygon([(0.35, 0.75), (0.55, 0.3), (0.62, 0.3), (0.9, 0.75)], _rgba(p["ink"]))
    c.glow(0.585, 0.3, 0.05, p["second"], 200)
    key_w = 1 / 18
    for i in range(18):
        x = i * key_w
        height = 0.25 - max(0, i - 9) * 0.025
        if height > 0:
            c.rect(x + 0.002, 1 - height, x + key_w - 0.002, 1, _rgba(p["accent"]))
        if i % 7 not in (2, 6) and height > 0:
            c.rect(x + key_w * 0.65, 1 - height, x + key_w * 1.3, 1 - height * 0.4, _rgba(p["ink"]))
    for _ in range(220):
        x, y = c.rng.uniform(0.45, 1.0), c.rng.uniform(0.05, 0.8)
        c.circle(x, y, c.rng.uniform(0.002, 0.008), fill=_mix(p["accent"], p["sky"], c.rng.random(), 180))


def _tree(c: Canvas) -> None:
    """One apple tree of dark green circles, roots reaching into rising water."""
    p = c.palette
    c.rect(0, 0.62, 1, 1, _rgba(p["second"], 220))
    for band in range(5):
        c.line(_wave(c, 0.64 + band * 0.07, 0.008, 0.3, band * 1.3), _rgba(p["sky"], 120), 0.004)
    c.rect(0.485, 0.38, 0.515, 0.68, _rgba(p["ink"]))
    for i in range(7):
        angle = math.pi * (0.15 + 0.7 * i / 6)
        c.line([(0.5, 0.64), (0.5 + 0.12 * math.cos(angle), 0.64 + 0.18 * math.sin(angle))], _rgba(p["ink"], 200), 0.006)
    for _ in range(26):
        angle, dist = c.rng.uniform(0, 2 * math.pi), c.rng.uniform(0, 0.17)
        c.circle(0.5 + dist * math.cos(angle) * 0.6, 0.3 + dist * math.sin(angle), c.rng.uniform(0.05, 0.09),
                 fill=_mix(p["accent"], p["ink"], c.rng.uniform(0, 0.5), 235))
    for _ in range(8):
        angle, dist = c.rng.uniform(0, 2 * math.pi), c.rng.uniform(0.02, 0.18)
        c.circle(0.5 + dist * math.cos(angle) * 0.6, 0.3 + dist * math.sin(angle), 0.018, fill=(200, 60, 45, 255))


def _orchard(c: Canvas) -> None:
    """Rows of red and green dots like orchard trees, fading into bands of grey sea."""
    p = c.palette
    for row in range(9):
        y = 0.08 + row * 0.075
        fade = row / 9
        for i in range(26):
            x = 0.03 + i * 0.038 + (0.019 if row % 2 else 0)
            colour = p["accent"] if c.rng.random() < 0.3 else p["second"]
            c.circle(x, y, 0.016 * (1 - fade * 0.5), fill=_mix(colour, p["ground"], fade, 255))
    for band in range(6):
        y = 0.62 + band * 0.07
        c.rect(0, y, 1, y + 0.04, _mix(p["sky"], p["ground"], 0.4 + band * 0.1, 200))


def _road(c: Canvas) -> None:
    """A pale road vanishing to a point between two dark tree lines."""
    p = c.palette
    c.polygon([(0.5, 0.42), (0.0, 1.0), (1.0, 1.0)], _rgba(p["ink"]))
    c.polygon([(0.5, 0.42), (0.3, 1.0), (0.7, 1.0)], _rgba(p["accent"]))
    for side in (-1, 1):
        for i in range(30):
            t = i / 30
            x = 0.5 + side * (0.03 + 0.55 * t * t)
            height = 0.06 + 0.6 * t * t
            base = 0.43 + 0.57 * t * t
            width = 0.01 + 0.06 * t
            c.polygon([(x - width, base), (x, base - height), (x + width, base)], _rgba(p["second"]))
    for i in range(8):
        t = (i + 1) / 9
        c.rect(0.5 - 0.004 * t * 8, 0.42 + 0.58 * t * t, 0.5 + 0.004 * t * 8, 0.42 + 0.58 * t * t + 0.02 * t,
               _rgba(p["sky"], 200))


def _soundwaves(c: Canvas) -> None:
    """Overlapping sound waves in two colours rippling across a dark field."""
    p = c.palette
    for i in range(14):
        colour = p["accent"] if i % 2 == 0 else p["second"]
        amplitude = 0.03 + 0.12 * math.sin(math.pi * i / 13)
        c.line(_wave(c, 0.45 + (i - 7) * 0.012, amplitude, 0.35 + i * 0.02, i * 0.6), _rgba(colour, 170), 0.005)


def _microphone(c: Canvas) -> None:
    """A microphone drawn as a white circle on a stand inside rings of colour."""
    p = c.palette
    for i, r in enumerate((0.46, 0.38, 0.3, 0.22)):
        c.circle(0.5, 0.42, r, outline=_rgba(p["accent"] if i % 2 == 0 else p["second"], 200), width=0.014)
    c.circle(0.5, 0.36, 0.09, fill=_rgba(p["ink"]))
    c.rect(0.493, 0.45, 0.507, 0.8, _rgba(p["ink"]))
    c.rect(0.44, 0.8, 0.56, 0.82, _rgba(p["ink"]))


def _screens(c: Canvas) -> None:
    """Overlapping rectangles like cinema screens seen at different distances."""
    p = c.palette
    frames = [(0.06, 0.12, 0.5, 0.55), (0.38, 0.22, 0.78, 0.62), (0.2, 0.45, 0.56, 0.8), (0.6, 0.08, 0.94, 0.4)]
    colours = [p["accent"], p["second"], p["ink"], _mix(p["accent"], p["second"], 0.5)[:3]]
    for (x0, y0, x1, y1), colour in zip(frames, colours):
        c.rect(x0 + 0.012, y0 + 0.02, x1 + 0.012, y1 + 0.02, (0, 0, 0, 50))
        c.rect(x0, y0, x1, y1, _rgba(colour, 215))


def _beam(c: Canvas) -> None:
    """A lighthouse beam sweeping a pale wedge across a night sea."""
    p = c.palette
    for _ in range(90):
        c.circle(c.rng.random(), c.rng.uniform(0, 0.5), c.rng.uniform(0.001, 0.004), fill=_rgba(p["ink"], 200))
    c.polygon([(0.2, 0.33), (1.05, 0.05), (1.05, 0.5)], _rgba(p["accent"], 90))
    c.glow(0.2, 0.33, 0.08, p["accent"], 220)
    c.polygon([(0.17, 0.35), (0.23, 0.35), (0.25, 0.72), (0.15, 0.72)], _rgba(p["ink"]))
    c.rect(0.16, 0.3, 0.24, 0.35, _rgba(p["accent"]))
    c.rect(0, 0.7, 1, 1, _rgba(p["ground"]))
    for band in range(6):
        c.line(_wave(c, 0.74 + band * 0.045, 0.006, 0.18, band), _rgba(p["second"], 160), 0.004)


def _drawn_waves(c: Canvas) -> None:
    """Stacked, hand-drawn-looking wave lines with a small bird on one crest."""
    p = c.palette
    for i in range(16):
        y = 0.12 + i * 0.055
        colour = p["accent"] if i % 3 == 0 else p["second"]
        points = _wave(c, y, 0.02 + 0.01 * (i % 3), 0.22 + 0.015 * i, i * 0.9)
        wobble = [(x, py + c.rng.uniform(-0.003, 0.003)) for x, py in points]
        c.line(wobble, _rgba(colour, 230), 0.008)
    c.polygon([(0.6, 0.4), (0.63, 0.37), (0.66, 0.4), (0.63, 0.39)], (255, 255, 255, 255))
    c.circle(0.63, 0.405, 0.012, fill=(255, 255, 255, 255))


def _spiral(c: Canvas) -> None:
    """A spiral staircase seen from above in bands that turn into a question mark."""
    p = c.palette
    for i in range(12, 0, -1):
        colour = p["accent"] if i % 2 else p["sky"]
        c.circle(0.5, 0.45, 0.035 * i, fill=_rgba(colour))
    for step in range(24):
        angle = step * math.pi / 12
        c.line([(0.5 + 0.02 * math.cos(angle), 0.45 + 0.035 * math.sin(angle)),
                (0.5 + 0.24 * math.cos(angle), 0.45 + 0.42 * math.sin(angle))], _rgba(p["second"], 160), 0.005)
    hook = [(0.5 + 0.1 * math.cos(a), 0.3 + 0.17 * math.sin(a)) for a in (math.pi + i * math.pi / 20 for i in range(31))]
    c.line(hook + [(0.5, 0.5), (0.5, 0.58)], _rgba(p["second"]), 0.03)
    c.circle(0.5, 0.68, 0.03, fill=_rgba(p["second"]))


def _reels(c: Canvas) -> None:
    """Two film reels joined by a curling strip of film."""
    p = c.palette
    for cx, cy, r in ((0.3, 0.4, 0.28), (0.74, 0.5, 0.22)):
        c.circle(cx, cy, r, fill=_rgba(p["accent"]))
        c.circle(cx, cy, r * 0.2, fill=_rgba(p["ink"]))
        for k in range(5):
            angle = k * 2 * math.pi / 5
            c.circle(cx + r * 0.55 * math.cos(angle) * 0.5625, cy + r * 0.55 * math.sin(angle), r * 0.18,
                     fill=_rgba(p["ground"]))
    strip = [(0.3 + 0.44 * t, 0.68 + 0.18 * math.sin(math.pi * t * 1.5)) for t in (i / 40 for i in range(41))]
    c.line(strip, _rgba(p["second"]), 0.05)
    for x, y in strip[::3]:
        c.rect(x - 0.004, y - 0.016, x + 0.004, y - 0.008, _rgba(p["ink"]))


def _moons(c: Canvas) -> None:
    """Paper-cut crescent moons hanging over jagged mountains."""
    p = c.palette
    for cx, cy, r in ((0.25, 0.22, 0.09), (0.52, 0.14, 0.07), (0.78, 0.26, 0.1)):
        c.line([(cx, 0), (cx, cy - r)], _rgba(p["second"], 200), 0.003)
        c.circle(cx, cy, r, fill=_rgba(p["accent"]))
        c.circle(cx + r * 0.35, cy - r * 0.15, r * 0.85, fill=_mix(p["sky"], p["ground"], cy, 255))
    for layer, colour in ((0, p["second"]), (1, p["ink"])):
        points = [(0, 1)]
        for i in range(11):
            points.append((i / 10, 0.55 + layer * 0.12 + c.rng.uniform(-0.12, 0.12) * (1 if i % 2 else -0.3)))
        points.append((1, 1))
        c.polygon(points, _rgba(colour, 200 + layer * 55))


def _contours(c: Canvas) -> None:
    """Contour lines and a compass rose in ink on parchment."""
    p = c.palette
    for i in range(12):
        centre_x, centre_y = 0.35, 0.45
        radius = 0.04 + i * 0.035
        points = [(centre_x + radius * 0.5625 * (1 + 0.18 * math.sin(3 * a + i)) * math.cos(a) * 1.4,
                   centre_y + radius * (1 + 0.18 * math.sin(3 * a + i)) * math.sin(a)) for a in
                  (k * 2 * math.pi / 90 for k in range(91))]
        c.line(points, _rgba(p["accent"], 160), 0.003)
    cx, cy = 0.76, 0.34
    for k in range(8):
        angle = k * math.pi / 4
        length = 0.2 if k % 2 == 0 else 0.1
        tip = (cx + length * 0.5625 * math.cos(angle), cy + length * math.sin(angle))
        left = (cx + 0.03 * 0.5625 * math.cos(angle + math.pi / 2), cy + 0.03 * math.sin(angle + math.pi / 2))
        right = (cx + 0.03 * 0.5625 * math.cos(angle - math.pi / 2), cy + 0.03 * math.sin(angle - math.pi / 2))
        c.polygon([left, tip, right], _rgba(p["second"] if k % 2 == 0 else p["ink"]))
    c.circle(cx, cy, 0.17, outline=_rgba(p["ink"], 200), width=0.004)


MOTIFS: dict[str, Callable[[Canvas], None]] = {
    "horizon": _horizon, "marquee": _marquee, "ice": _ice, "tower": _tower, "rings": _rings, "bird": _bird,
    "fall": _fall, "keys": _keys, "tree": _tree, "orchard": _orchard, "road": _road, "soundwaves": _soundwaves,
    "microphone": _microphone, "screens": _screens, "beam": _beam, "drawn-waves": _drawn_waves,
    "spiral": _spiral, "reels": _reels, "moons": _moons, "contours": _contours,
}

# Every picture the articles in newsreel/demo/articles name, hero or inline figure.
PLAN: tuple[Illustration, ...] = (
    Illustration("images/salt-orchard-release-date-hero.png", "horizon", "dusk-sea", "The Salt Orchard", "Release dates"),
    Illustration("images/brennmoor-festival-diary-hero.png", "marquee", "harbour-night", "Brennmoor", "Festival diary"),
    Illustration("images/brennmoor-festival-diary-ice.png", "ice", "ice"),
    Illustration("images/undertow-hotel-review-hero.png", "tower", "storm", "Undertow Hotel", "Review"),
    Illustration("images/nightjar-protocol-review-hero.png", "rings", "signal-red", "Nightjar Protocol", "Review"),
    Illustration("images/nightjar-rising-confirmed-hero.png", "bird", "dusk-flight", "Nightjar Rising", "Sequel"),
    Illustration("images/sable-kincaid-interview-hero.png", "fall", "cold-blue", "Nightjar Protocol", "Interview"),
    Illustration("images/saltmarsh-acquires-ashfall-sonata-hero.png", "keys", "ash", "Ashfall Sonata", "Acquisition"),
    Illustration("images/ilse-marrowby-interview-hero.png", "tree", "turquoise", "The Salt Orchard", "Interview"),
    Illustration("images/salt-orchard-review-hero.png", "orchard", "orchard", "The Salt Orchard", "Review"),
    Illustration("images/harbinger-road-storm-pause-hero.png", "road", "violet-road", "Harbinger Road", "Production"),
    Illustration("images/esme-thornquist-weather-scores-hero.png", "soundwaves", "gold-teal", "Weather Scores", "Craft"),
    Illustration("images/esme-thornquist-weather-scores-studio.png", "microphone", "studio"),
    Illustration("images/trailers-this-week-hero.png", "screens", "cold-blue", "Trailers", "This week"),
    Illustration("images/november-watch-guide-hero.png", "screens", "autumn", "November", "What to watch"),
    Illustration("images/odile-fenwarren-interview-hero.png", "beam", "navy-beam", "Lullaby for a Lighthouse", "Interview"),
    Illustration("images/odile-fenwarren-interview-waves.png", "drawn-waves", "sea-green"),
    Illustration("images/twist-endings-return-hero.png", "spiral", "cream-black", "The Twist", "Feature"),
    Illustration("images/marguerite-oyelaran-interview-hero.png", "reels", "amber-red", "The Last Projectionist", "Interview"),
    Illustration("images/paper-moons-over-valdoria-review-hero.png", "moons", "valdoria", "Paper Moons Over Valdoria", "Review"),
    Illustration("images/cartographers-daughter-announced-hero.png", "contours", "parchment", "The Cartographer's Daughter", "Announcement"),
)


# --- lettering ------------------------------------------------------------------------------


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """Pillow's bundled default face, so nothing is fetched or installed."""
    return ImageFont.load_default(size=size)


def _fit_title(draw: ImageDraw.ImageDraw, text: str, max_width: float, start: int) -> tuple[ImageFont.ImageFont, int]:
    size = start
    while size > 24:
        font = _font(size)
        if draw.textlength(text, font=font) <= max_width:
            return font, size
        size -= 4
    return _font(size), size


def _letter(c: Canvas, illustration: Illustration) -> None:
    """Set the title like a poster: a darkening band, a spaced-out kicker, the title, the credit."""
    w, h = c.w, c.h
    shade = Image.new("L", (1, 256))
    for i in range(256):
        shade.putpixel((0, i), int(205 * max(0.0, (i / 255 - 0.45) / 0.55) ** 1.4))
    band = Image.new("RGBA", (w, h), (8, 8, 12, 255))
    band.putalpha(shade.resize((w, h), Image.Resampling.BICUBIC))
    c.image.alpha_composite(band)
    draw = ImageDraw.Draw(c.image, "RGBA")
    margin = int(w * 0.05)
    title = illustration.title.upper()
    font, size = _fit_title(draw, title, w - 2 * margin, int(h * 0.12))
    baseline = h - margin
    draw.text((margin, baseline), title, font=font, fill=(250, 246, 236, 255), anchor="ls")
    if illustration.kicker:
        kicker = "  ".join(illustration.kicker.upper().split())
        kicker = " ".join(kicker)  # letter-spaced, as on a poster's top line
        draw.text((margin, baseline - size * 1.05), kicker, font=_font(int(h * 0.032)),
                  fill=(242, 204, 128, 255),
                  anchor="ls")
    _mark(c)


def _mark(c: Canvas) -> None:
    """The credit, small in the top corner, dark or light to suit the picture behind it."""
    draw = ImageDraw.Draw(c.image, "RGBA")
    font = _font(int(c.h * 0.022))
    right, top = c.w - c.w * 0.02, c.h * 0.035
    corner = c.image.crop((int(c.w * 0.6), 0, c.w, int(c.h * 0.1))).convert("L").resize((1, 1), Image.Resampling.BOX)
    light_behind = corner.getpixel((0, 0)) > 140
    draw.text((right, top), CREDIT.upper(), font=font, anchor="ra",
              fill=(20, 20, 24, 190) if light_behind else (255, 255, 255, 200))


# --- public functions -------------------------------------------------------------------------


def render(illustration: Illustration) -> Image.Image:
    """Draw one illustration; the same Illustration always gives the same pixels."""
    try:
        palette = PALETTES[illustration.palette]
        motif = MOTIFS[illustration.motif]
    except KeyError as error:
        raise ValueError(f"{illustration.path}: unknown palette or motif {error.args[0]!r}") from None
    canvas = Canvas(illustration.size, palette, random.Random(illustration.seed))
    motif(canvas)
    if illustration.title:
        _letter(canvas, illustration)
    else:
        _mark(canvas)
    return canvas.image.convert("RGB").resize(illustration.size, Image.Resampling.LANCZOS)


def generate(out_dir: Path, plan: tuple[Illustration, ...] = PLAN,
             progress: Callable[[int, int, Illustration], None] | None = None) -> list[Path]:
    """Draw every illustration of the plan under out_dir (at its relative path); return the files."""
    written = []
    for index, illustration in enumerate(plan, start=1):
        if progress:
            progress(index, len(plan), illustration)
        path = Path(out_dir) / illustration.path
        path.parent.mkdir(parents=True, exist_ok=True)
        render(illustration).save(path, format="PNG", optimize=True)
        written.append(path)
    return written


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m newsreel.demo.illustrate OUT_DIR", file=sys.stderr)
        return 2
    for path in generate(Path(argv[1]), progress=lambda i, n, ill: print(f"Drawing {i}/{n}: {ill.path}")):
        pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
