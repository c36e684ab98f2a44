"""The opt-out link of a press distribution's message (``/press-opt-out/<token>/``).

RFC 8058 one-click: a POST without cookie or login marks the journalist as opted out and
answers 200. A GET (the visible link) shows a button that makes the same POST, so that a
mail scanner following the link opts nobody out. A token not of ours gets a 404.
"""

from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from ..services.distribution import delivery_for_opt_out, journalist_opt_out


@never_cache
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def opt_out(request, token: str):
    delivery = delivery_for_opt_out(token)
    if delivery is None:
        return TemplateResponse(request, "press/rsvp_invalid.html", status=404)
    if request.method == "POST":
        journalist_opt_out(delivery=delivery)
        return TemplateResponse(request, "press/opted_out.html", {})
    return TemplateResponse(request, "press/opt_out.html", {})
