"""Draw the application and project-file icons (resources/icons/) with Pillow.

The icons are committed; run this only to change them:

    .venv/bin/python installer/make_icons.py

``ecocheck.png`` / ``ecocheck.ico``: a green leaf on a rounded square with "CO2" below the vein,
the app's window, Start-menu and executable icon. ``ecocheck-file.ico``: a white page with a
folded corner carrying the same leaf, the icon Windows shows for ``.ecocheck`` project files.
Drawn at 4x and downsampled, so the edges stay smooth at 16 px.
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
FONT = ROOT / "resources" / "fonts" / "ipaexg.ttf"
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]
SCALE = 4
SIZE = 256 * SCALE

GREEN_DARK = (27, 110, 62, 255)
GREEN = (56, 160, 88, 255)
GREEN_LIGHT = (220, 240, 226, 255)
WHITE = (255, 255, 255, 255)
PAPER_EDGE = (120, 130, 125, 255)


def _leaf_polygon(cx: float, cy: float, length: float, width: float, angle_deg: float) -> list:
    """A pointed leaf: two circular arcs meeting at tip and stem, rotated by ``angle_deg``."""
    points = []
    steps = 60
    for side in (1, -1):
        for i in range(steps + 1):
            t = i / steps if side == 1 else 1 - i / steps
            x = (t - 0.5) * length
            y = side * math.sin(math.pi * t) ** 0.9 * width / 2
            points.append((x, y))
    angle = math.radians(angle_deg)
    cos_a, sin_a = math.cos(angle), math.sin(angle)
    return [(cx + x * cos_a - y * sin_a, cy + x * sin_a + y * cos_a) for x, y in points]


def _draw_leaf(draw: ImageDraw.ImageDraw, cx: float, cy: float, length: float) -> None:
    angle = -40
    draw.polygon(_leaf_polygon(cx, cy, length, length * 0.55, angle), fill=GREEN)
    rad = math.radians(angle)
    half = length * 0.47
    start = (cx - half * math.cos(rad) - length * 0.08, cy - half * math.sin(rad) + length * 0.08)
    end = (cx + half * math.cos(rad) * 0.62, cy + half * math.sin(rad) * 0.62)
    draw.line([start, end], fill=WHITE, width=max(2, int(length * 0.035)))


def _app_icon() -> Image.Image:
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    margin = SIZE * 0.04
    draw.rounded_rectangle(
        [margin, margin, SIZE - margin, SIZE - margin], radius=SIZE * 0.2, fill=GREEN_LIGHT
    )
    draw.rounded_rectangle(
        [margin, margin, SIZE - margin, SIZE - margin],
        radius=SIZE * 0.2,
        outline=GREEN_DARK,
        width=int(SIZE * 0.025),
    )
    _draw_leaf(draw, SIZE * 0.5, SIZE * 0.42, SIZE * 0.62)
    font = ImageFont.truetype(str(FONT), int(SIZE * 0.17))
    draw.text((SIZE * 0.5, SIZE * 0.8), "CO2", font=font, fill=GREEN_DARK, anchor="mm")
    return image.resize((256, 256), Image.Resampling.LANCZOS)


def _file_icon() -> Image.Image:
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    left, top, right, bottom = SIZE * 0.17, SIZE * 0.05, SIZE * 0.83, SIZE * 0.95
    fold = SIZE * 0.18
    page = [(left, top), (right - fold, top), (right, top + fold), (right, bottom), (left, bottom)]
    draw.polygon(page, fill=WHITE, outline=PAPER_EDGE, width=int(SIZE * 0.015))
    draw.polygon(
        [(right - fold, top), (right - fold, top + fold), (right, top + fold)],
        fill=GREEN_LIGHT,
        outline=PAPER_EDGE,
        width=int(SIZE * 0.015),
    )
    _draw_leaf(draw, SIZE * 0.5, SIZE * 0.55, SIZE * 0.5)
    return image.resize((256, 256), Image.Resampling.LANCZOS)


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    app = _app_icon()
    app.save(ICONS / "ecocheck.png")
    app.save(ICONS / "ecocheck.ico", sizes=ICO_SIZES)
    _file_icon().save(ICONS / "ecocheck-file.ico", sizes=ICO_SIZES)


if __name__ == "__main__":
    main()
