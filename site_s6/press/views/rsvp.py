"""The invitee's answer links: ``/press-rsvp/<token>/`` (English under ``/en/``).

The token is signed (``services.invitations.rsvp_token``): a made-up or altered one gets
a page that says the link is not valid (404). Once the event is over, or when it was
cancelled, the link answers 410 with a page that says so. Otherwise the page asks for a
click (a POST), so that a mail scanner that follows links answers nothing for anyone.
"""

from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from ..models import Invitation
from ..services.invitations import event_is_over, invitation_respond, read_rsvp_token


def invalid(request):
    return TemplateResponse(request, "press/rsvp_invalid.html", status=404)


@never_cache
@require_http_methods(["GET", "POST"])
def rsvp(request, token: str):
    read = read_rsvp_token(token)
    if read is None:
        return invalid(request)
    invitation_id, response = read
    invitation = (
        Invitation.objects.select_related("event").filter(pk=invitation_id).exclude(email="")
    ).first()
    if invitation is None:
        # Erased, or the event deleted: the link leads nowhere any more.
        return invalid(request)
    event = invitation.event
    if event.is_cancelled or event_is_over(event):
        return TemplateResponse(
            request,
            "press/rsvp_closed.html",
            {"event": event, "cancelled": event.is_cancelled},
            status=410,
        )
    context = {"event": event, "invitation": invitation, "response": response}
    if request.method == "POST":
        invitation_respond(invitation=invitation, response=response)
        return TemplateResponse(request, "press/rsvp_done.html", context)
    return TemplateResponse(request, "press/rsvp_confirm.html", context)
