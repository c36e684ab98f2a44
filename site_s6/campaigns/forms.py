"""The admin form of the internal campaign plan."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .channels import Channel


class CampaignPlanForm(WagtailAdminModelForm):
    """Channels as checkboxes; the model stores the ticked codes as a JSON list."""

    channels = forms.MultipleChoiceField(
        label=_("Channels"),
        required=False,
        choices=Channel.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    def clean_channels(self) -> list[str]:
        # Stored in the order of the choices, so the same ticks always store the same list.
        ticked = set(self.cleaned_data["channels"])
        return [code for code in Channel.values if code in ticked]
