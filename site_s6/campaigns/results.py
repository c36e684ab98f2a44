"""A campaign's results: its indicators measured over time against their targets, and the
press coverage the press review found.

A measurement is the value an indicator had reached on a date (a running total, as read
from a counter or a report), not an increment; the latest one is the indicator's actual
value. Internal, like the plan: shown only in the admin, to the department.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from site_s6.core.validators import no_line_breaks, validate_calendar_year, validate_non_negative

from .plans import CampaignKPI, CampaignPlan


class KPIMeasurement(models.Model):
    """The value an indicator had reached on a date."""

    kpi = models.ForeignKey(
        CampaignKPI,
        verbose_name=_("indicator (KPI)"),
        on_delete=models.CASCADE,
        related_name="measurements",
    )
    date = models.DateField(_("date"), validators=[validate_calendar_year])
    value = models.DecimalField(
        _("value reached"), max_digits=14, decimal_places=2, validators=[validate_non_negative]
    )
    note = models.CharField(_("note"), max_length=250, blank=True, validators=[no_line_breaks])
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("indicator measurement")
        verbose_name_plural = _("indicator measurements")
        ordering = ["date", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["kpi", "date"], name="one_measurement_per_kpi_and_day")
        ]

    def __str__(self):
        return f"{self.kpi}: {self.value} ({self.date:%Y-%m-%d})"


@transaction.atomic
def kpi_measurement_record(
    *, kpi: CampaignKPI, date: datetime.date, value: Decimal, by, note: str = ""
) -> KPIMeasurement:
    """Record what ``kpi`` had reached on ``date`` (replacing that day's reading) and keep
    the indicator's actual value at its latest reading.

    Raises ``ValidationError`` for a negative value, a date out of range or in the future.
    """
    if date > timezone.localdate():
        raise ValidationError({"date": _("A measurement cannot be dated in the future.")})
    measurement = KPIMeasurement.objects.filter(kpi=kpi, date=date).first() or KPIMeasurement(
        kpi=kpi, date=date
    )
    measurement.value = value
    measurement.note = note
    measurement.recorded_by = by
    measurement.full_clean(exclude=["kpi", "recorded_by"], validate_unique=False)
    measurement.save()
    latest = kpi.measurements.order_by("-date", "-pk").values_list("value", flat=True).first()
    CampaignKPI.objects.filter(pk=kpi.pk).update(actual=latest)
    kpi.actual = latest
    return measurement


@dataclass
class KPIProgress:
    kpi: CampaignKPI
    measurements: list[KPIMeasurement]

    @property
    def latest(self) -> KPIMeasurement | None:
        return self.measurements[-1] if self.measurements else None

    @property
    def reached(self) -> Decimal | None:
        """The latest measured value, or the actual typed in the plan before measurements."""
        return self.latest.value if self.latest else self.kpi.actual

    @property
    def percent(self) -> Decimal | None:
        """The share of the target reached, in percent (``None`` without a target or value)."""
        if self.reached is None or not self.kpi.target:
            return None
        return (self.reached * 100 / self.kpi.target).quantize(Decimal("0.1"))


@dataclass
class Coverage:
    """Clippings of the press review about the campaign: linked to it by the press office,
    or matching its title in its period without being linked to any campaign yet."""

    linked: int
    matching: int

    @property
    def total(self) -> int:
        return self.linked + self.matching


def campaign_progress(plan: CampaignPlan) -> list[KPIProgress]:
    """Each indicator with its measurements in date order (two queries)."""
    kpis = list(plan.kpis.prefetch_related("measurements").order_by("sort_order", "pk"))
    return [KPIProgress(kpi=kpi, measurements=list(kpi.measurements.all())) for kpi in kpis]


def campaign_coverage(plan: CampaignPlan) -> Coverage | None:
    """The press review's count for the campaign; ``None`` when there is no press review."""
    try:
        clipping_model = apps.get_model("monitoring", "Clipping")
    except LookupError:
        return None
    campaign = plan.campaign
    counted = clipping_model.objects.exclude(relevant=False)
    translations = campaign.get_translations(inclusive=True).values("pk")
    linked = counted.filter(campaign_page__in=translations).count()
    start = timezone.make_aware(datetime.datetime.combine(campaign.start_date, datetime.time()))
    end_date = campaign.end_date or timezone.localdate()
    end = timezone.make_aware(
        datetime.datetime.combine(end_date + datetime.timedelta(days=1), datetime.time())
    )
    title = campaign.title.strip()
    matching = (
        counted.filter(campaign_page__isnull=True)
        .filter(Q(title__icontains=title) | Q(excerpt__icontains=title))
        .filter(
            Q(published_at__gte=start, published_at__lt=end)
            | Q(published_at__isnull=True, found_at__gte=start, found_at__lt=end)
        )
        .count()
    )
    return Coverage(linked=linked, matching=matching)
