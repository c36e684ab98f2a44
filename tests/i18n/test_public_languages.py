"""Romanian and English on the public sites: URLs, ``lang``, ``hreflang`` and the switcher."""

import datetime

import feedparser
import pytest
from django.utils import timezone

from tests.factories import (
    CampaignPageFactory,
    EventPageFactory,
    NewsPageFactory,
    ProtocolVisitPageFactory,
)

from .conftest import html, translate

ORIGIN = "http://localhost"


def alternate(language: str, url: str) -> str:
    return f'<link rel="alternate" hreflang="{language}" href="{ORIGIN}{url}">'


def switcher_link(url: str, language: str, name: str) -> str:
    return f'href="{url}" hreflang="{language}" lang="{language}">{name}</a>'


def make_detail_pages(ro: dict) -> dict:
    now = timezone.now()
    return {
        "news": NewsPageFactory(parent=ro["news_index"], title="Parcul se redeschide"),
        "event": EventPageFactory(
            parent=ro["event_index"],
            title="Ziua sectorului",
            start=now + datetime.timedelta(days=3),
            end=now + datetime.timedelta(days=3, hours=2),
        ),
        "campaign": CampaignPageFactory(parent=ro["campaign_index"], title="Sector 6 curat"),
        "visit": ProtocolVisitPageFactory(
            parent=ro["protocol_index"], title="Vizita delegației din Lyon", country="FR"
        ),
    }


ENGLISH_TITLES = {
    "Parcul se redeschide": "The park reopens",
    "Ziua sectorului": "Sector Day",
    "Sector 6 curat": "Clean Sector 6",
    "Vizita delegației din Lyon": "Visit of the Lyon delegation",
}


def test_translated_news_is_served_under_en_and_each_version_names_the_other(client, english_site):
    news = NewsPageFactory(
        parent=english_site["ro"]["news_index"],
        title="Parcul Drumul Taberei se redeschide",
        slug="parcul-drumul-taberei",
        lead="Aleile au fost refăcute.",
    )

    english = translate(
        news,
        english_site["locales"]["en"],
        {
            "Parcul Drumul Taberei se redeschide": "Drumul Taberei Park reopens",
            "parcul-drumul-taberei": "drumul-taberei-park",
            "Aleile au fost refăcute.": "The alleys have been rebuilt.",
        },
    )

    assert english.url == "/en/news/drumul-taberei-park/"
    assert english.live
    english_body = html(client.get(english.url))
    romanian_body = html(client.get(news.url))
    assert '<html lang="en"' in english_body
    assert "<h1>Drumul Taberei Park reopens</h1>" in english_body
    assert "The alleys have been rebuilt." in english_body
    assert '<html lang="ro"' in romanian_body
    assert "<h1>Parcul Drumul Taberei se redeschide</h1>" in romanian_body
    assert "Drumul Taberei Park" not in romanian_body
    news.refresh_from_db()
    assert (news.title, news.slug, news.url) == (
        "Parcul Drumul Taberei se redeschide",
        "parcul-drumul-taberei",
        "/stiri/parcul-drumul-taberei/",
    )
    for body in (english_body, romanian_body):
        assert alternate("ro", "/stiri/parcul-drumul-taberei/") in body
        assert alternate("en", "/en/news/drumul-taberei-park/") in body
        assert alternate("x-default", "/stiri/parcul-drumul-taberei/") in body
    assert switcher_link("/en/news/drumul-taberei-park/", "en", "English") in romanian_body
    assert switcher_link("/stiri/parcul-drumul-taberei/", "ro", "Română") in english_body


def test_home_pages_declare_their_language_and_name_each_other(client, english_site):
    romanian, english = html(client.get("/")), html(client.get("/en/"))

    assert '<html lang="ro"' in romanian
    assert '<html lang="en"' in english
    assert "Sector 6 City Hall" in english
    for body in (romanian, english):
        assert alternate("ro", "/") in body
        assert alternate("en", "/en/") in body
        assert alternate("x-default", "/") in body
    assert switcher_link("/en/", "en", "English") in romanian
    assert switcher_link("/", "ro", "Română") in english


@pytest.mark.parametrize(
    "key",
    [
        "news_index",
        "event_index",
        "campaign_index",
        "protocol_index",
        "news",
        "event",
        "campaign",
        "visit",
    ],
)
def test_every_public_page_type_names_its_alternates(client, english_site, key):
    details = make_detail_pages(english_site["ro"])
    page = details.get(key) or english_site["ro"][key]
    if key in details:
        translated = translate(page, english_site["locales"]["en"], ENGLISH_TITLES)
    else:
        translated = english_site["en"][key]

    for url, language in ((page.url, "ro"), (translated.url, "en")):
        response = client.get(url)
        assert response.status_code == 200, url
        body = html(response)
        assert f'<html lang="{language}"' in body
        assert alternate("ro", page.url) in body
        assert alternate("en", translated.url) in body
        assert alternate("x-default", page.url) in body
        og_alternate = "en_GB" if language == "ro" else "ro_RO"
        assert f'<meta property="og:locale:alternate" content="{og_alternate}">' in body


# Untranslated pages: see docs/languages.md


@pytest.fixture
def untranslated(english_site):
    """A Romanian news item with an English alias, one without, and one really translated."""
    ro, en = english_site["ro"], english_site["locales"]["en"]
    now = timezone.now()
    aliased = NewsPageFactory(
        parent=ro["news_index"],
        title="Știre doar în română",
        slug="stire-doar-in-romana",
        publication_date=now - datetime.timedelta(hours=1),
    )
    alias = aliased.copy_for_translation(en, alias=True)
    alone = NewsPageFactory(
        parent=ro["news_index"],
        title="Știre fără copie",
        slug="stire-fara-copie",
        publication_date=now - datetime.timedelta(hours=2),
    )
    translated = translate(
        NewsPageFactory(
            parent=ro["news_index"],
            title="Știre tradusă",
            publication_date=now - datetime.timedelta(hours=3),
        ),
        en,
        {"Știre tradusă": "Translated news"},
    )
    return {
        **english_site,
        "aliased": aliased,
        "alias": alias,
        "alone": alone,
        "translated": translated,
    }


def test_english_listings_show_only_english_pages(client, untranslated):
    english_index = html(client.get("/en/news/"))
    english_home = html(client.get("/en/"))
    romanian_index = html(client.get("/stiri/"))

    for body in (english_index, english_home):
        assert "Translated news" in body
        assert "Știre doar în română" not in body
        assert "Știre fără copie" not in body
    for title in ("Știre doar în română", "Știre fără copie", "Știre tradusă"):
        assert title in romanian_index
    assert "Translated news" not in romanian_index


def test_an_alias_reached_directly_serves_romanian_content_with_a_notice(client, untranslated):
    alias, aliased = untranslated["alias"], untranslated["aliased"]
    assert alias.url == "/en/news/stire-doar-in-romana/"

    response = client.get(alias.url)

    assert response.status_code == 200
    body = html(response)
    assert '<html lang="en"' in body
    assert "This page is not yet available in English." in body
    assert '<div lang="ro">' in body
    assert body.index('<div lang="ro">') < body.index("<h1>Știre doar în română</h1>")
    # Search engines are sent to the original; no English alternate is claimed.
    assert f'<link rel="canonical" href="{ORIGIN}{aliased.url}">' in body
    assert alternate("ro", aliased.url) in body
    assert 'hreflang="en" href' not in body
    assert switcher_link(aliased.url, "ro", "Română") in body


def test_switcher_leads_to_the_english_home_when_a_page_is_not_translated(client, untranslated):
    for page in (untranslated["aliased"], untranslated["alone"]):
        body = html(client.get(page.url))

        assert switcher_link("/en/", "en", "English") in body
        assert alternate("ro", page.url) in body
        assert 'hreflang="en" href' not in body
        assert "not yet available" not in body


def test_romanian_pages_carry_no_notice(client, untranslated):
    body = html(client.get(untranslated["translated"].url))

    assert "not yet available" not in body
    assert '<div lang="ro">' not in body


def test_english_home_features_translated_pages_only(client, english_site):
    ro, en = english_site["ro"], english_site["locales"]["en"]
    translated = NewsPageFactory(parent=ro["news_index"], title="Știre în atenție")
    english = translate(translated, en, {"Știre în atenție": "News in focus"})
    untranslated = NewsPageFactory(parent=ro["news_index"], title="Știre netradusă")
    home = ro["home"]
    home.featured_items.create(page=translated, label="Eticheta română", sort_order=0)
    home.featured_items.create(page=untranslated, sort_order=1)
    home.save_revision().publish()
    english_home = translate(home, en, {})

    assert english_home.featured_items.count() == 2
    body = html(client.get("/en/"))
    featured = body.split('id="featured-heading"')[1].split("</section>")[0]
    assert f'href="{english.url}">News in focus</a>' in featured
    assert "Eticheta română" not in featured
    assert "netradusă" not in featured
    assert "Eticheta română" in html(client.get("/"))


def test_english_campaign_lists_the_english_news_about_it(client, english_site):
    ro, en = english_site["ro"], english_site["locales"]["en"]
    campaign = CampaignPageFactory(parent=ro["campaign_index"], title="Sector 6 curat")
    english_campaign = translate(campaign, en, ENGLISH_TITLES)
    news = NewsPageFactory(
        parent=ro["news_index"], title="Curățenie de primăvară", related_campaign=campaign
    )
    english_news = translate(news, en, {"Curățenie de primăvară": "Spring clean-up"})
    NewsPageFactory(parent=ro["news_index"], title="Doar în română", related_campaign=campaign)

    campaign_body = html(client.get(english_campaign.url))
    news_body = html(client.get(english_news.url))

    assert "Spring clean-up" in campaign_body
    assert "Curățenie de primăvară" not in campaign_body
    assert "Doar în română" not in campaign_body
    assert f'href="{english_campaign.url}">Clean Sector 6</a>' in news_body
    assert "Curățenie de primăvară" in html(client.get(campaign.url))


def test_feeds_sitemap_and_search_skip_aliases_too(client, untranslated):
    alias = untranslated["alias"]

    english_feed = feedparser.parse(client.get("/en/feeds/news.xml").content)
    english_titles = {entry.title for entry in english_feed.entries}
    sitemap = html(client.get("/sitemap.xml"))
    english_search = html(client.get("/en/search/", {"q": "doar"}))

    assert "Translated news" in english_titles
    assert "Știre doar în română" not in english_titles
    assert f"{ORIGIN}{alias.url}" not in sitemap
    assert f"{ORIGIN}{untranslated['aliased'].url}" in sitemap
    assert alias.url not in english_search
