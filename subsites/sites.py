"""Which sites serve content, and which institution a page belongs to."""

from wagtail.models import Page, Site

from .models import Institution


def site_is_serving(site: Site | None) -> bool:
    """False when ``site`` belongs to a deactivated institution."""
    if site is None:
        return True
    return not Institution.objects.filter(site=site, is_active=False).exists()


def serving_sites():
    """Sites whose institution (if any) is active."""
    return Site.objects.exclude(institution__is_active=False)


class InstitutionDirectory:
    """Maps pages to their institution in two queries, whatever the number of sites.

    A site's home page has one copy per language (its locale roots), each a separate
    branch of the tree; a page belongs to the institution whose locale root is its
    ancestor. Wagtail's ``Site.get_site_root_paths()`` answers the same question, but
    costs a query per site when its cache is cold.
    """

    def __init__(self):
        self.institutions = list(
            Institution.objects.select_related("site", "site__root_page").order_by("kind", "name")
        )
        by_translation_key = {
            institution.site.root_page.translation_key: institution
            for institution in self.institutions
            if institution.site
        }
        locale_roots = Page.objects.filter(
            translation_key__in=list(by_translation_key)
        ).values_list("path", "translation_key")
        # Deepest first, so that a site nested in another site's tree wins.
        self._roots = sorted(
            ((path, by_translation_key[key]) for path, key in locale_roots),
            key=lambda root: len(root[0]),
            reverse=True,
        )

    def institution_for(self, page: Page) -> Institution | None:
        """The institution whose site holds ``page``, or ``None`` outside every site."""
        for path, institution in self._roots:
            if page.path.startswith(path):
                return institution
        return None


def institution_directory(request=None) -> InstitutionDirectory:
    """An :class:`InstitutionDirectory`, built once per request when one is given."""
    if request is None:
        return InstitutionDirectory()
    directory = getattr(request, "_s6_institution_directory", None)
    if directory is None:
        directory = InstitutionDirectory()
        request._s6_institution_directory = directory
    return directory
