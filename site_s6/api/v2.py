"""Stock Wagtail API v2 (pages, images, documents) for existing Wagtail clients."""

from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Page, Site

from site_s6.media.api import PublicDocumentsAPIViewSet, PublicImagesAPIViewSet

from .caching import conditional_read


class CheckedSearchFilter(SearchFilter):
    """Wagtail's search filter, answering 400 to a ``search_operator`` other than ``and``
    or ``or``, which the search backend refuses with an exception (a server error)."""

    OPERATORS = ("and", "or")

    def filter_queryset(self, request, queryset, view):
        operator = request.GET.get("search_operator")
        searching = "search" in request.GET and operator is not None
        if searching and operator.lower() not in self.OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")
        return super().filter_queryset(request, queryset, view)


class ServingPagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's pages endpoint without the pages of deactivated institutions' sites,
    answering reads with ``ETag``, ``Cache-Control`` and 304."""

    filter_backends = [
        CheckedSearchFilter if backend is SearchFilter else backend
        for backend in PagesAPIViewSet.filter_backends
    ]

    @classmethod
    def as_view(cls, actions=None, **initkwargs):
        return conditional_read(super().as_view(actions, **initkwargs))

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        inactive_roots = Page.objects.filter(
            translation_key__in=Site.objects.filter(institution__is_active=False).values(
                "root_page__translation_key"
            )
        ).values_list("path", flat=True)
        for path in inactive_roots:
            queryset = queryset.exclude(path__startswith=path)
        return queryset


api_v2_router = WagtailAPIRouter("wagtailapi_v2")
api_v2_router.register_endpoint("pages", ServingPagesAPIViewSet)
# No listing of uploads; public ones by id only (site_s6/media/api.py).
api_v2_router.register_endpoint("images", PublicImagesAPIViewSet)
api_v2_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
