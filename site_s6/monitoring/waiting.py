"""What the press is waiting for, as the morning digest lists it (``digest.WAITING_HOOK``).

The press office's records live in the press app; this module reads them only when that
app is installed, through ``apps.get_model``, so the press review runs without it.
Today: accreditation requests still waiting for a decision that fall due before the end
of the digest's day, overdue ones first. Information requests (Law 544/2001) join here
when the press app records them: add a section to :func:`press_office_waiting`.
"""

import datetime

from django.apps import apps
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder


def absolute(path: str | None) -> str:
    """An admin path as a full address, for a message read outside the admin."""
    if not path:
        return ""
    return getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/") + path


def pending_accreditations(until: datetime.datetime) -> dict | None:
    if not apps.is_installed("site_s6.press"):
        return None
    model = apps.get_model("press", "AccreditationRequest")
    due = model.objects.filter(
        status=model.Status.PENDING, due_at__lt=until + datetime.timedelta(days=1)
    ).order_by("due_at")
    # The admin's URL finders are registered as its URLconf loads, which a worker process
    # that has served no request has not done yet: a reverse() loads it.
    reverse("wagtailadmin_home")
    finder = AdminURLFinder()
    items = [
        {
            "label": f"{request.registration_number} · {request.name} ({request.outlet})",
            "due_at": request.due_at,
            "url": absolute(finder.get_edit_url(request)),
        }
        for request in due
    ]
    return {"title": _("Accreditation requests due"), "items": items}


def press_office_waiting(until: datetime.datetime) -> list[dict]:
    """The digest's sections of what the press waits for (the ``press_digest_waiting``
    hook's function)."""
    return [section for section in [pending_accreditations(until)] if section]
