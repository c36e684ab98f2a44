"""Template tags of the institutions: the city hall's links to its institutions' sites."""

from django import template
from django.utils.translation import get_language
from wagtail.models import Site

from subsites.navigation import institution_links

register = template.Library()


@register.simple_tag(takes_context=True)
def institution_sites(context) -> list:
    """The links to the institutions' sites shown on the current site (the city hall's
    only), in the active language; an empty list anywhere else."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return []
    return institution_links(site_id=site.pk, language_code=get_language())
