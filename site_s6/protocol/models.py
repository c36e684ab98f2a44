"""Official visits received or paid by the city hall, and the listing page that holds them.

The visit file (logistics, interpreters, notes) and the gifts register are internal: they
live in ``protocol.files``, outside the page tree.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from django_countries.fields import CountryField
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from site_s6.core.listings import ChoiceFilter, with_thumbnails
from site_s6.core.models import AbstractGalleryImage, BasePage, SectionIndexPage
from site_s6.core.panels import page_tabs
from site_s6.core.serializers import TagNamesField
from site_s6.core.validators import no_line_breaks, validate_calendar_year, validate_date_range


class ProtocolIndexPage(SectionIndexPage):
    """The protocol section of the main site: visits, latest first, domestic or foreign."""

    listing_card_template = "includes/visit_card.html"
    listing_show_all_text = _("Show all visits")
    listing_empty_text = _("No protocol visits have been published yet.")
    listing_filtered_empty_text = _("No visits of this kind.")

    subpage_types = ["protocol.ProtocolVisitPage"]

    class Meta:
        verbose_name = _("protocol index page")
        verbose_name_plural = _("protocol index pages")

    def get_listing_queryset(self, request):
        visits = ProtocolVisitPage.objects.visible().child_of(self).filter(locale_id=self.locale_id)
        return with_thumbnails(visits).order_by("-visit_start", "-pk")

    def get_listing_filters(self, request, items):
        scope = ChoiceFilter(
            "scope", _("Visits"), _("All visits"), ProtocolVisitPage.Scope.choices, "scope"
        )
        return [scope, self.topic_filter(items)]

    def listing_count_text(self, count):
        return ngettext("One visit", "%(counter)s visits", count) % {"counter": count}


class ProtocolVisitPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "protocol.ProtocolVisitPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class AgendaItemBlock(blocks.StructBlock):
    time = blocks.TimeBlock(label=_("Time"), required=False)
    item = blocks.CharBlock(label=_("Item"), max_length=300)

    class Meta:
        icon = "time"
        label = _("Agenda item")
        template = "blocks/agenda_item.html"
        description = _("One point of the public agenda, with its time.")


class ProtocolVisitPage(BasePage):
    public_label = pgettext_lazy("kind of page", "Official visit")

    class Scope(models.TextChoices):
        DOMESTIC = "domestic", _("Domestic")
        FOREIGN = "foreign", _("Foreign")

    delegation_name = models.CharField(_("delegation"), max_length=200, validators=[no_line_breaks])
    scope = models.CharField(
        _("domestic or foreign"), max_length=10, choices=Scope.choices, default=Scope.DOMESTIC
    )
    country = CountryField(_("country"), default="RO")
    city = models.CharField(_("city"), max_length=120, blank=True, validators=[no_line_breaks])
    organisation = models.CharField(
        _("organisation"), max_length=200, blank=True, validators=[no_line_breaks]
    )
    visit_start = models.DateField(
        _("visit start"), db_index=True, validators=[validate_calendar_year]
    )
    visit_end = models.DateField(
        _("visit end"), null=True, blank=True, validators=[validate_calendar_year]
    )
    hosts = models.TextField(
        _("hosts"), blank=True, help_text=_("Who received the delegation, one per line.")
    )
    summary = RichTextField(
        _("public summary"), blank=True, features=["bold", "italic", "link", "ul", "ol"]
    )
    agenda = StreamField([("item", AgendaItemBlock())], verbose_name=_("public agenda"), blank=True)
    tags = ClusterTaggableManager(through=ProtocolVisitPageTag, blank=True, verbose_name=_("tags"))

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("delegation_name"),
                FieldPanel("scope"),
                FieldRowPanel([FieldPanel("country"), FieldPanel("city")]),
                FieldPanel("organisation"),
            ],
            heading=_("Delegation"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("visit_start"), FieldPanel("visit_end")]),
                FieldPanel("hosts"),
            ],
            heading=_("Visit"),
        ),
        FieldPanel("summary"),
        FieldPanel("agenda"),
    ]
    delegation_panels = [InlinePanel("members", heading=_("Delegation members"), max_num=60)]
    photos_panels = [
        InlinePanel("photos", heading=_("Photos"), label=_("photo"), max_num=60),
        FieldPanel("tags"),
    ]
    edit_handler = page_tabs(
        (content_panels, _("Content")),
        (delegation_panels, _("Delegation members")),
        (photos_panels, _("Photos and tags")),
    )

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("delegation_name"),
        index.SearchField("organisation"),
        index.SearchField("summary"),
        index.FilterField("visit_start"),
        index.FilterField("country"),
        index.FilterField("scope"),
    ]

    api_fields = [
        *BasePage.api_fields,
        APIField("delegation_name"),
        APIField("scope"),
        APIField("country"),
        APIField("city"),
        APIField("organisation"),
        APIField("visit_start"),
        APIField("visit_end"),
        APIField("hosts"),
        APIField("summary"),
        APIField("agenda"),
        APIField("members"),
        APIField("photos"),
        APIField("tags", serializer=TagNamesField()),
    ]

    parent_page_types = ["protocol.ProtocolIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("protocol visit")
        verbose_name_plural = _("protocol visits")

    def clean(self):
        super().clean()
        validate_date_range(self.visit_start, self.visit_end, end_field="visit_end")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The delegation by order of precedence, and the photos.
        context["members"] = list(self.members.order_by("precedence", "sort_order"))
        context["photos"] = list(self.photos.select_related("image"))
        return context


class DelegationMember(Orderable):
    page = ParentalKey(ProtocolVisitPage, on_delete=models.CASCADE, related_name="members")
    name = models.CharField(_("name"), max_length=150, validators=[no_line_breaks])
    role = models.CharField(_("role"), max_length=150, blank=True, validators=[no_line_breaks])
    precedence = models.PositiveSmallIntegerField(
        _("order of precedence"), default=1, help_text=_("1 is the head of the delegation.")
    )

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("precedence")]

    api_fields = [APIField("name"), APIField("role"), APIField("precedence")]

    class Meta(Orderable.Meta):
        verbose_name = _("delegation member")
        verbose_name_plural = _("delegation members")
        ordering = ["precedence", "sort_order"]


class ProtocolVisitPhoto(AbstractGalleryImage):
    page = ParentalKey(ProtocolVisitPage, on_delete=models.CASCADE, related_name="photos")


# Internal models live in their own module, outside the page tree; imported to register them.
from .files import Gift, VisitFile  # noqa: E402,F401
