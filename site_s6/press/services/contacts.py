"""The contacts register's writes: a person's activity, and the GDPR tools (everything
held about one person, exported or erased, through ``site_s6.press.personal_data``)."""

import datetime

from django.db import transaction
from django.utils import timezone

from ..models import Journalist
from ..personal_data import normalise_email, personal_data_sources


def journalist_touch(*, email: str, at: datetime.datetime | None = None) -> int:
    """Records that the person with ``email`` did something (an RSVP, an accreditation
    request): their review clock starts again. Returns how many contacts matched (0 or 1)."""
    address = normalise_email(email)
    if not address:
        return 0
    return Journalist.objects.filter(email=address).update(last_activity_at=at or timezone.now())


def journalist_record(journalist: Journalist) -> dict:
    """The register's own row about a person, as JSON-ready values."""
    return {
        "name": journalist.name,
        "email": journalist.email,
        "outlet": journalist.outlet.name if journalist.outlet else None,
        "outlet_kind": journalist.outlet.kind if journalist.outlet else None,
        "beats": sorted(journalist.beats.names()),
        "phone": journalist.phone,
        "language": journalist.language,
        "notes": journalist.notes,
        "lawful_basis": journalist.lawful_basis,
        "source": journalist.source,
        "opted_out": journalist.opted_out,
        "distribution_lists": list(journalist.distribution_lists.values_list("name", flat=True)),
        "last_activity_at": journalist.last_activity_at,
        "created_at": journalist.created_at,
        "updated_at": journalist.updated_at,
    }


def person_export(*, journalist: Journalist) -> dict:
    """Everything the product holds about ``journalist``'s address: the register's row
    and every registered source's rows, by source name (GDPR art. 15 and 20)."""
    email = journalist.email
    return {
        "email": email,
        "exported_at": timezone.now(),
        "contacts_register": journalist_record(journalist),
        "sources": {source.name: source.export(email) for source in personal_data_sources()},
    }


def person_erase(*, journalist: Journalist) -> dict[str, int]:
    """Erases ``journalist`` (GDPR art. 17): every registered source erases or anonymises
    what it holds about the address, then the contact is deleted, all or nothing.

    Returns how many rows each source changed, by source name.
    """
    email = journalist.email
    with transaction.atomic():
        changed = {source.name: source.erase(email) for source in personal_data_sources()}
        journalist.delete()
    return changed
