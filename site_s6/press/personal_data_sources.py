"""The press office's own sources of personal data, registered in ``personal_data``.

Accreditation requests are a register with numbers (Law 544/2001 art. 18): an erased
person's requests stay counted, their name, e-mail, phone, role and press card removed.
Alert subscriptions are the person's own: they are deleted with their delivery log.
Journalists' requests for information are exported, and kept when the person is erased:
the register of requests is kept by law (Law 544/2001; GDPR art. 17(3)(b)).
"""

from django.db import transaction

from .models import AccreditationRequest, InformationRequest, Subscriber
from .personal_data import normalise_email, register_personal_data

ERASED = "—"


def export_accreditation_requests(email: str) -> list[dict]:
    rows = AccreditationRequest.objects.filter(email__iexact=normalise_email(email)).order_by("pk")
    return [
        {
            "registration_number": row.registration_number,
            "registered_at": row.registered_at,
            "name": row.name,
            "outlet": row.outlet,
            "role": row.role,
            "email": row.email,
            "phone": row.phone,
            "kind": row.kind,
            "event": str(row.event) if row.event_id else None,
            "status": row.status,
            "reason": row.reason,
            "badge_number": row.badge_number,
            "valid_until": row.valid_until,
            "press_card_held": bool(row.press_card),
        }
        for row in rows.select_related("event")
    ]


def erase_accreditation_requests(email: str) -> int:
    rows = list(AccreditationRequest.objects.filter(email__iexact=normalise_email(email)))
    for row in rows:
        if row.press_card:
            name, storage = row.press_card.name, row.press_card.storage
            # The file goes only once the anonymised row is saved for good.
            transaction.on_commit(lambda name=name, storage=storage: storage.delete(name))
        row.name = ERASED
        row.role = ERASED
        row.email = ""
        row.phone = ""
        row.press_card = ""
        row.save(update_fields=["name", "role", "email", "phone", "press_card"])
    return len(rows)


def export_subscriptions(email: str) -> list[dict]:
    rows = Subscriber.objects.filter(email__iexact=normalise_email(email)).prefetch_related("sites")
    return [
        {
            "email": row.email,
            "language": row.language,
            "kinds": row.kinds,
            "institutions": [site.site_name or site.hostname for site in row.sites.all()],
            "subscribed_at": row.created_at,
            "confirmed_at": row.confirmed_at,
            "unsubscribed_at": row.unsubscribed_at,
            "alerts_sent": row.deliveries.filter(sent_at__isnull=False).count(),
        }
        for row in rows
    ]


def erase_subscriptions(email: str) -> int:
    _total, by_model = Subscriber.objects.filter(email__iexact=normalise_email(email)).delete()
    # Their delivery log goes with them; the count is of subscriptions.
    return by_model.get(Subscriber._meta.label, 0)


def export_information_requests(email: str) -> list[dict]:
    rows = InformationRequest.objects.filter(requester_email__iexact=normalise_email(email))
    return [
        {
            "registration_number": row.registration_number,
            "received_at": row.received_at,
            "requester_name": row.requester_name,
            "requester_email": row.requester_email,
            "requester_outlet": row.requester_outlet,
            "subject": row.subject,
            "status": row.status,
            "answer": row.answer,
            "sent_at": row.sent_at,
        }
        for row in rows.order_by("pk")
    ]


def keep_information_requests(email: str) -> int:
    """Kept by law: nothing changes (see the module's docstring)."""
    return 0


def register() -> None:
    """Registers the press office's sources (called once, from the app's ``ready``)."""
    register_personal_data(
        "accreditation_requests",
        export=export_accreditation_requests,
        erase=erase_accreditation_requests,
    )
    register_personal_data(
        "alert_subscriptions", export=export_subscriptions, erase=erase_subscriptions
    )
    register_personal_data(
        "information_requests",
        export=export_information_requests,
        erase=keep_information_requests,
    )
