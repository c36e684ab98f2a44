"""Baselines: what the stack costs before any page or API work."""

from django.http import JsonResponse
from wagtail.models import Site


def hello(request):
    """A bare JSON answer: the cost of gunicorn, Django's middleware and routing."""
    return JsonResponse({"hello": "world"})


def payload(request):
    """:func:`hello` with a body of ``?bytes=`` (default 16,000): the cost of the size alone."""
    try:
        size = min(max(int(request.GET.get("bytes", 16_000)), 0), 1_000_000)
    except ValueError:
        size = 16_000
    return JsonResponse({"payload": "x" * size})


def single_query(request):
    """One small query on top of :func:`hello`: adds a database round trip."""
    return JsonResponse({"sites": Site.objects.count()})
