"""The internal plan of a campaign: objectives, audiences, channels, budget and KPIs.

Not content: a plan hangs off its campaign page by a one-to-one key (not a child
relation), so page revisions, copies, translations, templates and the API never carry it.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from site_s6.core.validators import no_line_breaks, validate_non_negative

from .channels import Channel, validate_channels
from .forms import CampaignPlanForm
from .panels import ResultsLinkPanel


def money_field(verbose_name, **kwargs) -> models.DecimalField:
    return models.DecimalField(
        verbose_name,
        max_digits=12,
        decimal_places=2,
        default=Decimal("0.00"),
        validators=[validate_non_negative],
        **kwargs,
    )


class CampaignPlan(ClusterableModel):
    """A campaign's internal plan and the indicators it is measured by."""

    campaign = models.OneToOneField(
        "campaigns.CampaignPage",
        verbose_name=_("campaign"),
        on_delete=models.CASCADE,
        related_name="plan",
    )
    objectives = models.TextField(_("objectives"), blank=True)
    audiences = models.TextField(
        _("audiences"), blank=True, help_text=_("Who the campaign speaks to, one per line.")
    )
    channels = models.JSONField(
        _("channels"), default=list, blank=True, validators=[validate_channels]
    )
    budget = money_field(_("budget (RON)"))
    notes = models.TextField(_("internal notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    base_form_class = CampaignPlanForm

    panels = [
        FieldPanel("campaign"),
        MultiFieldPanel(
            [FieldPanel("objectives"), FieldPanel("audiences"), FieldPanel("channels")],
            heading=_("Plan"),
        ),
        FieldPanel("budget"),
        ResultsLinkPanel(heading=_("Results")),
        InlinePanel("kpis", heading=_("Indicators (KPIs)")),
        FieldPanel("notes"),
    ]

    class Meta:
        verbose_name = _("campaign plan")
        verbose_name_plural = _("campaign plans")
        ordering = ["-campaign__start_date"]

    def __str__(self):
        if not self.campaign_id:
            return gettext("New campaign plan")
        return gettext("Plan: %(campaign)s") % {"campaign": self.campaign.title}

    def clean(self):
        super().clean()
        if self.campaign_id:
            # Translations of a campaign are one campaign: they share its single plan.
            other_plans = CampaignPlan.objects.filter(
                campaign__translation_key=self.campaign.translation_key
            ).exclude(pk=self.pk)
            if other_plans.exists():
                raise ValidationError(
                    {"campaign": _("This campaign already has a plan, in another language.")},
                    code="plan_exists",
                )

    def get_channels_display(self) -> str:
        """The channels by their labels, in the order of the choices."""
        labels = dict(Channel.choices)
        return ", ".join(str(labels[code]) for code in Channel.values if code in self.channels)


class CampaignKPI(Orderable):
    """One indicator of a campaign, with its target and the value reached."""

    plan = ParentalKey(
        CampaignPlan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="kpis"
    )
    name = models.CharField(_("name"), max_length=200, validators=[no_line_breaks])
    unit = models.CharField(
        _("unit"),
        max_length=50,
        blank=True,
        help_text=_("e.g. people reached, posters, %"),
        validators=[no_line_breaks],
    )
    target = models.DecimalField(
        _("target"), max_digits=14, decimal_places=2, validators=[validate_non_negative]
    )
    actual = models.DecimalField(
        _("actual"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[validate_non_negative],
        help_text=_("Leave empty until it is measured."),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("unit")]),
        FieldRowPanel([FieldPanel("target"), FieldPanel("actual")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("indicator (KPI)")
        verbose_name_plural = _("indicators (KPIs)")

    def __str__(self):
        return self.name
