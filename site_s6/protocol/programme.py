"""The delegation programme of a visit: what happens when and where, and the hosts in
order of precedence (the delegation's members, public, are on the visit page)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from site_s6.core.validators import no_line_breaks, validate_calendar_year


class ProgrammeItem(Orderable):
    """One point of the programme: a day and time, a place, what happens and who takes
    part. The English wording is optional; the Romanian one stands in for it."""

    file = ParentalKey(
        "protocol.VisitFile",
        verbose_name=_("visit file"),
        on_delete=models.CASCADE,
        related_name="programme_items",
    )
    day = models.DateField(_("day"), validators=[validate_calendar_year])
    starts_at = models.TimeField(_("starts at"))
    ends_at = models.TimeField(_("ends at"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, validators=[no_line_breaks])
    activity = models.CharField(_("activity"), max_length=300, validators=[no_line_breaks])
    activity_en = models.CharField(
        _("activity (English)"), max_length=300, blank=True, validators=[no_line_breaks]
    )
    participants = models.TextField(_("participants"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("day"), FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("place"),
        FieldRowPanel([FieldPanel("activity"), FieldPanel("activity_en")]),
        FieldPanel("participants"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("programme item")
        verbose_name_plural = _("programme items")
        ordering = ["day", "starts_at", "sort_order"]

    def __str__(self):
        return f"{self.day} {self.starts_at:%H:%M} {self.activity}"

    def clean(self):
        super().clean()
        if self.ends_at and self.starts_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must come after the start.")})

    def activity_in(self, language: str) -> str:
        """What happens, worded in ``language`` where an English wording was given."""
        return self.activity_en if language == "en" and self.activity_en else self.activity


class VisitHost(Orderable):
    """One of the city hall's hosts of the visit, with their place in the precedence."""

    file = ParentalKey(
        "protocol.VisitFile",
        verbose_name=_("visit file"),
        on_delete=models.CASCADE,
        related_name="hosts",
    )
    name = models.CharField(_("name"), max_length=150, validators=[no_line_breaks])
    role = models.CharField(_("role"), max_length=150, blank=True, validators=[no_line_breaks])
    precedence = models.PositiveSmallIntegerField(
        _("order of precedence"), default=1, help_text=_("1 is the head of the hosts.")
    )

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("role"), FieldPanel("precedence")])]

    class Meta(Orderable.Meta):
        verbose_name = _("host")
        verbose_name_plural = _("hosts")
        ordering = ["precedence", "sort_order"]

    def __str__(self):
        return self.name
