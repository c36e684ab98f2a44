"""What citizens and journalists do on the public sites, in a real browser."""

import datetime

import pytest
from django.utils import translation
from icalendar import Calendar

from .tree import INSTITUTION_HOST, PRESS_EMAIL

# The tree is committed once for every browser test (conftest.py); each test only reads it.
pytestmark = pytest.mark.django_db


def heading(tab) -> str:
    return tab.locator("main h1").inner_text().strip()


def test_from_home_through_the_news_listing_to_a_news_page(newsroom, tab):
    news = newsroom.pages["news"]
    tab.goto(newsroom.page_url("home"))
    assert tab.locator("html").get_attribute("lang") == "ro"

    tab.locator(".main-nav").get_by_role("link", name="Știri", exact=True).click()
    tab.wait_for_url(newsroom.page_url("news_index"))
    assert heading(tab) == "Știri"
    # The city hall's listing carries the institution's shared news, labelled with its name.
    shared = tab.locator(".card", has_text=newsroom.pages["institution_news"].title)
    assert "DGASPC Sector 6" in shared.inner_text()

    tab.get_by_role("link", name=news.title).click()

    tab.wait_for_url(newsroom.page_url("news"))
    assert heading(tab) == news.title
    assert tab.locator(".lead").inner_text() == news.lead
    breadcrumbs = tab.locator("nav.breadcrumbs a")
    assert breadcrumbs.nth(1).get_attribute("href") == "/stiri/"
    assert breadcrumbs.last.get_attribute("aria-current") == "page"


def test_language_switch_to_english_and_back(newsroom, tab):
    tab.goto(newsroom.page_url("news"))

    tab.locator(".language-switcher a[hreflang='en']").click()

    tab.wait_for_url(newsroom.page_url("news", "en"))
    assert tab.locator("html").get_attribute("lang") == "en"
    assert heading(tab) == newsroom.english["news"].title
    current = tab.locator(".language-switcher a[aria-current]")
    assert current.inner_text() == "English"

    tab.locator(".language-switcher a[hreflang='ro']").click()

    tab.wait_for_url(newsroom.page_url("news"))
    assert tab.locator("html").get_attribute("lang") == "ro"
    assert heading(tab) == newsroom.pages["news"].title


def test_event_page_downloads_its_calendar_file(newsroom, tab):
    event = newsroom.pages["event"]
    tab.goto(newsroom.page_url("event"))

    with tab.expect_download() as download_info:
        tab.locator("main a[href$='.ics'][download]").click()
    download = download_info.value

    assert download.suggested_filename.endswith(".ics")
    with open(download.path(), "rb") as handle:
        calendar = Calendar.from_ical(handle.read())
    (entry,) = calendar.walk("VEVENT")
    assert str(entry["summary"]) == event.title
    assert entry["dtstart"].params["TZID"] == "Europe/Bucharest"
    assert entry["dtstart"].dt == event.start.replace(microsecond=0)
    assert entry["dtend"].dt - entry["dtstart"].dt == datetime.timedelta(hours=1)
    assert "Sala de consiliu" in str(entry["location"])


def test_search_for_a_word_typed_without_diacritics_finds_the_page(newsroom, tab):
    cleaning = newsroom.pages["cleaning"]
    tab.goto(newsroom.page_url("home"))

    tab.locator("#site-search-query").fill("curatenie")
    tab.locator("#site-search-query").press("Enter")

    tab.wait_for_url("**/search/?q=curatenie")
    results = tab.locator(".search-result__title a")
    assert cleaning.title in results.all_inner_texts()
    found = results.filter(has_text=cleaning.title)
    assert found.locator("mark").inner_text() == "Curățenie"  # highlighted as written

    found.click()

    tab.wait_for_url(newsroom.page_url("cleaning"))
    assert heading(tab) == cleaning.title


def test_accessibility_statement_is_linked_from_the_footer_in_both_languages(newsroom, tab):
    tab.goto(newsroom.page_url("home"))

    tab.locator(".site-footer a[href='/accessibility/']").click()

    tab.wait_for_url(newsroom.url("/accessibility/"))
    with translation.override("ro"):
        assert heading(tab) == translation.gettext("Accessibility statement")
    assert tab.locator(f"main a[href='mailto:{PRESS_EMAIL}']").count() == 1
    assert "29 noiembrie 2026" in tab.locator("main").inner_text()

    tab.locator(".language-switcher a[hreflang='en']").click()

    tab.wait_for_url(newsroom.url("/en/accessibility/"))
    assert heading(tab) == "Accessibility statement"
    assert "WCAG" in tab.locator("main").inner_text()
    assert tab.locator(f"main a[href='mailto:{PRESS_EMAIL}']").count() == 1

    # Each institution's statement gives its own press office.
    tab.goto(newsroom.url("/accessibility/", host=INSTITUTION_HOST))
    assert tab.locator("main a[href='mailto:presa@dgaspc6.localhost']").count() == 1
