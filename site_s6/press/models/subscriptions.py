"""E-mail alert subscribers and the delivery of one alert per page and subscriber."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def new_token() -> str:
    return secrets.token_urlsafe(32)


class SubscriberQuerySet(models.QuerySet):
    def active(self):
        """Confirmed (double opt-in) and not unsubscribed: the only ones ever sent alerts."""
        return self.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True)


class Subscriber(models.Model):
    """An address that asked for alerts: what about, from which sites, in which language."""

    class Kind(models.TextChoices):
        PRESS_RELEASE = "press_release", _("Press releases")
        ANNOUNCEMENT = "announcement", _("Announcements")
        NEWS = "news", _("News")
        PRESS_CONFERENCE = "press_conference", _("Press conferences")

    email = models.EmailField(_("e-mail"), unique=True)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="ro"
    )
    kinds = models.JSONField(_("what"), default=list)
    sites = models.ManyToManyField(
        "wagtailcore.Site", verbose_name=_("institutions"), related_name="+"
    )
    # The site where the address subscribed: its branding dresses the confirmation.
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("subscribed on"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    #: The secret of the preferences and unsubscribe links; never shown anywhere else.
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("subscribed at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["email"]

    def __str__(self):
        return self.email

    @property
    def is_active(self) -> bool:
        return self.confirmed_at is not None and self.unsubscribed_at is None


class AlertDelivery(models.Model):
    """The one alert a subscriber gets about a page: created before sending, so that a
    retried task or a republished page finds it and sends nothing again."""

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    subscriber = models.ForeignKey(
        Subscriber,
        verbose_name=_("subscriber"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    language = models.CharField(_("language"), max_length=8, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("alert delivery")
        verbose_name_plural = _("alert deliveries")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "subscriber"], name="press_alert_once_per_page_and_subscriber"
            )
        ]

    def __str__(self):
        return f"{self.page_id} → {self.subscriber_id}"
