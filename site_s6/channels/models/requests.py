"""Requests for communication: what a city hall department (or an institution) hands to
the press office, and what the central team decided about it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CommunicationRequest(models.Model):
    """Information of public interest a department asks the press office to make public."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        NEEDS_INFO = "needs_info", _("More information needed")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    class Channel(models.TextChoices):
        SITE = "site", _("Website")
        FACEBOOK = "facebook", _("Facebook page")
        GROUP = "group", _("The “Pentru Sectorul 6” group")
        PRESS = "press", _("Press (journalists)")
        SUBSCRIBERS = "subscribers", _("E-mail subscribers")

    class Outcome(models.TextChoices):
        """What an accepted request becomes."""

        NEWS = "news", _("Press release")
        EVENT = "event", _("Event")
        CAMPAIGN = "campaign", _("Campaign")

    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="communication_requests",
    )
    department = models.CharField(_("department"), max_length=200)
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("site"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The site whose press release, event or campaign it becomes."),
    )
    title = models.CharField(_("subject"), max_length=200)
    what = models.TextField(_("what happened or will happen"))
    why = models.TextField(_("why it matters to citizens"))
    when = models.DateTimeField(_("when"), null=True, blank=True)
    audience = models.CharField(_("audience"), max_length=300, blank=True)
    channels = models.JSONField(_("desired channels"), default=list, blank=True)
    contacts = models.TextField(
        _("contacts"), blank=True, help_text=_("Who the press office can ask for details.")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED
    )
    response = models.TextField(
        _("press office's answer"),
        blank=True,
        help_text=_("The question asked, or the reason for declining."),
    )
    outcome = models.CharField(_("became"), max_length=20, choices=Outcome.choices, blank=True)
    draft = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("draft"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="communication_requests",
    )
    triaged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("triaged by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    triaged_at = models.DateTimeField(_("triaged at"), null=True, blank=True)
    created_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("communication request")
        verbose_name_plural = _("communication requests")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title

    @property
    def is_open(self) -> bool:
        """Whether the central team still has to decide (or the requester to answer)."""
        return self.status in (self.Status.SUBMITTED, self.Status.NEEDS_INFO)

    def channel_labels(self) -> list[str]:
        labels = dict(self.Channel.choices)
        return [str(labels[value]) for value in self.channels if value in labels]


class RequestAttachment(models.Model):
    """A file sent with a request, kept as a Wagtail document in the private collection
    of requests (only the central team may open it there; the requester through the
    request's own download view)."""

    request = models.ForeignKey(
        CommunicationRequest,
        verbose_name=_("request"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["pk"]

    def __str__(self):
        return self.document.title
