"""The morning digest: the relevant clippings of the previous working day, grouped by
institution and tone, and what the press is waiting for, e-mailed to the subscribed staff.

The period runs from midnight (Europe/Bucharest) of the previous working day to midnight
today, so Monday's digest covers Friday and the weekend. A clipping counts by its
publication time, or when it was found if the feed gave none.

What the press is waiting for (accreditation requests due, open information requests)
belongs to the press office's own records. Those apps contribute sections through the
``press_digest_waiting`` hook (:data:`WAITING_HOOK`): a function that takes the digest's
``until`` moment and returns a list of ``{"title": str, "items": [{"label": str,
"due_at": datetime | None, "url": str}]}``. The digest shows whatever the installed apps
return, and nothing when none does.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import get_connection
from django.db.models import F, Prefetch
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from site_s6.core.mail import send_templated

from .models import Clipping

WAITING_HOOK = "press_digest_waiting"
TEMPLATE = "monitoring/digest_email"
#: The working days (Monday = 0); the period reaches back to the previous one.
WORKING_DAYS = (0, 1, 2, 3, 4)


@dataclass
class InstitutionGroup:
    #: Empty for the clippings tied to no institution.
    name: str
    tones: list[tuple[str, list[Clipping]]] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(clippings) for _tone, clippings in self.tones)


@dataclass
class Digest:
    since: datetime.datetime
    until: datetime.datetime
    groups: list[InstitutionGroup]
    waiting: list[dict]
    total: int

    def context(self) -> dict:
        return {
            "since": self.since,
            "until": self.until,
            "groups": self.groups,
            "waiting": self.waiting,
            "total": self.total,
            "admin_url": getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/"),
        }


def digest_period(now: datetime.datetime | None = None):
    """Midnight of the previous working day and midnight today, in the project's zone."""
    now = timezone.localtime(now or timezone.now())
    today = timezone.make_aware(datetime.datetime.combine(now.date(), datetime.time()))
    day = now.date() - datetime.timedelta(days=1)
    while day.weekday() not in WORKING_DAYS:
        day -= datetime.timedelta(days=1)
    since = timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
    return since, today


def relevant_clippings(since, until):
    return (
        Clipping.objects.relevant()
        .annotate(moment=Coalesce(F("published_at"), F("found_at")))
        .filter(moment__gte=since, moment__lt=until)
        .prefetch_related(Prefetch("institutions"))
        .order_by("moment")
    )


def waiting_sections(until) -> list[dict]:
    """What the press office's apps say the press is waiting for (``WAITING_HOOK``)."""
    sections = []
    for hook in hooks.get_hooks(WAITING_HOOK):
        sections.extend(section for section in hook(until=until) or [] if section.get("items"))
    return sections


def build_digest(now: datetime.datetime | None = None) -> Digest:
    since, until = digest_period(now)
    clippings = list(relevant_clippings(since, until))
    tone_labels = dict(Clipping.Tone.choices)
    order = [*Clipping.Tone.values, ""]
    by_institution: dict[str, dict[str, list]] = {}
    for clipping in clippings:
        names = [institution.name for institution in clipping.institutions.all()]
        for name in names or [""]:
            by_institution.setdefault(name, {}).setdefault(clipping.tone, []).append(clipping)
    groups = []
    # The clippings of no institution come last.
    for name in sorted(by_institution, key=lambda name: (not name, name.casefold())):
        tones = by_institution[name]
        groups.append(
            InstitutionGroup(
                name=name,
                tones=[
                    (tone_labels.get(tone, _("Tone not set")), tones[tone])
                    for tone in order
                    if tone in tones
                ],
            )
        )
    return Digest(
        since=since,
        until=until,
        groups=groups,
        waiting=waiting_sections(until),
        total=len(clippings),
    )


def subscribers():
    """The staff who receive the digest: an active subscription, an active account and
    an e-mail address."""
    return (
        get_user_model()
        .objects.filter(
            press_digest_subscription__active=True,
            is_active=True,
        )
        .exclude(email="")
        .order_by("pk")
    )


def recipient_language(user) -> str:
    from wagtail.users.models import UserProfile

    return UserProfile.get_for_user(user).get_preferred_language() or settings.LANGUAGE_CODE


def digest_subject(digest: Digest) -> str:
    """The subject, in the active language."""
    return gettext("Press review for %(date)s: %(count)s relevant clippings") % {
        "date": timezone.localtime(digest.since).date().isoformat(),
        "count": digest.total,
    }


def digest_send(now: datetime.datetime | None = None) -> int:
    """Send the digest to each subscriber, one message each (no one sees the others'
    addresses), over one SMTP connection; return how many were sent."""
    digest = build_digest(now)
    sent = 0
    with get_connection() as connection:
        for user in subscribers():
            language = recipient_language(user)
            with translation.override(language):
                subject = digest_subject(digest)
            send_templated(
                to=user.email,
                subject=subject,
                template=TEMPLATE,
                context={**digest.context(), "recipient": user},
                language=language,
                connection=connection,
            )
            sent += 1
    return sent
