"""The home page: the root of every site, in every language."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.models import Orderable
from wagtail.search import index

from site_s6.core.listings import with_thumbnails
from site_s6.core.models import BasePage
from site_s6.core.serializers import ImageRenditionsField
from site_s6.core.validators import no_line_breaks
from site_s6.events.models import EventIndexPage, EventPage
from site_s6.news.models import NewsIndexPage, NewsPage

from .featured import featured_items

LATEST_NEWS = 4
NEXT_EVENTS = 3


class HomePage(BasePage):
    public_label = pgettext_lazy("kind of page", "Home")

    hero_title = models.CharField(
        _("hero title"), max_length=150, blank=True, validators=[no_line_breaks]
    )
    hero_text = models.TextField(_("hero text"), blank=True, max_length=400)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("hero_text"), FieldPanel("hero_image")],
            heading=_("Hero"),
        ),
        InlinePanel("featured_items", heading=_("Featured items"), max_num=6),
    ]

    search_fields = [*BasePage.search_fields, index.SearchField("hero_text")]

    api_fields = [
        *BasePage.api_fields,
        APIField("hero_title"),
        APIField("hero_text"),
        APIField("hero_image", serializer=ImageRenditionsField()),
        APIField("featured_items"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "news.NewsIndexPage",
        "events.EventIndexPage",
        "campaigns.CampaignIndexPage",
        "protocol.ProtocolIndexPage",
        "press.PressRoomPage",
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = NewsPage.objects.listed_under(self)
        events = EventPage.objects.listed_under(self)
        context.update(
            {
                "featured_items": featured_items(self),
                "latest_news": list(with_thumbnails(news).newest_first()[:LATEST_NEWS]),
                "upcoming_events": list(with_thumbnails(events).upcoming()[:NEXT_EVENTS]),
                "news_index": self.section(NewsIndexPage),
                "event_index": self.section(EventIndexPage),
            }
        )
        return context

    def section(self, model):
        """The visible section (index page) of ``model`` under this home, or ``None``."""
        return model.objects.visible(aliases=True).child_of(self).first()


class HomePageFeaturedItem(Orderable):
    """A page highlighted on the home page, with an optional shorter label."""

    home_page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_items")
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    label = models.CharField(
        _("label"),
        max_length=120,
        blank=True,
        help_text=_("Leave empty to use the title."),
        validators=[no_line_breaks],
    )

    panels = [PageChooserPanel("page"), FieldPanel("label")]

    api_fields = [APIField("page"), APIField("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("featured item")
        verbose_name_plural = _("featured items")

    def __str__(self):
        return self.label or self.page.title
