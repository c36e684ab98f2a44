import pytest

from site_s6.core.text import ascii_slugify, transliterate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ăâîșț ĂÂÎȘȚ", "aaist AAIST"),
        # Legacy cedilla letters, still typed on older keyboards, read the same.
        ("şţ ŞŢ", "st ST"),
        ("Café Zürich", "Cafe Zurich"),
    ],
)
def test_transliterate_gives_plain_ascii(text, expected):
    assert transliterate(text) == expected


def test_transliterate_turns_dashes_into_hyphens():
    assert transliterate("Sectorul 6 — 2026–2027") == "Sectorul 6 - 2026-2027"


def test_transliterate_drops_what_has_no_ascii_form():
    assert transliterate("Sectorul 6 ★ 2026") == "Sectorul 6  2026"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Știri și anunțuri din Sectorul 6 — ţară şi ţinut",
            "stiri-si-anunturi-din-sectorul-6-tara-si-tinut",
        ),
        ("Conferință de presă: bugetul 2026!", "conferinta-de-presa-bugetul-2026"),
        ("  Învățământ   ", "invatamant"),
        ("Bugetul 2026—2027", "bugetul-2026-2027"),
        ("★", ""),
    ],
)
def test_ascii_slugify(text, expected):
    slug = ascii_slugify(text)
    assert slug == expected
    assert slug.isascii()
