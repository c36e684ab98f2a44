"""Which watches an item's text matches: folded, on word boundaries.

Both the phrase and the text are folded with the search's :func:`~site_s6.search.folding.fold`
(case, diacritics, cedilla forms: ``PRIMĂRIA SECTORULUI 6``, ``Primaria Sectorului 6`` and
``Primăria Sectorului 6`` with ş/ţ are one phrase), and a phrase matches only as whole
words: "Sectorul 6" does not match "Sectorul 61", nor "ADP" "ADPS". Spaces inside a phrase
match any run of white space.
"""

import re
from collections.abc import Iterable
from functools import lru_cache

from site_s6.search.folding import fold


@lru_cache(maxsize=1024)
def phrase_pattern(phrase: str) -> re.Pattern | None:
    """The compiled pattern of a folded ``phrase``; None for an empty one."""
    words = fold(phrase).split()
    if not words:
        return None
    body = r"\s+".join(re.escape(word) for word in words)
    return re.compile(rf"(?<!\w){body}(?!\w)")


def phrase_matches(phrase: str, text: str) -> bool:
    pattern = phrase_pattern(phrase)
    return bool(pattern and pattern.search(fold(text)))


def matching_watches(watches: Iterable, *texts: str) -> list:
    """The watches (objects with a ``phrase``) found in any of ``texts``."""
    folded = fold(" \n ".join(text for text in texts if text))
    return [
        watch
        for watch in watches
        if (pattern := phrase_pattern(watch.phrase)) is not None and pattern.search(folded)
    ]
