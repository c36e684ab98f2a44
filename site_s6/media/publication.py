"""When an uploaded image or document becomes public: the one rule, and marking by hand.

An upload is public once a live public page uses it (``site_s6.core.querysets.visible_q``
decides which pages those are) or once an editor who may change it marks it public.
Until then it is not listed by the public APIs nor served at ``/documents/…``, so a
document attached to a release under embargo stays private until the release is
approved and published.

Which pages use which upload is read from Wagtail's reference index. Wagtail updates
the index from a background task (``update_reference_index_task``) after each save, so
a document becomes public once the task worker has indexed the page just published;
until then it stays private, never the other way round. The index is built from the
page row, which holds a live page's published content (drafts live in revisions), so a
draft that adds an upload to a live page does not make it public.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast
from wagtail.models import Page, ReferenceIndex
from wagtail.permissions import policy_registry

from site_s6.core.querysets import visible_q

from .models import PublicDocument, PublicImage


def public_media(queryset: QuerySet) -> QuerySet:
    """``queryset`` of images or documents narrowed to those the public may reach."""
    published_pages = Page.objects.filter(visible_q()).annotate(
        pk_text=Cast("pk", output_field=CharField())
    )
    used = (
        ReferenceIndex.get_references_to_in_bulk(queryset)
        .filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=published_pages.values("pk_text"),
        )
        .values("to_object_id")
    )
    return queryset.annotate(pk_text=Cast("pk", output_field=CharField())).filter(
        Q(pk_text__in=used) | Q(marked_public__isnull=False)
    )


def media_is_public(obj) -> bool:
    """Whether the public may reach the image or document ``obj`` (see :func:`public_media`)."""
    return public_media(type(obj).objects.filter(pk=obj.pk)).exists()


def user_may_use_media(user, obj) -> bool:
    """Whether ``user`` works with ``obj`` in the admin: may choose or change it."""
    if user is None or not user.is_authenticated:
        return False
    policy = policy_registry.get_by_type(type(obj))
    return policy.user_has_any_permission_for_instance(user, ["choose", "change"], obj)


def marker_model(obj):
    """The side table recording that ``obj`` (an image or a document) was marked public."""
    from wagtail.documents import get_document_model

    return PublicDocument if isinstance(obj, get_document_model()) else PublicImage


def media_mark_public(*, obj, user, public: bool = True) -> bool:
    """Mark ``obj`` public (or withdraw the mark); return whether anything changed.

    Withdrawing the mark does not hide an upload a live public page still uses.
    """
    model = marker_model(obj)
    field = "document" if model is PublicDocument else "image"
    if public:
        _marker, created = model.objects.get_or_create(**{field: obj}, defaults={"marked_by": user})
        return created
    deleted, _by_model = model.objects.filter(**{field: obj}).delete()
    return bool(deleted)


def media_is_marked_public(obj) -> bool:
    field = "document" if marker_model(obj) is PublicDocument else "image"
    return marker_model(obj).objects.filter(**{field: obj.pk}).exists()
