"""Press conferences, briefings and public events, and the listing page that holds them.

The event's plan and budget are internal: they live in ``events.plans``, outside the page
tree, and never reach templates, feeds or the API.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, PageManager
from wagtail.search import index

from site_s6.core.blocks import BaseStreamBlock
from site_s6.core.listings import ChoiceFilter, choice_param, with_thumbnails
from site_s6.core.models import BasePage, SectionIndexPage
from site_s6.core.panels import page_tabs
from site_s6.core.serializers import TagNamesField
from site_s6.core.validators import no_line_breaks, validate_calendar_year, validate_date_range

from .querysets import EventQuerySet, over_at


class EventIndexPage(SectionIndexPage):
    """The events section of a site: upcoming events, or past ones with ``?when=past``."""

    PAST, UPCOMING = "past", "upcoming"

    listing_card_template = "includes/event_card.html"
    listing_follows_the_clock = True
    listing_show_all_text = _("Show all events")
    listing_empty_text = _("There are no upcoming events at the moment. Please check back soon.")
    listing_filtered_empty_text = _("No events of this type.")

    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("event index page")
        verbose_name_plural = _("event index pages")

    def when(self, request) -> str:
        """``past`` or ``upcoming`` (the default; unknown values are ignored)."""
        return choice_param(request, "when", {self.PAST, self.UPCOMING}) or self.UPCOMING

    def section_events(self):
        events = EventPage.objects.visible().child_of(self).filter(locale_id=self.locale_id)
        return with_thumbnails(events)

    def get_listing_queryset(self, request):
        events = self.section_events()
        return events.past() if self.when(request) == self.PAST else events.upcoming()

    def get_listing_filters(self, request, items):
        kind = ChoiceFilter(
            "type", _("Type of event"), _("All types"), EventPage.EventType.choices, "event_type"
        )
        # Topics of the whole section, past and upcoming alike.
        return [kind, self.topic_filter(self.section_events())]

    def listing_count_text(self, count):
        return ngettext("One event", "%(counter)s events", count) % {"counter": count}

    def get_listing_context(self, request):
        context = super().get_listing_context(request)
        when = self.when(request)
        context["when"] = when
        if when == self.PAST:
            context["listing_kept"] = {"when": self.PAST}
            context["listing_empty_text"] = _("There are no past events to show.")
        return context


class EventPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "events.EventPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class EventPage(BasePage):
    public_label = pgettext_lazy("kind of page", "Event")

    class EventType(models.TextChoices):
        PRESS_CONFERENCE = "press_conference", _("Press conference")
        INTERVIEW = "interview", _("Interview")
        BRIEFING = "briefing", _("Briefing")
        PUBLIC_EVENT = "public_event", _("Public event")
        CEREMONY = "ceremony", _("Ceremony")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        POSTPONED = "postponed", _("Postponed")
        CANCELLED = "cancelled", _("Cancelled")

    event_type = models.CharField(
        _("event type"), max_length=20, choices=EventType.choices, default=EventType.PUBLIC_EVENT
    )
    start = models.DateTimeField(_("start"), db_index=True, validators=[validate_calendar_year])
    end = models.DateTimeField(_("end"), null=True, blank=True, validators=[validate_calendar_year])
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SCHEDULED
    )
    venue_name = models.CharField(
        _("venue"), max_length=200, blank=True, validators=[no_line_breaks]
    )
    venue_address = models.CharField(
        _("venue address"), max_length=300, blank=True, validators=[no_line_breaks]
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    stream_url = models.URLField(_("online stream address"), blank=True)
    accreditation_required = models.BooleanField(_("press accreditation required"), default=False)
    accreditation_deadline = models.DateTimeField(
        _("accreditation deadline"), null=True, blank=True, validators=[validate_calendar_year]
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    tags = ClusterTaggableManager(through=EventPageTag, blank=True, verbose_name=_("tags"))
    related_campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        verbose_name=_("related campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="related_events",
    )
    contact_person = models.ForeignKey(
        "core.ContactPerson",
        verbose_name=_("contact person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The press contact journalists call about this event."),
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("event_type"),
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("status"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("stream_url"),
            ],
            heading=_("Where"),
        ),
        FieldPanel("body"),
    ]
    press_panels = [
        InlinePanel("speakers", heading=_("Speakers"), max_num=20),
        FieldPanel("contact_person"),
        MultiFieldPanel(
            [FieldPanel("accreditation_required"), FieldPanel("accreditation_deadline")],
            heading=_("Press accreditation"),
        ),
    ]
    relations_panels = [FieldPanel("tags"), FieldPanel("related_campaign")]
    edit_handler = page_tabs(
        (content_panels, _("Content")),
        (press_panels, _("Speakers and press")),
        (relations_panels, _("Tags and links")),
    )

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("venue_name"),
        index.SearchField("body"),
        index.FilterField("event_type"),
        index.FilterField("status"),
        index.FilterField("start"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    api_fields = [
        *BasePage.api_fields,
        APIField("event_type"),
        APIField("start"),
        APIField("end"),
        APIField("status"),
        APIField("venue_name"),
        APIField("venue_address"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("stream_url"),
        APIField("accreditation_required"),
        APIField("accreditation_deadline"),
        APIField("speakers"),
        APIField("body"),
        APIField("tags", serializer=TagNamesField()),
        APIField("related_campaign"),
        APIField("contact_person"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    objects = PageManager.from_queryset(EventQuerySet)()

    class Meta:
        verbose_name = _("event page")
        verbose_name_plural = _("event pages")
        indexes = [
            # The upcoming events (querysets.not_over_q) without reading the past ones: to
            # count them, and in order of start, the past ones skipped in the index itself.
            models.Index(over_at(), name="events_over_at_idx"),
            models.Index("start", over_at(), name="events_start_over_at_idx"),
        ]

    def clean(self):
        super().clean()
        # Collect every problem so the editor sees them all at once.
        errors = {}
        try:
            validate_date_range(self.start, self.end)
        except ValidationError as error:
            errors.update(error.error_dict)
        if self.accreditation_deadline and self.start and self.accreditation_deadline >= self.start:
            errors["accreditation_deadline"] = _(
                "The accreditation deadline must be before the event."
            )
        elif self.accreditation_required and not self.accreditation_deadline:
            errors["accreditation_deadline"] = _("Set a deadline when accreditation is required.")
        if (self.latitude is None) != (self.longitude is None):
            missing = "longitude" if self.longitude is None else "latitude"
            errors[missing] = _("Give both coordinates or neither.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED


class EventSpeaker(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(_("name"), max_length=150, validators=[no_line_breaks])
    role = models.CharField(_("role"), max_length=150, blank=True, validators=[no_line_breaks])

    panels = [FieldPanel("name"), FieldPanel("role")]

    api_fields = [APIField("name"), APIField("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")


# Internal models live in their own module, outside the page tree; imported to register them.
from .budgets import BudgetDecision, BudgetEntry, BudgetYear  # noqa: E402,F401
from .plans import BudgetLine, EventPlan  # noqa: E402,F401
