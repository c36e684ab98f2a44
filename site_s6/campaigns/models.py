"""Communication campaigns and the listing page that holds them."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, PageManager
from wagtail.search import index

from site_s6.core.blocks import BaseStreamBlock
from site_s6.core.listings import ChoiceFilter, with_thumbnails
from site_s6.core.models import BasePage, SectionIndexPage
from site_s6.core.panels import page_tabs
from site_s6.core.serializers import ImageRenditionsField, TagNamesField
from site_s6.core.validators import no_line_breaks, validate_calendar_year, validate_date_range

from .querysets import CampaignQuerySet, CampaignStatus, status_of, status_q

#: How many related news and events a campaign page shows.
RELATED_LIMIT = 12


class CampaignIndexPage(SectionIndexPage):
    """The campaigns section of a site, latest start first, by status."""

    listing_card_template = "includes/campaign_card.html"
    listing_follows_the_clock = True  # a campaign's status follows the calendar
    listing_show_all_text = _("Show all campaigns")
    listing_empty_text = _("No campaigns have been published yet. Please check back soon.")
    listing_filtered_empty_text = _("No campaign has this status.")

    subpage_types = ["campaigns.CampaignPage"]

    class Meta:
        verbose_name = _("campaign index page")
        verbose_name_plural = _("campaign index pages")

    def get_listing_queryset(self, request):
        campaigns = CampaignPage.objects.visible().child_of(self).filter(locale_id=self.locale_id)
        return with_thumbnails(campaigns).order_by("-start_date", "-pk")

    def get_listing_filters(self, request, items):
        status = ChoiceFilter(
            "status", _("Status"), _("All campaigns"), CampaignStatus.choices, status_q
        )
        return [status, self.topic_filter(items)]

    def listing_count_text(self, count):
        return ngettext("One campaign", "%(counter)s campaigns", count) % {"counter": count}


class CampaignPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "campaigns.CampaignPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class CampaignPage(BasePage):
    public_label = pgettext_lazy("kind of page", "Campaign")

    start_date = models.DateField(_("start date"), validators=[validate_calendar_year])
    end_date = models.DateField(
        _("end date"), null=True, blank=True, validators=[validate_calendar_year]
    )
    status_override = models.CharField(
        _("status (override)"),
        max_length=10,
        choices=CampaignStatus.choices,
        blank=True,
        help_text=_("Leave empty to derive the status from the dates."),
    )
    key_messages = StreamField(
        [("message", blocks.CharBlock(label=_("Key message"), max_length=300))],
        verbose_name=_("key messages"),
        blank=True,
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    tags = ClusterTaggableManager(through=CampaignPageTag, blank=True, verbose_name=_("tags"))

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("status_override"),
            ],
            heading=_("Period"),
        ),
        FieldPanel("key_messages"),
        FieldPanel("body"),
    ]
    materials_panels = [InlinePanel("materials", heading=_("Materials"), max_num=40)]
    relations_panels = [FieldPanel("tags")]
    edit_handler = page_tabs(
        (content_panels, _("Content")),
        (materials_panels, _("Materials")),
        (relations_panels, _("Tags")),
    )

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("key_messages"),
        index.SearchField("body"),
        index.FilterField("start_date"),
        index.FilterField("end_date"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    api_fields = [
        *BasePage.api_fields,
        APIField("start_date"),
        APIField("end_date"),
        APIField("status"),
        APIField("key_messages"),
        APIField("body"),
        APIField("materials"),
        APIField("tags", serializer=TagNamesField()),
    ]

    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types = []

    objects = PageManager.from_queryset(CampaignQuerySet)()

    class Meta:
        verbose_name = _("campaign page")
        verbose_name_plural = _("campaign pages")

    def clean(self):
        super().clean()
        validate_date_range(self.start_date, self.end_date, end_field="end_date")

    @property
    def status(self) -> str:
        """The editor's override, or the status the dates give today (Bucharest time)."""
        return status_of(self)

    @property
    def status_label(self) -> str:
        """The translated label of the campaign's current status."""
        return dict(CampaignStatus.choices).get(self.status, self.status)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            {
                "status_label": self.status_label,
                "materials": list(self.materials.select_related("image", "document")),
                "related_news": self.related_pages(self.related_news.model, "-publication_date"),
                "related_events": self.related_pages(self.related_events.model, "-start"),
            }
        )
        return context

    def related_pages(self, model, newest_first: str) -> list:
        """The visible pages of ``model`` about this campaign, in its language.

        Links to pages are synchronised, so a translated news item still points at the
        campaign it was translated from: any version of this campaign matches.
        """
        if self.pk is None:
            return []  # a new campaign in preview has nothing pointing at it yet
        pages = model.objects.visible().filter(
            related_campaign__translation_key=self.translation_key, locale_id=self.locale_id
        )
        return list(with_thumbnails(pages).order_by(newest_first, "-pk")[:RELATED_LIMIT])


class CampaignMaterial(Orderable):
    """A poster, graphic or document published with a campaign."""

    class Kind(models.TextChoices):
        POSTER = "poster", _("Poster")
        GRAPHIC = "graphic", _("Graphic")
        DOCUMENT = "document", _("Document")
        VIDEO = "video", _("Video")

    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="materials")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200, validators=[no_line_breaks])
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    alt_text = models.CharField(
        _("alternative text"), max_length=250, blank=True, validators=[no_line_breaks]
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    url = models.URLField(_("address"), blank=True)

    panels = [
        FieldPanel("kind"),
        FieldPanel("title"),
        FieldPanel("image"),
        FieldPanel("alt_text"),
        FieldPanel("document"),
        FieldPanel("url"),
    ]

    api_fields = [
        APIField("kind"),
        APIField("title"),
        APIField("image", serializer=ImageRenditionsField()),
        APIField("alt_text"),
        APIField("document"),
        APIField("url"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("material")
        verbose_name_plural = _("materials")

    def clean(self):
        super().clean()
        if not (self.image_id or self.document_id or self.url):
            raise ValidationError(_("Add an image, a document or an address."))
        if self.image_id and not self.alt_text:
            raise ValidationError({"alt_text": _("An image needs its alternative text.")})


# Internal models live in their own module, outside the page tree; imported to register them.
from .plans import CampaignKPI, CampaignPlan  # noqa: E402,F401
from .results import KPIMeasurement  # noqa: E402,F401
