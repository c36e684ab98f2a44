"""The life of an event's budget after it is planned: its approvals, what is committed and
spent against each line, and the department's allocation for each year.

Internal, like the plan: kept outside the page tree, shown only in the admin to the
central team and the head of department.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from site_s6.core.validators import no_line_breaks

from .plans import ZERO, BudgetLine, EventPlan, money_field

#: From this share of a line's planned amount on, the line is shown as nearly used up.
NEAR_LIMIT_RATIO = Decimal("0.90")


class BudgetDecision(models.Model):
    """One step of a plan's approval, kept for good: who did what, when, and why."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted for approval")
        APPROVED = "approved", _("Approved")
        RETURNED = "returned", _("Returned for changes")
        REOPENED = "reopened", _("Reopened for changes")

    plan = models.ForeignKey(
        EventPlan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="decisions"
    )
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    reason = models.TextField(_("reason"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    # The budget as it stood, so a later change shows against what was approved.
    allocated_budget = money_field(_("allocated budget (RON)"))
    planned_total = money_field(_("planned (RON)"))

    class Meta:
        verbose_name = _("budget decision")
        verbose_name_plural = _("budget decisions")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.get_action_display()} ({self.at:%Y-%m-%d %H:%M})"


class BudgetEntry(models.Model):
    """An amount committed (a contract, an order) or paid against one budget line.

    A commitment adds to the line's committed amount; a payment adds to its spent amount,
    and commits at the same time whatever it pays beyond what was committed (a purchase
    paid on the spot is committed and paid at once).
    """

    class Kind(models.TextChoices):
        COMMITMENT = "commitment", _("Commitment (contract or order)")
        PAYMENT = "payment", _("Payment")

    line = models.ForeignKey(
        BudgetLine, verbose_name=_("budget line"), on_delete=models.CASCADE, related_name="entries"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    amount = models.DecimalField(
        _("amount (RON)"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    date = models.DateField(_("date"), default=timezone.localdate)
    reference = models.CharField(
        _("document"),
        max_length=100,
        blank=True,
        help_text=_("Contract, order or invoice number."),
        validators=[no_line_breaks],
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
        verbose_name = _("spending entry")
        verbose_name_plural = _("spending entries")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.amount} ({self.date:%Y-%m-%d})"


class BudgetYear(models.Model):
    """The department's allocation for events in one year, set by the head of department."""

    year = models.PositiveSmallIntegerField(
        _("year"),
        unique=True,
        validators=[MinValueValidator(2000), MaxValueValidator(2200)],
    )
    allocation = money_field(_("allocation (RON)"))
    notes = models.TextField(_("notes"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("yearly allocation")
        verbose_name_plural = _("yearly allocations")
        ordering = ["-year"]

    def __str__(self):
        return str(self.year)


def line_used(line: BudgetLine) -> Decimal:
    """The part of a line's planned amount that is taken: what is committed (contracted or
    ordered, paid or not). A payment is always committed too, so the spent amount counts
    only where older records paid more than they committed."""
    return max(line.committed or ZERO, line.spent or ZERO)


def line_left(line: BudgetLine) -> Decimal:
    """What a line may still commit or spend."""
    return (line.planned or ZERO) - line_used(line)


def line_near_limit(line: BudgetLine) -> bool:
    """Whether a line has used more than 90% of its planned amount (or has no room at all)."""
    planned = line.planned or ZERO
    used = line_used(line)
    if planned <= ZERO:
        return used > ZERO
    return used > planned * NEAR_LIMIT_RATIO
