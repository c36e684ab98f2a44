"""Facebook Page posting: one connection per site, one post per page.

The Page access token is stored encrypted (``site_s6.channels.crypto``); the model holds
only its ciphertext and never hands the plaintext to a form or a template.
"""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..crypto import decrypt, encrypt


class FacebookConnection(models.Model):
    """A site's Facebook Page: its id and Page access token."""

    site = models.OneToOneField(
        "wagtailcore.Site",
        verbose_name=_("site"),
        on_delete=models.CASCADE,
        related_name="facebook_connection",
    )
    page_name = models.CharField(_("Facebook page name"), max_length=200, blank=True)
    page_id = models.CharField(
        _("Facebook page id"),
        max_length=40,
        validators=[RegexValidator(r"^[0-9]+$", _("A Facebook page id is made of digits."))],
    )
    token_ciphertext = models.TextField(_("encrypted access token"), blank=True, editable=False)
    enabled = models.BooleanField(
        _("posting on"),
        default=False,
        help_text=_("Off: pages chosen for Facebook wait, nothing is sent."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("Facebook page connection")
        verbose_name_plural = _("Facebook page connections")

    def __str__(self):
        return self.page_name or self.page_id

    @property
    def has_token(self) -> bool:
        return bool(self.token_ciphertext)

    @property
    def can_post(self) -> bool:
        return self.enabled and self.has_token

    def set_token(self, token: str) -> None:
        """Encrypt ``token`` into the row (saved by the caller)."""
        self.token_ciphertext = encrypt(token) if token else ""

    def get_token(self) -> str:
        """The plaintext token, for the request to Graph only."""
        return decrypt(self.token_ciphertext) if self.token_ciphertext else ""


class FacebookPost(models.Model):
    """A page chosen for the Facebook channel, and what became of its post."""

    class State(models.TextChoices):
        #: Chosen; posted when the page is live (on publication or at its go-live time).
        WAITING = "waiting", _("Waiting for publication")
        #: Claimed by a worker, the request to Graph under way.
        POSTING = "posting", _("Posting")
        POSTED = "posted", _("Posted")
        FAILED = "failed", _("Failed")

    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="facebook_post",
    )
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.WAITING
    )
    message = models.TextField(
        _("message"), blank=True, help_text=_("Leave empty to post the title and the summary.")
    )
    chosen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("chosen by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    chosen_at = models.DateTimeField(_("chosen at"), auto_now_add=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    posted_at = models.DateTimeField(_("posted at"), null=True, blank=True)
    post_id = models.CharField(_("post id"), max_length=100, blank=True)
    permalink = models.URLField(_("post address"), max_length=500, blank=True)
    error_code = models.IntegerField(_("error code"), null=True, blank=True)
    error_message = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("Facebook post")
        verbose_name_plural = _("Facebook posts")

    def __str__(self):
        return self.post_id or str(self.page_id)
