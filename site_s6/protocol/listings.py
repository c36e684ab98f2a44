"""The querysets behind the public protocol pages: the visit listing and a visit."""

from django.db.models import QuerySet

from site_s6.core.listings import choice_param, paginate, with_thumbnails

from .models import ProtocolVisitPage


def visits_for_index(index) -> QuerySet:
    """The published visits filed under ``index``, in its language, latest first."""
    queryset = ProtocolVisitPage.objects.visible().child_of(index).filter(locale_id=index.locale_id)
    return with_thumbnails(queryset).order_by("-visit_start", "-pk")


def protocol_index_context(index, request) -> dict:
    """Context for the protocol index, narrowed by ``?scope=`` (unknown values ignored)."""
    scope = choice_param(request, "scope", ProtocolVisitPage.Scope.values)
    visits = visits_for_index(index)
    if scope:
        visits = visits.filter(scope=scope)
    return {
        "visits": paginate(request, visits),
        "scopes": ProtocolVisitPage.Scope.choices,
        "current_scope": scope,
        "is_filtered": bool(scope),
    }


def visit_page_context(visit) -> dict:
    """Context for a visit: its delegation by order of precedence, and its photos."""
    return {
        "members": list(visit.members.order_by("precedence", "sort_order")),
        "photos": list(visit.photos.select_related("image")),
    }
