"""Illustrations drawn for the demo, so that it ships no third-party photos."""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw

SIZE = (1600, 1000)
LOGO_SIZE = (512, 512)


def _hex(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))


def _blend(first, second, ratio: float):
    return tuple(round(a + (b - a) * ratio) for a, b in zip(first, second, strict=True))


def _sky(draw: ImageDraw.ImageDraw, size, top, bottom) -> None:
    width, height = size
    for y in range(height):
        draw.line([(0, y), (width, y)], fill=_blend(top, bottom, y / height))


def _motif(draw: ImageDraw.ImageDraw, motif: str, size, accent, rng: random.Random) -> None:
    """Simple flat shapes that suggest the subject: trees, buildings, a stage..."""
    width, height = size
    ground = height * 2 // 3
    draw.rectangle([0, ground, width, height], fill=_blend(accent, (255, 255, 255), 0.55))
    if motif in {"park", "festival"}:
        for _ in range(9):
            x = rng.randint(40, width - 40)
            radius = rng.randint(50, 110)
            draw.rectangle([x - 10, ground - radius, x + 10, ground], fill=(90, 60, 40))
            draw.ellipse(
                [x - radius, ground - 2 * radius - 40, x + radius, ground - 40],
                fill=_blend(accent, (20, 110, 40), 0.6),
            )
    if motif in {"city", "school", "social", "police", "conference"}:
        x = 60
        while x < width - 100:
            building_width = rng.randint(120, 220)
            building_height = rng.randint(180, ground - 80)
            draw.rectangle(
                [x, ground - building_height, x + building_width, ground],
                fill=_blend(accent, (40, 40, 60), rng.random() * 0.5),
            )
            for wy in range(ground - building_height + 20, ground - 30, 50):
                for wx in range(x + 15, x + building_width - 25, 40):
                    draw.rectangle([wx, wy, wx + 20, wy + 28], fill=(250, 235, 170))
            x += building_width + rng.randint(10, 40)
    if motif in {"conference", "festival"}:
        draw.rectangle([width // 4, ground - 60, width * 3 // 4, ground + 40], fill=(60, 40, 30))
        for i in range(12):
            cx = width // 8 + i * width // 14
            draw.ellipse([cx - 25, height - 150, cx + 25, height - 100], fill=(30, 30, 45))
            draw.rectangle([cx - 35, height - 100, cx + 35, height], fill=(30, 30, 45))
    if motif == "police":
        draw.rectangle([width // 3, ground - 30, width // 3 + 420, ground + 90], fill=(20, 60, 160))
        draw.rectangle(
            [width // 3 + 150, ground - 60, width // 3 + 260, ground - 30], fill=(220, 30, 30)
        )


def draw_illustration(*, motif: str, palette: list[str], seed: str) -> ImageFile:
    """A 1600×1000 PNG illustration for ``motif`` in the given colours."""
    rng = random.Random(seed)  # noqa: S311 - decoration, not security
    top, accent = (_hex(colour) for colour in (palette + ["#4a90c2", "#2b6e3f"])[:2])
    image = PILImage.new("RGB", SIZE)
    draw = ImageDraw.Draw(image)
    _sky(draw, SIZE, top, (255, 255, 255))
    draw.ellipse([SIZE[0] - 260, 80, SIZE[0] - 120, 220], fill=(255, 214, 90))
    _motif(draw, motif, SIZE, accent, rng)
    return _as_file(image, f"{seed}.png")


def draw_logo(*, initials: str, palette: list[str], seed: str) -> ImageFile:
    """A round badge with the institution's initials."""
    primary = _hex(palette[0]) if palette else (0, 68, 124)
    image = PILImage.new("RGB", LOGO_SIZE, (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.ellipse([16, 16, LOGO_SIZE[0] - 16, LOGO_SIZE[1] - 16], fill=primary)
    draw.ellipse([56, 56, LOGO_SIZE[0] - 56, LOGO_SIZE[1] - 56], outline=(255, 255, 255), width=10)
    draw.text(
        (LOGO_SIZE[0] // 2, LOGO_SIZE[1] // 2),
        initials[:4].upper(),
        fill=(255, 255, 255),
        anchor="mm",
        font_size=150,
    )
    return _as_file(image, f"{seed}.png")


def _as_file(image: PILImage.Image, name: str) -> ImageFile:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return ImageFile(io.BytesIO(buffer.getvalue()), name=name)
