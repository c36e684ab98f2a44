"""A campaign's results: indicators measured over time against their targets, the chart
with its table, the press review's coverage count, the XLSX/CSV export, and who may see
and record them (over HTTP)."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import Page, Site

from site_s6.campaigns.models import CampaignIndexPage
from site_s6.campaigns.plans import CampaignKPI
from site_s6.campaigns.results import (
    KPIMeasurement,
    campaign_coverage,
    campaign_progress,
    kpi_measurement_record,
)
from site_s6.campaigns.results_report import progress_chart_data
from site_s6.monitoring.models import Clipping
from subsites.roles import CENTRAL_TEAM_GROUP, HEAD_OF_DEPARTMENT_GROUP
from subsites.services import institution_provision
from tests.conftest import build_locales, for_test
from tests.events.budget_world import english_user
from tests.factories import CampaignPageFactory
from tests.factories_internal import CampaignKPIFactory, CampaignPlanFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.datetime(2026, 6, 15, 9, 0, tzinfo=datetime.UTC)


def moment(day: int, month: int = 4) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(2026, month, day, 12))


def build_results_world() -> dict:
    build_locales()
    Site.objects.all().delete()
    Page.objects.filter(depth=2, content_type__model="page").delete()
    main = institution_provision(
        name="Primăria Sectorului 6",
        short_name="Primăria 6",
        hostname="primarie6.localhost",
        kind="city_hall",
        is_default_site=True,
    ).institution
    dgaspc = institution_provision(
        name="DGASPC Sector 6", short_name="DGASPC", hostname="dgaspc6.localhost"
    ).institution
    index = CampaignIndexPage.objects.child_of(main.site.root_page).get()
    campaign = CampaignPageFactory(
        parent=index,
        title="Sector 6 curat",
        start_date=datetime.date(2026, 3, 1),
        end_date=datetime.date(2026, 5, 31),
    )
    other = CampaignPageFactory(parent=index, title="Vară în parc")
    plan = CampaignPlanFactory(campaign=campaign)
    people = CampaignKPIFactory(plan=plan, name="Persoane informate", target=Decimal("10000"))
    bags = CampaignKPIFactory(plan=plan, name="Saci colectați", unit="saci", target=Decimal("500"))
    CampaignKPIFactory(plan=plan, name="Voluntari", unit="persoane", target=Decimal("40"))
    users = {
        "central": english_user("presa", Group.objects.get(name=CENTRAL_TEAM_GROUP)),
        "head": english_user("sef.presa", Group.objects.get(name=HEAD_OF_DEPARTMENT_GROUP)),
        "editor": english_user("editor.dgaspc", dgaspc.editors_group),
    }
    for kpi, day, value in [
        (people, datetime.date(2026, 3, 15), "2500"),
        (people, datetime.date(2026, 4, 15), "6000"),
        (bags, datetime.date(2026, 4, 15), "120"),
        (people, datetime.date(2026, 5, 30), "10500"),
    ]:
        kpi_measurement_record(kpi=kpi, date=day, value=Decimal(value), by=users["central"])
    clippings = [
        # linked to the campaign, whatever its date or title
        ("a", "Colectare selectivă în Drumul Taberei", moment(2), True, campaign),
        ("b", "Saci de gunoi gratuiți", moment(20, 8), None, campaign),
        # not linked, naming it in its period: counted as matching
        ("c", "„Sector 6 curat”: voluntari în parcuri", moment(10), None, None),
        # not counted: marked irrelevant, outside its period, or linked to another campaign
        ("d", "Sector 6 curat, dar nu despre campanie", moment(11), False, None),
        ("e", "Sector 6 curat, ediția trecută", moment(10, 1), None, None),
        ("f", "Sector 6 curat și vară în parc", moment(12), None, other),
    ]
    for key, title, published_at, relevant, page in clippings:
        Clipping.objects.create(
            url=f"https://ziar.example/{key}",
            title=title,
            published_at=published_at,
            relevant=relevant,
            campaign_page=page,
        )
    return {"plan": plan, "kpis": {"people": people, "bags": bags}, "users": users}


@pytest.fixture(scope="module")
def shared_world(module_db):
    with time_machine.travel(TODAY, tick=False):
        return module_db(build_results_world)


@pytest.fixture
def world(db, shared_world):
    with time_machine.travel(TODAY, tick=False):
        yield for_test(shared_world)


def results_url(world, **query) -> str:
    url = reverse("campaign_results", args=[world["plan"].pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_measurements_over_time_keep_the_indicator_at_its_latest_reading(world):
    people = world["kpis"]["people"]
    progress = {row.kpi.name: row for row in campaign_progress(world["plan"])}

    row = progress["Persoane informate"]
    assert [(m.date.day, m.value) for m in row.measurements] == [
        (15, Decimal("2500")),
        (15, Decimal("6000")),
        (30, Decimal("10500")),
    ]
    assert (row.reached, row.percent) == (Decimal("10500"), Decimal("105.0"))
    assert CampaignKPI.objects.get(pk=people.pk).actual == Decimal("10500")
    assert progress["Voluntari"].percent is None  # not measured yet

    # A second reading of the same day replaces it; an older reading leaves the latest.
    kpi_measurement_record(
        kpi=people, date=datetime.date(2026, 5, 30), value=Decimal("9800"), by=None
    )
    kpi_measurement_record(kpi=people, date=datetime.date(2026, 3, 1), value=Decimal("0"), by=None)
    assert KPIMeasurement.objects.filter(kpi=people).count() == 4
    assert CampaignKPI.objects.get(pk=people.pk).actual == Decimal("9800")


def test_the_chart_puts_every_indicator_on_the_share_of_its_target(world):
    data = progress_chart_data(campaign_progress(world["plan"]))

    assert data["labels"] == ["2026-03-15", "2026-04-15", "2026-05-30"]
    assert data["series"][0] == {"label": "Persoane informate", "values": [25.0, 60.0, 105.0]}
    assert data["series"][1] == {"label": "Saci colectați", "values": [None, 24.0, None]}


def test_the_coverage_counts_linked_and_matching_clippings(world, django_assert_num_queries):
    # The linked count (the campaign's translations as a subquery) and the matching count.
    with django_assert_num_queries(2):
        coverage = campaign_coverage(world["plan"])

    assert (coverage.linked, coverage.matching, coverage.total) == (2, 1, 3)


def test_the_results_page_shows_chart_table_and_coverage(client, world):
    client.force_login(world["users"]["head"])

    page = client.get(results_url(world)).content.decode()

    assert 'data-s6-chart="campaign-results-chart"' in page
    assert '<script id="campaign-results-chart" type="application/json">' in page
    assert "/static/vendor/chartjs/chart.umd.min.js" in page
    assert "Persoane informate" in page and "105%" in page
    assert "3 clippings in the press review" in page
    assert "2 linked to the campaign, 1 more that name it in its period." in page
    # The head of department reads; recording is the central team's.
    assert "Record a measurement" not in page


def test_a_measurement_recorded_through_the_admin(client, world):
    client.force_login(world["users"]["central"])
    bags = world["kpis"]["bags"]

    response = client.post(
        results_url(world), {"kpi": bags.pk, "date": "2026-06-01", "value": "310", "note": ""}
    )

    assert response.status_code == 302
    assert CampaignKPI.objects.get(pk=bags.pk).actual == Decimal("310")


@pytest.mark.parametrize(
    ("date", "value", "message"),
    [
        ("2026-06-16", "10", "A measurement cannot be dated in the future."),
        ("2026-06-01", "-1", "Ensure this value is greater than or equal to 0."),
        ("1850-01-01", "10", "Enter a date between the years 1900 and 2200."),
    ],
)
def test_a_bad_measurement_is_refused_with_a_message_and_nothing_changes(
    client, world, date, value, message
):
    client.force_login(world["users"]["central"])
    bags = world["kpis"]["bags"]

    response = client.post(
        results_url(world), {"kpi": bags.pk, "date": date, "value": value, "note": ""}
    )

    assert response.status_code == 400
    assert message in response.content.decode()
    assert KPIMeasurement.objects.filter(kpi=bags).count() == 1
    assert CampaignKPI.objects.get(pk=bags.pk).actual == Decimal("120")


def test_the_service_refuses_a_future_date(world):
    with pytest.raises(ValidationError):
        kpi_measurement_record(
            kpi=world["kpis"]["bags"], date=datetime.date(2026, 7, 1), value=Decimal(1), by=None
        )


def test_the_xlsx_and_csv_exports_list_indicators_measurements_and_coverage(client, world):
    client.force_login(world["users"]["central"])

    response = client.get(results_url(world, export="xlsx"))

    assert response["Content-Disposition"].endswith('.xlsx"')
    workbook = load_workbook(io.BytesIO(response.content))
    summary = dict(workbook["Summary"].iter_rows(values_only=True))
    assert summary["Campaign"] == "Sector 6 curat"
    assert summary["Press coverage: total"] == 3
    indicators = list(workbook["Indicators"].iter_rows(values_only=True))
    assert indicators[1][:5] == ("Persoane informate", "persoane", 10000, 10500, 105)
    measurements = list(workbook["Measurements"].iter_rows(min_row=2, values_only=True))
    assert len(measurements) == KPIMeasurement.objects.count() == 4

    rows = list(
        csv.reader(io.StringIO(client.get(results_url(world, export="csv")).content.decode()))
    )
    assert ["Press coverage: clippings linked to the campaign", "2"] in rows


def test_institution_editors_and_anonymous_visitors_see_no_results(client, world):
    urls = [results_url(world), results_url(world, export="xlsx")]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"]

    client.force_login(world["users"]["editor"])
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == "/admin/"
    response = client.post(
        results_url(world),
        {"kpi": world["kpis"]["bags"].pk, "date": "2026-06-01", "value": "1"},
    )
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert KPIMeasurement.objects.count() == 4


@pytest.mark.parametrize("who", ["central", "head"])
def test_the_department_sees_the_results(client, world, who):
    client.force_login(world["users"][who])

    assert client.get(results_url(world)).status_code == 200
    assert client.get(results_url(world, export="csv")).status_code == 200
