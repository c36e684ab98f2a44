"""The demo's event budgets and campaign results.

On the demo's event plans (``fixtures/demo/events.json``): the earliest is submitted by the
central team (``presa``) and approved by the head of department (``sef.presa``), then gets
a commitment and a payment on lines with room left; the next one waits for approval. The
year gets its allocation, and the first campaign with indicators gets three measurements
of each, from its start to today. Idempotent: nothing is done again once the history or the
measurements exist.
"""

import datetime
from decimal import Decimal

from django.apps import apps
from django.contrib.auth import get_user_model

YEAR_ALLOCATION = Decimal("250000.00")
#: Shares of each target reached at the three measurements.
MEASURED_SHARES = (Decimal("0.25"), Decimal("0.55"), Decimal("0.80"))


def load_budgets(loader) -> None:
    """Approve and spend on one demo budget, submit another, set the year's allocation and
    measure a campaign's indicators."""
    from site_s6.campaigns.results import kpi_measurement_record
    from site_s6.events.budget_services import (
        budget_approve,
        budget_entry_record,
        budget_submit,
    )
    from site_s6.events.budgets import line_left

    users = get_user_model().objects.in_bulk(["presa", "sef.presa"], field_name="username")
    central, head = users.get("presa"), users.get("sef.presa")
    year_model = apps.get_model("events", "BudgetYear")
    _year, created = year_model.objects.get_or_create(
        year=loader.today.year, defaults={"allocation": YEAR_ALLOCATION}
    )
    if created:
        loader.report.count("yearly allocations")

    plan_model = apps.get_model("events", "EventPlan")
    decision_model = apps.get_model("events", "BudgetDecision")
    if not decision_model.objects.exists():
        plans = [
            plan
            for plan in plan_model.objects.select_related("event").order_by("event__start", "pk")
            if plan.budget_lines.exists()
        ]
        if plans:
            approved = plans[0]
            budget_submit(plan=approved, by=central)
            budget_approve(plan=approved, by=head)
            loader.report.count("approved budgets")
            for line in approved.budget_lines.order_by("sort_order", "pk"):
                room = line_left(line)
                if room < Decimal("100"):
                    continue
                half = (room / 2).quantize(Decimal("1"))
                budget_entry_record(
                    line=line,
                    kind="commitment",
                    amount=half,
                    by=central,
                    reference=f"CTR-{line.pk:04d}",
                    note="Contract semnat cu furnizorul",
                )
                budget_entry_record(
                    line=line, kind="payment", amount=half / 2, by=central, reference="Factura 17"
                )
                loader.report.count("spending entries")
        if len(plans) > 1:
            budget_submit(plan=plans[1], by=central)
            loader.report.count("budgets waiting for approval")

    measurement_model = apps.get_model("campaigns", "KPIMeasurement")
    campaign_plan_model = apps.get_model("campaigns", "CampaignPlan")
    if measurement_model.objects.exists():
        return
    plan = (
        campaign_plan_model.objects.filter(
            kpis__isnull=False,
            campaign__locale__language_code="ro",
            campaign__start_date__lte=loader.today,
        )
        .select_related("campaign")
        .order_by("campaign__start_date", "pk")
        .first()
    )
    if plan is None:
        return
    # From the campaign's start to today, evenly (the demo's dates follow today's).
    start = plan.campaign.start_date
    step = datetime.timedelta(days=(loader.today - start).days // (len(MEASURED_SHARES) - 1))
    for kpi in plan.kpis.all():
        for index, share in enumerate(MEASURED_SHARES):
            day = min(start + step * index, loader.today)
            kpi_measurement_record(
                kpi=kpi,
                date=day,
                value=(kpi.target * share).quantize(Decimal("1")),
                by=central,
            )
            loader.report.count("indicator measurements")
