"""The admin forms of the channels: a request, its triage, a Facebook connection."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import CommunicationRequest, FacebookConnection

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
MAX_ATTACHMENTS = 10


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented pattern)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


def check_document(upload) -> None:
    """The same limits as any document uploaded to the admin: extension and size."""
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    allowed = getattr(settings, "WAGTAILDOCS_EXTENSIONS", None)
    if allowed and extension not in allowed:
        raise forms.ValidationError(
            _("%(name)s: only these kinds of files are accepted: %(extensions)s.")
            % {"name": upload.name, "extensions": ", ".join(allowed)}
        )
    limit = getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None)
    if limit and upload.size > limit:
        raise forms.ValidationError(
            _("%(name)s is larger than %(size)d MB.")
            % {"name": upload.name, "size": limit // (1024 * 1024)}
        )


class RequestForm(WagtailAdminModelForm):
    """What a department tells the press office."""

    channels = forms.MultipleChoiceField(
        label=_("Desired channels"),
        choices=CommunicationRequest.Channel.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    attachments = MultipleFileField(
        label=_("Attachments"),
        required=False,
        help_text=_("Documents, photos or data (up to %(count)d files).")
        % {"count": MAX_ATTACHMENTS},
    )

    class Meta:
        model = CommunicationRequest
        fields = ["department", "title", "what", "why", "when", "audience", "channels", "contacts"]
        widgets = {"when": DATETIME}

    def clean_attachments(self):
        files = self.cleaned_data.get("attachments") or []
        if len(files) > MAX_ATTACHMENTS:
            raise forms.ValidationError(
                _("Attach at most %(count)d files.") % {"count": MAX_ATTACHMENTS}
            )
        for upload in files:
            check_document(upload)
        return files


class TriageForm(forms.Form):
    """The central team's decision on a request."""

    ACCEPT, ASK, DECLINE = "accept", "ask", "decline"
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (ACCEPT, _("Accept and create a draft")),
            (ASK, _("Ask for more information")),
            (DECLINE, _("Decline")),
        ],
        widget=forms.RadioSelect,
    )
    outcome = forms.ChoiceField(
        label=_("Draft to create"),
        choices=CommunicationRequest.Outcome.choices,
        required=False,
    )
    response = forms.CharField(
        label=_("Message to the requester"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("Required to ask for information or to decline."),
    )

    def clean(self):
        cleaned = super().clean()
        decision = cleaned.get("decision")
        if decision == self.ACCEPT and not cleaned.get("outcome"):
            self.add_error("outcome", _("Choose what the request becomes."))
        if decision in (self.ASK, self.DECLINE) and not (cleaned.get("response") or "").strip():
            self.add_error("response", _("Write the message the requester will read."))
        return cleaned


class FacebookConnectionForm(WagtailAdminModelForm):
    """A site's Facebook Page. The token is write-only: never rendered back, and a blank
    field keeps the token saved before."""

    access_token = forms.CharField(
        label=_("Page access token"),
        required=False,
        strip=True,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
        help_text=_(
            "A Page access token with the pages_manage_posts permission. It is stored "
            "encrypted and never shown again; leave empty to keep the saved one."
        ),
    )
    remove_token = forms.BooleanField(label=_("Remove the saved token"), required=False)

    class Meta:
        model = FacebookConnection
        fields = ["site", "page_name", "page_id", "enabled"]

    def clean(self):
        cleaned = super().clean()
        has_token = bool(cleaned.get("access_token")) or (
            self.instance.has_token and not cleaned.get("remove_token")
        )
        if cleaned.get("enabled") and not has_token:
            self.add_error("enabled", _("Posting needs a Page access token."))
        return cleaned

    def save(self, commit=True):
        connection = super().save(commit=False)
        if self.cleaned_data.get("access_token"):
            connection.set_token(self.cleaned_data["access_token"])
        elif self.cleaned_data.get("remove_token"):
            connection.set_token("")
        if commit:
            connection.save()
        return connection


class FacebookChoiceForm(forms.Form):
    message = forms.CharField(
        label=_("Message"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Leave empty to post the title and the summary."),
    )
