"""The budget report across events: by month, category, requester and institution, the
year's totals against its allocation, the chart with its table, and the XLSX and CSV
exports, whose totals are the database's."""

import csv
import io
from decimal import Decimal

import pytest
from django.db.models import Sum
from django.urls import reverse
from openpyxl import load_workbook

from site_s6.events.budget_report import budget_report
from site_s6.events.budget_services import budget_approve, budget_entry_record, budget_submit
from site_s6.events.budgets import BudgetYear
from site_s6.events.plans import BudgetLine
from tests.conftest import for_test
from tests.events.budget_world import build_budget_world

pytestmark = pytest.mark.django_db

REPORT = reverse("event_budget_report")


def spent_world() -> dict:
    world = build_budget_world()
    central, head = world["users"]["central"], world["users"]["head"]
    plan = world["plans"]["festival"]
    budget_submit(plan=plan, by=central)
    budget_approve(plan=plan, by=head)
    for line_key, kind, amount in [
        ("stage", "commitment", "4000.25"),
        ("stage", "payment", "1500"),
        ("posters", "payment", "999.99"),
    ]:
        budget_entry_record(
            line=world["lines"][line_key], kind=kind, amount=Decimal(amount), by=central
        )
    BudgetYear.objects.create(year=2026, allocation=Decimal("20000"))
    return world


@pytest.fixture(scope="module")
def shared_world(module_db):
    return module_db(spent_world)


@pytest.fixture
def world(db, shared_world):
    return for_test(shared_world)


def database_totals(**filters) -> tuple[Decimal, Decimal, Decimal]:
    sums = BudgetLine.objects.filter(plan__event__start__year=2026, **filters).aggregate(
        Sum("planned"), Sum("committed"), Sum("spent")
    )
    return sums["planned__sum"], sums["committed__sum"], sums["spent__sum"]


def money(value) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"))


def test_the_xlsx_totals_equal_the_databases(client, world):
    client.force_login(world["users"]["head"])

    response = client.get(REPORT, {"year": 2026, "export": "xlsx"})

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="event-budgets-2026.xlsx"'
    workbook = load_workbook(io.BytesIO(response.content))
    planned, committed, spent = database_totals()
    assert (planned, committed, spent) == (Decimal("9500"), Decimal("5000.24"), Decimal("2499.99"))
    # Left: each line's planned amount less what it has taken (committed, payments included).
    left = sum(
        line.planned - max(line.committed, line.spent)
        for line in BudgetLine.objects.filter(plan__event__start__year=2026)
    )
    assert left == Decimal("4499.76")
    summary = list(workbook["Summary"].iter_rows(values_only=True))
    assert summary[0][:3] == ("Section", "Value", "Plans")
    total = summary[1]
    assert total[:3] == ("Total", "2026", 2)
    assert [money(cell) for cell in total[3:7]] == [
        planned,
        committed,
        spent,
        left,
    ]
    assert summary[2][0] == "Year's allocation (RON)" and money(summary[2][3]) == Decimal("20000")
    assert money(summary[3][3]) == Decimal("20000") - planned
    # Every section's rows add up to the same totals, and its own total line says so.
    for title in ["By month", "By category", "By requester", "By institution"]:
        rows = list(workbook[title].iter_rows(min_row=2, values_only=True))
        *groups, last = rows
        assert last[0] == "Total"
        for column, expected in zip((2, 3, 4), (planned, committed, spent), strict=True):
            assert money(last[column]) == expected, title
            assert sum(money(row[column]) for row in groups) == expected, title


def test_the_report_groups_by_month_category_requester_and_institution(world):
    report = budget_report(year=2026)
    sections = {section.key: section for section in report.sections}

    # Month names are written as the Romanian formats write them (in lower case or not).
    assert [(row.label.lower(), row.planned) for row in sections["month"].rows] == [
        ("mai 2026", Decimal("7000")),
        ("decembrie 2026", Decimal("2500")),
    ]
    # Largest planned first, each category under its (Romanian) label.
    categories = dict(BudgetLine.Category.choices)
    assert [(row.label, row.planned, row.spent) for row in sections["category"].rows] == [
        (str(categories["venue"]), Decimal("6000"), Decimal("1500")),
        (str(categories["catering"]), Decimal("2500"), Decimal("0")),
        (str(categories["printing"]), Decimal("1000"), Decimal("999.99")),
    ]
    assert {row.label: row.planned for row in sections["requester"].rows} == {
        "Primarul Sectorului 6": Decimal("7000"),
        "Directorul DGASPC": Decimal("2500"),
    }
    assert {row.label: row.planned for row in sections["institution"].rows} == {
        "Primăria Sectorului 6": Decimal("7000"),
        "DGASPC Sector 6": Decimal("2500"),
    }
    approved = budget_report(year=2026, approved_only=True)
    assert (approved.total.planned, approved.total.plans) == (Decimal("7000"), 1)


def test_the_report_reads_the_lines_in_one_query_and_the_allocation_in_another(
    world, django_assert_num_queries
):
    budget_report(year=2026)  # the site index is built once per process, then cached

    with django_assert_num_queries(2):
        budget_report(year=2026)


def test_the_page_has_the_chart_with_its_data_and_the_table_beside(client, world):
    client.force_login(world["users"]["central"])

    page = client.get(REPORT, {"year": 2026}).content.decode()

    assert 'data-s6-chart="budget-report-chart"' in page
    assert '<script id="budget-report-chart" type="application/json">' in page
    assert "/static/vendor/chartjs/chart.umd.min.js" in page
    assert "/static/js/admin-charts.js" in page
    assert "<caption" in page and "DGASPC Sector 6" in page
    assert "20,000.00 lei" in page  # the year's allocation
    assert "10,500.00 lei" in page  # what it leaves unplanned
    # The admin's report-only CSP wants no inline script: only the data block is inline.
    assert "Chart(" not in page


def test_the_csv_lists_the_same_totals(client, world):
    client.force_login(world["users"]["central"])

    response = client.get(REPORT, {"year": 2026, "export": "csv"})

    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[1][:3] == ["Total", "2026", "2"]
    assert [Decimal(cell) for cell in rows[1][3:6]] == list(database_totals())


def test_a_year_without_budgets_says_so(client, world):
    client.force_login(world["users"]["central"])

    page = client.get(REPORT, {"year": 2031}).content.decode()

    assert "No event budget in this year." in page
    assert "Not set" in page


def test_a_year_out_of_range_falls_back_to_this_year(client, world):
    client.force_login(world["users"]["central"])

    response = client.get(REPORT, {"year": "abc"})

    assert response.status_code == 200
