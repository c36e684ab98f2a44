"""Text helpers shared by every content app."""

import re
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


# What ``str.splitlines`` breaks a line on: a single-line value holds none of them.
LINE_BREAKS = re.compile(r"\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
# Characters no generated format may carry: the C0 controls other than tab and line breaks,
# DEL, lone surrogates and the two non-characters. XML 1.0 forbids them in feeds (Django's
# feed writer refuses the document) and iCalendar's TEXT excludes controls.
UNPRINTABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def printable(value: str) -> str:
    """``value`` without the characters generated files cannot carry; line breaks kept."""
    return UNPRINTABLE.sub("", LINE_BREAKS.sub("\n", value)) if value else value


def one_line(value: str) -> str:
    """``value`` on one line: each line break a space, unprintable characters dropped.

    For single-line values written before line breaks were refused in them.
    """
    return UNPRINTABLE.sub("", LINE_BREAKS.sub(" ", value)) if value else value
