"""The abstract base page of every page type, and the per-site settings."""

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from .cache import cached_for_site
from .forms import BasePageForm
from .listings import LISTING_PAGE_SIZE, ChoiceFilter, paginate, tags_in_use
from .querysets import ContentPageManager
from .serializers import ImageRenditionsField
from .sites import site_index
from .slugs import title_slug, translation_slug
from .text import ascii_slugify
from .validators import no_line_breaks, validate_text_contrast_on_white

# The hook name under which other apps serve a page's admin preview (``BasePage``).
SERVE_PREVIEW_HOOK = "s6_serve_preview"


class BasePage(Page):
    """Fields, panels, search and API fields every public page shares."""

    # What a reader calls this kind of page ("News item", not the admin's "News page"),
    # shown on search results; the verbose name when a page type sets none.
    public_label = None

    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=600,
        help_text=_("One or two sentences shown in listings, search results and shares."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("image")]

    search_fields = [*Page.search_fields, index.SearchField("intro")]

    api_fields = [
        APIField("intro"),
        APIField("image", serializer=ImageRenditionsField()),
    ]

    # Transliterates typed slugs and fills empty ones from the title, before validation.
    base_form_class = BasePageForm

    objects = ContentPageManager()

    class Meta:
        abstract = True

    def set_ascii_slug(self):
        """Slugs are plain ASCII whatever the editor typed: "Știri" becomes "stiri".

        An empty slug is made from the title once the page has its place in the tree;
        before that, Wagtail fills it on save. Called before Wagtail's own defaults by
        ``full_clean`` (published saves) and ``minimal_clean`` (drafts).
        """
        if self.slug and not self.slug.isascii():
            self.slug = ascii_slugify(self.slug)
        elif not self.slug and self.path:
            self.slug = title_slug(self.title, self.get_parent(), self)
        # An English translation on its Romanian original's slug takes its own title's.
        self.slug = translation_slug(self) or self.slug

    def full_clean(self, *args, **kwargs):
        self.set_ascii_slug()
        super().full_clean(*args, **kwargs)

    def minimal_clean(self):
        self.set_ascii_slug()
        super().minimal_clean()

    def serve_preview(self, request, mode_name):
        """The first answer of a ``s6_serve_preview`` hook, else Wagtail's preview.

        A hook is ``fn(page, request)`` returning a response, or ``None`` to pass: the
        API app registers one that sends the editor to a headless front end's preview.
        """
        for serve in hooks.get_hooks(SERVE_PREVIEW_HOOK):
            response = serve(self, request)
            if response is not None:
                return response
        return super().serve_preview(request, mode_name)

    @classmethod
    def get_public_label(cls) -> str:
        return cls.public_label or cls.get_verbose_name()


class SectionIndexPage(BasePage):
    """A site's section (news, events...): one per home page, listing its children.

    The listing is built by methods each section overrides, the way Wagtail's
    ``FormMixin`` exposes ``get_form_class()``:

    - :meth:`get_listing_queryset`: the items, visible and ordered (the rules live on
      the type's queryset);
    - :meth:`get_listing_filters`: the visitor's choices (kind, status, topic...);
    - :meth:`prepare_listing_items`: marks on the items of the page shown;
    - the texts and card template of the one listing template,
      ``templates/includes/listing.html``.

    The count of every filtered listing and the section's topics are computed once per
    change of the site (``site_s6.core.cache``); a listing that follows the clock keeps
    its count for a minute at most.
    """

    public_label = pgettext_lazy("kind of page", "Section")

    #: The template of one item's card, included once per item.
    listing_card_template = ""
    #: Whether what the listing shows changes with time (upcoming events, a status).
    listing_follows_the_clock = False
    listing_per_page = LISTING_PAGE_SIZE
    #: Texts of the listing template; a section sets its own.
    listing_show_all_text = _("Show all")
    listing_empty_text = _("Nothing has been published here yet. Please check back soon.")
    listing_filtered_empty_text = _("Nothing matches these filters.")

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True

    # The hooks a section overrides

    def get_listing_queryset(self, request) -> QuerySet:
        """The items of the listing, before the visitor's filters, in their order."""
        raise NotImplementedError

    def get_listing_filters(self, request, items: QuerySet) -> list[ChoiceFilter]:
        """The visitor's filters, read from ``request``: by topic unless overridden."""
        return [self.topic_filter(items)]

    def prepare_listing_items(self, items: list, request) -> None:
        """Set what the cards of the page shown need beyond the items' own fields."""

    def listing_count_text(self, count: int) -> str:
        """ "12 news items": the number of items the filters leave."""
        return str(count)

    # The shared mechanism

    def listing_site_id(self) -> int | None:
        entry = site_index().entry_for(self)
        return entry.pk if entry else None

    def topic_filter(self, items: QuerySet) -> ChoiceFilter:
        """The filter by tag, offering the topics the section's items carry."""
        tags = cached_for_site(
            self.listing_site_id(),
            "section-topics",
            [self.pk],
            lambda: [(tag.slug, tag.name) for tag in tags_in_use(items)],
        )
        return ChoiceFilter("tag", _("Topic"), _("All topics"), tags, narrow="tags__slug")

    def get_listing_context(self, request) -> dict:
        items = self.get_listing_queryset(request)
        filters = [f.read(request) for f in self.get_listing_filters(request, items)]
        filters = [f for f in filters if f.choices]
        for choice in filters:
            items = choice.apply(items)
        chosen = {f.name: f.value for f in filters}
        parts = [self.pk, chosen, request.GET.get("when")]
        if self.listing_follows_the_clock:
            parts.append(timezone.now().strftime("%Y-%m-%dT%H:%M"))
        count = cached_for_site(self.listing_site_id(), "section-count", parts, items.count)
        listing = paginate(request, items, per_page=self.listing_per_page, count=count)
        listing.object_list = list(listing.object_list)
        self.prepare_listing_items(listing.object_list, request)
        return {
            "listing": listing,
            "listing_filters": filters,
            "listing_count_text": self.listing_count_text(count),
            "is_filtered": any(chosen.values()),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.get_listing_context(request))
        return context


hex_colour_validator = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", _("Enter a colour as #rrggbb, for example #004c97.")
)


@register_setting(icon="image")
class BrandingSettings(BaseSiteSetting):
    """How a site presents itself: names, logo, favicon and colours."""

    full_name = models.CharField(_("full name"), max_length=200, validators=[no_line_breaks])
    short_name = models.CharField(_("short name"), max_length=60, validators=[no_line_breaks])
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    favicon = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("favicon"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A square image, at least 64×64 pixels."),
    )
    primary_colour = models.CharField(
        _("primary colour"),
        max_length=7,
        default="#00447c",
        validators=[hex_colour_validator, validate_text_contrast_on_white],
        help_text=_("Used for the header and links; needs 4.5:1 contrast with white."),
    )
    secondary_colour = models.CharField(
        _("secondary colour"),
        max_length=7,
        default="#8a1538",
        validators=[hex_colour_validator, validate_text_contrast_on_white],
    )

    panels = [
        MultiFieldPanel([FieldPanel("full_name"), FieldPanel("short_name")], heading=_("Name")),
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("favicon")], heading=_("Images")),
        MultiFieldPanel(
            [FieldPanel("primary_colour"), FieldPanel("secondary_colour")],
            heading=_("Colours"),
        ),
    ]

    class Meta:
        verbose_name = _("branding")
        verbose_name_plural = _("branding")

    def __str__(self):
        return self.full_name or str(self.site)


@register_setting(icon="mail")
class ContactSettings(BaseSiteSetting):
    """The public contact details of a site, shown in its footer and in the API."""

    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True, validators=[no_line_breaks])
    email = models.EmailField(_("general e-mail"), blank=True)
    press_email = models.EmailField(_("press e-mail"), blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    x_url = models.URLField(_("X (Twitter)"), blank=True)
    tiktok_url = models.URLField(_("TikTok"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("press_email"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("youtube_url"),
                FieldPanel("x_url"),
                FieldPanel("tiktok_url"),
                FieldPanel("linkedin_url"),
            ],
            heading=_("Social networks"),
        ),
    ]

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contact")

    SOCIAL_FIELDS = {
        "facebook": "facebook_url",
        "instagram": "instagram_url",
        "youtube": "youtube_url",
        "x": "x_url",
        "tiktok": "tiktok_url",
        "linkedin": "linkedin_url",
    }

    def social_links(self) -> list[dict]:
        """The filled-in social networks as ``[{"network": ..., "url": ...}]``."""
        return [
            {"network": network, "url": getattr(self, field)}
            for network, field in self.SOCIAL_FIELDS.items()
            if getattr(self, field)
        ]


@register_setting(icon="link-external")
class FrontendSettings(BaseSiteSetting):
    """Where a headless front end renders this site, for links and previews."""

    frontend_url = models.URLField(
        _("headless front-end address"),
        blank=True,
        help_text=_(
            "The address of the front end that renders this site from the API, "
            "e.g. https://www.primarie6.ro. Leave empty when the site is served by Wagtail."
        ),
    )

    panels = [FieldPanel("frontend_url")]

    class Meta:
        verbose_name = _("headless front end")
        verbose_name_plural = _("headless front end")


class ContactPerson(TranslatableMixin, index.Indexed, models.Model):
    """A spokesperson journalists can reach about a publication (public by design)."""

    name = models.CharField(_("name"), max_length=150, validators=[no_line_breaks])
    role = models.CharField(_("role"), max_length=150, blank=True, validators=[no_line_breaks])
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True, validators=[no_line_breaks])
    # The site whose press office the person speaks for: an institution's editors see and
    # edit only their site's contacts (subsites). A Site, not an institution: core knows
    # sites, not the institutions register above it.
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("site"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The site whose press office this person speaks for."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("site"),
    ]

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    api_fields = [APIField("name"), APIField("role"), APIField("email"), APIField("phone")]

    # A person's name and phone number are the same in every language (the translator may
    # still override the name); only the role is translated.
    override_translatable_fields = [SynchronizedField("name"), SynchronizedField("phone")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("contact person")
        verbose_name_plural = _("contact people")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.role})" if self.role else self.name


class AbstractGalleryImage(Orderable):
    """A photo attached to a page; subclasses add the ``page`` ParentalKey."""

    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )
    alt_text = models.CharField(
        _("alternative text"),
        max_length=250,
        help_text=_("Describe the image for people who cannot see it."),
        validators=[no_line_breaks],
    )
    caption = models.CharField(
        _("caption"), max_length=250, blank=True, validators=[no_line_breaks]
    )

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption")]

    api_fields = [
        APIField("image", serializer=ImageRenditionsField()),
        APIField("alt_text"),
        APIField("caption"),
    ]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = _("gallery image")
        verbose_name_plural = _("gallery images")


class AbstractAttachment(Orderable):
    """A document offered for download on a page; subclasses add the ``page`` key."""

    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(
        _("link text"),
        max_length=200,
        blank=True,
        help_text=_("Leave empty to use its title."),
        validators=[no_line_breaks],
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    api_fields = [APIField("document"), APIField("title")]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
