"""The small tree the browser tests visit: two sites, both languages, one page of each type.

Built the way the project builds sites: ``institution_provision`` for each site (home,
sections, English aliases, Site), factories for the content, and wagtail-localize for the
English translations, as an editor would make them. Not the whole demo: it is slower and
its content changes with the fixtures.

Sites and ports: Wagtail picks the site from the request's host name *and* port. The live
server listens on a random port, so each Site is created with that port:
``http://primarie6.localhost:<port>/`` matches the city hall's site exactly, and the links
Wagtail writes between sites (a syndicated news item leads to the institution's own site)
carry the port too, so the browser can follow them. Chromium resolves every
``*.localhost`` name to 127.0.0.1 (``--host-resolver-rules`` makes that explicit).

The city hall's site is also served under ``palette-<name>.localhost``, one Site per
palette (every demo site's brand colours, and the palest the settings accept), so the
contrast of each palette is checked on the same pages without changing anything while
the tests run.
"""

import datetime
import json
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone
from django.utils.html import format_html
from wagtail.models import Locale, Site
from wagtail.rich_text import RichText

from site_s6.core.models import BrandingSettings, ContactSettings
from site_s6.demo.translations import translate_page
from subsites.models import Institution
from subsites.services import institution_provision
from tests.factories import (
    CampaignPageFactory,
    EventPageFactory,
    NewsPageFactory,
    ProtocolVisitPageFactory,
)

SECTION_TITLES_EN = {
    "news.NewsIndexPage": ("News", "news"),
    "events.EventIndexPage": ("Events", "events"),
    "campaigns.CampaignIndexPage": ("Campaigns", "campaigns"),
    "protocol.ProtocolIndexPage": ("Protocol", "protocol"),
}
MAIN_HOST = "primarie6.localhost"
INSTITUTION_HOST = "dgaspc6.localhost"
PRESS_EMAIL = "presa@primarie6.localhost"
# The palest colours the branding settings accept: just over 4.5:1 against white.
PALEST_ACCEPTED = {"primary": "#767676", "secondary": "#757575"}


def demo_palettes() -> dict[str, dict[str, str]]:
    """The brand colours of every demo site, by site key: what the real sites will wear."""
    path = settings.BASE_DIR / "fixtures" / "demo" / "sites.json"
    with open(path, encoding="utf-8") as handle:
        return {spec["key"]: spec["colors"] for spec in json.load(handle)}


def paragraphs(*texts: str) -> list:
    return [("paragraph", RichText(format_html("<p>{}</p>", text))) for text in texts]


@dataclass
class Newsroom:
    """The tree, with every page's address worked out once, while the database is open."""

    port: int
    main_site: object
    institution_site: object
    pages: dict = field(default_factory=dict)
    english: dict = field(default_factory=dict)
    urls: dict = field(default_factory=dict)
    palette_hosts: dict = field(default_factory=dict)

    def url(self, path: str = "/", host: str = MAIN_HOST) -> str:
        return f"http://{host}:{self.port}{path}"

    def page_url(self, key: str, language: str = "ro") -> str:
        """The absolute address of a page: Wagtail writes them so with more than one site."""
        return self.urls[key, language]


def _brand(site, *, full_name, short_name, colours, press_email):
    BrandingSettings.objects.update_or_create(
        site=site,
        defaults={
            "full_name": full_name,
            "short_name": short_name,
            "primary_colour": colours["primary"],
            "secondary_colour": colours["secondary"],
        },
    )
    ContactSettings.objects.update_or_create(
        site=site,
        defaults={
            "address": "Calea Plevnei 147-149\nSector 6, București",
            "phone": "021 413 13 13",
            "press_email": press_email,
            "facebook_url": "https://www.facebook.com/example-primarie6",
        },
    )


def _translate_home_and_sections(home, english: Locale, title: str) -> dict:
    """The English home and sections, replacing the aliases provisioning made."""
    translated = {"home": translate_page(home, english, {"title": [title]})}
    for section in home.get_children().specific():
        english_title, slug = SECTION_TITLES_EN[type(section)._meta.label]
        translated[type(section)._meta.model_name] = translate_page(
            section, english, {"title": [english_title], "slug": [slug]}
        )
    return translated


def build_newsroom(port: int) -> Newsroom:
    palettes = demo_palettes()
    city_hall = institution_provision(
        name="Primăria Sectorului 6",
        short_name="Primăria S6",
        hostname=MAIN_HOST,
        kind=Institution.Kind.CITY_HALL,
        port=port,
        is_default_site=True,
    ).institution
    institution = institution_provision(
        name="Direcția Generală de Asistență Socială și Protecția Copilului Sector 6",
        short_name="DGASPC Sector 6",
        hostname=INSTITUTION_HOST,
        port=port,
    ).institution
    _brand(
        city_hall.site,
        full_name=city_hall.name,
        short_name="Sector 6",
        colours=palettes["primarie"],
        press_email=PRESS_EMAIL,
    )
    _brand(
        institution.site,
        full_name=institution.name,
        short_name=institution.short_name,
        colours=palettes["dgaspc"],
        press_email="presa@dgaspc6.localhost",
    )

    home = city_hall.site.root_page.specific
    sections = {type(page)._meta.model_name: page for page in home.get_children().specific()}
    now = timezone.now()
    today = timezone.localdate()
    pages = {
        "home": home,
        "news_index": sections["newsindexpage"],
        "event_index": sections["eventindexpage"],
        "campaign_index": sections["campaignindexpage"],
        "protocol_index": sections["protocolindexpage"],
    }
    pages["news"] = NewsPageFactory(
        parent=pages["news_index"],
        title="Parcul Drumul Taberei se redeschide după modernizare",
        slug="parcul-drumul-taberei-se-redeschide",
        kind="press_release",
        intro="Aleile, locurile de joacă și iluminatul au fost refăcute.",
        lead="Parcul Drumul Taberei se redeschide sâmbătă, după un an de lucrări.",
        body=paragraphs(
            "Lucrările au cuprins aleile, locurile de joacă și iluminatul public.",
            "Accesul în parc este liber, zilnic, între orele 6 și 23.",
        ),
        publication_date=now - datetime.timedelta(days=1),
    )
    pages["cleaning"] = NewsPageFactory(
        parent=pages["news_index"],
        title="Curățenie generală de primăvară în toate cartierele",
        slug="curatenie-generala-de-primavara",
        kind="announcement",
        intro="Echipele de salubrizare trec pe fiecare stradă până la sfârșitul lunii.",
        publication_date=now - datetime.timedelta(days=2),
    )
    pages["event"] = EventPageFactory(
        parent=pages["event_index"],
        title="Conferință de presă despre bugetul local",
        slug="conferinta-de-presa-buget",
        event_type="press_conference",
        intro="Primarul prezintă proiectul de buget pe anul viitor.",
        start=now + datetime.timedelta(days=3),
        end=now + datetime.timedelta(days=3, hours=1),
        venue_name="Sala de consiliu",
        venue_address="Calea Plevnei 147-149",
        accreditation_required=True,
        accreditation_deadline=now + datetime.timedelta(days=2),
    )
    pages["campaign"] = CampaignPageFactory(
        parent=pages["campaign_index"],
        title="Sector 6 curat",
        slug="sector-6-curat",
        intro="Campania de curățenie a cartierelor.",
        key_messages=[("message", "Aruncă deșeurile doar la coș."), ("message", "Reciclează!")],
        body=paragraphs("Voluntarii se pot înscrie la primărie."),
    )
    pages["visit"] = ProtocolVisitPageFactory(
        parent=pages["protocol_index"],
        title="Vizita delegației orașului Lyon",
        slug="vizita-delegatiei-lyon",
        delegation_name="Delegația orașului Lyon",
        scope="foreign",
        country="FR",
        city="Lyon",
        visit_start=today - datetime.timedelta(days=10),
        visit_end=today - datetime.timedelta(days=8),
        hosts="Primarul Sectorului 6\nConsiliul Local",
        summary="<p>Schimb de experiență privind <b>transportul public</b>.</p>",
        agenda=[
            ("item", {"time": datetime.time(10, 0), "item": "Primirea delegației"}),
            ("item", {"time": datetime.time(12, 30), "item": "Vizită în Parcul Drumul Taberei"}),
        ],
    )

    english_locale = Locale.objects.get(language_code="en")
    english = _translate_home_and_sections(home, english_locale, "Sector 6 City Hall")
    english = {
        "home": english["home"],
        "news_index": english["newsindexpage"],
        "event_index": english["eventindexpage"],
        "campaign_index": english["campaignindexpage"],
        "protocol_index": english["protocolindexpage"],
    }
    english["news"] = translate_page(
        pages["news"],
        english_locale,
        {
            "title": ["Drumul Taberei Park reopens after its renovation"],
            "slug": ["drumul-taberei-park-reopens"],
            "intro": ["The alleys, playgrounds and lighting have been rebuilt."],
            "lead": ["Drumul Taberei Park reopens on Saturday, after a year of works."],
            "body": [
                "The works covered the alleys, the playgrounds and the street lighting.",
                "The park is open to everyone, every day, from 6 am to 11 pm.",
            ],
        },
    )
    english["event"] = translate_page(
        pages["event"],
        english_locale,
        {
            "title": ["Press conference on the local budget"],
            "slug": ["press-conference-budget"],
            "intro": ["The mayor presents next year's draft budget."],
            "venue_name": ["Council chamber"],
        },
    )
    english["campaign"] = translate_page(
        pages["campaign"],
        english_locale,
        {
            "title": ["A clean Sector 6"],
            "slug": ["a-clean-sector-6"],
            "intro": ["The neighbourhoods' clean-up campaign."],
            "key_messages": ["Only throw rubbish in the bin.", "Recycle!"],
            "body": ["Volunteers can sign up at the city hall."],
        },
    )
    english["visit"] = translate_page(
        pages["visit"],
        english_locale,
        {
            "title": ["Visit of the delegation of the city of Lyon"],
            "slug": ["visit-lyon-delegation"],
            "delegation_name": ["Delegation of the city of Lyon"],
            "hosts": ["The Mayor of Sector 6\nThe Local Council"],
            "summary": ["An exchange of experience on <b>public transport</b>."],
            "agenda": ["Welcome of the delegation", "Visit to Drumul Taberei Park"],
        },
    )

    # An institution's news shared with the city hall's site.
    institution_news_index = next(
        page
        for page in institution.site.root_page.get_children().specific()
        if type(page)._meta.model_name == "newsindexpage"
    )
    pages["institution_news"] = NewsPageFactory(
        parent=institution_news_index,
        title="Centrul de zi pentru vârstnici își prelungește programul",
        slug="centrul-de-zi-program-prelungit",
        intro="De luni, centrul este deschis până la ora 20.",
        syndicate_to_main_site=True,
        publication_date=now - datetime.timedelta(hours=3),
    )
    pages["institution_home"] = institution.site.root_page.specific

    # The city hall's site again under other names, each in other colours: every demo
    # site's palette and the palest one the settings accept, on the same pages.
    palette_hosts = {}
    palettes = {**palettes, "palest": PALEST_ACCEPTED}
    for name, colours in palettes.items():
        palette_site = Site.objects.create(
            hostname=f"palette-{name}.localhost", port=port, root_page=home, site_name=name
        )
        _brand(
            palette_site,
            full_name=city_hall.name,
            short_name="Sector 6",
            colours=colours,
            press_email=PRESS_EMAIL,
        )
        palette_hosts[name] = palette_site.hostname

    urls = {(key, "ro"): page.get_url() for key, page in pages.items()}
    urls.update({(key, "en"): page.get_url() for key, page in english.items()})
    return Newsroom(
        port=port,
        main_site=city_hall.site,
        institution_site=institution.site,
        pages=pages,
        english=english,
        urls=urls,
        palette_hosts=palette_hosts,
    )
