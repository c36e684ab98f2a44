"""The e-mail a requester gets when the central team decides on their request."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.utils import get_admin_base_url

from site_s6.core.mail import branding_context, send_templated

from .models import CommunicationRequest

SUBJECTS = {
    CommunicationRequest.Status.ACCEPTED: _("Your request was accepted: %(title)s"),
    CommunicationRequest.Status.NEEDS_INFO: _("More information is needed: %(title)s"),
    CommunicationRequest.Status.DECLINED: _("Your request was declined: %(title)s"),
}


def requester_language(user) -> str:
    """The requester's admin language, else the default one (Romanian)."""
    from wagtail.users.models import UserProfile

    preferred = UserProfile.get_for_user(user).get_preferred_language()
    languages = {code for code, _name in settings.LANGUAGES}
    return preferred if preferred in languages else settings.LANGUAGE_CODE


def notify_requester(*, request_id: int) -> bool:
    """Send the requester the status of request ``request_id``; False when there is
    nobody to write to or nothing was decided."""
    request = (
        CommunicationRequest.objects.select_related("requester", "site")
        .filter(pk=request_id)
        .first()
    )
    if request is None or request.status not in SUBJECTS:
        return False
    user = request.requester
    if user is None or not user.email:
        return False
    language = requester_language(user)
    url = get_admin_base_url() + reverse("channels_requests:inspect", args=[request.pk])
    send_templated(
        to=user.email,
        subject=_LazySubject(request),
        template="channels/mail/request_status",
        context={
            **branding_context(request.site),
            "request": request,
            "status": request.get_status_display,
            "url": url,
            "user": user,
        },
        language=language,
    )
    return True


class _LazySubject:
    """The subject, rendered in the language ``send_templated`` switches to."""

    def __init__(self, request):
        self.request = request

    def __str__(self):
        return str(SUBJECTS[self.request.status]) % {"title": self.request.title}
