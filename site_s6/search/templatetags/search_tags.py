"""Template filters of the search page."""

import re

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from site_s6.search.folding import letter_variants_pattern, search_terms

register = template.Library()


@register.filter
def highlight(text, query):
    """Plain ``text``, escaped, with each word of ``query`` in ``<mark>``.

    Matches ignore case and Romanian letter forms, as the search does: ``primaria``
    marks ``Primăria``. The text is split on the matches and every piece escaped, so
    neither the text nor the query can inject markup.
    """
    text = str(text or "")
    terms = search_terms(str(query or ""))
    if not terms or not text:
        return escape(text)
    # Longest first, so "primaria" wins over "pri" where both match.
    patterns = [letter_variants_pattern(term) for term in sorted(terms, key=len, reverse=True)]
    matcher = re.compile("|".join(patterns), re.IGNORECASE)
    pieces = []
    end = 0
    for match in matcher.finditer(text):
        pieces.append(escape(text[end : match.start()]))
        pieces.append(format_html("<mark>{}</mark>", match.group()))
        end = match.end()
    pieces.append(escape(text[end:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece is escaped above
