"""The press review's records: feeds, watches, clippings and digest subscriptions.

Internal by construction: none of these is a page, a snippet of the public sites, an
``api_fields`` entry or a search-indexed model, so nothing here can reach a public surface.
Clippings carry their own topic tags (``Topic``), apart from the pages' tags, so a topic
never shows up in a public tag list.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import ItemBase, TagBase

from site_s6.core.validators import no_line_breaks

from .canonical import canonical_url


class Source(models.Model):
    """A news outlet's RSS or Atom feed, polled by the scheduler through the worker."""

    class OutletKind(models.TextChoices):
        NATIONAL = "national", _("National outlet")
        LOCAL = "local", _("Local outlet")
        AGENCY = "agency", _("News agency")
        TV_RADIO = "tv_radio", _("TV or radio")
        BLOG = "blog", _("Blog or other")

    name = models.CharField(_("name"), max_length=200, validators=[no_line_breaks])
    outlet_kind = models.CharField(
        _("outlet kind"), max_length=12, choices=OutletKind.choices, default=OutletKind.NATIONAL
    )
    feed_url = models.URLField(_("feed URL"), max_length=1000, unique=True)
    site_url = models.URLField(_("site URL"), max_length=1000, blank=True)
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Only active sources are polled.")
    )
    last_polled_at = models.DateTimeField(_("last polled at"), null=True, blank=True)
    etag = models.CharField(_("ETag"), max_length=500, blank=True, editable=False)
    last_modified = models.CharField(_("Last-Modified"), max_length=100, blank=True, editable=False)
    consecutive_errors = models.PositiveIntegerField(
        _("consecutive errors"), default=0, editable=False
    )
    next_poll_after = models.DateTimeField(
        _("next poll after"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("After errors, polling waits longer each time (back-off)."),
    )
    last_error = models.TextField(_("last error"), blank=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return self.name


class Watch(models.Model):
    """A phrase looked for in the title and summary of every item, folded for case,
    diacritics and cedilla forms, on word boundaries."""

    phrase = models.CharField(_("phrase"), max_length=200, validators=[no_line_breaks])
    institution = models.ForeignKey(
        "subsites.Institution",
        verbose_name=_("institution"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A clipping that matches this phrase is tied to this institution."),
    )
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["phrase"]
        verbose_name = _("watch")
        verbose_name_plural = _("watches")

    def __str__(self):
        return self.phrase


class Topic(TagBase):
    """A clipping's topic; kept apart from the pages' tags."""

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")


class ClippingTopic(ItemBase):
    tag = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="tagged_clippings")
    content_object = models.ForeignKey(
        "monitoring.Clipping", on_delete=models.CASCADE, related_name="tagged_topics"
    )


class ClippingQuerySet(models.QuerySet):
    def relevant(self):
        return self.filter(relevant=True)


class Clipping(models.Model):
    """A published item that mentions the institutions, once per canonical URL."""

    class Tone(models.TextChoices):
        POSITIVE = "positive", _("Positive")
        NEUTRAL = "neutral", _("Neutral")
        NEGATIVE = "negative", _("Negative")

    url = models.URLField(
        _("canonical URL"),
        max_length=1000,
        unique=True,
        help_text=_("Tracking parameters (utm_…) and the fragment are removed."),
    )
    title = models.CharField(_("title"), max_length=500)
    outlet = models.CharField(_("outlet"), max_length=200, blank=True)
    source = models.ForeignKey(
        Source,
        verbose_name=_("source"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="clippings",
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, db_index=True)
    found_at = models.DateTimeField(_("found at"), auto_now_add=True)
    excerpt = models.TextField(_("excerpt"), blank=True)
    watches = models.ManyToManyField(
        Watch, verbose_name=_("matched watches"), blank=True, related_name="clippings"
    )
    institutions = models.ManyToManyField(
        "subsites.Institution",
        verbose_name=_("institutions"),
        blank=True,
        related_name="+",
    )
    relevant = models.BooleanField(
        _("relevant"),
        null=True,
        blank=True,
        help_text=_("Empty until someone of the press office has looked at it."),
    )
    tone = models.CharField(_("tone"), max_length=8, choices=Tone.choices, blank=True)
    topics = TaggableManager(
        through=ClippingTopic, blank=True, verbose_name=_("topics"), related_name="+"
    )
    news_page = models.ForeignKey(
        "news.NewsPage",
        verbose_name=_("press release or news"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    campaign_page = models.ForeignKey(
        "campaigns.CampaignPage",
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    event_page = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ClippingQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-found_at"]
        verbose_name = _("clipping")
        verbose_name_plural = _("clippings")

    def __str__(self):
        return self.title

    def clean(self):
        # Before the uniqueness check, so that the same article with other tracking
        # parameters is reported as a duplicate in the form, not a database error.
        self.url = canonical_url(self.url)

    def save(self, *args, **kwargs):
        self.url = canonical_url(self.url)
        super().save(*args, **kwargs)


class DigestSubscription(models.Model):
    """A member of staff who receives the morning digest."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="press_digest_subscription",
    )
    active = models.BooleanField(_("active"), default=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("digest subscription")
        verbose_name_plural = _("digest subscriptions")

    def __str__(self):
        return str(self.user)
