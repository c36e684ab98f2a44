"""The register of journalists' requests for information (Law 544/2001 art. 7 and 15).

Every request the press office receives, by phone, e-mail, in person or by letter, is
registered with a number per institution and year, assigned to the institution that
holds the information, and answered, extended or refused within its legal clock
(``site_s6.press.deadlines``). The register is internal: the central team keeps it and
each institution's editors see only the requests assigned to their institution.

The requester is a name, an e-mail and an outlet typed in: the register of press
contacts does not exist yet, and will be linked from here when it does.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from site_s6.core.validators import no_line_breaks

from .accreditation import private_storage


def attachment_path(instance, filename: str) -> str:
    # The uploaded file's name is not kept: it may carry personal data.
    from pathlib import Path

    suffix = Path(filename).suffix.lower()[:10]
    number = (instance.registration_number or "new").replace("/", "-")
    return f"press/requests/{timezone.now():%Y}/{number}{suffix}"


class InformationRequest(models.Model):
    """One journalist's request for information, its clock and its answer."""

    class Channel(models.TextChoices):
        PHONE = "phone", _("Phone")
        EMAIL = "email", _("E-mail")
        IN_PERSON = "in_person", _("In person")
        LETTER = "letter", _("Letter")

    #: Channels of a verbal request (24 hours); the others are written (10 days).
    VERBAL_CHANNELS = frozenset({Channel.PHONE, Channel.IN_PERSON})

    class Status(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        ASSIGNED = "assigned", _("Assigned")
        EXTENDED = "extended", _("Extended to 30 days")
        ANSWERED = "answered", _("Answered")
        REFUSED = "refused", _("Refused")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    #: Statuses whose clock still runs.
    OPEN_STATUSES = frozenset({Status.REGISTERED, Status.ASSIGNED, Status.EXTENDED})

    class RefusalCategory(models.TextChoices):
        EXEMPTED = "exempted", _("Exempted information (art. 12)")
        PERSONAL_DATA = "personal_data", _("Personal data")
        NOT_HELD = "not_held", _("Information not held")
        NOT_PUBLIC_INTEREST = "not_public_interest", _("Not information of public interest")
        OTHER = "other", _("Other reason")

    registry = models.ForeignKey(
        "subsites.Institution",
        verbose_name=_("registered by"),
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    registration_number = models.CharField(
        _("registration number"), max_length=40, unique=True, editable=False
    )
    # The number's parts: one sequence per registering institution and year.
    year = models.PositiveSmallIntegerField(_("year"), editable=False)
    sequence = models.PositiveIntegerField(_("sequence"), editable=False)
    received_at = models.DateTimeField(_("received at"), default=timezone.now)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    requester_name = models.CharField(_("requester"), max_length=120, validators=[no_line_breaks])
    requester_email = models.EmailField(_("requester's e-mail"), blank=True)
    requester_outlet = models.CharField(
        _("outlet"), max_length=160, blank=True, validators=[no_line_breaks]
    )
    subject = models.TextField(_("subject"))
    topic = models.CharField(
        _("topic"),
        max_length=80,
        blank=True,
        validators=[no_line_breaks],
        help_text=_("A short heading the yearly report groups by, e.g. “Budget”."),
    )
    institution = models.ForeignKey(
        "subsites.Institution",
        verbose_name=_("assigned to"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assignee"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.REGISTERED
    )
    due_at = models.DateTimeField(_("due by"), editable=False, db_index=True)
    answer = models.TextField(_("answer"), blank=True)
    sent_at = models.DateTimeField(_("answer sent at"), null=True, blank=True)
    extension_notice_at = models.DateTimeField(
        _("extension notice sent at"),
        null=True,
        blank=True,
        help_text=_("A written request: the requester was told the answer needs 30 days."),
    )
    refusal_category = models.CharField(
        _("refusal reason category"),
        max_length=20,
        choices=RefusalCategory.choices,
        blank=True,
    )
    refusal_reason = models.TextField(_("refusal reason"), blank=True)
    attachment = models.FileField(
        _("attachment"),
        storage=private_storage,
        upload_to=attachment_path,
        blank=True,
        help_text=_("The written request or the answer; never published."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("journalist's request")
        verbose_name_plural = _("journalists' requests")
        ordering = ["-received_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["registry", "year", "sequence"], name="press_request_number_per_year"
            ),
            models.CheckConstraint(
                condition=~models.Q(status="refused")
                | (~models.Q(refusal_reason="") & ~models.Q(refusal_category="")),
                name="press_request_refusal_reason_required",
            ),
        ]

    def __str__(self):
        return f"{self.registration_number} · {self.requester_name}"

    @property
    def is_verbal(self) -> bool:
        return self.channel in self.VERBAL_CHANNELS

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.due_at < timezone.now()

    @property
    def answered_in_time(self) -> bool | None:
        """Whether the answer or refusal left by the due time; ``None`` while open."""
        if self.status not in (self.Status.ANSWERED, self.Status.REFUSED) or not self.sent_at:
            return None
        return self.sent_at <= self.due_at
