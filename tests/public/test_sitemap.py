"""``/sitemap.xml`` covers every language of the requesting site; ``robots.txt`` names it."""

import xml.etree.ElementTree as ET

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import NewsPageFactory

from .conftest import translate

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def sitemap(client, host="localhost"):
    response = client.get("/sitemap.xml", HTTP_HOST=host)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own response
    return {
        url.findtext("sm:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)
        }
        for url in root.findall("sm:url", NS)
    }


@pytest.fixture
def pages(two_sites):
    main, other = two_sites["main"], two_sites["other"]
    news = NewsPageFactory(parent=main["news_index"], title="Parcul se redeschide")
    english = translate(news, two_sites["locales"]["en"], title="The park reopens")
    draft = NewsPageFactory(parent=main["news_index"], title="Ciornă", live=False)
    private = NewsPageFactory(parent=main["news_index"], title="Privată")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    elsewhere = NewsPageFactory(parent=other["news_index"], title="DGASPC")
    return {
        **two_sites,
        "news": news,
        "english": english,
        "draft": draft,
        "private": private,
        "elsewhere": elsewhere,
    }


def test_sitemap_lists_romanian_and_english_pages_of_the_site(client, pages):
    urls = sitemap(client)

    assert "http://localhost/" in urls
    assert "http://localhost/en/" in urls
    assert pages["news"].get_full_url() in urls
    assert pages["english"].get_full_url() in urls
    assert pages["english"].get_full_url().startswith("http://localhost/en/")
    assert pages["en"]["news_index"].get_full_url() in urls


def test_sitemap_leaves_out_drafts_private_pages_and_other_sites(client, pages):
    urls = sitemap(client)

    assert pages["draft"].get_full_url() not in urls
    assert pages["private"].get_full_url() not in urls
    assert not [url for url in urls if "dgaspc.test" in url]
    assert all(url.startswith("http://localhost/") for url in urls)


def test_translated_pages_name_their_alternates(client, pages):
    urls = sitemap(client)
    ro_url, en_url = pages["news"].get_full_url(), pages["english"].get_full_url()

    expected = {"ro": ro_url, "en": en_url, "x-default": ro_url}
    assert urls[ro_url] == expected
    assert urls[en_url] == expected
    # A page with no translation names no alternates.
    assert urls[pages["main"]["campaign_index"].get_full_url()] == {}


def test_each_site_has_its_own_sitemap(client, pages):
    urls = sitemap(client, host="dgaspc.test")

    assert pages["elsewhere"].get_full_url() in urls
    assert all(url.startswith("http://dgaspc.test/") for url in urls)


def test_inactive_institution_serves_no_sitemap(client, pages):
    from subsites.models import Institution

    # As the admin does it: saving the institution retires the index of sites.
    institution = Institution.objects.get(slug="dgaspc")
    institution.is_active = False
    institution.save()

    assert client.get("/sitemap.xml", HTTP_HOST="dgaspc.test").status_code == 404


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_the_admin(client, pages):
    response = client.get("/robots.txt", HTTP_HOST="localhost")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /search/" in lines
    assert "Disallow: /en/search/" in lines
    assert "Sitemap: http://localhost/sitemap.xml" in lines
