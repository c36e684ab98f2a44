"""The accreditation form, a route of the press room (``/presa/acreditare/``)."""

from django.db.models import Q
from django.template.response import TemplateResponse
from django.utils import timezone

from site_s6.events.models import EventPage

from ..forms import AccreditationForm
from ..services import accreditation_submit
from .common import over_rate_limit, rate_limited_response


def accreditation_events(page):
    """Upcoming events of the room's site and language that require accreditation and
    still take requests."""
    site = page.get_site()
    return (
        EventPage.objects.listed([site.pk], page.locale_id)
        .filter(accreditation_required=True)
        .filter(
            Q(accreditation_deadline__isnull=True) | Q(accreditation_deadline__gte=timezone.now())
        )
        .upcoming()
    )


def accreditation_form(request, page):
    events = accreditation_events(page)
    status = 200
    if request.method == "POST":
        if over_rate_limit(request, "accreditation"):
            return rate_limited_response(request, page)
        form = AccreditationForm(request.POST, request.FILES, events=events)
        if form.is_valid():
            request_obj = accreditation_submit(
                site=page.get_site(),
                data=form.cleaned_data,
                press_card=form.cleaned_data.get("press_card"),
                language=page.language_code,
            )
            return TemplateResponse(
                request,
                "press/accreditation_done.html",
                {"page": page, "self": page, "request_obj": request_obj},
            )
        status = 400
    else:
        form = AccreditationForm(events=events)
    return TemplateResponse(
        request,
        "press/accreditation_form.html",
        {"page": page, "self": page, "form": form},
        status=status,
    )
