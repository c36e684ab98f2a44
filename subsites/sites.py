"""Which sites serve content: a deactivated institution's site does not."""

from wagtail.models import Site

from .models import Institution


def site_is_serving(site: Site | None) -> bool:
    """False when ``site`` belongs to a deactivated institution."""
    if site is None:
        return True
    return not Institution.objects.filter(site=site, is_active=False).exists()


def serving_sites():
    """Sites whose institution (if any) is active."""
    return Site.objects.exclude(institution__is_active=False)
