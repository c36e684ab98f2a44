"""Romanian letter folding, for searches typed without diacritics or with the old letters.

People type ``primaria`` for ``Primăria``, and ``ş``/``ţ`` (cedilla, from older keyboards)
as often as ``ș``/``ț`` (comma below, the correct letters). Folding maps every Romanian
letter to its plain one (``ă``, ``â`` → ``a``; ``î`` → ``i``; ``ș``, ``ş`` → ``s``;
``ț``, ``ţ`` → ``t``) and lower-cases, on both sides of a comparison:

- :func:`fold` and :func:`search_terms` fold what the visitor typed, in Python;
- :func:`folded` folds a database column the same way with nested ``REPLACE`` and
  ``LOWER``, functions SQLite and PostgreSQL share, so no extension (``unaccent``) and no
  extra column (a model change) is needed.
- :func:`letter_variants_pattern` matches a folded term against unfolded text, for
  highlighting.

Only the Romanian letters are folded on the database side; ``LOWER`` on SQLite lower-cases
ASCII only, which the replacements make sufficient for Romanian text.
"""

import re
import unicodedata

from django.db.models import TextField, Value
from django.db.models.functions import Lower, Replace

from site_s6.core.text import ROMANIAN_TO_ASCII

# Every Romanian letter, both cases and both forms of ș and ț, and its plain letter.
FOLDED_LETTERS = {chr(code): plain for code, plain in ROMANIAN_TO_ASCII.items()}

# A folded letter and every letter that folds to it, lower case.
LETTER_VARIANTS = {}
for _letter, _plain in FOLDED_LETTERS.items():
    LETTER_VARIANTS.setdefault(_plain.lower(), {_plain.lower()}).add(_letter.lower())

MAX_TERMS = 8
WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """``text`` with Romanian letters made plain, in lower case: ``Ştiri`` → ``stiri``."""
    return unicodedata.normalize("NFC", text).translate(ROMANIAN_TO_ASCII).lower()


def search_terms(query: str) -> list[str]:
    """The folded words of ``query``, without repeats, at most :data:`MAX_TERMS`.

    One-letter words are dropped when longer ones exist: they would match nearly anything.
    """
    words = list(dict.fromkeys(WORD.findall(fold(query or ""))))
    longer = [word for word in words if len(word) > 1]
    return (longer or words)[:MAX_TERMS]


def folded(expression):
    """A database expression of ``expression`` (a field name or expression), folded."""
    text = TextField()
    for letter, plain in FOLDED_LETTERS.items():
        expression = Replace(expression, Value(letter), Value(plain), output_field=text)
    return Lower(expression, output_field=text)


def letter_variants_pattern(term: str) -> str:
    """A regular expression that finds the folded ``term`` in unfolded text.

    ``primaria`` becomes ``pr[iî]m[aăâ]r[iî][aăâ]``; use it case-insensitively.
    """
    parts = []
    for char in term:
        variants = LETTER_VARIANTS.get(char)
        parts.append(f"[{''.join(sorted(variants))}]" if variants else re.escape(char))
    return "".join(parts)


def spelling_variants(query: str) -> list[str]:
    """The words of ``query`` as typed, with comma-below letters, with cedilla letters, plain.

    The full-text index holds words as written; searching every spelling finds them
    whichever letters the editor and the visitor used. Only words are kept: punctuation
    means operators to some full-text engines (SQLite's FTS5), not text.
    """
    query = " ".join(WORD.findall(unicodedata.normalize("NFC", query)))
    if not query:
        return []
    comma = query.translate(str.maketrans("şŞţŢ", "șȘțȚ"))
    cedilla = query.translate(str.maketrans("șȘțȚ", "şŞţŢ"))
    plain = query.translate(ROMANIAN_TO_ASCII)
    return list(dict.fromkeys([query, comma, cedilla, plain]))
