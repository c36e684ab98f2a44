"""Labels of Wagtail's own admin screens that upstream leaves in English.

Some labels are made up from attribute names, which no catalogue translates: Wagtail's
list of sites titles three columns that way ("Port", "Site name", "Root page"), and
wagtail-localize's locale screen labels its synchronisation fields "Enabled" and
"Sync from". They get translatable names here, once, when the app is ready. See
docs/translations.md for the other ways upstream wording is corrected.
"""

from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


def name_site_list_columns() -> None:
    """Give the columns of Wagtail's site list the translated names of their fields."""
    from wagtail.models import Site
    from wagtail.sites.views import IndexView

    field_names = {field.name for field in Site._meta.get_fields()}
    for column in IndexView.columns:
        # Only the labels Wagtail made up from the name (plain strings); a label given
        # upstream is a lazy translation and is kept.
        if column.name in field_names and not isinstance(column.label, Promise):
            column.label = capfirst(Site._meta.get_field(column.name).verbose_name)


def label_locale_synchronisation() -> None:
    """Label the fields of wagtail-localize's "synchronise from another locale" form.

    Its form class comes from the model's ``base_form_class``; the fields it renders are
    the model's ``sync_from`` and an ``enabled`` box added to it, both labelled from their
    names.
    """
    from wagtail_localize.models import LocaleSynchronization, LocaleSynchronizationModelForm

    class LabelledLocaleSynchronizationForm(LocaleSynchronizationModelForm):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields["sync_from"].label = _("Synchronise from")
            if "enabled" in self.fields:
                self.fields["enabled"].label = pgettext_lazy("locale synchronisation", "Enabled")

    LocaleSynchronization.base_form_class = LabelledLocaleSynchronizationForm
