"""The internal plan and budget of an event.

Not content: a plan hangs off its event page by a one-to-one key (not a child relation),
so page revisions, copies, translations, templates and the API never carry it. Only the
"Internal planning" admin views, guarded by the model permissions, show it.
"""

from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Coalesce, Greatest
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from site_s6.core.validators import no_line_breaks, validate_non_negative

from .forms import EventPlanForm
from .panels import BudgetSummaryPanel

ZERO = Decimal("0.00")


def money_field(verbose_name, **kwargs) -> models.DecimalField:
    """An amount in lei (RON), never negative."""
    return models.DecimalField(
        verbose_name,
        max_digits=12,
        decimal_places=2,
        default=ZERO,
        validators=[validate_non_negative],
        **kwargs,
    )


def validate_planned_total(*, allocated: Decimal | None, planned: Iterable[Decimal | None]) -> None:
    """Refuse budget lines whose planned amounts add up to more than the allocation."""
    planned_total = sum((amount or ZERO for amount in planned), ZERO)
    allocated = allocated if allocated is not None else ZERO
    if planned_total > allocated:
        raise ValidationError(
            {
                "allocated_budget": ValidationError(
                    _(
                        "The budget lines plan %(planned)s lei, more than the %(allocated)s lei "
                        "allocated. Lower the lines or raise the allocation."
                    ),
                    params={
                        "planned": number_format(planned_total, 2, force_grouping=True),
                        "allocated": number_format(allocated, 2, force_grouping=True),
                    },
                    code="over_allocation",
                )
            }
        )


class EventPlanQuerySet(models.QuerySet):
    """Event plans, with their budget totals on request."""

    def with_totals(self) -> "EventPlanQuerySet":
        """Annotate each plan with its line totals, in the same query (for listings)."""
        zero = models.Value(ZERO, output_field=models.DecimalField(max_digits=12, decimal_places=2))
        return self.annotate(
            _planned_total=Coalesce(models.Sum("budget_lines__planned"), zero),
            _spent_total=Coalesce(models.Sum("budget_lines__spent"), zero),
            _overspent=Coalesce(
                models.Sum(
                    Greatest(
                        models.F("budget_lines__spent") - models.F("budget_lines__planned"), zero
                    )
                ),
                zero,
            ),
        )


class EventPlan(ClusterableModel):
    """One event's internal plan: who asked for it, who runs it and what it may cost."""

    class ApprovalState(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted for approval")
        APPROVED = "approved", _("Approved")
        RETURNED = "returned", _("Returned for changes")

    event = models.OneToOneField(
        "events.EventPage",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="plan",
    )
    requested_by = models.CharField(
        _("requested by"),
        max_length=200,
        blank=True,
        help_text=_("Who asked for the event, e.g. the mayor."),
        validators=[no_line_breaks],
    )
    concept = models.TextField(_("concept"), blank=True)
    responsible_person = models.CharField(
        _("responsible person"), max_length=150, blank=True, validators=[no_line_breaks]
    )
    allocated_budget = money_field(
        _("allocated budget (RON)"),
        help_text=_("The budget lines can never plan more than this amount, in lei."),
    )
    approval_state = models.CharField(
        _("approval state"),
        max_length=10,
        choices=ApprovalState.choices,
        default=ApprovalState.DRAFT,
    )
    notes = models.TextField(_("internal notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = EventPlanQuerySet.as_manager()

    base_form_class = EventPlanForm

    panels = [
        FieldPanel("event"),
        MultiFieldPanel(
            [
                FieldPanel("requested_by"),
                FieldPanel("responsible_person"),
                FieldPanel("concept"),
            ],
            heading=_("Plan"),
        ),
        MultiFieldPanel(
            # The approval state changes only through the budget's approval actions.
            [FieldPanel("allocated_budget")],
            heading=_("Budget"),
        ),
        BudgetSummaryPanel(heading=_("Budget summary")),
        InlinePanel("budget_lines", heading=_("Budget lines")),
        FieldPanel("notes"),
    ]

    class Meta:
        verbose_name = _("event plan")
        verbose_name_plural = _("event plans")
        ordering = ["-event__start"]

    def __str__(self):
        if not self.event_id:
            return gettext("New event plan")
        return gettext("Plan: %(event)s") % {"event": self.event.title}

    #: States in which the budget is frozen: waiting for a decision, or approved.
    LOCKED_STATES = (ApprovalState.SUBMITTED, ApprovalState.APPROVED)

    @property
    def is_locked(self) -> bool:
        """Whether the stored plan is frozen (submitted or approved): edits are refused."""
        return self.approval_state in self.LOCKED_STATES

    def clean(self):
        super().clean()
        if self.pk:
            stored = EventPlan.objects.filter(pk=self.pk).values_list("approval_state", flat=True)
            stored_state = stored.first()
            if stored_state == self.ApprovalState.APPROVED:
                raise ValidationError(
                    _(
                        "This budget is approved and locked. Reopen it to change it; "
                        "it will then need a new approval."
                    ),
                    code="budget_locked",
                )
            if stored_state == self.ApprovalState.SUBMITTED:
                raise ValidationError(
                    _(
                        "This budget waits for the head of department's decision and cannot "
                        "be changed until it is returned."
                    ),
                    code="budget_locked",
                )
        validate_planned_total(
            allocated=self.allocated_budget,
            planned=(line.planned for line in self.budget_lines.all()),
        )
        if self.event_id:
            # Translations of an event are one event: they share its single plan.
            other_plans = EventPlan.objects.filter(
                event__translation_key=self.event.translation_key
            ).exclude(pk=self.pk)
            if other_plans.exists():
                raise ValidationError(
                    {"event": _("This event already has a plan, in another language.")},
                    code="plan_exists",
                )

    def _total(self, field: str) -> Decimal:
        return sum((getattr(line, field) or ZERO for line in self.budget_lines.all()), ZERO)

    @property
    def planned_total(self) -> Decimal:
        """The sum of the planned amounts."""
        if hasattr(self, "_planned_total"):
            return self._planned_total
        return self._total("planned")

    @property
    def committed_total(self) -> Decimal:
        """The sum of the committed amounts."""
        return self._total("committed")

    @property
    def spent_total(self) -> Decimal:
        """The sum of the amounts spent."""
        if hasattr(self, "_spent_total"):
            return self._spent_total
        return self._total("spent")

    @property
    def left_total(self) -> Decimal:
        """What the lines may still commit: planned, less what each line has taken."""
        from .budgets import line_left

        return sum((line_left(line) for line in self.budget_lines.all()), ZERO)

    @property
    def remaining(self) -> Decimal:
        """What the allocation leaves unplanned."""
        return (self.allocated_budget or ZERO) - self.planned_total

    @property
    def overspent(self) -> Decimal:
        """How much the lines spent beyond what they planned, line by line.

        Shown, not refused: the money is already gone, and the register must say so.
        """
        if hasattr(self, "_overspent"):
            return self._overspent
        return sum((line.overspent for line in self.budget_lines.all()), ZERO)


class BudgetLine(Orderable):
    """One line of an event's budget: what it pays for, from whom, and how far it got."""

    class Category(models.TextChoices):
        VENUE = "venue", _("Venue")
        MATERIALS = "materials", _("Materials")
        PRINTING = "printing", _("Printing")
        CATERING = "catering", _("Catering / protocol")
        TRANSPORT = "transport", _("Transport")
        FEES = "fees", _("Fees")
        SERVICES = "services", _("Services")
        OTHER = "other", _("Other")

    plan = ParentalKey(
        EventPlan,
        verbose_name=_("plan"),
        on_delete=models.CASCADE,
        related_name="budget_lines",
    )
    category = models.CharField(_("category"), max_length=12, choices=Category.choices)
    description = models.CharField(_("description"), max_length=250, validators=[no_line_breaks])
    supplier = models.CharField(
        _("supplier"), max_length=200, blank=True, validators=[no_line_breaks]
    )
    planned = money_field(_("planned (RON)"))
    # Kept by the spending entries (``budget_services.budget_entry_record``), which refuse
    # to pass the planned amount; the plan's form does not edit them.
    committed = money_field(
        _("committed (RON)"), help_text=_("Contracted or ordered, paid or not.")
    )
    spent = money_field(_("spent (RON)"))

    panels = [
        FieldRowPanel([FieldPanel("category"), FieldPanel("supplier")]),
        FieldPanel("description"),
        FieldPanel("planned"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")

    def __str__(self):
        return f"{self.get_category_display()}: {self.description}"

    @property
    def overspent(self) -> Decimal:
        """What this line spent beyond its planned amount (zero when within it)."""
        return max((self.spent or ZERO) - (self.planned or ZERO), ZERO)
