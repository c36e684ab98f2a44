"""The public accreditation form: what a journalist gives, checked before anything is kept."""

from pathlib import Path

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from ..models import AccreditationRequest
from .common import HoneypotMixin

#: What a press card may be: by extension, and by what its first bytes say it is.
PRESS_CARD_TYPES = {".pdf": "PDF", ".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG"}


def press_card_max_bytes() -> int:
    return int(getattr(settings, "S6_PRESS_CARD_MAX_MB", 5)) * 1024 * 1024


def sniff_press_card(upload) -> str | None:
    """What ``upload`` really is ("PDF", "JPEG", "PNG"), read from its content, or None."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "PDF"
    try:
        with Image.open(upload) as image:
            kind = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return None
    finally:
        upload.seek(0)
    return kind if kind in {"JPEG", "PNG"} else None


def validate_press_card(upload) -> None:
    """A PDF, JPEG or PNG under the size limit, whose content matches its extension."""
    limit = press_card_max_bytes()
    if upload.size > limit:
        raise forms.ValidationError(
            _("The file is too large: at most %(mb)s MB.") % {"mb": limit // (1024 * 1024)}
        )
    expected = PRESS_CARD_TYPES.get(Path(upload.name or "").suffix.lower())
    if expected is None or sniff_press_card(upload) != expected:
        raise forms.ValidationError(_("The press card must be a PDF, JPEG or PNG file."))


class AccreditationForm(HoneypotMixin, forms.Form):
    name = forms.CharField(label=_("Full name"), max_length=120)
    outlet = forms.CharField(label=_("Outlet"), max_length=160)
    role = forms.CharField(label=_("Role"), max_length=120, help_text=_("e.g. reporter"))
    email = forms.EmailField(label=_("E-mail"))
    phone = forms.CharField(label=_("Phone"), max_length=40)
    kind = forms.ChoiceField(
        label=_("Accreditation"),
        choices=AccreditationRequest.Kind.choices,
        widget=forms.RadioSelect,
        initial=AccreditationRequest.Kind.ANNUAL,
    )
    event = forms.ModelChoiceField(
        label=_("Event"),
        queryset=None,
        required=False,
        help_text=_("For one event: the upcoming event that requires accreditation."),
    )
    press_card = forms.FileField(
        label=_("Press card (optional)"),
        required=False,
        validators=[validate_press_card],
        help_text=_("PDF, JPEG or PNG. Seen only by the press office."),
    )
    consent = forms.BooleanField(
        label=_("I have read the data protection notice."),
        error_messages={"required": _("Please confirm that you have read the notice.")},
    )

    def __init__(self, *args, events=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = events
        self.fields["event"].label_from_instance = lambda event: (
            f"{event.title} ({timezone.localtime(event.start):%d.%m.%Y %H:%M})"
        )

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind == AccreditationRequest.Kind.EVENT and not cleaned.get("event"):
            self.add_error("event", _("Choose the event."))
        for field in ("name", "outlet", "role", "phone"):
            value = cleaned.get(field)
            if value and ("\n" in value or "\r" in value):
                self.add_error(field, _("Enter a single line."))
        return cleaned
