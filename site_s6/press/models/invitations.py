"""Invitations of journalists to press conferences, interviews and briefings, and their
answers (RSVP).

An invitation keeps a copy of the invitee's address, name and outlet, so that the RSVP
list and the attendance sheet stay whole after the contacts register changes. It also
remembers what the invitee was last told (the start, the status and the ``SEQUENCE`` of
the calendar entry), which is how a postponement or a cancellation is mailed once to
each invitee, whatever number of times the event is published.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

#: The kinds of event journalists are invited to.
INVITABLE_EVENT_TYPES = ("press_conference", "interview", "briefing")


class Invitation(models.Model):
    """One journalist invited to one event, the e-mail's fate and the answer."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    class Response(models.TextChoices):
        NONE = "", _("No answer yet")
        COMING = "coming", _("Coming")
        NOT_COMING = "not_coming", _("Not coming")

    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    journalist = models.ForeignKey(
        "press.Journalist",
        verbose_name=_("journalist"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="invitations",
    )
    # Copied when invited; blanked when the person is erased (the row stays counted).
    email = models.EmailField(_("e-mail"), blank=True)
    name = models.CharField(_("name"), max_length=200, blank=True)
    outlet = models.CharField(_("outlet"), max_length=200, blank=True)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="ro"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    error = models.TextField(_("mail server's answer"), blank=True)
    response = models.CharField(
        _("answer"), max_length=12, choices=Response.choices, default=Response.NONE, blank=True
    )
    responded_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    # What the invitee was last told: a change of either is mailed with SEQUENCE + 1.
    notified_start = models.DateTimeField(null=True, blank=True, editable=False)
    notified_status = models.CharField(max_length=10, blank=True, editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("invited at"), auto_now_add=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~models.Q(email=""),
                name="press_invitation_once_per_address",
            )
        ]

    def __str__(self):
        return f"{self.event_id} → {self.email or '—'}"
