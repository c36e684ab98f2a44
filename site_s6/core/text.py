"""Text helpers shared by every content app."""

import unicodedata

from django.utils.text import slugify

# Romanian letters, including the legacy cedilla forms (ş, ţ) still typed on older
# keyboards, mapped to plain ASCII for URLs.
ROMANIAN_TO_ASCII = str.maketrans(
    {
        "ă": "a", "Ă": "A", "â": "a", "Â": "A", "î": "i", "Î": "I",
        "ș": "s", "Ș": "S", "ş": "s", "Ş": "S",
        "ț": "t", "Ț": "T", "ţ": "t", "Ţ": "T",
    }
)  # fmt: skip


def transliterate(value: str) -> str:
    """Return ``value`` in plain ASCII, Romanian letters transliterated, others decomposed."""
    value = value.translate(ROMANIAN_TO_ASCII)
    # Dashes (en, em, ...) become hyphens rather than vanish: "6—2026" must not read "62026".
    value = "".join("-" if unicodedata.category(char) == "Pd" else char for char in value)
    return unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")


def ascii_slugify(value: str) -> str:
    """A URL slug in plain ASCII: ``Știri și anunțuri`` becomes ``stiri-si-anunturi``."""
    return slugify(transliterate(value))
