"""The channels a campaign runs on, shared by the plan model and its admin form."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    WEBSITE = "website", _("Website")
    FACEBOOK = "facebook", _("Facebook")
    PRESS = "press", _("Press")
    POSTERS = "posters", _("Posters")
    RADIO_TV = "radio_tv", _("Radio / TV")
    EVENTS = "events", _("Events")
    NEWSLETTER = "newsletter", _("Newsletter")


def validate_channels(value) -> None:
    """A list of channel codes, each one of ``Channel``, none twice."""
    if not isinstance(value, list):
        raise ValidationError(_("Choose the channels from the list."), code="invalid_channels")
    unknown = [item for item in value if item not in Channel.values]
    if unknown:
        raise ValidationError(
            _("Unknown channels: %(channels)s."),
            params={"channels": ", ".join(map(str, unknown))},
            code="invalid_channels",
        )
    if len(set(value)) != len(value):
        raise ValidationError(_("A channel is listed twice."), code="duplicate_channels")
