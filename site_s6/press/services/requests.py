"""Journalists' requests for information: registering, the status changes, the clocks.

Every change of a request's status goes through :func:`request_save`, which checks it
(:func:`check_request_change`), fills the times the law counts from (when the answer or
the extension notice left) and stores the due time the clock gives
(``site_s6.press.deadlines.request_due_at``), so the register, the dashboard, the
reminders and the report read one stored value.
"""

from __future__ import annotations

import datetime
import logging
from collections import defaultdict

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from site_s6.core.mail import branding_context, send_templated
from site_s6.core.text import ascii_slugify

from ..deadlines import request_due_at
from ..models import InformationRequest

logger = logging.getLogger(__name__)

Status = InformationRequest.Status

#: To which status a request may move from each status.
ALLOWED_NEXT = {
    Status.REGISTERED: {
        Status.ASSIGNED,
        Status.EXTENDED,
        Status.ANSWERED,
        Status.REFUSED,
        Status.WITHDRAWN,
    },
    Status.ASSIGNED: {Status.EXTENDED, Status.ANSWERED, Status.REFUSED, Status.WITHDRAWN},
    Status.EXTENDED: {Status.ANSWERED, Status.REFUSED, Status.WITHDRAWN},
    Status.ANSWERED: set(),
    Status.REFUSED: set(),
    Status.WITHDRAWN: set(),
}


#: The fields a status change is checked against.
CHECKED_FIELDS = ("status", "answer", "refusal_category", "refusal_reason", "extension_notice_at")


def registration_prefix(institution) -> str:
    """The institution's part of a registration number: its short name."""
    return (
        ascii_slugify(institution.short_name or institution.name).replace("-", "").upper() or "S6"
    )


def registration_fields(registry, now: datetime.datetime) -> dict:
    """The next number of ``registry``'s register in the year of ``now``, with its parts."""
    year = timezone.localtime(now).year
    last = InformationRequest.objects.filter(registry=registry, year=year).aggregate(
        last=Max("sequence")
    )["last"]
    sequence = (last or 0) + 1
    return {
        "year": year,
        "sequence": sequence,
        "registration_number": f"{registration_prefix(registry)}/544/{year}/{sequence:04d}",
    }


def due_at_for(request_obj: InformationRequest) -> datetime.datetime:
    """The due time of ``request_obj`` in its current state (the one clock function)."""
    return request_due_at(
        request_obj.received_at,
        verbal=request_obj.is_verbal,
        extension_notice_at=request_obj.extension_notice_at
        if request_obj.status != Status.REFUSED
        else None,
        refusal=request_obj.status == Status.REFUSED,
    )


def request_register(*, registry, data: dict, now=None) -> InformationRequest:
    """Register a request in ``registry``'s register (an institution).

    ``data`` holds the model's editable fields; the institution it is assigned to
    defaults to the registering one, and a request registered with an assignee is
    ``assigned`` at once. Numbers count per institution and year
    (``PRIMARIA6/544/2026/0007``); two registrations at once cannot share one, the unique
    constraint sends the second round again.
    """
    now = now or timezone.now()
    fields = dict(data)
    fields.setdefault("received_at", now)
    fields.setdefault("institution", registry)
    if fields.get("assignee") and not fields.get("status"):
        fields["status"] = Status.ASSIGNED
    for attempt in range(5):
        try:
            with transaction.atomic():
                request_obj = InformationRequest(
                    registry=registry,
                    **registration_fields(registry, fields["received_at"]),
                    **fields,
                )
                request_obj.due_at = due_at_for(request_obj)
                request_obj.save()
            break
        except IntegrityError:
            if attempt == 4:
                raise
    logger.info("Information request %s registered", request_obj.registration_number)
    return request_obj


def check_request_change(*, current: str, data: dict, channel: str, received_at) -> None:
    """Refuse a status change the law or the record's state does not allow.

    ``data`` holds the new values (status, answer, refusal_category, refusal_reason,
    extension_notice_at). An answer has its text; a refusal its category and written
    reason; only a written request is extended, and only with a notice sent within its
    first 10 days. Raises ``ValidationError`` keyed by field.
    """
    status = data.get("status")
    errors = {}
    if status != current and status not in ALLOWED_NEXT.get(current, set()):
        errors["status"] = _("This status cannot follow the request's current status.")
    elif status == Status.ANSWERED and not (data.get("answer") or "").strip():
        errors["answer"] = _("An answered request needs the answer's text.")
    elif status == Status.REFUSED:
        if not data.get("refusal_category"):
            errors["refusal_category"] = _("A refusal needs its reason category.")
        if not (data.get("refusal_reason") or "").strip():
            errors["refusal_reason"] = _("A refusal needs its written reason.")
    elif status == Status.EXTENDED:
        if channel in InformationRequest.VERBAL_CHANNELS:
            errors["status"] = _("Only a written request can be extended to 30 days.")
        else:
            notice = data.get("extension_notice_at") or timezone.now()
            if notice > request_due_at(received_at, verbal=False):
                errors["extension_notice_at"] = _(
                    "The extension notice must be sent within the first 10 days."
                )
    if errors:
        raise ValidationError(errors)


def request_save(request_obj: InformationRequest, *, previous_status: str | None = None, now=None):
    """Store ``request_obj`` after a change, with its times and its due time brought up to date.

    The times the requester was sent the answer, the refusal or the extension notice are
    now unless given; the due time follows the status and the extension.
    """
    now = now or timezone.now()
    status = request_obj.status
    if status in (Status.ANSWERED, Status.REFUSED) and request_obj.sent_at is None:
        request_obj.sent_at = now
    if status == Status.EXTENDED and request_obj.extension_notice_at is None:
        request_obj.extension_notice_at = now
    if (
        status == Status.REGISTERED
        and request_obj.assignee_id
        and previous_status
        in (
            None,
            Status.REGISTERED,
        )
    ):
        request_obj.status = Status.ASSIGNED
    request_obj.refusal_reason = request_obj.refusal_reason.strip()
    request_obj.due_at = due_at_for(request_obj)
    request_obj.save()
    if previous_status is not None and previous_status != request_obj.status:
        logger.info(
            "Information request %s: %s → %s",
            request_obj.registration_number,
            previous_status,
            request_obj.status,
        )
    return request_obj


def request_change(request_obj: InformationRequest, *, now=None, **changes) -> InformationRequest:
    """Apply ``changes`` (field values) to ``request_obj`` after checking them, and save it."""
    previous = InformationRequest.objects.values_list("status", flat=True).get(pk=request_obj.pk)
    data = {
        field: changes.get(field, getattr(request_obj, field))
        for field in (
            "status",
            "answer",
            "refusal_category",
            "refusal_reason",
            "extension_notice_at",
        )
    }
    check_request_change(
        current=previous,
        data=data,
        channel=request_obj.channel,
        received_at=request_obj.received_at,
    )
    for field, value in changes.items():
        setattr(request_obj, field, value)
    return request_save(request_obj, previous_status=previous, now=now)


def requests_visible_to(user, queryset=None):
    """The requests ``user`` may see: all for the central team, else those assigned to the
    institutions whose editors' group the user belongs to (none for anybody else)."""
    from subsites.access import is_central_team
    from subsites.models import Institution

    queryset = InformationRequest.objects.all() if queryset is None else queryset
    if is_central_team(user):
        return queryset
    if not (user and user.is_authenticated and user.is_active):
        return queryset.none()
    institutions = Institution.objects.filter(editors_group__in=user.groups.all())
    return queryset.filter(institution__in=institutions)


def due_soon(now=None, *, within=datetime.timedelta(days=1)):
    """Open requests due within ``within`` of ``now`` or overdue, the earliest first."""
    now = now or timezone.now()
    return (
        InformationRequest.objects.filter(
            status__in=InformationRequest.OPEN_STATUSES, due_at__lt=now + within
        )
        .select_related("institution", "assignee")
        .order_by("due_at")
    )


def _subject(count: int, language: str) -> str:
    with translation.override(language):
        return gettext("Journalists' requests due: %(count)s") % {"count": count}


def send_reminders(now=None) -> int:
    """E-mail each assignee their open requests due within a day or overdue; how many left.

    One message per assignee with an e-mail address, in the site's default language. A
    mail server that fails is logged and the next assignee is tried.
    """
    now = now or timezone.now()
    by_assignee = defaultdict(list)
    for request_obj in due_soon(now).filter(assignee__isnull=False):
        if request_obj.assignee.email and request_obj.assignee.is_active:
            by_assignee[request_obj.assignee].append(request_obj)
    admin_url = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    branding = branding_context(Site.objects.filter(is_default_site=True).first())
    language = settings.LANGUAGE_CODE
    sent = 0
    for assignee, rows in by_assignee.items():
        try:
            send_templated(
                to=assignee.email,
                subject=_subject(len(rows), language),
                template="press/mail/request_reminder",
                context={
                    "assignee": assignee,
                    "rows": [(row, row.due_at < now) for row in rows],
                    "admin_url": admin_url,
                    **branding,
                },
                language=language,
            )
        except Exception:
            logger.exception("Request reminder to %s not sent", assignee.pk)
            continue
        sent += 1
    return sent
