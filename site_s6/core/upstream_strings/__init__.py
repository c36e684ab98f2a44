"""Messages of the libraries we use, listed so that the project's catalogue translates them.

Django looks a message up in ``LOCALE_PATHS`` (``site_s6/locale``) before any app's own
catalogue, so an entry there replaces what Wagtail, wagtail-localize or django-countries
ship for Romanian: a missing translation, a wrong one, or one written with the old cedilla
letters (ş, ţ) instead of ș, ț. But ``makemessages`` only extracts the project's own code
and comments out (then drops) every entry it did not find there. These modules name the
upstream messages with ``gettext_noop`` / ``pgettext_lazy`` so that they are extracted,
kept in the catalogue and checked by tests/i18n/test_catalogue.py like our own strings.

Nothing imports them: they are read by ``makemessages``, not run. The msgid (and its
context) must be exactly the upstream one, or the override silently does nothing; the
tests in tests/i18n/test_upstream_strings.py check the ones that matter. See
docs/translations.md.
"""
