"""Anonymous visitors get pages from the cache; every change to a site retires its pages."""

import re

import pytest
from django.core.cache import cache
from wagtail.models import PageViewRestriction

from site_s6.core.generations import bump_sites, site_generation
from site_s6.core.invalidation import sites_showing
from site_s6.core.models import BrandingSettings
from site_s6.core.page_cache import CACHE_STATUS_HEADER
from tests.factories import NewsPageFactory, SuperuserFactory

from .conftest import publish

pytestmark = pytest.mark.django_db

NONCE = r'nonce="[^"]+"'


def get(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200
    return response


def status(response):
    return response.get(CACHE_STATUS_HEADER)


@pytest.fixture
def news(two_sites):
    return NewsPageFactory(
        parent=two_sites["main"]["news_index"],
        title="Parcul se redeschide",
        intro="Prima versiune.",
    )


def test_second_anonymous_request_is_served_from_the_cache(client, news):
    first = get(client, news.url)
    second = get(client, news.url)

    assert status(first) == "miss"
    assert status(second) == "hit"
    assert re.sub(NONCE, "", second.content.decode()) == re.sub(NONCE, "", first.content.decode())
    assert second["Content-Type"] == "text/html; charset=utf-8"


def test_each_answer_carries_a_fresh_nonce_and_its_header_names_it(client, news):
    """The brand colours' style is allowed by the nonce in the policy: a cached page must
    not carry the first visitor's nonce under a header without it."""
    answers = [get(client, news.url) for _ in range(3)]

    assert [status(answer) for answer in answers] == ["miss", "hit", "hit"]
    nonces = []
    for answer in answers:
        [nonce] = re.findall(r'<style nonce="([^"]+)">', answer.content.decode())
        assert f"'nonce-{nonce}'" in answer["Content-Security-Policy"]
        nonces.append(nonce)
    assert len(set(nonces)) == 3
    without_nonces = {
        answer.content.decode().replace(nonce, "")
        for answer, nonce in zip(answers, nonces, strict=True)
    }
    assert len(without_nonces) == 1


def test_a_publish_shows_the_new_text_on_the_next_request(client, news):
    assert "Prima versiune." in get(client, news.url).content.decode()
    assert status(get(client, news.url)) == "hit"

    news.intro = "A doua versiune."
    publish(news)

    response = get(client, news.url)
    assert status(response) == "miss"
    assert "A doua versiune." in response.content.decode()


def test_a_publish_refreshes_every_page_of_the_site(client, two_sites, news):
    index_url = two_sites["main"]["news_index"].url
    assert "Parcul se redeschide" in get(client, index_url).content.decode()

    NewsPageFactory(parent=two_sites["main"]["news_index"], title="Altă știre")
    newer = NewsPageFactory.build(title="Știre publicată acum")
    two_sites["main"]["news_index"].add_child(instance=newer)
    publish(newer)

    assert "Știre publicată acum" in get(client, index_url).content.decode()


def test_unpublishing_removes_the_page_at_once(client, two_sites, news):
    index_url = two_sites["main"]["news_index"].url
    assert "Parcul se redeschide" in get(client, index_url).content.decode()

    news.unpublish()

    assert client.get(news.url).status_code == 404
    assert "Parcul se redeschide" not in get(client, index_url).content.decode()


def test_deleting_a_page_refreshes_the_site(client, two_sites, news):
    index_url = two_sites["main"]["news_index"].url
    get(client, index_url)

    news.delete()

    assert "Parcul se redeschide" not in get(client, index_url).content.decode()


def test_moving_a_page_refreshes_both_sites(client, two_sites, news):
    main_generation = site_generation(two_sites["main"]["site"].pk)
    other_generation = site_generation(two_sites["other"]["site"].pk)

    news.move(two_sites["other"]["news_index"], pos="last-child")

    assert site_generation(two_sites["main"]["site"].pk) != main_generation
    assert site_generation(two_sites["other"]["site"].pk) != other_generation


def test_saving_a_site_setting_refreshes_the_site(client, two_sites, news):
    get(client, news.url)

    branding = BrandingSettings.for_site(two_sites["main"]["site"])
    branding.full_name = "Primăria nouă"
    branding.save()

    response = get(client, news.url)
    assert status(response) == "miss"
    assert "Primăria nouă" in response.content.decode()


def test_a_change_on_one_site_leaves_the_others_cached(client, two_sites, news):
    get(client, "/", HTTP_HOST="dgaspc.test")

    news.intro = "Schimbat."
    publish(news)

    assert status(get(client, "/", HTTP_HOST="dgaspc.test")) == "hit"


def test_a_setting_created_with_values_refreshes_the_site(two_sites):
    from site_s6.core.models import FrontendSettings

    site = two_sites["main"]["site"]
    generation = site_generation(site.pk)
    # Created with its defaults, as Wagtail does on first read: nothing shown changes.
    FrontendSettings.for_site(site)
    assert site_generation(site.pk) == generation

    FrontendSettings.objects.filter(site=site).delete()
    generation = site_generation(site.pk)
    FrontendSettings.objects.create(site=site, frontend_url="https://www.primarie6.ro")
    assert site_generation(site.pk) != generation


def test_syndicated_news_refreshes_the_city_halls_site(two_sites):
    shared = NewsPageFactory(
        parent=two_sites["other"]["news_index"], title="Partajată", syndicate_to_main_site=True
    )
    main_generation = site_generation(two_sites["main"]["site"].pk)

    publish(shared)

    assert site_generation(two_sites["main"]["site"].pk) != main_generation


def test_logged_in_users_bypass_the_cache(client, news):
    get(client, news.url)
    client.force_login(SuperuserFactory(username="presa"))

    response = get(client, news.url)

    assert status(response) is None
    assert status(get(client, news.url)) is None


def test_logged_in_pages_never_reach_anonymous_visitors(client, news):
    client.force_login(SuperuserFactory(username="presa"))
    get(client, news.url)
    client.logout()

    assert status(get(client, news.url)) == "miss"


def test_languages_hosts_and_query_strings_are_cached_apart(client, two_sites, news):
    index_url = two_sites["main"]["news_index"].url
    assert status(get(client, index_url)) == "miss"
    assert status(get(client, index_url, HTTP_HOST="localhost")) == "miss"
    assert status(get(client, index_url + "?page=2")) == "miss"
    assert status(get(client, two_sites["en"]["news_index"].url)) == "miss"
    assert status(get(client, index_url + "?page=2")) == "hit"


def test_private_pages_are_never_cached(client, two_sites):
    private = NewsPageFactory(parent=two_sites["main"]["news_index"], title="Privată")
    restriction = PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="parola"
    )

    form = get(client, private.url)
    assert status(form) is None
    # A visitor who knows the password sees the page, which is not cached for others.
    client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{private.pk}/",
        {"password": "parola", "return_url": private.url},
    )
    page = get(client, private.url)
    assert "Privată" in page.content.decode()
    assert status(page) is None


def test_other_methods_are_never_cached(client, news):
    get(client, news.url)

    assert status(client.head(news.url)) == "hit"
    assert status(client.post(news.url)) is None


def test_cache_can_be_turned_off(client, news, settings):
    settings.S6_PAGE_CACHE_SECONDS = 0

    get(client, news.url)

    assert status(get(client, news.url)) is None


# The generation API


def test_generations_count_up_and_survive_eviction(two_sites):
    site_id = two_sites["main"]["site"].pk
    first = site_generation(site_id)

    assert site_generation(site_id) == first
    bump_sites([site_id])
    assert site_generation(site_id) == first + 1
    cache.clear()
    assert site_generation(site_id) not in (first, first + 1)


def test_sites_of_a_page_include_every_language(two_sites):
    main_site = two_sites["main"]["site"].pk

    assert sites_showing(two_sites["en"]["news_index"]) == {main_site}
    assert sites_showing(two_sites["main"]["news_index"]) == {main_site}
    assert sites_showing(two_sites["other"]["home"]) == {two_sites["other"]["site"].pk}
