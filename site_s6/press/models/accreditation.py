"""Journalists' accreditation requests (Law 544/2001 art. 18).

A request is decided within two days of its registration; a refusal or a withdrawal is
written and reasoned. The press card a journalist uploads is personal data: it is kept in
a private storage outside the public media folder and served only to the central team.
"""

import os
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from site_s6.core.validators import no_line_breaks


def private_media_root() -> Path:
    """Where private uploads live (``S6_PRIVATE_MEDIA_ROOT``): never under MEDIA_ROOT."""
    return Path(getattr(settings, "S6_PRIVATE_MEDIA_ROOT", settings.BASE_DIR / "var" / "private"))


class PrivateStorage(FileSystemStorage):
    """A file system storage without a public URL, read through the admin only.

    Its folder is read from the settings whenever a file is stored or opened, not once
    when the model is defined, so that moving it (or a test's own folder) takes effect.
    """

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return private_media_root()

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("A private file has no public address; the admin serves it.")


def private_storage() -> FileSystemStorage:
    """The storage of private uploads (a callable, so that migrations name no folder)."""
    return PrivateStorage()


def press_card_path(instance, filename: str) -> str:
    # The journalist's file name is not kept: it may carry personal data.
    suffix = Path(filename).suffix.lower()
    number = (instance.registration_number or "new").replace("/", "-")
    return f"press/cards/{timezone.now():%Y}/{number}{suffix}"


class AccreditationRequest(models.Model):
    """One journalist's request for accreditation, its clock and its decision."""

    class Kind(models.TextChoices):
        ANNUAL = "annual", _("Annual")
        EVENT = "event", _("For one event")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a decision")
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Refused")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("institution's site"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    registration_number = models.CharField(
        _("registration number"), max_length=40, unique=True, editable=False
    )
    # The number's parts: one sequence per site and year.
    year = models.PositiveSmallIntegerField(_("year"), editable=False)
    sequence = models.PositiveIntegerField(_("sequence"), editable=False)
    registered_at = models.DateTimeField(_("registered at"), default=timezone.now, editable=False)
    due_at = models.DateTimeField(_("decision due by"), editable=False, db_index=True)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="ro"
    )
    name = models.CharField(_("name"), max_length=120, validators=[no_line_breaks])
    outlet = models.CharField(_("outlet"), max_length=160, validators=[no_line_breaks])
    role = models.CharField(_("role"), max_length=120, validators=[no_line_breaks])
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=40, validators=[no_line_breaks])
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.ANNUAL)
    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    press_card = models.FileField(
        _("press card"), storage=private_storage, upload_to=press_card_path, blank=True
    )
    consented_at = models.DateTimeField(_("notice acknowledged at"), editable=False)

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True, editable=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    reason = models.TextField(
        _("written reason"),
        blank=True,
        help_text=_(
            "Required for a refusal or a withdrawal: only conduct that disrupts the "
            "institution's work, never what the journalist published."
        ),
    )
    badge_number = models.CharField(
        _("badge number"), max_length=40, blank=True, validators=[no_line_breaks]
    )
    valid_until = models.DateField(_("valid until"), null=True, blank=True)

    class Meta:
        verbose_name = _("accreditation request")
        verbose_name_plural = _("accreditation requests")
        ordering = ["-registered_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["site", "year", "sequence"], name="press_accreditation_number_per_year"
            ),
            models.CheckConstraint(
                condition=~models.Q(status__in=["refused", "withdrawn"]) | ~models.Q(reason=""),
                name="press_accreditation_reason_required",
            ),
        ]

    def __str__(self):
        return f"{self.registration_number} · {self.name} ({self.outlet})"

    @property
    def is_overdue(self) -> bool:
        return self.status == self.Status.PENDING and self.due_at < timezone.now()
