import datetime

import pytest
import wagtail_factories
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, rich_text, streamfield

from site_s6.home.models import HomePage
from site_s6.protocol.models import ProtocolIndexPage, ProtocolVisitPage
from tests.page_admin import (
    PAGE_NOT_CREATED,
    field_errors,
    in_language,
    log_in_in_english,
    publish_new_page,
)


class TestProtocolTree(WagtailPageTestCase):
    def test_protocol_index_lives_under_home_and_holds_visits(self):
        self.assertAllowedParentPageTypes(ProtocolIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ProtocolIndexPage, {ProtocolVisitPage})

    def test_visit_page_is_a_leaf_under_the_index(self):
        self.assertAllowedParentPageTypes(ProtocolVisitPage, {ProtocolIndexPage})
        self.assertAllowedSubpageTypes(ProtocolVisitPage, set())


def test_one_protocol_index_per_home(site_tree):
    assert not ProtocolIndexPage.can_create_at(site_tree["home"])


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def visit_fields(**fields) -> dict:
    return {
        "title": "Vizita delegației din Charlottenburg-Wilmersdorf",
        "delegation_name": "Delegația districtului Charlottenburg-Wilmersdorf",
        "scope": "foreign",
        "country": "DE",
        "city": "Berlin",
        "organisation": "Bezirksamt Charlottenburg-Wilmersdorf",
        "visit_start": "2026-06-10",
        "visit_end": "2026-06-12",
        "hosts": "",
        "summary": rich_text("<p></p>"),
        "agenda": streamfield([]),
        "members": inline_formset([]),
        "photos": inline_formset([]),
        "tags": "",
        **fields,
    }


def test_admin_creates_protocol_index(admin_client, site_tree):
    site_tree["protocol_index"].delete()

    response = publish_new_page(
        admin_client, ProtocolIndexPage, site_tree["home"], {"title": "Protocol"}
    )

    assert response.status_code == 302
    assert ProtocolIndexPage.objects.child_of(site_tree["home"]).get().live


def test_admin_creates_and_publishes_visit_with_everything(admin_client, site_tree):
    photo = wagtail_factories.ImageFactory(title="Primire", file=get_test_image_file())
    fields = visit_fields(
        hosts="Primarul Sectorului 6\nViceprimarul Sectorului 6",
        summary=rich_text(
            "<p>Schimb de experiență despre <b>parcuri</b>.</p>",
            features=["bold", "italic", "link", "ul", "ol"],
        ),
        agenda=streamfield(
            [
                ("item", {"time": "10:00", "item": "Primire la sediul primăriei"}),
                ("item", {"time": "", "item": "Vizită în Parcul Drumul Taberei"}),
            ]
        ),
        members=inline_formset(
            [
                {"name": "Erika Weber", "role": "Consilier", "precedence": "2"},
                {"name": "Klaus Richter", "role": "Primar de district", "precedence": "1"},
            ]
        ),
        photos=inline_formset(
            [{"image": photo.pk, "alt_text": "Strângere de mână", "caption": "Primirea"}]
        ),
        tags="înfrățire, Germania",
    )

    response = publish_new_page(
        admin_client, ProtocolVisitPage, site_tree["protocol_index"], fields
    )

    assert response.status_code == 302
    page = ProtocolVisitPage.objects.get()
    assert page.live
    assert page.slug == "vizita-delegatiei-din-charlottenburg-wilmersdorf"
    assert page.delegation_name == "Delegația districtului Charlottenburg-Wilmersdorf"
    assert page.scope == ProtocolVisitPage.Scope.FOREIGN
    assert (page.country.code, page.city) == ("DE", "Berlin")
    assert page.organisation == "Bezirksamt Charlottenburg-Wilmersdorf"
    assert (page.visit_start, page.visit_end) == (
        datetime.date(2026, 6, 10),
        datetime.date(2026, 6, 12),
    )
    assert page.hosts.splitlines() == ["Primarul Sectorului 6", "Viceprimarul Sectorului 6"]
    assert "<b>parcuri</b>" in page.summary
    assert [(item.value["time"], item.value["item"]) for item in page.agenda] == [
        (datetime.time(10, 0), "Primire la sediul primăriei"),
        (None, "Vizită în Parcul Drumul Taberei"),
    ]
    # Members come out in order of precedence, whatever order they were typed in.
    assert [(m.precedence, m.name) for m in page.members.all()] == [
        (1, "Klaus Richter"),
        (2, "Erika Weber"),
    ]
    [stored_photo] = page.photos.all()
    assert (stored_photo.image, stored_photo.alt_text) == (photo, "Strângere de mână")
    assert sorted(page.tags.names()) == ["Germania", "înfrățire"]


END_BEFORE_START = "The end cannot be before the start."


def test_admin_refuses_visit_ending_before_it_starts_in_english(client, site_tree):
    response = publish_new_page(
        log_in_in_english(client),
        ProtocolVisitPage,
        site_tree["protocol_index"],
        visit_fields(visit_start="2026-06-10", visit_end="2026-06-09"),
    )

    assert response.status_code == 200
    assert field_errors(response, "visit_end") == [END_BEFORE_START]
    assert END_BEFORE_START in response.content.decode()
    assert not ProtocolVisitPage.objects.exists()


def test_admin_refuses_visit_ending_before_it_starts_in_romanian(admin_client, site_tree):
    response = publish_new_page(
        admin_client,
        ProtocolVisitPage,
        site_tree["protocol_index"],
        visit_fields(visit_start="2026-06-10", visit_end="2026-06-09"),
    )

    assert response.status_code == 200
    assert field_errors(response, "visit_end") == [END_BEFORE_START]
    content = response.content.decode()
    assert in_language("ro", PAGE_NOT_CREATED) in content
    assert in_language("ro", END_BEFORE_START) in content
    assert not ProtocolVisitPage.objects.exists()


def test_admin_refuses_an_unknown_country(client, site_tree):
    response = publish_new_page(
        log_in_in_english(client),
        ProtocolVisitPage,
        site_tree["protocol_index"],
        visit_fields(country="XX"),
    )

    assert response.status_code == 200
    assert "country" in response.context["form"].errors
    assert not ProtocolVisitPage.objects.exists()


def test_one_day_visit_is_valid(site_tree):
    page = ProtocolVisitPage(
        title="Vizită de lucru",
        delegation_name="Primăria Sectorului 1",
        visit_start=datetime.date(2026, 6, 10),
        visit_end=datetime.date(2026, 6, 10),
    )
    site_tree["protocol_index"].add_child(instance=page)

    page.full_clean()
    assert page.country.code == "RO"
    assert page.scope == ProtocolVisitPage.Scope.DOMESTIC
