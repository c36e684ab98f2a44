"""Press releases, announcements and news, and the listing page that holds them."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import PageManager
from wagtail.search import index

from site_s6.core.blocks import BaseStreamBlock
from site_s6.core.listings import ChoiceFilter, with_thumbnails
from site_s6.core.models import AbstractAttachment, AbstractGalleryImage, BasePage, SectionIndexPage
from site_s6.core.panels import page_tabs
from site_s6.core.serializers import TagNamesField
from site_s6.core.validators import validate_calendar_year

from .querysets import NewsQuerySet
from .sharing import label_shared


class NewsIndexPage(SectionIndexPage):
    """The news section of a site; there is one per home page and language.

    It lists the site's news and, on the site that receives them, the news the other
    institutions share, labelled with their origin.
    """

    listing_card_template = "includes/news_card.html"
    listing_show_all_text = _("Show all news")
    listing_empty_text = _("No news has been published here yet. Please check back soon.")
    listing_filtered_empty_text = _("No news matches these filters.")

    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = _("news index page")
        verbose_name_plural = _("news index pages")

    def get_listing_queryset(self, request):
        site_id = self.listing_site_id()
        if site_id is None:
            return NewsPage.objects.none()
        news = NewsPage.objects.on_site(site_id, self.locale_id)
        return with_thumbnails(news).newest_first()

    def get_listing_filters(self, request, items):
        kind = ChoiceFilter("kind", _("Kind"), _("All kinds"), NewsPage.Kind.choices, "kind")
        return [kind, self.topic_filter(items)]

    def prepare_listing_items(self, items, request):
        label_shared(items, site_id=self.listing_site_id(), request=request)

    def listing_count_text(self, count):
        return ngettext("One news item", "%(counter)s news items", count) % {"counter": count}


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsPage(BasePage):
    public_label = pgettext_lazy("kind of page", "News item")

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
        InlinePanel("gallery_images", heading=_("Gallery"), max_num=40),
        InlinePanel("attachments", heading=_("Attachments"), max_num=20),
    ]
    relations_panels = [
        FieldPanel("tags"),
        FieldPanel("contact_person"),
        FieldPanel("related_campaign"),
        # Wagtail heads a tick box's panel with a ticked icon whatever the box's state:
        # the site's icon says what the box is about without claiming it is ticked.
        FieldPanel("syndicate_to_main_site", icon="site"),
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
        context = super().get_context(request, *args, **kwargs)
        parent = self.get_parent() if self.pk else None
        context.update(
            {
                "gallery_images": list(self.gallery_images.select_related("image")),
                "attachments": list(self.attachments.select_related("document")),
                "related_campaign": self.visible_campaign(),
                "news_index_url": (parent.get_url(request) or "") if parent else "",
            }
        )
        return context

    def visible_campaign(self):
        """The related campaign in this news item's language when it is translated, else
        as linked; ``None`` unless the public may see it."""
        if not self.related_campaign_id:
            return None
        # The link is synchronised from the source news, so it may name the campaign in
        # the source's language.
        campaigns = type(self).related_campaign.field.related_model.objects
        linked = campaigns.filter(pk=self.related_campaign_id).values("translation_key")
        versions = {c.locale_id: c for c in campaigns.visible().filter(translation_key__in=linked)}
        return versions.get(self.locale_id) or next(
            (v for v in versions.values() if v.pk == self.related_campaign_id), None
        )


class NewsGalleryImage(AbstractGalleryImage):
    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="gallery_images")


class NewsAttachment(AbstractAttachment):
    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="attachments")
