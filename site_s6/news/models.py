"""Press releases, announcements and news, and the listing page that holds them."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import PageManager
from wagtail.search import index

from site_s6.core.blocks import BaseStreamBlock
from site_s6.core.models import AbstractAttachment, AbstractGalleryImage, BasePage, SectionIndexPage
from site_s6.core.panels import page_tabs
from site_s6.core.serializers import TagNamesField
from site_s6.core.validators import validate_calendar_year

from .querysets import NewsQuerySet


class NewsIndexPage(SectionIndexPage):
    """The news section of a site; there is one per home page and language."""

    listing_context = "site_s6.news.listings.news_index_context"

    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = _("news index page")
        verbose_name_plural = _("news index pages")


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsPage(BasePage):
    class Kind(models.TextChoices):
        PRESS_RELEASE = "press_release", _("Press release")
        ANNOUNCEMENT = "announcement", _("Announcement")
        NEWS = "news", _("News")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NEWS)
    publication_date = models.DateTimeField(
        _("publication date"),
        default=timezone.now,
        db_index=True,
        help_text=_("Shown to readers and used to order the news."),
        validators=[validate_calendar_year],
    )
    lead = models.TextField(
        _("lead"), blank=True, help_text=_("The opening paragraph that sums up the news.")
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("tags"))
    contact_person = models.ForeignKey(
        "core.ContactPerson",
        verbose_name=_("contact person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    related_campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        verbose_name=_("related campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="related_news",
    )
    syndicate_to_main_site = models.BooleanField(
        _("show on the city hall's site"),
        default=False,
        help_text=_("Also list this news on the main site, labelled with your institution."),
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("publication_date"), FieldPanel("lead")],
            heading=_("Publication"),
        ),
        FieldPanel("body"),
    ]
    media_panels = [
        InlinePanel("gallery_images", label=_("Gallery"), max_num=40),
        InlinePanel("attachments", label=_("Attachments"), max_num=20),
    ]
    relations_panels = [
        FieldPanel("tags"),
        FieldPanel("contact_person"),
        FieldPanel("related_campaign"),
        FieldPanel("syndicate_to_main_site"),
    ]
    edit_handler = page_tabs(
        (content_panels, _("Content")),
        (media_panels, _("Gallery and attachments")),
        (relations_panels, _("Tags and links")),
    )

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("publication_date"),
        index.FilterField("syndicate_to_main_site"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    api_fields = [
        *BasePage.api_fields,
        APIField("kind"),
        APIField("publication_date"),
        APIField("lead"),
        APIField("body"),
        APIField("gallery_images"),
        APIField("attachments"),
        APIField("tags", serializer=TagNamesField()),
        APIField("contact_person"),
        APIField("related_campaign"),
        APIField("syndicate_to_main_site"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    objects = PageManager.from_queryset(NewsQuerySet)()

    #: News may be shared with the site that receives shared news: a change to one
    #: retires that site's caches too (``site_s6.core.invalidation``).
    shown_on_receiving_sites = True

    class Meta:
        verbose_name = _("news page")
        verbose_name_plural = _("news pages")
        indexes = [
            # The news shared with the main site, read by its news list's count.
            models.Index(
                fields=["page_ptr"],
                condition=models.Q(syndicate_to_main_site=True),
                name="news_shared_with_main_idx",
            )
        ]

    def get_context(self, request, *args, **kwargs):
        # Imported here: the listings module imports this one.
        from .listings import news_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(news_page_context(self, request))
        return context


class NewsGalleryImage(AbstractGalleryImage):
    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="gallery_images")


class NewsAttachment(AbstractAttachment):
    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="attachments")
