"""Baselines: what the stack costs before any page or API work."""

from django.http import JsonResponse
from wagtail.models import Site


def hello(request):
    """A bare JSON answer: the cost of gunicorn, Django's middleware and routing."""
    return JsonResponse({"hello": "world"})


def single_query(request):
    """One small query on top of :func:`hello`: adds a database round trip."""
    return JsonResponse({"sites": Site.objects.count()})
