"""The press office's register of contacts: outlets, journalists and distribution lists.

Internal by construction: none of these is a page, a public snippet, an ``api_fields``
entry or a search-indexed model, and the admin screens are the central team's only. A
journalist is personal data held on a lawful basis written next to it; the GDPR tools
(``site_s6.press.personal_data``) export or erase everything held about one e-mail
address. Beats are the register's own tags (``Beat``), apart from the pages' tags, so a
beat never shows up in a public tag list.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce, Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from taggit.managers import TaggableManager
from taggit.models import ItemBase, TagBase

from site_s6.core.validators import no_line_breaks

#: A contact with no activity for this long is flagged for review (data minimisation):
#: the central team confirms it is still needed, or erases it.
REVIEW_AFTER = timedelta(days=3 * 365)


class Outlet(models.Model):
    """A newsroom journalists work for: a TV station, a radio, a paper, a site, an agency."""

    class Kind(models.TextChoices):
        TV = "tv", _("TV")
        RADIO = "radio", _("Radio")
        PRINT = "print", pgettext_lazy("outlet kind", "Print")
        ONLINE = "online", _("Online")
        AGENCY = "agency", _("News agency")

    name = models.CharField(_("name"), max_length=160, validators=[no_line_breaks])
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.ONLINE)
    website = models.URLField(_("website"), max_length=500, blank=True)
    feed_url = models.URLField(_("feed URL"), max_length=1000, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("outlet")
        verbose_name_plural = _("outlets")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                name="press_outlet_name_unique",
                violation_error_message=_("An outlet with this name is already registered."),
            )
        ]

    def __str__(self):
        return self.name


class Beat(TagBase):
    """A subject a journalist covers (“education”, “transport”); the register's own tags."""

    class Meta:
        verbose_name = _("beat")
        verbose_name_plural = _("beats")


class JournalistBeat(ItemBase):
    tag = models.ForeignKey(Beat, on_delete=models.CASCADE, related_name="tagged_journalists")
    content_object = models.ForeignKey(
        "press.Journalist", on_delete=models.CASCADE, related_name="tagged_beats"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="press_journalist_beat_once"
            )
        ]


class DistributionListBeat(ItemBase):
    tag = models.ForeignKey(Beat, on_delete=models.CASCADE, related_name="tagged_lists")
    content_object = models.ForeignKey(
        "press.DistributionList", on_delete=models.CASCADE, related_name="tagged_beats"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="press_list_beat_once")
        ]


class JournalistQuerySet(models.QuerySet):
    def reachable(self):
        """Not opted out: the only ones ever sent a release or an invitation."""
        return self.filter(opted_out=False)

    def with_activity_date(self):
        """Annotates ``activity_at``: the last activity, or the registration when none."""
        return self.annotate(activity_at=Coalesce("last_activity_at", "created_at"))

    def due_for_review(self, *, now=None):
        """No activity for three years (``REVIEW_AFTER``): to be confirmed or erased."""
        cutoff = (now or timezone.now()) - REVIEW_AFTER
        return self.with_activity_date().filter(activity_at__lt=cutoff)


class Journalist(models.Model):
    """A journalist the press office writes to, and why it may hold their address."""

    class LawfulBasis(models.TextChoices):
        LEGITIMATE_INTEREST = "legitimate_interest", _("Legitimate interest")
        CONSENT = "consent", _("Consent")
        PUBLIC_TASK = "public_task", _("Public task")

    name = models.CharField(_("name"), max_length=120, validators=[no_line_breaks])
    outlet = models.ForeignKey(
        Outlet,
        verbose_name=_("outlet"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="journalists",
    )
    beats = TaggableManager(
        verbose_name=_("beats"),
        through=JournalistBeat,
        blank=True,
        help_text=_("The subjects the journalist covers, separated by commas."),
    )
    # Stored lower-case (``save`` and ``clean``), so that uniqueness ignores case.
    email = models.EmailField(_("e-mail"), unique=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True, validators=[no_line_breaks])
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="ro"
    )
    notes = models.TextField(_("notes"), blank=True)
    lawful_basis = models.CharField(
        _("lawful basis"),
        max_length=20,
        choices=LawfulBasis.choices,
        default=LawfulBasis.LEGITIMATE_INTEREST,
    )
    source = models.CharField(
        _("source of the data"),
        max_length=200,
        blank=True,
        validators=[no_line_breaks],
        help_text=_("Where the address comes from, e.g. “business card, 2026 conference”."),
    )
    opted_out = models.BooleanField(
        _("opted out"),
        default=False,
        help_text=_("Asked not to receive releases or invitations: nothing is sent to them."),
    )
    last_activity_at = models.DateTimeField(
        _("last activity"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("An RSVP, an accreditation request or an edit of the contact."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = JournalistQuerySet.as_manager()

    class Meta:
        verbose_name = _("journalist")
        verbose_name_plural = _("journalists")
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(email=Lower("email")), name="press_journalist_email_lower"
            )
        ]

    def __str__(self):
        return self.name

    def clean(self):
        # Before the uniqueness check, so that “Ana@Example.ro” is found as “ana@example.ro”.
        self.email = (self.email or "").strip().lower()

    def save(self, *args, **kwargs):
        self.email = (self.email or "").strip().lower()
        super().save(*args, **kwargs)

    @property
    def activity_date(self):
        return self.last_activity_at or self.created_at

    @property
    def is_due_for_review(self) -> bool:
        return self.activity_date is not None and self.activity_date < timezone.now() - REVIEW_AFTER


class DistributionList(models.Model):
    """A list to send to: chosen people, and everyone covering some beats or outlet kinds."""

    name = models.CharField(_("name"), max_length=160, unique=True, validators=[no_line_breaks])
    description = models.TextField(_("description"), blank=True)
    members = models.ManyToManyField(
        Journalist,
        verbose_name=_("members"),
        blank=True,
        related_name="distribution_lists",
    )
    beats = TaggableManager(
        verbose_name=_("beats"),
        through=DistributionListBeat,
        blank=True,
        help_text=_("Everyone covering any of these beats is reached, besides the members."),
    )
    outlet_kinds = models.JSONField(
        _("outlet kinds"),
        default=list,
        blank=True,
        help_text=_("Everyone working for an outlet of these kinds is reached as well."),
    )

    class Meta:
        verbose_name = _("distribution list")
        verbose_name_plural = _("distribution lists")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def recipients(self) -> JournalistQuerySet:
        """The reachable journalists the list reaches now: members, or covering one of its
        beats, or working for an outlet of one of its kinds. Each person once (subqueries,
        not joins, so no ``distinct`` is needed)."""
        by_beat = JournalistBeat.objects.filter(
            tag__in=DistributionListBeat.objects.filter(content_object=self).values("tag")
        ).values("content_object")
        members = DistributionList.members.through.objects.filter(distributionlist=self).values(
            "journalist"
        )
        reach = models.Q(pk__in=members) | models.Q(pk__in=by_beat)
        if self.outlet_kinds:
            reach |= models.Q(outlet__kind__in=list(self.outlet_kinds))
        return Journalist.objects.reachable().filter(reach)
