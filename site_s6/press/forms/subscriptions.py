"""The public subscription form and the subscriber's preferences."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from ..models import Subscriber
from .common import HoneypotMixin, SiteChoiceField, serving_sites


class PreferencesForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the e-mails"), choices=settings.LANGUAGES)
    kinds = forms.MultipleChoiceField(
        label=_("What to receive"),
        choices=Subscriber.Kind.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one kind of publication.")},
    )
    sites = SiteChoiceField(
        label=_("From which institutions"),
        error_messages={"required": _("Choose at least one institution.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sites"].queryset = serving_sites()


class SubscribeForm(HoneypotMixin, PreferencesForm):
    email = forms.EmailField(label=_("E-mail"))
    consent = forms.BooleanField(
        label=_("I have read the data protection notice."),
        error_messages={"required": _("Please confirm that you have read the notice.")},
    )

    field_order = ["email", "language", "kinds", "sites", "consent", "website"]
