"""What the public forms share: the honeypot and the sites to choose from."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from site_s6.core.sites import site_index


class HoneypotMixin(forms.Form):
    """A field people do not see and robots fill in: a filled one refuses the form."""

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("This form could not be accepted."))
        return ""


def serving_sites():
    """The sites that serve, in a stable order: what a subscriber may choose from."""
    return Site.objects.filter(pk__in=[entry.pk for entry in site_index().serving()]).order_by("pk")


class SiteChoiceField(forms.ModelMultipleChoiceField):
    """Sites, each named by its institution; the form narrows them to the serving ones
    when it is made (:func:`serving_sites`), not when the module is imported."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(queryset=Site.objects.none(), **kwargs)

    def label_from_instance(self, obj):
        entry = site_index().get(obj.pk)
        institution = entry.institution if entry else None
        return getattr(institution, "name", "") or obj.site_name or obj.hostname
