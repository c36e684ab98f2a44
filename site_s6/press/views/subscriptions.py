"""Subscribing (a route of the press room), confirming, preferences and unsubscribing.

The confirmation, preferences and unsubscribe addresses are plain URLs outside the page
tree (``/press-alerts/...``, English under ``/en/``), so that the links of every e-mail
keep working whatever happens to the press room page. Confirming takes a click on a
button (a POST), so that a mail scanner that follows links confirms nothing.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from ..forms import PreferencesForm, SubscribeForm
from ..models import Subscriber
from ..services import (
    subscriber_confirm,
    subscriber_subscribe,
    subscriber_unsubscribe,
    subscriber_update,
)
from .common import over_rate_limit, rate_limited_response


def subscribe_form(request, page):
    status = 200
    if request.method == "POST":
        if over_rate_limit(request, "subscribe"):
            return rate_limited_response(request, page)
        form = SubscribeForm(request.POST)
        if form.is_valid():
            subscriber_subscribe(
                email=form.cleaned_data["email"],
                language=form.cleaned_data["language"],
                kinds=form.cleaned_data["kinds"],
                sites=form.cleaned_data["sites"],
                site=page.get_site(),
            )
            # The same answer whether the address was new or known: nothing about
            # who subscribes is told to whoever types an address.
            return TemplateResponse(
                request, "press/subscribe_done.html", {"page": page, "self": page}
            )
        status = 400
    else:
        site = page.get_site()
        form = SubscribeForm(
            initial={
                "language": page.language_code,
                "kinds": [Subscriber.Kind.PRESS_RELEASE, Subscriber.Kind.PRESS_CONFERENCE],
                "sites": [site.pk],
            }
        )
    return TemplateResponse(
        request,
        "press/subscribe_form.html",
        {"page": page, "self": page, "form": form},
        status=status,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    if request.method == "POST":
        subscriber = subscriber_confirm(token)
        if subscriber is None:
            return TemplateResponse(request, "press/subscription_invalid.html", {}, status=400)
        return TemplateResponse(
            request, "press/subscription_confirmed.html", {"subscriber": subscriber}
        )
    return TemplateResponse(request, "press/subscription_confirm.html", {"token": token})


@require_http_methods(["GET", "HEAD", "POST"])
def preferences(request, token):
    subscriber = get_object_or_404(Subscriber, token=token, unsubscribed_at__isnull=True)
    saved = False
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            subscriber_update(subscriber=subscriber, **form.cleaned_data)
            saved = True
    else:
        form = PreferencesForm(
            initial={
                "language": subscriber.language,
                "kinds": subscriber.kinds,
                "sites": list(subscriber.sites.values_list("pk", flat=True)),
            }
        )
    return TemplateResponse(
        request,
        "press/subscription_preferences.html",
        {"form": form, "saved": saved, "token": token},
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    """RFC 8058 one-click unsubscribe: a POST without cookie or login answers 200.

    A GET (the visible link) shows a button that makes the same POST, so that a mail
    scanner following the link unsubscribes nobody.
    """
    subscriber = Subscriber.objects.filter(token=token).first()
    if subscriber is None:
        raise Http404
    if request.method == "POST":
        subscriber_unsubscribe(subscriber)
        return TemplateResponse(request, "press/unsubscribed.html", {})
    return TemplateResponse(request, "press/unsubscribe.html", {"token": token})
