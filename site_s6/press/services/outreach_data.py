"""What press distributions and invitations hold about a person, for the GDPR tools.

Both keep a copy of the address and name of everyone they reached. An export lists those
rows; an erasure anonymises them (address, name and outlet blanked, the link to the
journalist cut) and keeps them, so that a distribution's log and an event's RSVP list
still count everyone they reached.
"""

from __future__ import annotations

from ..models import Delivery, Invitation
from ..personal_data import normalise_email, register_personal_data


def export_deliveries(email: str) -> list[dict]:
    """The press releases sent to ``email``, one row per delivery."""
    rows = Delivery.objects.filter(email=normalise_email(email)).select_related(
        "distribution__page"
    )
    return [
        {
            "release": row.distribution.page.title,
            "email": row.email,
            "name": row.name,
            "language": row.language,
            "status": row.status,
            "queued_at": row.queued_at.isoformat(),
            "sent_at": row.sent_at.isoformat() if row.sent_at else None,
            "embargo_until": (
                row.distribution.embargo_until.isoformat()
                if row.distribution.embargo_until
                else None
            ),
        }
        for row in rows.order_by("queued_at", "pk")
    ]


def erase_deliveries(email: str) -> int:
    """Anonymise the deliveries to ``email``; how many."""
    return Delivery.objects.filter(email=normalise_email(email)).update(
        email="", name="", journalist=None
    )


def export_invitations(email: str) -> list[dict]:
    """The events ``email`` was invited to, with the answers given."""
    rows = Invitation.objects.filter(email=normalise_email(email)).select_related("event")
    return [
        {
            "event": row.event.title,
            "email": row.email,
            "name": row.name,
            "outlet": row.outlet,
            "language": row.language,
            "status": row.status,
            "sent_at": row.sent_at.isoformat() if row.sent_at else None,
            "response": row.response,
            "responded_at": row.responded_at.isoformat() if row.responded_at else None,
        }
        for row in rows.order_by("created_at", "pk")
    ]


def erase_invitations(email: str) -> int:
    """Anonymise the invitations of ``email``; how many."""
    return Invitation.objects.filter(email=normalise_email(email)).update(
        email="", name="", outlet="", journalist=None
    )


def register_outreach_data() -> None:
    """Register both sources with the personal data registry (``PressConfig.ready``)."""
    register_personal_data(
        "press_distribution_deliveries", export=export_deliveries, erase=erase_deliveries
    )
    register_personal_data("press_invitations", export=export_invitations, erase=erase_invitations)
