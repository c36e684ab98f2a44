"""A page answered from the page cache looks as its first answer did: the brand colours'
style carries the nonce its own Content-Security-Policy names, so the browser applies it."""

import pytest

from site_s6.core.page_cache import CACHE_STATUS_HEADER

from .tree import PALEST_ACCEPTED, demo_palettes

pytestmark = pytest.mark.django_db

# Records what the browser refuses under the page's policy, from the first script on.
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""
BRAND_PRIMARY = (
    "() => getComputedStyle(document.documentElement).getPropertyValue('--brand-primary')"
)


def test_a_page_from_the_cache_wears_the_sites_brand_colours(newsroom, tab):
    palettes = {**demo_palettes(), "palest": PALEST_ACCEPTED}
    name, host = next(iter(newsroom.palette_hosts.items()))
    # A query string of its own: no other test has filled the cache for this address.
    url = newsroom.url("/evenimente/?din=cache", host=host)
    tab.add_init_script(RECORD_VIOLATIONS)

    seen = []
    for _visit in range(2):
        response = tab.goto(url)
        assert response.status == 200
        seen.append(
            (
                response.headers.get(CACHE_STATUS_HEADER.lower()),
                tab.evaluate(BRAND_PRIMARY).strip(),
                tab.evaluate("() => window.cspViolations"),
            )
        )

    primary = palettes[name]["primary"]
    assert seen == [("miss", primary, []), ("hit", primary, [])]
