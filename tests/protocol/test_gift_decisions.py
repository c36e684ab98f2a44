"""A gift's declaration, valuation and decision are checked as a whole: what the law
allows is stored, anything else is refused with a message on the field, from the admin
too."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from site_s6.protocol.files import Gift
from tests.conftest import for_test
from tests.factories import ProtocolVisitPageFactory
from tests.factories_internal import VisitFileFactory

from .world import HOST, build_protocol_world

D = datetime.date
VALUED = {
    "valued_on": D(2026, 4, 2),
    "value_ron": Decimal("1492.95"),
    "exchange_rate": Decimal("4.9765"),
    "valuer_1": "Ana Radu",
    "valuer_2": "Mihai Petrescu",
    "valuer_3": "Elena Dobre",
}
KEPT = {"decision": "official", "decided_on": D(2026, 4, 10)}


def build():
    world = build_protocol_world()
    visit = ProtocolVisitPageFactory(parent=world["protocol_index"], title="Vizita din Chișinău")
    world["visit"] = visit.pk
    world["file"] = VisitFileFactory(visit=visit).pk
    return world


@pytest.fixture(scope="module")
def shared_world(module_db):
    return module_db(build)


@pytest.fixture
def world(db, shared_world):
    return for_test(shared_world)


def gift(world, **fields) -> Gift:
    values = {
        "file_id": world["file"],
        "direction": "received",
        "kind": "other",
        "description": "Set de vinuri",
        "official": "Primarul Sectorului 6",
        "gift_date": D(2026, 3, 5),
        "estimated_value": Decimal("1400"),
        **fields,
    }
    return Gift(**values)


@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"date_declared": D(2026, 3, 5)},
        VALUED,
        # Worth €300: kept by paying €100 in lei at the rate, 497.65 lei, or more.
        {**VALUED, **KEPT, "amount_paid": Decimal("497.65")},
        {**VALUED, **KEPT, "amount_paid": Decimal("500")},
        # Worth €150: kept without paying anything.
        {**VALUED, **KEPT, "value_ron": Decimal("746.48")},
        {**VALUED, "decision": "institution", "decided_on": D(2026, 4, 10)},
        {**VALUED, "decision": "other", "decided_on": D(2026, 4, 10), "decision_note": "Muzeu"},
    ],
)
def test_what_the_law_allows_is_stored(world, fields):
    stored = gift(world, **fields)

    stored.full_clean()
    stored.save()

    if "value_ron" in fields:
        assert stored.value_eur == (fields["value_ron"] / fields["exchange_rate"]).quantize(
            Decimal("0.01")
        )


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        (
            {"date_declared": D(2026, 3, 1)},
            "date_declared",
            "A gift cannot be declared before it was received.",
        ),
        (
            {"direction": "given", "date_declared": D(2026, 3, 6)},
            "date_declared",
            "Only a gift received is declared.",
        ),
        (
            {"valued_on": D(2026, 4, 2), "value_ron": Decimal("100")},
            "valuer_1",
            "The commission's valuation needs its date, value, rate and three members.",
        ),
        (
            {**VALUED, "valuer_3": "ana radu"},
            "valuer_3",
            "The commission has three different members.",
        ),
        (
            {**VALUED, "exchange_rate": Decimal("0")},
            "exchange_rate",
            "The exchange rate must be more than zero.",
        ),
        (
            {**VALUED, "valued_on": D(2026, 3, 1)},
            "valued_on",
            "A gift cannot be valued before it was received.",
        ),
        (
            KEPT,
            "decision",
            "The commission values the gift before a decision is taken.",
        ),
        (
            {**VALUED, **KEPT, "direction": "given"},
            "decision",
            "Only a gift received is decided on.",
        ),
        (
            {**VALUED, **KEPT, "amount_paid": Decimal("497.64")},
            "amount_paid",
            "To keep it, the official pays the difference above €200: 497.65 lei.",
        ),
        (
            {**VALUED, "decision": "other", "decided_on": D(2026, 4, 10)},
            "decision_note",
            "Say what was decided.",
        ),
        (
            {**VALUED, "decision": "institution"},
            "decided_on",
            "Give the date of the decision.",
        ),
        (
            {**VALUED, "decision": "institution", "decided_on": D(2026, 4, 10), "amount_paid": 1},
            "amount_paid",
            "A difference is paid only to keep a gift.",
        ),
    ],
)
def test_anything_else_is_refused_on_its_field(world, fields, field, message):
    with pytest.raises(ValidationError) as caught, translation.override("en"):
        gift(world, **fields).full_clean()

    with translation.override("en"):
        assert message in caught.value.message_dict[field]


def test_the_admin_stores_a_valued_gift_with_its_value_in_euro(admin_client, world):
    data = nested_form_data(
        {
            "visit": str(world["visit"]),
            "logistics": "",
            "interpreters": "",
            "dietary_needs": "",
            "notes": "",
            "programme_language": "both",
            "programme_items": inline_formset(
                [
                    {
                        "day": "2026-03-03",
                        "starts_at": "09:30",
                        "ends_at": "",
                        "place": "Sala de consiliu",
                        "activity": "Întâmpinarea delegației",
                        "activity_en": "Welcome",
                        "participants": "",
                    }
                ]
            ),
            "hosts": inline_formset([{"name": "Ana Radu", "role": "Primar", "precedence": "1"}]),
            "gifts": inline_formset(
                [
                    {
                        "direction": "received",
                        "kind": "other",
                        "description": "Set de vinuri",
                        "official": "Primarul Sectorului 6",
                        "counterpart": "",
                        "gift_date": "2026-03-05",
                        "date_declared": "2026-03-20",
                        "estimated_value": "1400",
                        "estimated_value_eur": "",
                        "valued_on": "2026-04-02",
                        "value_ron": "1492.95",
                        "exchange_rate": "4.9765",
                        "valuer_1": "Ana Radu",
                        "valuer_2": "Mihai Petrescu",
                        "valuer_3": "Elena Dobre",
                        "decision": "official",
                        "decided_on": "2026-04-10",
                        "amount_paid": "100",
                        "decision_note": "",
                    }
                ]
            ),
        }
    )
    url = f"/admin/visit_files/edit/{world['file']}/"

    refused = admin_client.post(url, data, HTTP_HOST=HOST)

    assert refused.status_code == 200
    assert not Gift.objects.exists()
    assert "497,65 lei" in refused.content.decode()  # the message, in Romanian

    data["gifts-0-amount_paid"] = "497.65"
    response = admin_client.post(url, data, HTTP_HOST=HOST)

    assert response.status_code == 302
    stored = Gift.objects.get()
    assert stored.value_eur == Decimal("300.00")
    assert stored.difference_to_pay == Decimal("497.65")
    assert stored.file.programme_items.get().activity_en == "Welcome"
    assert stored.file.hosts.get().name == "Ana Radu"
