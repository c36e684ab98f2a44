"""The public forms of the press office, one module per record family."""

from .accreditation import AccreditationForm
from .subscriptions import PreferencesForm, SubscribeForm

__all__ = ["AccreditationForm", "PreferencesForm", "SubscribeForm"]
