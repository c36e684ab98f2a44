"""The yearly gifts register in the admin and its XLSX and PDF exports: every gift of the
year and none of another, the declaration clock, and who may open them (over HTTP)."""

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from site_s6.protocol.files import Gift
from tests.conftest import for_test
from tests.factories import ProtocolVisitPageFactory
from tests.factories_internal import GiftFactory, VisitFileFactory

from .world import HOST, build_protocol_world

TODAY = datetime.datetime(2026, 7, 1, 10, 0)
D = datetime.date
REGISTER = "/admin/protocol/gifts-register/"
GIFTS_2026 = {
    "wine": "Set de vinuri moldovenești",
    "carpet": "Covoraș țesut manual",
    "album": "Album „Sectorul 6”",
    "medal": "Medalie comemorativă",
    "ceramic": "Ceramică din Veneto",
}
GIFT_2025 = "Ceas de masă din 2025"


def build():
    world = build_protocol_world()
    index = world["protocol_index"]
    chisinau = ProtocolVisitPageFactory(
        parent=index,
        title="Vizita delegației din Chișinău",
        visit_start=D(2026, 3, 3),
        visit_end=D(2026, 3, 4),
    )
    older = ProtocolVisitPageFactory(
        parent=index, title="Vizita din Iași", visit_start=D(2025, 11, 9), visit_end=None
    )
    file_2026 = VisitFileFactory(visit=chisinau)
    file_2025 = VisitFileFactory(visit=older)
    received = {"file": file_2026, "direction": Gift.Direction.RECEIVED}
    gifts = {
        "wine": GiftFactory(
            **received,
            description=GIFTS_2026["wine"],
            official="Primarul Sectorului 6",
            gift_date=D(2026, 3, 5),
            date_declared=D(2026, 3, 20),
            estimated_value=Decimal("1400"),
            valued_on=D(2026, 4, 2),
            value_ron=Decimal("1492.95"),
            exchange_rate=Decimal("4.9765"),
            valuer_1="Ana Radu",
            valuer_2="Mihai Petrescu",
            valuer_3="Elena Dobre",
            decision=Gift.Decision.KEPT_BY_OFFICIAL,
            decided_on=D(2026, 4, 10),
            amount_paid=Decimal("497.65"),
        ),
        "carpet": GiftFactory(
            **received,
            description=GIFTS_2026["carpet"],
            official="Viceprimarul Sectorului 6",
            gift_date=D(2026, 5, 10),
        ),
        "album": GiftFactory(
            file=file_2026,
            direction=Gift.Direction.GIVEN,
            description=GIFTS_2026["album"],
            gift_date=D(2026, 3, 4),
        ),
        "medal": GiftFactory(
            **received,
            kind=Gift.Kind.DECORATION,
            description=GIFTS_2026["medal"],
            gift_date=D(2026, 6, 20),
            estimated_value=Decimal("150"),
            estimated_value_eur=Decimal("30"),
        ),
        "ceramic": GiftFactory(
            **received,
            description=GIFTS_2026["ceramic"],
            gift_date=D(2026, 6, 15),
        ),
    }
    GiftFactory(
        **{**received, "file": file_2025},
        description=GIFT_2025,
        gift_date=D(2025, 11, 10),
        date_declared=D(2025, 11, 20),
    )
    world["gifts"] = {key: gift.pk for key, gift in gifts.items()}
    world["file_2026"] = file_2026.pk
    return world


@pytest.fixture(scope="module")
def shared_world(module_db):
    return module_db(build)


@pytest.fixture
def world(db, shared_world):
    return for_test(shared_world)


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(TODAY, tick=False):
        yield


def login(client, world, who):
    if who != "anonymous":
        client.force_login(world["users"][who])
    return client


def get(client, url):
    return client.get(url, HTTP_HOST=HOST)


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    # Table cells wrap their lines: read the text as one line of words.
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


# Who sees the register


@pytest.mark.parametrize("query", ["", "?year=2026&export=xlsx", "?year=2026&export=pdf"])
@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("central", 200),
        ("head", 200),
        ("city_editor", "denied"),
        ("editor", "denied"),
        ("anonymous", "login"),
    ],
)
def test_only_the_central_team_and_the_head_of_department_open_the_register(
    client, world, who, status, query
):
    response = get(login(client, world, who), REGISTER + query)

    if status == "login":
        assert response.status_code == 302
        assert "/login/" in response["Location"]
    elif status == "denied":
        # Wagtail's admin turns a refusal into a return to the dashboard, with a message.
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
        assert "content-disposition" not in response
    else:
        assert response.status_code == 200


@pytest.mark.parametrize(("who", "shown"), [("central", True), ("head", True), ("editor", False)])
def test_the_menu_names_the_register_to_those_who_may_open_it(client, world, who, shown):
    response = get(login(client, world, who), "/admin/")

    assert response.status_code == 200
    assert (REGISTER in response.content.decode()) is shown


# The register in the admin


def test_the_register_shows_the_year_with_its_clocks(client, world, django_assert_num_queries):
    login(client, world, "central")
    get(client, REGISTER)  # the session and the user's profile, read once
    # A year of one gift costs as many queries as a year of five: the gifts and their
    # visits are one query, whatever their number.
    with CaptureQueriesContext(connection) as one_gift:
        get(client, REGISTER + "?year=2025")
    with django_assert_num_queries(len(one_gift)):
        response = get(client, REGISTER + "?year=2026")

    assert response.status_code == 200
    html = response.content.decode()
    for description in GIFTS_2026.values():
        assert description in html
    assert GIFT_2025 not in html
    rows = {row.gift.pk: row for row in response.context["page_obj"]}
    gifts = world["gifts"]
    # The carpet was received on 10 May: due by 9 June, 22 days late on 1 July.
    assert rows[gifts["carpet"]].overdue
    assert rows[gifts["carpet"]].days_late == 22
    assert rows[gifts["carpet"]].due == D(2026, 6, 9)
    # The ceramic set, received on 15 June, has until 15 July.
    assert rows[gifts["ceramic"]].days_left == 14
    assert not rows[gifts["ceramic"]].overdue
    assert rows[gifts["medal"]].due is None  # exempt: a decoration worth €30
    assert rows[gifts["album"]].due is None  # given
    assert html.count("protocol-gift-overdue") == 1


def test_the_register_reads_in_romanian(client, world):
    response = get(login(client, world, "central"), REGISTER + "?year=2026")

    html = response.content.decode()
    assert "Registrul cadourilor" in html
    assert "Declarare întârziată" in html
    assert "Scutit (până la 50 €)" in html
    assert "Păstrat de reprezentantul oficial" in html


def test_a_year_with_no_gift_says_so(client, world):
    response = get(login(client, world, "central"), REGISTER + "?year=2024")

    assert response.status_code == 200
    assert response.context["register"].rows == []
    assert "Niciun cadou nu a fost primit sau oferit în acest an." in response.content.decode()


@pytest.mark.parametrize("query", ["?year=1066", "?year=abc", "?export=docx"])
def test_a_bad_year_or_export_is_refused(client, world, query):
    response = get(login(client, world, "central"), REGISTER + query)

    assert response.status_code == 400
    assert "content-disposition" not in response


# The exports


def test_the_xlsx_lists_every_gift_of_the_year_and_none_of_another(client, world):
    response = get(login(client, world, "head"), REGISTER + "?year=2026&export=xlsx")

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="gifts-register-2026.xlsx"'
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    assert sorted(row[5] for row in rows) == sorted(GIFTS_2026.values())
    assert [row[0] for row in rows] == [1, 2, 3, 4, 5]
    wine = next(row for row in rows if row[5] == GIFTS_2026["wine"])
    # Typed cells: the date, the amounts, the rate.
    assert wine[2] == datetime.datetime(2026, 3, 5)
    assert wine[12] == pytest.approx(1492.95)
    assert wine[13] == pytest.approx(300.0)
    assert wine[14] == pytest.approx(4.9765)
    assert wine[16] == "Ana Radu, Mihai Petrescu, Elena Dobre"


def test_the_xlsx_of_another_year_lists_only_its_gifts(client, world):
    response = get(login(client, world, "central"), REGISTER + "?year=2025&export=xlsx")

    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert [row[5] for row in sheet.iter_rows(min_row=3, values_only=True)] == [GIFT_2025]


def test_the_pdf_lists_every_gift_of_the_year_and_none_of_another(client, world):
    response = get(login(client, world, "central"), REGISTER + "?year=2026&export=pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    for description in GIFTS_2026.values():
        assert description in text
    assert GIFT_2025 not in text
    assert "Registrul cadourilor 2026" in text
    assert "Primăria Sectorului 6" in text  # the branded band
    assert "1.492,95 lei = 300,00 €" in text


def test_the_pdf_of_another_year_lists_only_its_gifts(client, world):
    response = get(login(client, world, "central"), REGISTER + "?year=2025&export=pdf")

    text = pdf_text(response.content)
    assert GIFT_2025 in text
    assert not any(description in text for description in GIFTS_2026.values())


def test_the_register_sums_up_each_official(client, world):
    login(client, world, "central")

    response = get(client, REGISTER + "?year=2026&export=xlsx")

    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    rows = list(workbook.worksheets[1].iter_rows(min_row=2, values_only=True))
    # official, received, given, estimated value, declarations overdue
    assert sorted(rows) == [
        ("Primarul Sectorului 6", 3, 1, pytest.approx(1850.0), 0),
        ("Viceprimarul Sectorului 6", 1, 0, pytest.approx(150.0), 1),
    ]
    page = get(client, REGISTER + "?year=2026").content.decode()
    assert "Pe reprezentant oficial" in page
    assert "Pe reprezentant oficial" in pdf_text(
        get(client, REGISTER + "?year=2026&export=pdf").content
    )
