from django.http import Http404
from wagtail import hooks

from .publication import media_is_public, user_may_use_media


@hooks.register("before_serve_document")
def refuse_documents_not_yet_public(document, request):
    # A document no published page uses yet (an embargoed release's attachment) is, to
    # the public, a document that does not exist; editors who may use it still get it.
    if not media_is_public(document) and not user_may_use_media(request.user, document):
        raise Http404
