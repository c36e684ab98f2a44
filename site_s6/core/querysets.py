"""The pages the public may see, in one place for listings, feeds, sitemap and search."""

from django.db.models import QuerySet


def published(queryset: QuerySet) -> QuerySet:
    """Live pages without view restrictions, aliases left out.

    An alias is a placeholder in another language's tree that still shows the source
    page's text: listings, feeds, the sitemap and search skip it (docs/languages.md).
    """
    return queryset.live().public().filter(alias_of__isnull=True)
