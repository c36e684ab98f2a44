"""The "Show on the city hall's site" panel of the news editor does not look ticked.

Wagtail heads a tick box's panel with a ticked icon (``tick-inverse``) whatever the box's
state, so an editor read an unticked box as ticked: the panel carries the site's icon.
"""

import re

from tests.factories import NewsPageFactory
from tests.page_admin import edit_page_url


def panel_icons(html: str, field: str) -> list[str]:
    """The icons in the heading of the panel holding ``field``."""
    heading = re.search(
        rf'<div class="w-panel__header">((?:(?!w-panel__header).)*?)<label for="id_{field}"',
        html,
        re.S,
    )
    assert heading is not None, f"no panel heading for {field}"
    return re.findall(r'<use href="#icon-([\w-]+)">', heading.group(1))


def test_the_unticked_box_is_not_headed_by_a_ticked_icon(admin_client, site_tree):
    page = NewsPageFactory(parent=site_tree["news_index"], syndicate_to_main_site=False)

    html = admin_client.get(edit_page_url(page)).content.decode()

    box = re.search(r'<input type="checkbox" name="syndicate_to_main_site"[^>]*>', html)
    assert box is not None and "checked" not in box.group(0)
    icons = panel_icons(html, "syndicate_to_main_site")
    assert "tick-inverse" not in icons
    assert "site" in icons
