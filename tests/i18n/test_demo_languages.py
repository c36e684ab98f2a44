"""The demo in two languages: every home page and the city hall's content in English."""

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from site_s6.campaigns.models import CampaignPage
from site_s6.events.models import EventPage
from site_s6.news.models import NewsPage
from site_s6.protocol.models import ProtocolVisitPage

MAIN_HOST = "primarie6.localhost"
DETAIL_MODELS = [NewsPage, EventPage, CampaignPage, ProtocolVisitPage]


@pytest.fixture
def demo(db, settings, locales):
    settings.DEBUG = True
    call_command("load_demo")
    return locales


def english_version(page, en):
    """The live English translation of ``page`` (an alias does not count), or ``None``."""
    return (
        Page.objects.filter(translation_key=page.translation_key, locale=en, alias_of__isnull=True)
        .live()
        .first()
    )


def html(response) -> str:
    assert response.status_code == 200, response.wsgi_request.get_full_path()
    return response.content.decode()


# Loading the demo takes seconds, so one test checks every promise about its languages.
def test_demo_is_in_romanian_and_english(demo, client):
    en = demo["en"]
    main_home = Site.objects.get(hostname=MAIN_HOST).root_page

    untranslated_homes = [
        site.hostname
        for site in Site.objects.select_related("root_page")
        if english_version(site.root_page, en) is None
    ]
    assert untranslated_homes == []

    untranslated = [
        f"{type(page).__name__} {page.title}"
        for page in [
            *main_home.get_children().live().specific(),
            *[
                page
                for model in DETAIL_MODELS
                for page in model.objects.live().descendant_of(main_home)
            ],
        ]
        if english_version(page, en) is None
    ]
    assert untranslated == []
    for model in DETAIL_MODELS:
        assert model.objects.live().descendant_of(main_home).exists(), model

    romanian, english = (
        html(client.get("/", HTTP_HOST=MAIN_HOST)),
        html(client.get("/en/", HTTP_HOST=MAIN_HOST)),
    )
    assert '<html lang="ro"' in romanian
    assert '<html lang="en"' in english
    # The demo serves its sites on the port of the running server (load_demo --port).
    root_url = Site.objects.get(hostname=MAIN_HOST).root_url
    for body in (romanian, english):
        assert f'hreflang="ro" href="{root_url}/"' in body
        assert f'hreflang="en" href="{root_url}/en/"' in body

    # One page of every type, in both languages, names both.
    for model in DETAIL_MODELS:
        page = model.objects.live().descendant_of(main_home).first()
        translated = english_version(page, en)
        for version in (page, translated):
            body = html(client.get(version.get_url_parts()[2], HTTP_HOST=MAIN_HOST))
            assert f'hreflang="ro" href="{page.full_url}"' in body, version.full_url
            assert f'hreflang="en" href="{translated.full_url}"' in body, version.full_url

    # English listings carry the English news only.
    english_news = html(client.get("/en/news/", HTTP_HOST=MAIN_HOST))
    news = NewsPage.objects.live().descendant_of(main_home).order_by("-publication_date")[0]
    assert english_version(news, en).title in english_news
    assert news.title not in english_news
