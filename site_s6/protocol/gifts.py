"""The gifts register (Law 251/2004): each gift given or received at a visit, its 30-day
declaration, the commission's valuation and the decision on it.

The rules themselves (the due day, the €50 exemption, keeping and the difference to pay)
are in ``gift_rules``; this module stores what they are applied to.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from site_s6.core.validators import no_line_breaks, validate_non_negative

from . import gift_rules


class GiftQuerySet(models.QuerySet):
    def of_year(self, year: int):
        """The gifts received or given in calendar ``year``."""
        return self.filter(gift_date__year=year)

    def awaiting_declaration(self):
        """Gifts received and not declared yet (exempt ones included: the exemption is a
        rule of their kind and value, applied by ``gift_rules``)."""
        return self.filter(direction=Gift.Direction.RECEIVED, date_declared__isnull=True)

    def for_register(self):
        """In the register's order (official, date), with their visit for one query."""
        return self.select_related("file__visit").order_by("official", "gift_date", "pk")


class Gift(models.Model):
    """One entry of the gifts register: what, between whom, its declaration, valuation and
    what becomes of it."""

    class Direction(models.TextChoices):
        GIVEN = "given", _("Given")
        RECEIVED = "received", _("Received")

    class Kind(models.TextChoices):
        DECORATION = "decoration", _("Decoration or medal")
        OFFICE_ITEM = "office_item", _("Office item")
        OTHER = "other", _("Other goods")

    class Decision(models.TextChoices):
        KEPT_BY_INSTITUTION = "institution", _("Kept by the institution")
        KEPT_BY_OFFICIAL = "official", _("Kept by the official")
        OTHER = "other", _("Other")

    file = ParentalKey(
        "protocol.VisitFile",
        verbose_name=_("visit file"),
        on_delete=models.CASCADE,
        related_name="gifts",
    )
    direction = models.CharField(_("given or received"), max_length=8, choices=Direction.choices)
    kind = models.CharField(
        _("kind"),
        max_length=12,
        choices=Kind.choices,
        default=Kind.OTHER,
        help_text=_("Decorations and office items worth up to €50 are exempt from declaration."),
    )
    description = models.CharField(_("description"), max_length=300, validators=[no_line_breaks])
    official = models.CharField(
        _("official"),
        max_length=200,
        help_text=_("The city hall official who gave or received the gift."),
        validators=[no_line_breaks],
    )
    counterpart = models.CharField(
        _("counterpart"),
        max_length=200,
        blank=True,
        help_text=_("Who received it from us, or gave it to us."),
        validators=[no_line_breaks],
    )
    gift_date = models.DateField(
        _("date received or given"),
        help_text=_("A gift received is declared within 30 days of this date."),
    )
    date_declared = models.DateField(
        _("date declared"),
        null=True,
        blank=True,
        help_text=_("When the official declared the gift received and handed it over."),
    )
    estimated_value = models.DecimalField(
        _("estimated value (RON)"),
        max_digits=12,
        decimal_places=2,
        validators=[validate_non_negative],
    )
    estimated_value_eur = models.DecimalField(
        _("estimated value (EUR)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[validate_non_negative],
        help_text=_("Decides the €50 exemption until the commission values the gift."),
    )
    # The commission's valuation: three members, the value in lei and in euro at the date.
    valued_on = models.DateField(_("valuation date"), null=True, blank=True)
    value_ron = models.DecimalField(
        _("value (RON)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[validate_non_negative],
    )
    exchange_rate = models.DecimalField(
        _("exchange rate (RON for 1 EUR)"),
        max_digits=8,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_("The rate of the valuation date."),
    )
    value_eur = models.DecimalField(
        _("value (EUR)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        editable=False,
    )
    valuer_1 = models.CharField(
        _("commission member 1"), max_length=150, blank=True, validators=[no_line_breaks]
    )
    valuer_2 = models.CharField(
        _("commission member 2"), max_length=150, blank=True, validators=[no_line_breaks]
    )
    valuer_3 = models.CharField(
        _("commission member 3"), max_length=150, blank=True, validators=[no_line_breaks]
    )
    # What becomes of it.
    decision = models.CharField(_("decision"), max_length=12, choices=Decision.choices, blank=True)
    decided_on = models.DateField(_("decision date"), null=True, blank=True)
    amount_paid = models.DecimalField(
        _("difference paid (RON)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[validate_non_negative],
        help_text=_("What the official paid to keep a gift worth more than €200."),
    )
    decision_note = models.TextField(
        _("decision details"), blank=True, help_text=_("Required for a decision of “Other”.")
    )

    objects = GiftQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("direction"), FieldPanel("kind")]),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("official"), FieldPanel("counterpart")]),
        FieldRowPanel([FieldPanel("gift_date"), FieldPanel("date_declared")]),
        FieldRowPanel([FieldPanel("estimated_value"), FieldPanel("estimated_value_eur")]),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("valued_on"), FieldPanel("value_ron"), FieldPanel("exchange_rate")]
                ),
                FieldRowPanel(
                    [FieldPanel("valuer_1"), FieldPanel("valuer_2"), FieldPanel("valuer_3")]
                ),
            ],
            heading=_("Valuation by the commission"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("decision"), FieldPanel("decided_on"), FieldPanel("amount_paid")]
                ),
                FieldPanel("decision_note"),
            ],
            heading=_("Decision"),
        ),
    ]

    VALUATION_FIELDS = (
        "valued_on",
        "value_ron",
        "exchange_rate",
        "valuer_1",
        "valuer_2",
        "valuer_3",
    )

    class Meta:
        verbose_name = _("gift")
        verbose_name_plural = _("gifts")
        ordering = ["gift_date", "pk"]

    def __str__(self):
        return f"{self.get_direction_display()}: {self.description}"

    def save(self, *args, **kwargs):
        # The value in euro is always the one the rate gives: never typed, never stale.
        if self.value_ron is not None and self.exchange_rate and self.exchange_rate > 0:
            self.value_eur = gift_rules.value_in_eur(
                value_ron=self.value_ron, exchange_rate=self.exchange_rate
            )
        else:
            self.value_eur = None
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        received = self.direction == self.Direction.RECEIVED
        if self.date_declared and not received:
            errors["date_declared"] = _("Only a gift received is declared.")
        elif self.date_declared and self.gift_date and self.date_declared < self.gift_date:
            errors["date_declared"] = _("A gift cannot be declared before it was received.")
        errors.update(self._valuation_errors())
        errors.update(self._decision_errors(received))
        if errors:
            raise ValidationError(errors)

    def _valuation_errors(self) -> dict:
        if not any(getattr(self, name) not in (None, "") for name in self.VALUATION_FIELDS):
            return {}
        errors = {
            name: _("The commission's valuation needs its date, value, rate and three members.")
            for name in self.VALUATION_FIELDS
            if getattr(self, name) in (None, "")
        }
        if self.exchange_rate is not None and self.exchange_rate <= 0:
            errors["exchange_rate"] = _("The exchange rate must be more than zero.")
        if self.valued_on and self.gift_date and self.valued_on < self.gift_date:
            errors["valued_on"] = _("A gift cannot be valued before it was received.")
        members = [
            name.strip().casefold() for name in (self.valuer_1, self.valuer_2, self.valuer_3)
        ]
        if all(members) and len(set(members)) < 3:
            errors["valuer_3"] = _("The commission has three different members.")
        return errors

    def _decision_errors(self, received: bool) -> dict:
        if not self.decision:
            if self.amount_paid is not None:
                return {"amount_paid": _("A difference is paid only to keep a gift.")}
            return {}
        if not received:
            return {"decision": _("Only a gift received is decided on.")}
        if not self.is_valued:
            return {"decision": _("The commission values the gift before a decision is taken.")}
        errors = {}
        if self.decided_on is None:
            errors["decided_on"] = _("Give the date of the decision.")
        if self.decision == self.Decision.OTHER and not self.decision_note.strip():
            errors["decision_note"] = _("Say what was decided.")
        if self.decision == self.Decision.KEPT_BY_OFFICIAL:
            owed = gift_rules.difference_to_pay_ron(
                value_ron=self.value_ron, exchange_rate=self.exchange_rate
            )
            if owed and (self.amount_paid or Decimal(0)) < owed:
                errors["amount_paid"] = _(
                    "To keep it, the official pays the difference above €200: %(owed)s lei."
                ) % {"owed": number_format(owed, 2)}
        elif self.amount_paid is not None:
            errors["amount_paid"] = _("A difference is paid only to keep a gift.")
        return errors

    @property
    def is_valued(self) -> bool:
        return all(getattr(self, name) not in (None, "") for name in self.VALUATION_FIELDS) and (
            self.exchange_rate > 0
        )

    @property
    def known_value_eur(self) -> Decimal | None:
        """The commission's value in euro, or the estimate until then."""
        if self.value_ron is not None and self.exchange_rate and self.exchange_rate > 0:
            return gift_rules.value_in_eur(
                value_ron=self.value_ron, exchange_rate=self.exchange_rate
            )
        return self.estimated_value_eur

    @property
    def is_exempt(self) -> bool:
        return gift_rules.is_exempt(kind=self.kind, value_eur=self.known_value_eur)

    @property
    def declaration_due(self) -> datetime.date | None:
        """The last day to declare it; ``None`` when it needs no declaration."""
        if not gift_rules.must_declare(
            direction=self.direction, kind=self.kind, value_eur=self.known_value_eur
        ):
            return None
        return gift_rules.declaration_due(self.gift_date)

    def declaration_state(self, today: datetime.date | None = None) -> str:
        return gift_rules.declaration_state(
            direction=self.direction,
            kind=self.kind,
            value_eur=self.known_value_eur,
            received_on=self.gift_date,
            declared_on=self.date_declared,
            today=today or timezone.localdate(),
        )

    def days_left(self, today: datetime.date | None = None) -> int | None:
        """Days to declare it; ``None`` once declared or when it needs no declaration."""
        due = self.declaration_due
        if due is None or self.date_declared:
            return None
        return gift_rules.days_left(due, today or timezone.localdate())

    @property
    def difference_to_pay(self) -> Decimal | None:
        """What the official would pay in lei to keep it; ``None`` until it is valued."""
        if not (self.direction == self.Direction.RECEIVED and self.is_valued):
            return None
        return gift_rules.difference_to_pay_ron(
            value_ron=self.value_ron, exchange_rate=self.exchange_rate
        )


class GiftReminder(models.Model):
    """A reminder sent for a gift's declaration: one per gift and threshold, ever."""

    gift = models.ForeignKey(
        Gift, verbose_name=_("gift"), on_delete=models.CASCADE, related_name="reminders"
    )
    threshold = models.CharField(
        _("threshold"),
        max_length=10,
        choices=[
            (gift_rules.REMIND_WEEK, _("a week before the due day")),
            (gift_rules.REMIND_DAY, _("the day before the due day")),
            (gift_rules.REMIND_OVERDUE, _("overdue")),
        ],
    )
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        verbose_name = _("gift reminder")
        verbose_name_plural = _("gift reminders")
        constraints = [
            models.UniqueConstraint(fields=["gift", "threshold"], name="one_reminder_per_threshold")
        ]

    def __str__(self):
        return f"{self.gift_id}: {self.threshold}"
