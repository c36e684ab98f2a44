"""Press releases sent to journalists, and the one delivery row per recipient.

A :class:`Distribution` is a press release sent, now or at a time, to the people of some
distribution lists and to people chosen by name, optionally under an embargo. Its
recipients are worked out once, when it is queued: each becomes a :class:`Delivery` that
keeps a copy of the address and name, so that the log stays true (and counted) after the
person's record changes or is erased.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Distribution(models.Model):
    """One sending of a press release to the press."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")

    page = models.ForeignKey(
        "news.NewsPage",
        verbose_name=_("press release"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    embargo_until = models.DateTimeField(_("embargo until"), null=True, blank=True)
    send_at = models.DateTimeField(_("send at"), db_index=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SCHEDULED
    )
    lists = models.ManyToManyField(
        "press.DistributionList", verbose_name=_("lists"), blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("distribution")
        verbose_name_plural = _("distributions")
        ordering = ["-send_at", "-pk"]

    def __str__(self):
        return f"{self.page_id} @ {self.send_at:%Y-%m-%d %H:%M}"


class Delivery(models.Model):
    """One recipient of a distribution: queued, then sent or failed (with the answer of
    the mail server), at most once."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    distribution = models.ForeignKey(
        Distribution,
        verbose_name=_("distribution"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    journalist = models.ForeignKey(
        "press.Journalist",
        verbose_name=_("journalist"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="deliveries",
    )
    # Copied when queued; blanked when the person is erased (the row stays counted).
    email = models.EmailField(_("e-mail"), blank=True)
    name = models.CharField(_("name"), max_length=200, blank=True)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="ro"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    queued_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    error = models.TextField(_("mail server's answer"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["distribution", "email"],
                condition=~models.Q(email=""),
                name="press_delivery_once_per_address",
            )
        ]

    def __str__(self):
        return f"{self.distribution_id} → {self.email or '—'}"
