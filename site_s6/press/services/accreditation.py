"""Accreditation: registering a request, its two-day clock, and the written decision."""

from __future__ import annotations

import datetime
import logging

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from site_s6.core.mail import branding_context, send_templated
from site_s6.core.sites import site_index
from site_s6.core.text import ascii_slugify

from ..models import AccreditationRequest

logger = logging.getLogger(__name__)

#: Law 544/2001 art. 18: the authority decides within two days of the registration.
DECISION_DAYS = 2

Status = AccreditationRequest.Status


def accreditation_due_at(registered_at: datetime.datetime) -> datetime.datetime:
    """When a decision on a request registered at ``registered_at`` is due: two days on."""
    return registered_at + datetime.timedelta(days=DECISION_DAYS)


def registration_prefix(site) -> str:
    """The institution's part of a registration number: its short name, else the host."""
    entry = site_index().get(site.pk)
    institution = entry.institution if entry else None
    name = getattr(institution, "short_name", "") or site.hostname.split(".")[0]
    return ascii_slugify(name).replace("-", "").upper() or "S6"


def registration_fields(site, now: datetime.datetime) -> dict:
    """The next registration number of ``site`` in the year of ``now``, with its parts."""
    last = AccreditationRequest.objects.filter(site=site, year=now.year).aggregate(
        last=Max("sequence")
    )["last"]
    sequence = (last or 0) + 1
    return {
        "year": now.year,
        "sequence": sequence,
        "registration_number": f"{registration_prefix(site)}/ACR/{now.year}/{sequence:04d}",
    }


def accreditation_submit(
    *, site, data: dict, press_card=None, language: str = "ro", now=None
) -> AccreditationRequest:
    """Register a journalist's request and acknowledge it by e-mail.

    ``data`` holds the form's cleaned fields (name, outlet, role, email, phone, kind,
    event). The registration number counts per institution and year
    (``DGASPC6/ACR/2026/0007``); two submissions at once cannot get one number, the
    unique constraint sends the second round again.
    """
    now = now or timezone.now()
    fields = {key: data.get(key) for key in ("name", "outlet", "role", "email", "phone", "kind")}
    is_event = fields["kind"] == AccreditationRequest.Kind.EVENT
    fields["event"] = data.get("event") if is_event else None
    for attempt in range(5):
        try:
            with transaction.atomic():
                request_obj = AccreditationRequest(
                    site=site,
                    registered_at=now,
                    due_at=accreditation_due_at(now),
                    consented_at=now,
                    language=language,
                    **registration_fields(site, now),
                    **fields,
                )
                if press_card is not None:
                    request_obj.press_card = press_card
                request_obj.save()
            break
        except IntegrityError:
            if attempt == 4:
                raise
    send_acknowledgement(request_obj)
    return request_obj


def _mail(request_obj: AccreditationRequest, *, subject, template: str) -> bool:
    """Send one message about ``request_obj``; whether it left.

    A mail server that fails does not undo the registration or the decision, which stand
    on their own (the journalist sees the number on the page, the team the decision in
    the admin); the failure is logged for the operators.
    """
    context = {"request_obj": request_obj, **branding_context(request_obj.site)}
    try:
        send_templated(
            to=request_obj.email,
            subject=subject,
            template=template,
            context=context,
            language=request_obj.language,
        )
    except Exception:
        logger.exception("Accreditation %s: e-mail not sent", request_obj.registration_number)
        return False
    return True


def _subject(request_obj: AccreditationRequest, text) -> str:
    # Formatted in the journalist's language, not the language of whoever is deciding.
    with translation.override(request_obj.language):
        return str(text) % {"number": request_obj.registration_number}


def send_acknowledgement(request_obj: AccreditationRequest) -> bool:
    """The journalist's receipt: the registration number and when to expect a decision."""
    return _mail(
        request_obj,
        subject=_subject(request_obj, _("Accreditation request %(number)s registered")),
        template="press/mail/accreditation_received",
    )


def send_decision(request_obj: AccreditationRequest) -> bool:
    """The decision, as written by the central team, to the journalist."""
    return _mail(
        request_obj,
        subject=_subject(request_obj, _("Accreditation request %(number)s: decision")),
        template="press/mail/accreditation_decision",
    )


#: From which status each decision may be taken.
ALLOWED_FROM = {
    Status.APPROVED: {Status.PENDING},
    Status.REFUSED: {Status.PENDING},
    Status.WITHDRAWN: {Status.APPROVED},
}


def check_decision(
    *,
    current: str,
    decision: str,
    reason: str = "",
    badge_number: str = "",
    valid_until: datetime.date | None = None,
) -> None:
    """Refuse a decision the law or the record's state does not allow.

    An approval names a badge and its validity; a refusal or a withdrawal is written,
    with its reason; only a pending request is approved or refused, only an accredited
    journalist is withdrawn. Raises ``ValidationError`` keyed by field.
    """
    errors = {}
    if decision not in ALLOWED_FROM:
        errors["status"] = _("Choose a decision.")
    elif current not in ALLOWED_FROM[decision]:
        errors["status"] = _("This decision cannot follow the request's current status.")
    elif decision == Status.APPROVED:
        if not badge_number.strip():
            errors["badge_number"] = _("An approval needs the badge number.")
        if valid_until is None:
            errors["valid_until"] = _("An approval needs the date the badge is valid until.")
        elif valid_until < timezone.localdate():
            errors["valid_until"] = _("The badge cannot expire in the past.")
    elif not reason.strip():
        errors["reason"] = _("A refusal or a withdrawal needs its written reason.")
    if errors:
        raise ValidationError(errors)


def accreditation_decide(
    *,
    request_obj: AccreditationRequest,
    decision: str,
    user,
    reason: str = "",
    badge_number: str = "",
    valid_until: datetime.date | None = None,
) -> AccreditationRequest:
    """Record the central team's decision and send it to the journalist by e-mail."""
    check_decision(
        current=AccreditationRequest.objects.values_list("status", flat=True).get(
            pk=request_obj.pk
        ),
        decision=decision,
        reason=reason,
        badge_number=badge_number,
        valid_until=valid_until,
    )
    request_obj.status = decision
    request_obj.reason = reason.strip()
    if decision == Status.APPROVED:
        request_obj.badge_number = badge_number.strip()
        request_obj.valid_until = valid_until
    request_obj.decided_at = timezone.now()
    request_obj.decided_by = user
    request_obj.save()
    logger.info("Accreditation %s: %s by %s", request_obj.registration_number, decision, user)
    send_decision(request_obj)
    return request_obj
