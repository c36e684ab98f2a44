"""Absolute links open in the browser: every site is served on the live server's port.

The tree's sites are stored on that port (tree.py), as ``load_demo`` stores the demo's on
``make run``'s: a link written with the site's hostname and port must lead to a page that
answers, from the city hall's news list and from its RSS feed alike.
"""

from urllib.request import Request, urlopen

import feedparser
import pytest

from .tree import INSTITUTION_HOST, MAIN_HOST

pytestmark = pytest.mark.django_db


def heading(tab) -> str:
    return tab.locator("main h1").inner_text().strip()


def test_the_city_halls_news_list_opens_the_institutions_shared_news(newsroom, tab):
    shared = newsroom.pages["institution_news"]
    tab.goto(newsroom.page_url("news_index"))

    card = tab.locator(".card", has_text=shared.title)
    card.get_by_role("link", name=shared.title).click()

    tab.wait_for_url(f"http://{INSTITUTION_HOST}:{newsroom.port}/**")
    assert heading(tab) == shared.title


def test_an_rss_item_link_opens_its_page(newsroom, tab):
    shared = newsroom.pages["institution_news"]
    # A feed reader's request (Node's resolver, behind Playwright's, knows no *.localhost).
    request = Request(
        f"http://127.0.0.1:{newsroom.port}/feeds/news.xml",
        headers={"Host": f"{MAIN_HOST}:{newsroom.port}"},
    )
    with urlopen(request, timeout=30) as response:  # noqa: S310 - the live test server
        feed = feedparser.parse(response.read())
    entry = next(entry for entry in feed.entries if entry.title == shared.title)
    assert entry.link.startswith(f"http://{INSTITUTION_HOST}:{newsroom.port}/")

    tab.goto(entry.link)
    assert heading(tab) == shared.title
