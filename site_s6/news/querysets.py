"""Which news a site lists, written once: its own, and on the site that receives shared
news (the city hall's), the news the other institutions share with it.

An institution editor ticks ``syndicate_to_main_site`` on a news page; the receiving
site's index, feed, search and API list then carry it, labelled with the institution and
linking to the page on the institution's own site. Nothing is copied. Which site receives
is a fact of the index of sites (``site_s6.core.sites``), told by the institutions.
"""

from django.db.models import Q

from site_s6.core.querysets import ContentPageQuerySet, visible_q
from site_s6.core.sites import SiteIndex, site_index


class NewsQuerySet(ContentPageQuerySet):
    def on_site_q(
        self, site_id: int, locale_id: int | None = None, *, index: SiteIndex | None = None
    ) -> Q:
        """Visible news of the site ``site_id`` in ``locale_id`` (or every language),
        the shared news of the other sites included when the site receives them.

        A condition on the page table: the shared flag is read through a semi-join on the
        news table's partial index of shared news, so that counts run on the page table.
        """
        index = index or site_index()

        def build() -> Q:
            within = visible_q(index.roots_of([site_id], locale_id), index=index)
            sources = index.shared_news_sources(site_id)
            if sources:
                shared = self.model.objects.filter(syndicate_to_main_site=True).values("pk")
                within |= visible_q(index.roots_of(sources, locale_id), index=index) & Q(
                    pk__in=shared
                )
            return within & Q(locale_id=locale_id) if locale_id is not None else within

        return index.derived(("news_on_site_q", self.model, site_id, locale_id), build)

    def on_site(self, site_id: int, locale_id: int | None = None):
        """The news the site ``site_id`` lists (see :meth:`on_site_q`), unordered."""
        return self.filter(self.on_site_q(site_id, locale_id))

    def newest_first(self):
        return self.order_by("-publication_date", "-pk")
