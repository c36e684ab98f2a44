"""axe-core on every page type, in Romanian and English: no serious or critical violation.

axe-core comes from npm (``package.json``) and is injected into each page. The rules run
are WCAG 2.1 levels A and AA, whose serious and critical violations fail, and axe's
structure rules (heading order, landmarks), whose violations all fail. A failure lists
every violation, page by page, with the elements concerned.
"""

import pytest

from site_s6.core.validators import validate_text_contrast_on_white

from .helpers import axe_violations, describe_violations
from .tree import INSTITUTION_HOST, PALEST_ACCEPTED, demo_palettes

# The tree is committed once for every browser test (conftest.py); each test only reads it.
pytestmark = pytest.mark.django_db

DETAIL_PAGES = [
    "home",
    "news_index",
    "news",
    "event_index",
    "event",
    "campaign_index",
    "campaign",
    "protocol_index",
    "visit",
]
# A word of a page in each language, typed the way people type it (no diacritics).
SEARCH_WORD = {"ro": "curatenie", "en": "park"}


def audit(tab, axe_source, pages: dict[str, tuple[str, int]]) -> dict[str, list[dict]]:
    """Visit each ``name: (url, expected status)`` and return the violations by page."""
    found = {}
    for name, (url, status) in pages.items():
        response = tab.goto(url)
        assert response.status == status, f"{name}: {url} answered {response.status}"
        violations = axe_violations(tab, axe_source)
        if violations:
            found[f"{name} ({url})"] = violations
    return found


@pytest.mark.parametrize("language", ["ro", "en"])
def test_no_serious_or_critical_violation_on_any_page_type(newsroom, tab, axe_source, language):
    prefix = "" if language == "ro" else "/en"
    pages = {key: (newsroom.page_url(key, language), 200) for key in DETAIL_PAGES}
    pages["search results"] = (newsroom.url(f"{prefix}/search/?q={SEARCH_WORD[language]}"), 200)
    pages["search, no result"] = (newsroom.url(f"{prefix}/search/?q=zzyzx"), 200)
    pages["page not found"] = (newsroom.url(f"{prefix}/nu-exista-aceasta-pagina/"), 404)
    pages["accessibility statement"] = (newsroom.url(f"{prefix}/accessibility/"), 200)
    if language == "ro":
        pages["institution's home"] = (newsroom.url("/", host=INSTITUTION_HOST), 200)
        pages["news filtered by kind"] = (newsroom.url("/stiri/?kind=announcement"), 200)

    found = audit(tab, axe_source, pages)

    assert not found, "axe-core found violations:\n" + describe_violations(found)
    # The results page was audited with results on it.
    tab.goto(pages["search results"][0])
    assert tab.locator(".search-result mark").count() >= 1


def test_every_brand_palette_keeps_text_readable(newsroom, tab, axe_source):
    # The pages where brand colours meet the most backgrounds: the header, badges, tabs,
    # links on tinted panels (filters, facts), buttons, the error page's code.
    paths = {
        "home": ("/", 200),
        "news filtered by kind": ("/stiri/?kind=announcement", 200),
        "event index": ("/evenimente/", 200),
        "event": ("/evenimente/conferinta-de-presa-buget/", 200),
        "campaign": ("/campanii/sector-6-curat/", 200),
        "page not found": ("/nu-exista/", 404),
    }
    palettes = {**demo_palettes(), "palest": PALEST_ACCEPTED}
    failures = []
    for name, palette in palettes.items():
        for colour in palette.values():
            validate_text_contrast_on_white(colour)  # the settings accept it
        host = newsroom.palette_hosts[name]
        pages = {
            page: (newsroom.url(path, host=host), status) for page, (path, status) in paths.items()
        }

        found = audit(tab, axe_source, pages)

        shown = tab.evaluate(
            "() => getComputedStyle(document.documentElement).getPropertyValue('--brand-primary')"
        )
        assert shown.strip() == palette["primary"], f"{host} does not wear {palette}"
        if found:
            failures.append(f"{name} {palette}:\n{describe_violations(found)}")
    assert not failures, "brand colours fail on some pages:\n" + "\n".join(failures)
