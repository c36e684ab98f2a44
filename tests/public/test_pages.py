"""The public HTML of every page type: rendering, branding, listings, filters and errors."""

import datetime

import pytest
import time_machine
import wagtail_factories
from django.core.files.base import ContentFile
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django_countries.fields import Country
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from site_s6.campaigns.models import CampaignMaterial
from site_s6.core.models import ContactPerson
from site_s6.events.models import EventPage, EventSpeaker
from site_s6.home.models import HomePageFeaturedItem
from site_s6.news.models import NewsAttachment, NewsGalleryImage, NewsPage
from site_s6.protocol.models import DelegationMember
from tests.factories import (
    CampaignPageFactory,
    EventPageFactory,
    NewsPageFactory,
    ProtocolVisitPageFactory,
    make_site,
)

from .conftest import BRAND_FULL_NAME, BRAND_PRIMARY, BRAND_SECONDARY

UTC = datetime.UTC


def ro(message: str) -> str:
    """``message`` as a Romanian reader sees it, whether or not its catalogue is compiled yet."""
    with translation.override("ro"):
        return translation.gettext(message)


def html(response) -> str:
    return response.content.decode()


def card_count(response) -> int:
    return html(response).count('<article class="card')


def make_news(index, count, *, first=1, **fields):
    """``count`` news under ``index`` titled "Știre 01"…, one day apart, the first the newest."""
    start = timezone.now() - datetime.timedelta(hours=1)
    return [
        NewsPageFactory(
            parent=index,
            title=f"Știre {number:02d}",
            publication_date=start - datetime.timedelta(days=number),
            **fields,
        )
        for number in range(first, first + count)
    ]


# Every page type


PAGE_KEYS = [
    "home",
    "news_index",
    "event_index",
    "campaign_index",
    "protocol_index",
    "news",
    "event",
    "campaign",
    "visit",
]


@pytest.mark.parametrize("key", PAGE_KEYS)
def test_every_page_type_renders_with_title_and_branding(client, content, key):
    page = content[key]

    response = client.get(page.url)

    assert response.status_code == 200
    body = html(response)
    assert page.title in body
    assert BRAND_FULL_NAME in body
    assert '<main id="main"' in body
    assert 'href="#main"' in body


def test_default_locale_page_declares_romanian(client, content):
    body = html(client.get("/"))

    assert '<html lang="ro"' in body


def test_brand_colours_are_css_custom_properties(client, content):
    body = html(client.get(content["news_index"].url))

    assert f"--brand-primary: {BRAND_PRIMARY};" in body
    assert f"--brand-secondary: {BRAND_SECONDARY};" in body
    assert "/static/css/site.css" in body


def test_a_malformed_brand_colour_never_reaches_the_style_element(client, content):
    branding = content["site"].brandingsettings
    # Seven characters, the column's length, so PostgreSQL stores it as SQLite does.
    branding.primary_colour = "};</sty"
    branding.save()

    body = html(client.get("/"))

    assert "};</sty" not in body
    assert "--brand-primary: #00447c;" in body


def test_no_asset_is_loaded_from_another_host(client, content):
    body = html(client.get(content["news"].url))

    for marker in ('<script src="http', '<link rel="stylesheet" href="http', "fonts.googleapis"):
        assert marker not in body


def test_footer_shows_the_contact_settings(client, content):
    body = html(client.get("/"))

    assert "Calea Plevnei 147-149<br>Sector 6, București" in body
    assert 'href="tel:0214131313"' in body
    assert 'href="mailto:presa@primarie6.ro"' in body
    assert 'href="https://www.facebook.com/primaria6"' in body


def test_main_navigation_lists_live_menu_sections_only(client, content):
    content["news_index"].show_in_menus = True
    content["news_index"].save()
    content["event_index"].show_in_menus = True
    content["event_index"].save()
    content["event_index"].unpublish()

    body = html(client.get(content["news"].url))

    nav = body.split('<nav class="main-nav"')[1].split("</nav>")[0]
    assert 'href="/stiri/"' in nav
    assert "/evenimente/" not in nav
    assert "/campanii/" not in nav


def test_seo_and_sharing_tags_use_the_og_rendition(client, content):
    news = content["news"]
    news.image = wagtail_factories.ImageFactory(title="Parcul", description="Aleea principală")
    news.search_description = "Parcul se redeschide după renovare."
    news.save()

    body = html(client.get(news.url))

    assert '<meta name="description" content="Parcul se redeschide după renovare.">' in body
    assert f'<link rel="canonical" href="http://localhost{news.url}">' in body
    assert '<meta property="og:type" content="article">' in body
    assert f'<meta property="og:title" content="{news.title}">' in body
    assert '<meta property="og:image" content="http://testserver/' in body
    assert ".fill-1200x630.format-jpeg" in body
    assert '<meta name="twitter:card" content="summary_large_image">' in body
    assert '<meta property="og:image:alt" content="Aleea principală">' in body


def test_hreflang_alternates_and_language_switcher(client, content, locales):
    home, news_index = content["home"], content["news_index"]
    en_home = home.copy_for_translation(locales["en"])
    en_home.title = "Sector 6 City Hall"
    en_home.save_revision().publish()
    en_index = news_index.copy_for_translation(locales["en"])
    en_index.title = "News"
    en_index.save_revision().publish()  # its slug becomes its title's: "news"

    body = html(client.get(news_index.url))
    english = html(client.get("/en/news/"))

    assert '<link rel="alternate" hreflang="ro" href="http://localhost/stiri/">' in body
    assert '<link rel="alternate" hreflang="en" href="http://localhost/en/news/">' in body
    assert '<link rel="alternate" hreflang="x-default" href="http://localhost/stiri/">' in body
    assert 'href="/en/news/" hreflang="en" lang="en">English</a>' in body
    assert '<html lang="en"' in english
    assert "<h1>News</h1>" in english


# Listings: pagination


def test_news_index_paginates_by_twelve(client, main_site):
    make_news(main_site["news_index"], 13)
    url = main_site["news_index"].url

    first, second = client.get(url), client.get(url + "?page=2")

    assert card_count(first) == 12
    assert card_count(second) == 1
    assert "Știre 13" in html(second)
    assert "Știre 13" not in html(first)
    assert 'href="?page=2" rel="next"' in html(first)
    assert 'aria-current="page"><span class="visually-hidden">' in html(second)


@pytest.mark.parametrize(
    ("page_param", "expected_cards"),
    [("999", 1), ("abc", 12), ("-1", 1), ("0", 1), ("2.5", 12), ("", 12)],
)
def test_page_parameter_out_of_range_or_invalid_never_fails(
    client, main_site, page_param, expected_cards
):
    make_news(main_site["news_index"], 13)

    response = client.get(main_site["news_index"].url, {"page": page_param})

    assert response.status_code == 200
    assert card_count(response) == expected_cards


@pytest.mark.parametrize("key", ["event_index", "campaign_index", "protocol_index"])
@pytest.mark.parametrize("page_param", ["999", "abc"])
def test_other_listings_survive_bad_page_numbers(client, main_site, key, page_param):
    response = client.get(main_site[key].url, {"page": page_param})

    assert response.status_code == 200


def test_empty_listings_say_so(client, main_site):
    for key, message in [
        ("news_index", "No news has been published here yet. Please check back soon."),
        ("event_index", "There are no upcoming events at the moment. Please check back soon."),
        ("campaign_index", "No campaigns have been published yet. Please check back soon."),
        ("protocol_index", "No protocol visits have been published yet."),
    ]:
        body = html(client.get(main_site[key].url))
        assert 'class="empty-state"' in body
        assert ro(message) in body


# Listings: what is listed


def test_draft_and_private_news_are_not_listed(client, main_site):
    index = main_site["news_index"]
    make_news(index, 1)
    NewsPageFactory(parent=index, title="Știre nepublicată", live=False)
    private = NewsPageFactory(parent=index, title="Știre privată")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    body = html(client.get(index.url))
    home = html(client.get("/"))

    assert "Știre 01" in body
    assert "Știre nepublicată" not in body
    assert "Știre privată" not in body
    assert "Știre nepublicată" not in home


def test_news_of_another_site_is_not_listed(client, main_site):
    other = make_site("dgaspc6.localhost", title="DGASPC Sector 6", default=False)
    NewsPageFactory(parent=other["news_index"], title="Știre DGASPC")
    make_news(main_site["news_index"], 1)

    listing = html(client.get(main_site["news_index"].url))
    home = html(client.get("/"))

    assert "Știre 01" in listing
    assert "Știre DGASPC" not in listing
    assert "Știre DGASPC" not in home


def test_news_are_listed_newest_first(client, main_site):
    make_news(main_site["news_index"], 3)

    body = html(client.get(main_site["news_index"].url))

    assert body.index("Știre 01") < body.index("Știre 02") < body.index("Știre 03")


# Listings: filters


def test_news_filter_by_kind(client, main_site):
    index = main_site["news_index"]
    NewsPageFactory(parent=index, title="Comunicat despre buget", kind=NewsPage.Kind.PRESS_RELEASE)
    NewsPageFactory(parent=index, title="Anunț despre trafic", kind=NewsPage.Kind.ANNOUNCEMENT)

    body = html(client.get(index.url, {"kind": "press_release"}))

    assert "Comunicat despre buget" in body
    assert "Anunț despre trafic" not in body
    assert '<option value="press_release" selected>' in body


def test_news_filter_by_tag(client, main_site):
    index = main_site["news_index"]
    parks = NewsPageFactory(parent=index, title="Parcuri noi")
    parks.tags.add("parcuri")
    parks.save()
    schools = NewsPageFactory(parent=index, title="Școli renovate")
    schools.tags.add("scoli")
    schools.save()

    body = html(client.get(index.url, {"tag": "parcuri"}))

    assert "Parcuri noi" in body
    assert "Școli renovate" not in body
    assert '<option value="parcuri" selected>' in body


@pytest.mark.parametrize(
    "params",
    [{"kind": "gossip"}, {"tag": "no-such-tag"}, {"kind": ""}, {"kind": "news' OR 1=1"}],
)
def test_news_invalid_filters_give_the_full_listing(client, main_site, params):
    index = main_site["news_index"]
    NewsPageFactory(parent=index, title="Comunicat", kind=NewsPage.Kind.PRESS_RELEASE)
    NewsPageFactory(parent=index, title="Anunț", kind=NewsPage.Kind.ANNOUNCEMENT)

    response = client.get(index.url, params)

    assert response.status_code == 200
    assert card_count(response) == 2


def test_pagination_links_keep_the_filters(client, main_site):
    make_news(main_site["news_index"], 13, kind=NewsPage.Kind.ANNOUNCEMENT)

    body = html(client.get(main_site["news_index"].url, {"kind": "announcement"}))

    assert 'href="?kind=announcement&amp;page=2"' in body


def test_events_upcoming_by_default_and_past_on_request(client, main_site):
    index, now = main_site["event_index"], timezone.now()
    EventPageFactory(parent=index, title="Eveniment viitor", start=now + datetime.timedelta(days=2))
    EventPageFactory(
        parent=index, title="Eveniment în desfășurare", start=now - datetime.timedelta(hours=1)
    )
    EventPageFactory(parent=index, title="Eveniment trecut", start=now - datetime.timedelta(days=9))

    upcoming = html(client.get(index.url))
    past = html(client.get(index.url, {"when": "past"}))

    assert "Eveniment viitor" in upcoming
    assert "Eveniment în desfășurare" in upcoming
    assert "Eveniment trecut" not in upcoming
    assert "Eveniment trecut" in past
    assert "Eveniment viitor" not in past


def test_events_filter_by_type_and_ignore_invalid_values(client, main_site):
    index = main_site["event_index"]
    EventPageFactory(
        parent=index, title="Bilanț trimestrial", event_type=EventPage.EventType.PRESS_CONFERENCE
    )
    EventPageFactory(
        parent=index, title="Depunere de coroane", event_type=EventPage.EventType.CEREMONY
    )

    filtered = client.get(index.url, {"type": "ceremony"})
    invalid = client.get(index.url, {"type": "party", "when": "tomorrow"})

    # Titles that no filter label shares, in any language of the interface.
    assert "Depunere de coroane" in html(filtered)
    assert "Bilanț trimestrial" not in html(filtered)
    assert invalid.status_code == 200
    assert card_count(invalid) == 2


def test_campaigns_filter_by_status(client, main_site):
    index, today = main_site["campaign_index"], timezone.localdate()
    CampaignPageFactory(
        parent=index,
        title="Campanie viitoare",
        start_date=today + datetime.timedelta(days=10),
        end_date=today + datetime.timedelta(days=20),
    )
    CampaignPageFactory(parent=index, title="Campanie activă")
    CampaignPageFactory(
        parent=index,
        title="Campanie încheiată",
        start_date=today - datetime.timedelta(days=30),
        end_date=today - datetime.timedelta(days=1),
    )
    CampaignPageFactory(parent=index, title="Campanie oprită", status_override="ended")

    def titles(status):
        body = html(client.get(index.url, {"status": status}))
        return {t for t in ("viitoare", "activă", "încheiată", "oprită") if f"Campanie {t}" in body}

    assert titles("planned") == {"viitoare"}
    assert titles("active") == {"activă"}
    assert titles("ended") == {"încheiată", "oprită"}
    assert titles("bogus") == {"viitoare", "activă", "încheiată", "oprită"}


def test_protocol_filter_by_scope(client, main_site):
    index = main_site["protocol_index"]
    ProtocolVisitPageFactory(parent=index, title="Vizită din Cluj", scope="domestic")
    ProtocolVisitPageFactory(parent=index, title="Vizită din Lyon", scope="foreign", country="FR")

    foreign = html(client.get(index.url, {"scope": "foreign"}))
    invalid = client.get(index.url, {"scope": "galactic"})

    assert "Vizită din Lyon" in foreign
    assert "Vizită din Cluj" not in foreign
    assert card_count(invalid) == 2


# Query counts


def test_news_index_queries_do_not_grow_with_the_news(
    client, main_site, django_assert_max_num_queries
):
    index = main_site["news_index"]

    def add_news(count, first):
        for news in make_news(index, count, first=first):
            news.image = wagtail_factories.ImageFactory()
            news.tags.add("parcuri", f"eticheta-{news.pk}")
            news.save()

    def queries():
        client.get(index.url)  # creates the renditions once
        with CaptureQueriesContext(connection) as captured:
            assert client.get(index.url).status_code == 200
        return len(captured)

    add_news(3, first=1)
    with_three = queries()
    add_news(12, first=4)
    with_fifteen = queries()

    assert with_three == with_fifteen
    # Routing, view restrictions and site hooks take about ten; the listing itself about ten.
    with django_assert_max_num_queries(24):
        client.get(index.url)


def listing_scans(client, url) -> list[str]:
    """The queries of ``url`` that scan the whole news section: its count and its tags."""
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [
        query["sql"]
        for query in captured
        if query["sql"].startswith(("SELECT COUNT(", 'SELECT "taggit_tag"'))
    ]


def test_news_index_pages_share_one_count_and_tag_list(client, main_site):
    index = main_site["news_index"]
    for news in make_news(index, 13):
        news.tags.add("parcuri")
        news.save_revision().publish()

    first = listing_scans(client, index.url)
    later = listing_scans(client, index.url + "?page=2")
    filtered = listing_scans(client, index.url + "?tag=parcuri&page=2")

    assert len(first) == 2
    assert later == []
    assert len(filtered) == 1  # the filtered count; the tag list is the same


@pytest.mark.parametrize(
    ("index_key", "factory", "fields"),
    [
        ("event_index", EventPageFactory, {"start": timezone.now() + datetime.timedelta(days=2)}),
        ("campaign_index", CampaignPageFactory, {}),
        ("protocol_index", ProtocolVisitPageFactory, {}),
    ],
)
def test_every_section_shares_one_count_and_topic_list(
    client, main_site, index_key, factory, fields
):
    index = main_site[index_key]
    for number in range(13):
        page = factory(parent=index, title=f"Pagina {number:02d}", **fields)
        page.tags.add("parcuri")
        page.save_revision().publish()

    # Within one minute: the events' count follows the clock by the minute.
    with time_machine.travel(timezone.now().replace(second=0), tick=False):
        first = listing_scans(client, index.url)
        later = listing_scans(client, index.url + "?page=2")
    body = html(client.get(index.url + "?tag=parcuri"))

    assert len(first) == 2  # the count and the topics, once per change of the site
    assert later == []
    assert '<option value="parcuri" selected>' in body


def test_publishing_refreshes_the_news_index_count_and_tags(client, main_site):
    index = main_site["news_index"]
    make_news(index, 12)
    assert 'href="?page=2"' not in html(client.get(index.url))

    news = NewsPageFactory(parent=index, title="Știre nouă", live=False)
    news.tags.add("biblioteci")
    news.save_revision().publish()
    body = html(client.get(index.url + "?page=2"))

    assert 'href="?page=2"' in html(client.get(index.url))
    assert '<option value="biblioteci">' in body


# Detail pages


def test_news_page_shows_its_parts(client, content):
    news = content["news"]
    news.kind = NewsPage.Kind.PRESS_RELEASE
    news.publication_date = datetime.datetime(2025, 3, 10, 8, 0, tzinfo=UTC)
    news.lead = "Primăria anunță redeschiderea parcului."
    news.contact_person = ContactPerson.objects.create(
        name="Ana Ionescu", role="Purtător de cuvânt", email="ana@primarie6.ro"
    )
    news.related_campaign = content["campaign"]
    news.tags.add("parcuri")
    document = get_document_model().objects.create(
        title="Raport", file=ContentFile(b"%PDF-1.4 raport", name="raport.pdf")
    )
    news.attachments.add(NewsAttachment(document=document, title="Raportul complet"))
    news.gallery_images.add(
        NewsGalleryImage(image=wagtail_factories.ImageFactory(), alt_text="Aleea cu tei")
    )
    news.save()

    body = html(client.get(news.url))

    assert ro("Press release") in body
    assert '<time datetime="2025-03-10T10:00:00+02:00">10 ' in body  # Bucharest time
    assert "10:00</time>" in body
    assert "Primăria anunță redeschiderea parcului." in body
    assert "Ana Ionescu" in body and 'href="mailto:ana@primarie6.ro"' in body
    assert f'href="{content["campaign"].url}"' in body
    assert 'href="/stiri/?tag=parcuri"' in body
    assert "Raportul complet" in body and "(PDF" in body
    assert 'alt="Aleea cu tei"' in body
    assert "https://www.facebook.com/sharer/sharer.php?u=http%3A%2F%2Flocalhost%2Fstiri%2F" in body
    assert "https://x.com/intent/post?url=" in body
    assert "mailto:?subject=" in body


def test_news_page_hides_an_unpublished_related_campaign(client, content):
    news, campaign = content["news"], content["campaign"]
    news.related_campaign = campaign
    news.save()
    campaign.unpublish()

    body = html(client.get(news.url))

    assert campaign.title not in body


def test_news_body_blocks_render_with_their_templates(client, content):
    news = content["news"]
    image = wagtail_factories.ImageFactory()
    document = get_document_model().objects.create(
        title="Hotărârea", file=ContentFile(b"x" * 2048, name="hotarare.pdf"), file_size=2048
    )
    news.body = [
        ("paragraph", RichText("<p>Un paragraf <b>important</b>.</p>")),
        ("image", {"image": image, "alt_text": "Fântâna", "caption": "Noua fântână"}),
        ("quote", {"text": "Un parc pentru toți.", "attribution": "Primarul"}),
        ("documents", {"title": "Documente", "documents": [{"document": document, "title": ""}]}),
        (
            "call_to_action",
            {
                "title": "Programări",
                "text": "",
                "url": "https://example.org/",
                "button_label": "Vezi",
            },
        ),
    ]
    news.save()

    body = html(client.get(news.url))

    assert "Un paragraf <b>important</b>." in body
    assert 'alt="Fântâna"' in body and "srcset=" in body and "<figcaption>" in body
    assert "<blockquote><p>Un parc pentru toți.</p></blockquote>" in body
    assert "Hotărârea" in body and "(PDF, 2" in body
    assert 'class="button" href="https://example.org/">Vezi</a>' in body


def test_cancelled_event_shows_a_banner(client, content):
    event = content["event"]
    event.status = EventPage.Status.CANCELLED
    event.save()

    detail = html(client.get(event.url))
    listing = html(client.get(content["event_index"].url))

    assert "status-banner--cancelled" in detail
    assert ro("This event has been cancelled.") in detail
    assert "badge--alert" in listing


def test_scheduled_event_has_no_banner_and_no_map_without_coordinates(client, content):
    body = html(client.get(content["event"].url))

    assert "status-banner" not in body
    assert "openstreetmap.org" not in body


def test_event_page_shows_time_place_and_press_details(client, content):
    event = content["event"]
    event.start = datetime.datetime(2030, 6, 15, 7, 0, tzinfo=UTC)
    event.end = datetime.datetime(2030, 6, 15, 9, 30, tzinfo=UTC)
    event.latitude, event.longitude = "44.435000", "26.016000"
    event.stream_url = "https://video.primarie6.ro/live"
    event.accreditation_required = True
    event.accreditation_deadline = datetime.datetime(2030, 6, 14, 12, 0, tzinfo=UTC)
    event.status = EventPage.Status.POSTPONED
    event.speakers.add(EventSpeaker(name="Ion Popescu", role="Primar"))
    event.save()

    body = html(client.get(event.url))

    assert '<time datetime="2030-06-15T10:00:00+03:00">' in body  # summer time
    assert '<time datetime="2030-06-15T12:30:00+03:00">12:30</time>' in body
    assert "Sala de consiliu" in body and "Calea Plevnei 147-149" in body
    assert "https://www.openstreetmap.org/?mlat=44.435000&amp;mlon=26.016000" in body
    assert 'href="https://video.primarie6.ro/live"' in body
    assert "15:00" in body  # the accreditation deadline, Bucharest time
    assert 'href="mailto:presa@primarie6.ro"' in body
    assert "Ion Popescu" in body
    assert "status-banner--postponed" in body


def test_campaign_page_shows_status_messages_materials_and_live_relations(client, content):
    campaign = content["campaign"]
    campaign.key_messages = [("message", "Nu aruncați gunoiul pe stradă.")]
    campaign.materials.add(
        CampaignMaterial(kind="poster", title="Afișul campaniei", url="https://example.org/afis")
    )
    campaign.save()
    news = content["news"]
    news.related_campaign = campaign
    news.save()
    NewsPageFactory(
        parent=content["news_index"], title="Știre ciornă", related_campaign=campaign, live=False
    )
    event = content["event"]
    event.related_campaign = campaign
    event.save()

    body = html(client.get(campaign.url))

    assert ro("Active") in body
    assert "Nu aruncați gunoiul pe stradă." in body
    assert "Afișul campaniei" in body and 'href="https://example.org/afis"' in body
    assert news.title in body
    assert event.title in body
    assert "Știre ciornă" not in body


def test_protocol_visit_shows_delegation_hosts_agenda_and_members_by_precedence(client, content):
    visit = content["visit"]
    visit.hosts = "Primarul Sectorului 6\n\nViceprimarul Sectorului 6"
    visit.summary = "<p>Schimb de experiență privind parcurile.</p>"
    visit.agenda = [("item", {"time": datetime.time(10, 30), "item": "Primirea delegației"})]
    visit.members.add(DelegationMember(name="Membru Doi", role="Consilier", precedence=2))
    visit.members.add(DelegationMember(name="Șeful delegației", role="Primar", precedence=1))
    visit.save()

    body = html(client.get(visit.url))

    with translation.override("ro"):
        france = Country("FR").name
    assert "Delegația orașului Lyon" in body
    assert f"Lyon, {france}" in body
    assert "<li>Primarul Sectorului 6</li><li>Viceprimarul Sectorului 6</li>" in body
    assert "Schimb de experiență privind parcurile." in body
    assert '<time class="agenda__time" datetime="10:30">10:30</time>' in body
    assert body.index("Șeful delegației") < body.index("Membru Doi")


def test_home_page_shows_hero_featured_news_and_upcoming_events(client, content):
    home = content["home"]
    home.hero_title = "Bine ați venit în Sectorul 6"
    home.featured_items.add(HomePageFeaturedItem(page=content["campaign"], label="Campania lunii"))
    home.featured_items.add(HomePageFeaturedItem(page=content["visit"]))
    home.save()
    content["visit"].unpublish()
    EventPageFactory(
        parent=content["event_index"],
        title="Eveniment trecut",
        start=timezone.now() - datetime.timedelta(days=3),
    )

    body = html(client.get("/"))

    assert "<h1>Bine ați venit în Sectorul 6</h1>" in body
    assert "Campania lunii" in body
    assert content["visit"].title not in body
    assert content["news"].title in body
    assert content["event"].title in body
    assert "Eveniment trecut" not in body


# Errors


def test_missing_page_answers_a_friendly_404(client, main_site):
    response = client.get("/pagina-care-nu-exista/")

    assert response.status_code == 404
    body = html(response)
    assert ro("Page not found") in body
    assert '<html lang="ro"' in body
    assert BRAND_FULL_NAME in body


def test_missing_english_page_answers_in_english(client, main_site):
    response = client.get("/en/no-such-page/")

    assert response.status_code == 404
    assert '<html lang="en"' in html(response)
    assert "Page not found" in html(response)


def test_500_page_needs_no_database(django_assert_num_queries, db):
    with translation.override("en"), django_assert_num_queries(0):
        body = render_to_string("500.html")

    assert "Something went wrong" in body
    assert '<html lang="en"' in body
