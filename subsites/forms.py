"""Admin forms for institutions: creating one provisions it; editing keeps to its record."""

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Site

from site_s6.core.text import ascii_slugify

from .models import Institution

hostname_validator = RegexValidator(
    r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$",
    _("Enter a host name such as piete6.localhost or www.piete6.ro."),
)


class InstitutionCreateForm(WagtailAdminModelForm):
    """Name, short name, kind and host name: what ``institution_provision`` needs."""

    hostname = forms.CharField(
        label=_("host name"),
        max_length=255,
        validators=[hostname_validator],
        help_text=_("The address its site answers at, e.g. piete6.localhost."),
    )

    class Meta:
        model = Institution
        fields = ["name", "short_name", "kind"]

    def clean_hostname(self):
        hostname = self.cleaned_data["hostname"].strip().lower()
        hostname_validator(hostname)
        if Site.objects.filter(hostname=hostname).exists():
            raise forms.ValidationError(_("Another site already answers at this host name."))
        return hostname

    def clean_short_name(self):
        short_name = self.cleaned_data["short_name"].strip()
        slug = ascii_slugify(short_name)
        if not slug:
            raise forms.ValidationError(_("Use at least one letter or digit."))
        if Institution.objects.filter(slug=slug).exists():
            raise forms.ValidationError(_("Another institution already uses this short name."))
        return short_name

    def provision_kwargs(self) -> dict:
        """The keyword arguments for ``institution_provision``."""
        return {
            "name": self.cleaned_data["name"].strip(),
            "short_name": self.cleaned_data["short_name"],
            "hostname": self.cleaned_data["hostname"],
            "kind": self.cleaned_data["kind"],
        }


class InstitutionEditForm(WagtailAdminModelForm):
    """The record's names and active flag; its site, groups and collection are provisioned."""

    class Meta:
        model = Institution
        fields = ["name", "short_name", "is_active"]
