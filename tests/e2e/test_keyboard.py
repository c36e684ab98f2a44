"""A visitor with a keyboard alone, from the city hall's home page.

Each step presses Tab until the focus reaches the expected link, checking on the way that
every focused element shows its focus and is on screen, then follows it with Enter.
"""

import pytest

from .helpers import focused, tab_through, tab_until

# The tree is committed once for every browser test (conftest.py); each test only reads it.
pytestmark = pytest.mark.django_db


def heading(tab) -> str:
    return tab.locator("main h1").inner_text().strip()


def leads_to(url):
    return lambda element: element["href"] == url


def follow(tab, url):
    tab.keyboard.press("Enter")
    tab.wait_for_url(url)


def test_keyboard_reaches_an_institutions_news(newsroom, tab):
    shared = newsroom.pages["institution_news"]
    shared_url = newsroom.page_url("institution_news")
    assert shared_url.startswith(f"http://dgaspc6.localhost:{newsroom.port}/")
    tab.goto(newsroom.page_url("home"))

    path = tab_until(tab, leads_to(newsroom.page_url("news_index")))

    assert path[0]["href"].endswith("#main"), "the skip link comes first"
    follow(tab, newsroom.page_url("news_index"))
    tab_until(tab, leads_to(shared_url))
    follow(tab, shared_url)
    assert heading(tab) == shared.title
    assert "Direcția Generală de Asistență Socială" in tab.title()


def test_keyboard_skips_to_the_content_and_reaches_the_upcoming_events(newsroom, tab):
    event_url = newsroom.page_url("event")
    tab.goto(newsroom.page_url("home"))

    tab.keyboard.press("Tab")
    skip_link = focused(tab)
    assert skip_link["href"].endswith("#main")
    assert skip_link["inViewport"] and (skip_link["outline"] or skip_link["shadow"])
    tab.keyboard.press("Enter")
    assert tab.evaluate("() => document.activeElement.id") == "main"

    # Past the header: the next link is in the main content, up to the events section's.
    tab_until(tab, leads_to(newsroom.page_url("event_index")))
    assert tab.evaluate("() => document.getElementById('main').contains(document.activeElement)")
    follow(tab, newsroom.page_url("event_index"))
    assert heading(tab) == "Evenimente"
    # The listing opens on the upcoming events: the first of its tabs is the current one.
    assert tab.locator(".tabs a").first.get_attribute("aria-current") == "page"
    tab_until(tab, leads_to(event_url))
    follow(tab, event_url)
    assert heading(tab) == newsroom.pages["event"].title


def test_keyboard_reaches_the_english_version(newsroom, tab):
    english_home = newsroom.page_url("home", "en")
    tab.goto(newsroom.page_url("home"))

    path = tab_until(tab, leads_to(english_home))

    assert path[-1]["text"] == "English"
    follow(tab, english_home)
    assert tab.locator("html").get_attribute("lang") == "en"
    assert tab.locator(".language-switcher a[aria-current]").inner_text() == "English"
    # And on, in English, to the English news.
    tab_until(tab, leads_to(newsroom.page_url("news_index", "en")))
    follow(tab, newsroom.page_url("news_index", "en"))
    assert heading(tab) == "News"


def test_every_focusable_element_shows_its_focus(newsroom, tab):
    pages = [newsroom.page_url(key) for key in ("home", "news_index", "news", "event")]
    pages += [newsroom.page_url(key, "en") for key in ("home", "campaign", "visit")]
    pages += [newsroom.url("/search/?q=parcul"), newsroom.url("/en/accessibility/")]
    for url in pages:
        tab.goto(url)

        path = tab_through(tab)

        # Header, content and footer were all walked through, up to the statement's link.
        assert path[0]["href"].endswith("#main"), url
        assert path[-1]["href"].endswith("/accessibility/"), url
