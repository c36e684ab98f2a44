"""Messages of django-taggit that editors meet; taggit ships no Romanian catalogue."""

from django.utils.translation import gettext_noop

TAG_FIELD = (
    # The help text under every page's tags field.
    gettext_noop("A comma-separated list of tags."),
)
