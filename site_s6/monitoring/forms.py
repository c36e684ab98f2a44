from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Clipping
from .opml import MAX_OPML_BYTES

#: Clippings shown at once on the triage page.
TRIAGE_PAGE_SIZE = 50

TriageFormSet = forms.modelformset_factory(
    Clipping,
    fields=["relevant", "tone"],
    extra=0,
    widgets={
        "relevant": forms.Select(
            choices=[
                ("", _("Not triaged yet")),
                ("true", _("Relevant")),
                ("false", _("Not relevant")),
            ]
        )
    },
)


class AddByURLForm(forms.Form):
    url = forms.URLField(
        label=_("Article URL"),
        max_length=1000,
        assume_scheme="https",
        help_text=_("The page's title, description and date are read from its metadata."),
    )


class OPMLImportForm(forms.Form):
    file = forms.FileField(label=_("OPML file"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_OPML_BYTES:
            raise forms.ValidationError(_("The OPML file is larger than 2 MB."))
        return upload


class PeriodForm(forms.Form):
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    DEFAULT_DAYS = 30

    def period(self):
        """The chosen days, the last 30 by default; a reversed period is put right."""
        today = timezone.localdate()
        data = self.cleaned_data if self.is_valid() else {}
        until = data.get("until") or today
        since = data.get("since") or until - timezone.timedelta(days=self.DEFAULT_DAYS - 1)
        return (since, until) if since <= until else (until, since)
