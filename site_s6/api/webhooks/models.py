import secrets
import uuid

from django import forms
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Event(models.TextChoices):
    PUBLISHED = "page.published", _("Page published")
    UNPUBLISHED = "page.unpublished", _("Page unpublished")
    MOVED = "page.moved", _("Page moved")
    DELETED = "page.deleted", _("Page deleted")


def all_events() -> list[str]:
    return [event.value for event in Event]


def generate_secret() -> str:
    return secrets.token_hex(32)


class EventListField(models.JSONField):
    """A JSON list of event names, edited as checkboxes."""

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=Event.choices,
            widget=forms.CheckboxSelectMultiple,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
        )


class WebhookEndpoint(models.Model):
    """A URL of a headless client that is told about the page changes of one site."""

    site = models.ForeignKey(
        "wagtailcore.Site",
        on_delete=models.CASCADE,
        related_name="webhook_endpoints",
        verbose_name=_("site"),
    )
    url = models.URLField(
        _("URL"),
        max_length=500,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("Receives a signed JSON POST for every subscribed event."),
    )
    secret = models.CharField(
        _("secret"),
        max_length=128,
        default=generate_secret,
        help_text=_(
            "Signs every delivery (HMAC-SHA256, header X-S6-Signature). Share it with the "
            "receiver only; change it to revoke the old one."
        ),
    )
    events = EventListField(
        _("events"),
        default=all_events,
        help_text=_("The page changes this endpoint is told about."),
    )
    active = models.BooleanField(_("active"), default=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")
        ordering = ["site__hostname", "url"]

    def __str__(self):
        return self.url

    def subscribes_to(self, event: str) -> bool:
        return event in (self.events or [])

    @property
    def masked_secret(self) -> str:
        return f"••••{self.secret[-4:]}" if self.secret else ""

    def events_display(self) -> str:
        labels = dict(Event.choices)
        return ", ".join(str(labels.get(event, event)) for event in self.events or [])

    events_display.short_description = _("events")


class WebhookDelivery(models.Model):
    """One attempt to deliver one event to one endpoint; retries are further rows with
    the same delivery id and a higher attempt number."""

    endpoint = models.ForeignKey(
        WebhookEndpoint,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("endpoint"),
    )
    delivery_id = models.UUIDField(_("delivery id"), default=uuid.uuid4, db_index=True)
    event = models.CharField(_("event"), max_length=32, choices=Event.choices)
    payload = models.JSONField(_("payload"))
    attempt = models.PositiveSmallIntegerField(_("attempt"), default=1)
    status_code = models.PositiveSmallIntegerField(_("status code"), null=True, blank=True)
    response_excerpt = models.TextField(_("response excerpt"), blank=True)
    error = models.TextField(_("error"), blank=True)
    duration_ms = models.PositiveIntegerField(_("duration (ms)"), null=True, blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    next_retry_at = models.DateTimeField(_("next retry at"), null=True, blank=True)
    succeeded = models.BooleanField(_("succeeded"), default=False)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created", "-pk"]
        default_permissions = ("view",)

    def __str__(self):
        return f"{self.event} #{self.attempt} → {self.endpoint}"
