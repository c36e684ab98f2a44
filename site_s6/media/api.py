"""The public APIs' image and document endpoints: no listing of uploads on their own.

Media reach API clients through the pages that use them (page fields carry rendition and
document URLs). An anonymous client lists no image or document, and reads one by its id
only once it is public (``publication.public_media``); a client sending credentials
(an API token of Wagtail's API v3) keeps Wagtail's own rules.
"""

from functools import wraps

from django.http import JsonResponse
from wagtail.api.v3.errors import problem_response
from wagtail.documents import get_document_model
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.v2.views import ImagesAPIViewSet

from .publication import public_media

# Wagtail's API v3 media views by URL name, and the model each one reads.
V3_MEDIA_LISTS = {"list_images", "list_documents"}
V3_MEDIA_DETAILS = {"detail_image": get_image_model, "detail_document": get_document_model}


class PublicMediaMixin:
    """API v2 (no credentials there): an empty listing, public media by id."""

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.action == "listing_view":
            return queryset.none()
        return public_media(queryset)


class PublicImagesAPIViewSet(PublicMediaMixin, ImagesAPIViewSet):
    pass


class PublicDocumentsAPIViewSet(PublicMediaMixin, DocumentsAPIViewSet):
    pass


def anonymous_media_read(view, name: str):
    """Wrap Wagtail's API v3 media ``view``: empty lists and public media for anonymous reads."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        # Writes (which Wagtail requires a token for) share these addresses.
        if request.method not in ("GET", "HEAD") or "HTTP_AUTHORIZATION" in request.META:
            return view(request, *args, **kwargs)
        if name in V3_MEDIA_LISTS:
            return JsonResponse({"count": 0, "items": []})
        model = V3_MEDIA_DETAILS[name]()
        object_id = str(next(iter(kwargs.values()), ""))
        if not object_id.isdigit() or not public_media(model.objects.filter(pk=object_id)).exists():
            return problem_response(status=404, detail="Not found.")
        return view(request, *args, **kwargs)

    return wrapper
