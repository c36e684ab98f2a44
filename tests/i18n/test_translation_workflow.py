"""The central team translates from the admin: submit, translate, publish, sync, report.

Everything goes over HTTP through wagtail-localize's own views, as the ``presa`` user of
the demo would click through them.
"""

from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page, Site
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from site_s6.news.models import NewsIndexPage
from subsites.roles import CENTRAL_TEAM_GROUP
from subsites.services import institution_provision
from tests.factories import NewsPageFactory, UserFactory


def clear_wagtail_default_site():
    Site.objects.all().delete()
    Page.objects.filter(depth=2, content_type__model="page").delete()


@pytest.fixture
def city_hall(locales):
    clear_wagtail_default_site()
    institution = institution_provision(
        name="Primăria Sectorului 6",
        short_name="Primăria 6",
        hostname="localhost",
        kind="city_hall",
        is_default_site=True,
    ).institution
    home = institution.site.root_page
    news_index = NewsIndexPage.objects.child_of(home).get()
    news = NewsPageFactory(
        parent=news_index,
        title="Piața Veteranilor se redeschide",
        slug="piata-veteranilor",
        lead="Piața a fost renovată.",
    )
    news.save_revision().publish()
    return {"home": home, "news_index": news_index, "news": news, **locales}


@pytest.fixture
def presa(client, city_hall):
    user = UserFactory(username="presa")
    user.groups.add(Group.objects.get(name=CENTRAL_TEAM_GROUP))
    client.force_login(user)
    return client


def put_string(client, translation, segment, value):
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    return client.put(
        url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded"
    )


def translate_strings(client, translation, texts: dict[str, str]) -> None:
    """Type each translation into the editor, as its string fields save them."""
    segments = StringSegment.objects.filter(source=translation.source).select_related("string")
    for segment in segments:
        if segment.string.data in texts:
            response = put_string(client, translation, segment, texts[segment.string.data])
            assert response.status_code in (200, 201), response.content


def waiting_in_report(client) -> str:
    """The rows of the Translations report filtered to "Waiting for translations"."""
    url = reverse("wagtail_localize:translations_report")
    response = client.get(url, {"waiting_for_translation": "true", "target_locale": "en"})
    assert response.status_code == 200
    body = response.content.decode()
    return body.split("<tbody>")[1].split("</tbody>")[0] if "<tbody>" in body else ""


def test_central_team_may_submit_translations(city_hall):
    group = Group.objects.get(name=CENTRAL_TEAM_GROUP)

    assert group.permissions.filter(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    ).exists()


# wagtail-localize's report paginates an unordered queryset.
@pytest.mark.filterwarnings("ignore::django.core.paginator.UnorderedObjectListWarning")
def test_central_team_translates_a_news_page_syncs_it_and_sees_it_out_of_date(
    presa, city_hall, django_capture_on_commit_callbacks
):
    news, en = city_hall["news"], city_hall["en"]
    submit_url = reverse("wagtail_localize:submit_page_translation", args=[news.pk])

    form = presa.get(submit_url)
    assert form.status_code == 200
    assert f'value="{en.pk}"' in form.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        submitted = presa.post(submit_url, {"locales": [en.pk]})

    english = news.get_translation(en)
    assert english.alias_of_id is None
    edit_url = reverse("wagtailadmin_pages:edit", args=[english.pk])
    assert submitted.status_code == 302
    assert submitted["Location"] == edit_url
    editor = presa.get(edit_url)
    assert editor.status_code == 200
    assert 'class="js-translation-editor"' in editor.content.decode()

    translation = Translation.objects.get(source__object_id=news.translation_key, target_locale=en)
    translate_strings(
        presa,
        translation,
        {
            "Piața Veteranilor se redeschide": "Veteranilor Market reopens",
            "piata-veteranilor": "veteranilor-market",
            "Piața a fost renovată.": "The market has been renovated.",
        },
    )
    with django_capture_on_commit_callbacks(execute=True):
        published = presa.post(edit_url, {"action": "publish"})
    assert published.status_code == 302
    english.refresh_from_db()
    assert (english.title, english.live) == ("Veteranilor Market reopens", True)
    assert english.url == "/en/stiri/veteranilor-market/"
    assert "Veteranilor Market" not in waiting_in_report(presa)

    # The Romanian lead changes: syncing brings the new text in, waiting for a translator.
    news.lead = "Piața a fost renovată și extinsă."
    news.save_revision().publish()
    source = TranslationSource.objects.get_for_instance(news)
    update_url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert presa.get(update_url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        synced = presa.post(update_url, {})
    assert synced.status_code == 302
    assert "Veteranilor Market reopens" in waiting_in_report(presa)

    translate_strings(
        presa, translation, {"Piața a fost renovată și extinsă.": "The market is renovated."}
    )
    with django_capture_on_commit_callbacks(execute=True):
        presa.post(edit_url, {"action": "publish"})
    english.refresh_from_db()
    assert english.specific.lead == "The market is renovated."
    assert "Veteranilor Market" not in waiting_in_report(presa)


def test_sync_button_is_offered_on_a_translated_source(presa, city_hall):
    news, en = city_hall["news"], city_hall["en"]
    presa.post(
        reverse("wagtail_localize:submit_page_translation", args=[news.pk]), {"locales": [en.pk]}
    )
    source = TranslationSource.objects.get_for_instance(news)

    response = presa.get(reverse("wagtailadmin_pages:edit", args=[news.pk]))

    assert response.status_code == 200
    assert reverse("wagtail_localize:update_translations", args=[source.pk]) in (
        response.content.decode()
    )
