"""The internal file of a protocol visit, and its gifts register.

Not content: a file hangs off its visit page by a one-to-one key (not a child relation),
so page revisions, copies, translations, templates and the API never carry it.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel

from site_s6.core.validators import no_line_breaks, validate_non_negative


class VisitFile(ClusterableModel):
    """What the protocol team needs to run a visit, kept away from its public page."""

    visit = models.OneToOneField(
        "protocol.ProtocolVisitPage",
        verbose_name=_("visit"),
        on_delete=models.CASCADE,
        related_name="visit_file",
    )
    logistics = models.TextField(
        _("logistics"), blank=True, help_text=_("Transport, accommodation, rooms, security.")
    )
    interpreters = models.TextField(_("interpreters"), blank=True)
    dietary_needs = models.TextField(_("dietary needs"), blank=True)
    notes = models.TextField(_("internal notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [
        FieldPanel("visit"),
        MultiFieldPanel(
            [FieldPanel("logistics"), FieldPanel("interpreters"), FieldPanel("dietary_needs")],
            heading=_("Organisation"),
        ),
        InlinePanel(
            "gifts",
            heading=_("Gifts register"),
            label=_("Gift"),
            help_text=_("Gifts given or received, declared under Law 251/2004."),
        ),
        FieldPanel("notes"),
    ]

    class Meta:
        verbose_name = _("visit file")
        verbose_name_plural = _("visit files")
        ordering = ["-visit__visit_start"]

    def __str__(self):
        if not self.visit_id:
            return gettext("New visit file")
        return gettext("File: %(visit)s") % {"visit": self.visit.title}

    def clean(self):
        super().clean()
        if self.visit_id:
            # Translations of a visit are one visit: they share its single file.
            other_files = VisitFile.objects.filter(
                visit__translation_key=self.visit.translation_key
            ).exclude(pk=self.pk)
            if other_files.exists():
                raise ValidationError(
                    {"visit": _("This visit already has a file, in another language.")},
                    code="file_exists",
                )

    @property
    def gifts_value(self) -> Decimal:
        """The estimated value of every gift in the register of this visit."""
        return sum((gift.estimated_value or Decimal(0) for gift in self.gifts.all()), Decimal(0))


class Gift(models.Model):
    """One entry of the gifts register (Law 251/2004): what, between whom, and its value."""

    class Direction(models.TextChoices):
        GIVEN = "given", _("Given")
        RECEIVED = "received", _("Received")

    file = ParentalKey(
        VisitFile, verbose_name=_("visit file"), on_delete=models.CASCADE, related_name="gifts"
    )
    direction = models.CharField(_("given or received"), max_length=8, choices=Direction.choices)
    description = models.CharField(_("description"), max_length=300, validators=[no_line_breaks])
    estimated_value = models.DecimalField(
        _("estimated value (RON)"),
        max_digits=12,
        decimal_places=2,
        validators=[validate_non_negative],
    )
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
    date_declared = models.DateField(_("date declared"))

    panels = [
        FieldRowPanel([FieldPanel("direction"), FieldPanel("date_declared")]),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("official"), FieldPanel("counterpart")]),
        FieldPanel("estimated_value"),
    ]

    class Meta:
        verbose_name = _("gift")
        verbose_name_plural = _("gifts")
        ordering = ["date_declared", "pk"]

    def __str__(self):
        return f"{self.get_direction_display()}: {self.description}"
