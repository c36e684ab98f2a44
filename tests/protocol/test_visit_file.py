"""The internal visit file and the gifts register (Law 251/2004): admin, permissions, money
never negative, and no leak to the API."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from site_s6.protocol.files import Gift, VisitFile
from tests.factories import EnglishSuperuserFactory, ProtocolVisitPageFactory
from tests.factories_internal import GiftFactory, VisitFileFactory, grant, page_editor
from tests.internal_admin import api_responses, has_link, page_editor_links, record_url

pytestmark = pytest.mark.django_db

NEGATIVE = "The amount cannot be negative."


@pytest.fixture
def superuser(db):
    # admin_client logs this user in; English so that messages read as their msgids.
    return EnglishSuperuserFactory(username="admin")


@pytest.fixture
def visit(site_tree):
    return ProtocolVisitPageFactory(
        parent=site_tree["protocol_index"], title="Vizita delegației din Chișinău"
    )


def gift_row(**fields) -> dict:
    return {
        "direction": "received",
        "description": "Vază pictată",
        "estimated_value": "250",
        "official": "Primarul Sectorului 6",
        "counterpart": "Primarul Chișinăului",
        "kind": "other",
        "gift_date": "2026-05-04",
        "date_declared": "",
        "estimated_value_eur": "",
        "valued_on": "",
        "value_ron": "",
        "exchange_rate": "",
        "valuer_1": "",
        "valuer_2": "",
        "valuer_3": "",
        "decision": "",
        "decided_on": "",
        "amount_paid": "",
        "decision_note": "",
        **fields,
    }


def file_form_data(visit, gifts, *, initial=0, **fields) -> dict:
    return nested_form_data(
        {
            "visit": str(visit.pk),
            "logistics": "Autocar de la aeroport.",
            "interpreters": "",
            "dietary_needs": "Fără gluten pentru doi membri.",
            "notes": "",
            "programme_language": "ro",
            "programme_items": inline_formset([]),
            "hosts": inline_formset([]),
            "gifts": inline_formset(gifts, initial=initial),
            **fields,
        }
    )


def test_admin_creates_a_visit_file_with_its_gifts_register(admin_client, visit):
    data = file_form_data(
        visit,
        [
            gift_row(),
            gift_row(
                direction="given",
                description="Album „Sectorul 6”",
                estimated_value="120.50",
                gift_date="2026-05-03",
            ),
        ],
    )

    response = admin_client.post(record_url("visit_files", "add"), data)

    assert response.status_code == 302
    visit_file = VisitFile.objects.get(visit=visit)
    assert visit_file.dietary_needs == "Fără gluten pentru doi membri."
    # The register reads by the gift's date.
    assert [
        (gift.direction, gift.description, gift.estimated_value, gift.gift_date)
        for gift in visit_file.gifts.all()
    ] == [
        ("given", "Album „Sectorul 6”", Decimal("120.50"), datetime.date(2026, 5, 3)),
        ("received", "Vază pictată", Decimal("250.00"), datetime.date(2026, 5, 4)),
    ]
    assert visit_file.gifts_value == Decimal("370.50")


def test_admin_adds_a_gift_to_an_existing_file(admin_client, visit):
    visit_file = VisitFileFactory(visit=visit)
    declared = GiftFactory(file=visit_file, description="Medalie")
    existing = gift_row(
        id=str(declared.pk),
        direction=declared.direction,
        description="Medalie",
        estimated_value="150",
        gift_date=declared.gift_date.isoformat(),
    )

    response = admin_client.post(
        record_url("visit_files", "edit", visit_file.pk),
        file_form_data(visit, [existing, gift_row(description="Carte")], initial=1),
    )

    assert response.status_code == 302
    assert sorted(visit_file.gifts.values_list("description", flat=True)) == ["Carte", "Medalie"]


def test_admin_refuses_a_gift_of_negative_value_and_stores_nothing(admin_client, visit):
    data = file_form_data(visit, [gift_row(), gift_row(estimated_value="-1")])

    response = admin_client.post(record_url("visit_files", "add"), data)

    assert response.status_code == 200
    assert NEGATIVE in response.content.decode()
    assert VisitFile.objects.count() == 0
    assert Gift.objects.count() == 0


def test_a_gift_needs_its_direction_official_and_date(visit):
    visit_file = VisitFileFactory(visit=visit)

    with pytest.raises(ValidationError) as caught:
        Gift(file=visit_file, description="Tablou", estimated_value=Decimal("-5")).full_clean()

    with translation.override("en"):
        errors = caught.value.message_dict
    assert errors["estimated_value"] == [NEGATIVE]
    assert {"direction", "official", "gift_date"} <= set(errors)


def test_the_list_counts_the_gifts(admin_client, visit):
    visit_file = VisitFileFactory(visit=visit)
    GiftFactory.create_batch(3, file=visit_file)

    response = admin_client.get(record_url("visit_files", "index"))

    assert response.status_code == 200
    [row] = response.context["object_list"]
    assert row.gifts_count == 3
    assert "Vizita delegației din Chișinău" in response.content.decode()


def test_superuser_sees_a_link_to_create_then_to_edit_the_file(admin_client, visit):
    create_url = record_url("visit_files", "add") + f"?visit={visit.pk}"
    assert has_link(page_editor_links(admin_client, visit), create_url)

    visit_file = VisitFileFactory(visit=visit)
    assert has_link(
        page_editor_links(admin_client, visit), record_url("visit_files", "edit", visit_file.pk)
    )


def test_page_editor_without_file_permission_sees_no_link(client, visit):
    visit_file = VisitFileFactory(visit=visit)
    client.force_login(page_editor(visit))

    html = page_editor_links(client, visit)

    assert not has_link(html, record_url("visit_files", "edit", visit_file.pk))
    assert record_url("visit_files", "index") not in html
    assert client.get(record_url("visit_files", "index")).status_code in (302, 403)


def test_page_editor_with_file_permission_sees_the_link(client, visit):
    visit_file = VisitFileFactory(visit=visit)
    editor = page_editor(visit)
    grant(editor, "protocol.change_visitfile")
    client.force_login(editor)

    assert has_link(
        page_editor_links(client, visit), record_url("visit_files", "edit", visit_file.pk)
    )


def test_the_file_and_gifts_never_appear_in_the_api(client, visit):
    visit_file = VisitFileFactory(
        visit=visit,
        logistics="Logistică-internă-XYZ",
        interpreters="Interpret-intern-XYZ",
        dietary_needs="Dietă-internă-XYZ",
        notes="Notă-internă-XYZ",
    )
    GiftFactory(file=visit_file, description="Cadou-secret-XYZ", counterpart="Oficial-XYZ")

    for url, body in api_responses(
        client, visit, "protocol.ProtocolVisitPage", "/api/v3/protocol-visits/"
    ):
        for secret in ("XYZ", "gifts", "visit_file"):
            assert secret not in body, (url, secret)
