"""Messages of the locale screens (Settings → Locales) that no installed catalogue translates.

wagtail-localize replaces ``wagtail.locales`` with its own ``wagtail_localize.locales``,
which reuses Wagtail's messages without shipping their translations, and Wagtail's own
Romanian catalogue for them is never loaded since ``wagtail.locales`` is not installed.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

LOCALE_SCREENS = (
    gettext_noop("Add a locale"),
    gettext_noop("Add locale"),
    gettext_noop("Delete locale"),
    gettext_noop("Select a new language"),
    gettext_noop("Are you sure you want to delete this locale?"),
    gettext_noop("The locale could not be saved due to errors."),
    gettext_noop("This locale's language code is not supported"),
    gettext_noop(
        "This locale's current language code is not supported. Please choose a new language "
        "or delete this locale."
    ),
    gettext_noop("This locale cannot be deleted because there are no other locales."),
    gettext_noop(
        "This locale cannot be deleted because there are pages and/or other objects using it."
    ),
    # wagtail-localize's confirmations, formatted with str.format.
    gettext_noop("Locale '{0}' created."),
    gettext_noop("Locale '{0}' updated."),
    gettext_noop("Locale '{0}' deleted."),
    # The usage column of the list of locales.
    gettext_noop("%(num_pages)d pages and %(num_others)d others"),
    ngettext_lazy("%(num_pages)d page", "%(num_pages)d pages", "num_pages"),
)
