"""Anonymous clients never see drafts, unpublished, restricted or inactive-site pages.

Checked on every read endpoint: API v2, Wagtail's v3 pages (list, detail, find by
path) and our typed collections, and no internal model appears in the OpenAPI document.
"""

import pytest
from django.apps import apps
from wagtail.models import Page, PageViewRestriction

pytestmark = pytest.mark.django_db

SECRETS = ["Ciornă secretă", "Știre restricționată", "Știre retrasă", "ADP inactivă"]
SECRET_KEYS = ["draft", "restricted", "withdrawn", "hidden"]


def listing_urls():
    urls = []
    for site in ("", "primarie.test", "dgaspc.test", "adp.test"):
        for locale in ("ro", "en"):
            query = f"?locale={locale}" + (f"&site={site}" if site else "")
            urls += [
                f"/api/v3/news/{query}&limit=100",
                f"/api/v3/news/{query}&search=știre",
                f"/api/v3/events/{query}",
                f"/api/v3/campaigns/{query}",
                f"/api/v3/protocol-visits/{query}",
                f"/api/v3/site-config/{query}",
            ]
        site_query = f"&site={site}" if site else ""
        urls += [
            f"/api/v2/pages/?type=news.NewsPage&limit=100&fields=*{site_query}",
            f"/api/v2/pages/?search=știre{site_query}",
            f"/api/v3/pages/?type=news.NewsPage&limit=100{site_query}",
            f"/api/v3/pages/?search=știre{site_query}",
        ]
    return urls


def assert_no_secret(response):
    text = response.content.decode()
    for secret in SECRETS:
        assert secret not in text, (response.request, secret)
    assert response.status_code < 500


def test_no_listing_shows_a_hidden_page(client, tree):
    # The inactive site's own listings must not serve it either, through ?site= or Host.
    for url in listing_urls():
        assert_no_secret(client.get(url))
        assert_no_secret(client.get(url, HTTP_HOST="adp.test"))


def test_session_login_does_not_reveal_drafts(admin_client, tree):
    for url in listing_urls():
        assert_no_secret(admin_client.get(url))


def test_no_detail_endpoint_serves_a_hidden_page(client, tree):
    for key in SECRET_KEYS:
        page = tree[key]
        for site in ("primarie.test", "dgaspc.test", "adp.test"):
            for url in (
                f"/api/v3/news/{page.pk}/?site={site}",
                f"/api/v2/pages/{page.pk}/?site={site}",
                f"/api/v3/pages/{page.pk}/?site={site}",
            ):
                response = client.get(url)
                assert response.status_code in (400, 404), (url, response.status_code)
                assert_no_secret(response)
        for host in ("primarie.test", "adp.test"):
            assert client.get(f"/api/v2/pages/{page.pk}/", HTTP_HOST=host).status_code == 404
            assert client.get(f"/api/v3/pages/{page.pk}/", HTTP_HOST=host).status_code == 404


def find(client, page):
    """Find ``page`` by its path through v3 (``?site=``) and v2 (Host), without following."""
    site = page.get_site() or page.get_parent().get_site()
    html_path = page.url_path[len(site.root_page.url_path) - 1 :]
    v3 = client.get("/api/v3/pages/find/", {"html_path": html_path, "site": site.hostname})
    v2 = client.get("/api/v2/pages/find/", {"html_path": html_path}, HTTP_HOST=site.hostname)
    return v3, v2


def test_find_by_path_does_not_find_a_hidden_page(client, tree):
    for key in SECRET_KEYS:
        v3, v2 = find(client, tree[key])

        assert v3.status_code == 404, (key, v3.status_code)
        assert v2.status_code == 404, (key, v2.status_code)
        assert_no_secret(v3)
        assert_no_secret(v2)


def test_find_by_path_finds_a_public_page(client, tree):
    # The counterpart of the test above: the same requests do find a visible page.
    page = tree["own"]

    v3, v2 = find(client, page)

    assert v3.status_code == v2.status_code == 302
    assert f"/api/v3/pages/{page.pk}/" in v3["Location"]
    assert f"/api/v2/pages/{page.pk}/" in v2["Location"]


def test_pages_under_a_restricted_section_are_hidden(client, tree):
    event_index = tree["dgaspc"]["event_index"]
    PageViewRestriction.objects.create(page=event_index, restriction_type=PageViewRestriction.LOGIN)
    event = tree["dgaspc_event"]

    listing = client.get("/api/v3/events/", {"site": "dgaspc.test"})
    detail = client.get(f"/api/v3/events/{event.pk}/", {"site": "dgaspc.test"})

    assert listing.json()["count"] == 0
    assert detail.status_code == 404


def test_translations_never_name_a_hidden_page(client, tree, locales):
    english = tree["announcement"].copy_for_translation(locales["en"])  # a draft
    assert not Page.objects.get(pk=english.pk).live

    item = client.get(f"/api/v3/news/{tree['announcement'].pk}/").json()

    assert item["translations"] == []


def test_related_campaign_that_is_not_live_is_left_out(client, tree):
    campaign = tree["planned"]
    campaign.unpublish()
    news = tree["press"]
    news.related_campaign = campaign
    news.save_revision().publish()

    item = client.get(f"/api/v3/news/{news.pk}/").json()

    assert item["related_campaign"] is None


# Internal models: only these models of our apps are public (page types, their inline
# rows and the contact person snippet); anything else in the OpenAPI document is a leak.
PUBLIC_MODELS = {
    "ContactPerson",
    "NewsGalleryImage",
    "NewsAttachment",
    "EventSpeaker",
    "CampaignMaterial",
    "DelegationMember",
    "ProtocolVisitPhoto",
    "HomePageFeaturedItem",
}


def test_no_internal_model_in_the_openapi_document(client, db):
    schemas = client.get("/api/v3/openapi.json").json()["components"]["schemas"]
    names = set(schemas)
    for app_label in (
        "core",
        "home",
        "news",
        "events",
        "campaigns",
        "protocol",
        "subsites",
        "press",
    ):
        for model in apps.get_app_config(app_label).get_models():
            name = model.__name__
            if issubclass(model, Page) or name in PUBLIC_MODELS:
                continue
            exposed = {schema for schema in names if schema.startswith(f"{name}Schema")}
            exposed |= {schema for schema in names if schema.startswith(f"{name}ForeignKey")}
            assert not exposed, f"internal model {model._meta.label} is in the API: {exposed}"
