"""What an institution editor learns of other institutions' unpublished pages: nothing.

The DGASPC editor asks every admin view that names pages or uploads; Poliția Locală has
a draft page, a live page whose waiting draft renames it ("Embargoed headline"), a
translation in progress, an image and a document. The sites are built once for the
module and every test runs in its own rolled-back transaction.
"""

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from wagtail.models import Locale, Page

from .admin_http import DENY, outcome
from .conftest import clear_wagtail_default_site, make_users, provision, site_world

pytestmark = pytest.mark.django_db

EMBARGOED = "Embargoed headline"
POLITIA_DRAFT = "Draft news politia-locala"
POLITIA_LIVE = "Live news politia-locala"


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker):
    """Primary keys of the pages, media and people, built once and rolled back."""
    from wagtail_localize.models import Translation, TranslationSource

    with django_db_blocker.unblock(), transaction.atomic():
        for language_code in ("ro", "en"):
            Locale.objects.get_or_create(language_code=language_code)
        clear_wagtail_default_site()
        worlds = {key: site_world(provision(key)) for key in ("main", "dgaspc", "politia")}
        politia = worlds["politia"]
        live = politia.live_news.specific
        live.title = EMBARGOED
        live.save_revision()
        source, _created = TranslationSource.get_or_create_from_instance(politia.draft_news)
        Translation.objects.create(
            source=source, target_locale=Locale.objects.get(language_code="en")
        )
        pks = {
            "politia_index": politia.news_index.pk,
            "politia_draft": politia.draft_news.pk,
            "politia_live": live.pk,
            "dgaspc_index": worlds["dgaspc"].news_index.pk,
            "dgaspc_draft": worlds["dgaspc"].draft_news.pk,
            "users": {role: user.pk for role, user in make_users().items()},
        }
        yield pks
        transaction.set_rollback(True)


@pytest.fixture
def editor(client, built):
    client.force_login(get_user_model().objects.get(pk=built["users"]["dgaspc-editor"]))
    return client


def text(response) -> str:
    """The answer's body (HTML, or JSON carrying HTML), after checking it is one."""
    assert response.status_code == 200
    return response.content.decode()


def test_the_chooser_browses_another_site_by_live_titles_only(editor, built):
    url = reverse("wagtailadmin_choose_page_child", args=[built["politia_index"]])

    body = text(editor.get(url))

    assert (POLITIA_LIVE in body, EMBARGOED in body, POLITIA_DRAFT in body) == (
        True,
        False,
        False,
    )


def test_the_chooser_type_filter_lists_no_other_sites_draft(editor, built):
    url = reverse("wagtailadmin_choose_page_child", args=[built["politia_index"]])

    body = text(editor.get(url, {"page_type": "news.newspage"}))

    assert (POLITIA_LIVE in body, EMBARGOED in body, POLITIA_DRAFT in body) == (
        True,
        False,
        False,
    )


def test_the_chooser_will_not_open_another_sites_draft(editor, built):
    url = reverse("wagtailadmin_choose_page_child", args=[built["politia_draft"]])

    assert outcome(editor.get(url)) == DENY


def test_the_chooser_search_finds_own_drafts_and_others_live_pages(editor, built):
    body = text(editor.get(reverse("wagtailadmin_choose_page_search"), {"q": "news"}))

    assert {
        title: title in body
        for title in ("Draft news dgaspc", POLITIA_LIVE, EMBARGOED, POLITIA_DRAFT)
    } == {"Draft news dgaspc": True, POLITIA_LIVE: True, EMBARGOED: False, POLITIA_DRAFT: False}


def test_choosing_pages_by_id_returns_no_other_sites_draft(editor, built):
    url = reverse("wagtailadmin_choose_page_chosen_multiple")

    body = text(editor.get(url, {"id": [built["politia_draft"], built["politia_live"]]}))

    assert (POLITIA_LIVE in body, EMBARGOED in body, POLITIA_DRAFT in body) == (
        True,
        False,
        False,
    )


def test_the_move_confirm_page_refuses_another_sites_page(editor, built):
    url = reverse(
        "wagtailadmin_pages:move_confirm",
        args=[built["politia_draft"], built["dgaspc_index"]],
    )

    assert outcome(editor.get(url)) == DENY


def test_the_bulk_action_confirm_page_refuses_another_sites_pages(editor, built):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])

    other = editor.get(url, {"id": [built["dgaspc_draft"], built["politia_draft"]]})
    every_child = editor.get(url, {"id": "all", "childOf": built["politia_index"]})
    own = editor.get(url, {"id": [built["dgaspc_draft"]]})

    assert (outcome(other), outcome(every_child), own.status_code) == (DENY, DENY, 200)


def test_the_translations_report_lists_only_own_pages(editor, client, built):
    url = reverse("wagtail_localize:translations_report")

    editor_body = text(editor.get(url))
    client.force_login(get_user_model().objects.get(pk=built["users"]["central"]))
    central_body = text(client.get(url))

    assert (POLITIA_DRAFT in editor_body, POLITIA_DRAFT in central_body) == (False, True)


def test_the_admin_pages_api_lists_no_other_sites_pages(editor, built):
    url = reverse("wagtailadmin_api:pages:listing")

    body = text(editor.get(url, {"search": "news"}))

    assert (EMBARGOED in body, POLITIA_DRAFT in body, "Draft news dgaspc" in body) == (
        False,
        False,
        True,
    )


@pytest.mark.parametrize("kind", ["images", "documents"])
def test_the_admin_media_api_lists_only_own_and_shared_uploads(editor, built, kind):
    body = text(editor.get(f"/admin/api/main/{kind}/"))

    assert ("politia" in body, "dgaspc" in body) == (False, True)


@pytest.mark.parametrize("chooser", ["wagtailimages_chooser", "wagtaildocs_chooser"])
def test_the_media_choosers_offer_no_other_institutions_uploads(editor, built, chooser):
    body = text(editor.get(reverse(f"{chooser}:choose_results"), {"q": "politia"}))

    assert "Image politia" not in body and "Document politia" not in body


def test_the_central_team_still_sees_every_draft_in_the_chooser(client, built):
    client.force_login(get_user_model().objects.get(pk=built["users"]["central"]))
    url = reverse("wagtailadmin_choose_page_child", args=[built["politia_index"]])

    body = text(client.get(url))

    assert (EMBARGOED in body, POLITIA_DRAFT in body) == (True, True)


def test_another_sites_live_page_keeps_its_live_title_in_the_database(built):
    # What the chooser showed was the live face, never written back.
    page = Page.objects.get(pk=built["politia_live"])

    assert (page.title, page.draft_title) == (POLITIA_LIVE, EMBARGOED)


def post_external_link(client, url):
    response = client.post(
        reverse("wagtailadmin_choose_page_external_link"),
        {"external-link-chooser-url": url, "external-link-chooser-link_text": ""},
    )
    return text(response)


def test_an_external_link_to_another_site_names_no_draft_title(editor, built):
    live = Page.objects.get(pk=built["politia_live"])
    body = post_external_link(editor, live.full_url)

    # The link stays the URL typed; the page's waiting draft title is never named.
    assert EMBARGOED not in body
    assert live.full_url in body


def test_the_central_team_keeps_wagtails_link_conversion(client, built):
    client.force_login(get_user_model().objects.get(pk=built["users"]["central"]))
    live = Page.objects.get(pk=built["politia_live"])
    body = post_external_link(client, live.full_url)

    assert f'"id": {live.pk}' in body
    # Wagtail names the page by its draft title: what the editor's answer must not show.
    assert EMBARGOED in body
