"""Response schemas of the typed endpoints: every shape named, nothing left as a bare object.

A list answers ``{"count": N, "items": [...]}``. Every item carries the fields of
:class:`PageItem`; each collection adds its type's fields, and its detail adds the
long-form fields (body, gallery, speakers...) that listings leave out.
"""

from datetime import date, datetime
from typing import Any, Literal

from ninja import Field, Schema


class Renditions(Schema):
    """One URL per named size (see ``site_s6.core.renditions.RENDITION_SPECS``)."""

    thumbnail: str = Field(description="400×300, cropped, WebP")
    medium: str = Field(description="At most 800×600, WebP")
    large: str = Field(description="At most 1600×1200, WebP")
    og: str = Field(description="1200×630, cropped, JPEG: for Open Graph and Twitter cards")


class Image(Schema):
    id: int
    title: str
    width: int
    height: int
    renditions: Renditions


class Translation(Schema):
    locale: str = Field(description="Language code, e.g. en")
    id: int


class InstitutionRef(Schema):
    name: str
    short_name: str
    site: str = Field(description="The institution site's hostname")


class PageRef(Schema):
    """A live, public page another item links to."""

    id: int
    type: str = Field(description="Content type label, e.g. news.NewsPage")
    title: str
    url: str | None


class StreamBlock(Schema):
    """One block of a StreamField; ``value`` depends on ``type`` (rich text is HTML)."""

    type: str
    value: Any
    id: str | None = None


class GalleryImage(Schema):
    image: Image
    alt_text: str
    caption: str


class Attachment(Schema):
    title: str
    url: str
    file_extension: str


class ContactPerson(Schema):
    name: str
    role: str
    email: str
    phone: str


class PageItem(Schema):
    """The fields every item of every collection carries."""

    id: int
    type: str = Field(description="Content type label, e.g. news.NewsPage")
    title: str
    slug: str
    locale: str = Field(description="Language code of this item")
    site: str = Field(description="Hostname of the site the item belongs to")
    url: str | None = Field(description="Public, language-aware address of the item")
    translations: list[Translation] = Field(
        description="The other languages this item is published in"
    )
    last_published_at: datetime | None
    intro: str
    image: Image | None
    tags: list[str]


class NewsItem(PageItem):
    type: Literal["news.NewsPage"]
    kind: Literal["press_release", "announcement", "news"]
    publication_date: datetime
    lead: str
    syndicated_from: InstitutionRef | None = Field(
        description="Set on the main site's news that an institution shared with it"
    )


class NewsDetail(NewsItem):
    body: list[StreamBlock]
    gallery: list[GalleryImage]
    attachments: list[Attachment]
    contact_person: ContactPerson | None
    related_campaign: PageRef | None


class EventItem(PageItem):
    type: Literal["events.EventPage"]
    event_type: Literal[
        "press_conference", "interview", "briefing", "public_event", "ceremony", "other"
    ]
    start: datetime
    end: datetime | None
    status: Literal["scheduled", "postponed", "cancelled"]
    venue_name: str
    venue_address: str
    latitude: float | None
    longitude: float | None
    stream_url: str
    accreditation_required: bool
    accreditation_deadline: datetime | None


class Speaker(Schema):
    name: str
    role: str


class EventDetail(EventItem):
    speakers: list[Speaker]
    body: list[StreamBlock]
    related_campaign: PageRef | None
    contact_person: ContactPerson | None


class CampaignItem(PageItem):
    type: Literal["campaigns.CampaignPage"]
    start_date: date
    end_date: date | None
    status: Literal["planned", "active", "ended"] = Field(
        description="Derived from the dates unless the editors set it"
    )


class CampaignMaterial(Schema):
    kind: Literal["poster", "graphic", "document", "video"]
    title: str
    image: Image | None
    alt_text: str
    document_url: str | None
    url: str


class CampaignDetail(CampaignItem):
    key_messages: list[str]
    body: list[StreamBlock]
    materials: list[CampaignMaterial]
    related_pages: list[PageRef] = Field(description="Live news and events of this campaign")


class ProtocolVisitItem(PageItem):
    type: Literal["protocol.ProtocolVisitPage"]
    delegation_name: str
    scope: Literal["domestic", "foreign"]
    country: str = Field(description="ISO 3166-1 alpha-2 code")
    country_name: str
    city: str
    organisation: str
    visit_start: date
    visit_end: date | None


class DelegationMember(Schema):
    name: str
    role: str
    precedence: int


class AgendaItem(Schema):
    time: str | None = Field(description="HH:MM:SS, or null")
    item: str


class ProtocolVisitDetail(ProtocolVisitItem):
    hosts: list[str]
    summary: str = Field(description="HTML")
    agenda: list[AgendaItem]
    members: list[DelegationMember]
    photos: list[GalleryImage]


class NewsList(Schema):
    count: int
    items: list[NewsItem]


class EventList(Schema):
    count: int
    items: list[EventItem]


class CampaignList(Schema):
    count: int
    items: list[CampaignItem]


class ProtocolVisitList(Schema):
    count: int
    items: list[ProtocolVisitItem]


class Branding(Schema):
    full_name: str
    short_name: str
    primary_colour: str = Field(description="#rrggbb")
    secondary_colour: str = Field(description="#rrggbb")
    logo: Image | None
    favicon: Image | None


class Contact(Schema):
    address: str
    phone: str
    email: str
    press_email: str


class Spokesperson(Schema):
    name: str
    phone: str
    email: str
    office_hours: str


class PressRoom(Schema):
    url: str = Field(description="The press room page in `locale`")
    spokesperson: Spokesperson


class SocialLink(Schema):
    network: Literal["facebook", "instagram", "youtube", "x", "tiktok", "linkedin"]
    url: str


class SiteLocale(Schema):
    code: str = Field(description="Language code, e.g. ro")
    name: str
    is_default: bool
    home_url: str | None = Field(description="The site's home page in this language")


class NavigationItem(Schema):
    id: int
    type: str
    title: str
    url: str | None


class SiteConfig(Schema):
    site: str = Field(description="Hostname")
    name: str
    locale: str = Field(description="Language of the navigation")
    institution: InstitutionRef | None
    frontend_url: str = Field(description="Headless front end rendering this site, if any")
    branding: Branding
    contact: Contact
    social_links: list[SocialLink]
    locales: list[SiteLocale]
    navigation: list[NavigationItem]
    press_room: PressRoom | None = Field(
        description="The site's press room and spokesperson, if the site has one"
    )
