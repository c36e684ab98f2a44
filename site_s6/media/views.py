"""Serving uploads in development without the folders that must stay private."""

import posixpath

from django.conf import settings
from django.http import Http404
from django.views.static import serve

# Original images (renditions are generated from them only for what is rendered) and
# documents (served by Wagtail's ``serve`` view with its checks) are never files the
# public may fetch by address.
PRIVATE_MEDIA_FOLDERS = ("original_images/", "documents/")


def serve_public_media(request, path):
    """Django's development file server for ``MEDIA_ROOT``, refusing the private folders."""
    folders = getattr(settings, "S6_PRIVATE_MEDIA_FOLDERS", PRIVATE_MEDIA_FOLDERS)
    # Normalised as Django's server does, so "images/../documents/…" is refused too.
    if posixpath.normpath(path).lstrip("/").startswith(tuple(folders)):
        raise Http404
    return serve(request, path, document_root=settings.MEDIA_ROOT)
