from django.http import Http404
from wagtail import hooks

from .sites import site_is_serving


@hooks.register("before_serve_page")
def refuse_pages_of_inactive_institutions(page, request, serve_args, serve_kwargs):
    # Deactivation keeps the content but stops the site from serving it.
    if not site_is_serving(page.get_site()):
        raise Http404
