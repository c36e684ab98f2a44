"""The admin an editor uses reads in Romanian, upstream screens included.

Logged in with Romanian as the admin language, the test opens every screen an editor of
this product works in: the page editor of each page type (add and edit), the translation
editor of wagtail-localize, the workflow (a page in moderation, its history, the approve
and reject forms), the contact people snippets, the settings, the internal planning
records and the dashboard, and Wagtail's locale and site screens for the superuser. Each
screen fails on a known English phrase of Wagtail or wagtail-localize (the ones a
Romanian speaker found) and on common English UI words standing alone as visible text.
"""

import json
import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation, TranslationSource

from site_s6.campaigns.models import CampaignIndexPage
from site_s6.core.models import ContactPerson
from site_s6.events.models import EventIndexPage
from site_s6.news.models import NewsIndexPage
from site_s6.press.models import PressRoomPage
from site_s6.protocol.models import ProtocolIndexPage
from subsites.roles import CENTRAL_TEAM_GROUP
from subsites.services import institution_provision
from tests.conftest import build_locales, for_test
from tests.factories import (
    CampaignPageFactory,
    EventPageFactory,
    NewsPageFactory,
    ProtocolVisitPageFactory,
    SuperuserFactory,
    UserFactory,
)
from tests.factories_internal import CampaignPlanFactory, EventPlanFactory, VisitFileFactory
from tests.page_admin import add_page_url, edit_page_url

# Phrases a Romanian speaker met in English, or in broken Romanian, in this admin.
KNOWN_PHRASES = [
    "Publică înEnglish",
    "Publish in",
    "Română to English translation",
    " to English translation",
    "More actions",
    "A comma-separated list of tags.",
    "Moderators approval",
    "Moderators",
    "Editors",
    "Adaugă Vorbitori",
    "Sort order",
    "Add a new",
    "Choose a page",
    "Go live date",
    "Expiry date",
    "Show in menus",
    "Search description",
    "Page title",
    "Privacy",
    "Locale",
    "Site name",
    "Root page",
    "Is default site",
    "Language code",
    "Synchronise content from another locale",
    "Sync from",
    "Enabled",
    "Add a locale",
    "Delete locale",
    "Site name",
    "Root page",
]
# English words that, standing alone as a visible text (a button, a link, a heading),
# mean an upstream string went untranslated.
ENGLISH_UI_WORDS = {
    "Save",
    "Delete",
    "Publish",
    "Unpublish",
    "Settings",
    "Search",
    "Add",
    "Edit",
    "Cancel",
    "Preview",
    "History",
    "Actions",
    "Approve",
    "Reject",
    "Submit",
    "Translate",
    "Sync",
    "Copy",
    "Move",
    "View",
    "Live",
    "Draft",
    "Status",
    "Title",
    "Content",
    "Promote",
    "Comments",
    "Locales",
    "Sites",
    "Dashboard",
    "Pages",
    "Images",
    "Documents",
    "Snippets",
    "Reports",
    "Help",
    "Close",
    "Create",
    "Update",
    "Choose",
    "Clear",
    "Upload",
    "Filter",
    "Sort",
    "Next",
    "Previous",
    "More",
    "Yes",
    "No",
    "Name",
    "Language",
    "Hostname",
}
# A capital letter after the verb of a button reads as English title case in Romanian
# ("Adaugă Vorbitori"): the noun of a label is written in lower case.
MID_LABEL_CAPITAL = re.compile(r"^(Adaugă|Alege|Editează|Șterge|Creează) [A-ZĂÂÎȘȚ][a-zăâîșț]")
# Attributes a person reads (tooltips, placeholders, screen readers) besides the text.
READ_ATTRIBUTES = {"title", "placeholder", "aria-label", "alt", "data-w-tooltip-content-value"}
HIDDEN_ELEMENTS = {"script", "style", "noscript", "svg"}


class VisibleText(HTMLParser):
    """The texts of a page that a person sees or hears, one entry per text node."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN_ELEMENTS:
            self._hidden += 1
        for name, value in attrs:
            if name in READ_ATTRIBUTES and value:
                self.texts.append(value.strip())
            if tag == "input" and name == "value" and dict(attrs).get("type") == "submit":
                self.texts.append((value or "").strip())

    def handle_endtag(self, tag):
        if tag in HIDDEN_ELEMENTS and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        text = " ".join(data.split())
        if text and not self._hidden:
            self.texts.append(text)


def menu_labels(data) -> list[str]:
    """The labels of the admin's sidebar menu, which it draws from a JSON document."""
    if isinstance(data, dict):
        labels = [data["label"]] if isinstance(data.get("label"), str) else []
        return labels + [label for value in data.values() for label in menu_labels(value)]
    if isinstance(data, list):
        return [label for value in data for label in menu_labels(value)]
    return []


def visible_texts(html: str) -> list[str]:
    parser = VisibleText()
    parser.feed(html)
    sidebar = re.search(r'<script id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S)
    menu = menu_labels(json.loads(sidebar.group(1))) if sidebar else []
    return parser.texts + menu


def english_on(html: str) -> list[str]:
    """What reads as English on a page: known phrases and lone English UI words."""
    texts = visible_texts(html)
    found = []
    for index, text in enumerate(texts):
        # What comes before a finding says where it is on the screen.
        where = " / ".join(texts[max(0, index - 2) : index])
        found += [
            f"{phrase!r} in {text!r} after {where!r}" for phrase in KNOWN_PHRASES if phrase in text
        ]
        if text in ENGLISH_UI_WORDS:
            found.append(f"{text!r} after {where!r}")
        if MID_LABEL_CAPITAL.match(text):
            found.append(f"capitalised label {text!r} after {where!r}")
    return list(dict.fromkeys(found))


def romanian_admin_user(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "ro"
    profile.save(update_fields=["preferred_language"])
    return user


def clear_wagtail_default_site():
    from wagtail.models import Site

    Site.objects.all().delete()
    Page.objects.filter(depth=2, content_type__model="page").delete()


def build_admin():
    locales = build_locales()
    clear_wagtail_default_site()
    city_hall = institution_provision(
        name="Primăria Sectorului 6",
        short_name="Primăria 6",
        hostname="localhost",
        kind="city_hall",
        is_default_site=True,
    ).institution
    dgaspc = institution_provision(
        name="DGASPC Sector 6", short_name="DGASPC", hostname="dgaspc.localhost"
    ).institution
    home = city_hall.site.root_page.specific
    news_index = NewsIndexPage.objects.child_of(home).get()
    event_index = EventIndexPage.objects.child_of(home).get()
    campaign_index = CampaignIndexPage.objects.child_of(home).get()
    protocol_index = ProtocolIndexPage.objects.child_of(home).get()

    news = NewsPageFactory(
        parent=news_index, title="Piața Veteranilor se redeschide", slug="piata-veteranilor"
    )
    news.save_revision().publish()
    event = EventPageFactory(parent=event_index, title="Ziua Sectorului 6", slug="ziua-sectorului")
    event.save_revision().publish()
    campaign = CampaignPageFactory(
        parent=campaign_index, title="Sector 6 reciclează", slug="sector-6-recicleaza"
    )
    campaign.save_revision().publish()
    visit = ProtocolVisitPageFactory(
        parent=protocol_index, title="Vizita delegației din Roma", slug="vizita-roma", country="IT"
    )
    visit.save_revision().publish()
    press_room = home.add_child(
        instance=PressRoomPage(title="Sala de presă", slug="presa", intro="Relația cu presa.")
    )

    # The translation editor: the news page synchronised into English by wagtail-localize.
    source, _created = TranslationSource.get_or_create_from_instance(news)
    english = Translation.objects.create(source=source, target_locale=locales["en"], enabled=True)
    english.save_target(publish=False)
    english_news = news.get_translation(locales["en"])

    # The workflow: an institution editor's news page waiting for the central team.
    dgaspc_home = dgaspc.site.root_page
    dgaspc_news_index = NewsIndexPage.objects.child_of(dgaspc_home).get()
    editor = UserFactory(username="editor.dgaspc")
    editor.groups.add(Group.objects.get(name="DGASPC — Editori"))
    moderated = NewsPageFactory(
        parent=dgaspc_news_index,
        title="Centrul de zi se deschide",
        slug="centrul-de-zi",
        live=False,
    )
    moderated.save_revision(user=editor)
    workflow = moderated.get_workflow()
    workflow_state = workflow.start(moderated, editor)

    contact = ContactPerson.objects.create(
        name="Ioana Marin",
        role="Purtător de cuvânt",
        email="presa@primarie.test",
        site=city_hall.site,
    )

    presa = romanian_admin_user(UserFactory(username="presa"))
    presa.groups.add(Group.objects.get(name=CENTRAL_TEAM_GROUP))
    superuser = romanian_admin_user(SuperuserFactory(username="admin.ro"))

    return {
        "locales": locales,
        "site": city_hall.site,
        "pages": {
            "home": home,
            "news_index": news_index,
            "news": news,
            "event_index": event_index,
            "event": event,
            "campaign_index": campaign_index,
            "campaign": campaign,
            "protocol_index": protocol_index,
            "visit": visit,
            "press_room": press_room,
        },
        "english_news": english_news,
        "moderated": moderated,
        "workflow": workflow,
        "task_state": workflow_state.current_task_state,
        "event_plan": EventPlanFactory(event=event),
        "campaign_plan": CampaignPlanFactory(campaign=campaign),
        "visit_file": VisitFileFactory(visit=visit),
        "contact": contact,
        "presa": presa,
        "superuser": superuser,
    }


@pytest.fixture(scope="module")
def shared_admin(module_db):
    return module_db(build_admin)


@pytest.fixture
def admin_data(db, shared_admin):
    return for_test(shared_admin)


@pytest.fixture
def presa(client, admin_data):
    client.force_login(admin_data["presa"])
    return client


def english_at(client, url) -> list[str]:
    """What reads as English on the admin screen at ``url``, each finding with its address."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    content = response.content.decode()
    if response.get("Content-Type", "").startswith("application/json"):
        content = response.json().get("html", "")
    return [f"{url}: {finding}" for finding in english_on(content)]


def assert_romanian(client, *urls):
    found = [finding for url in urls for finding in english_at(client, url)]
    assert not found, "English on the Romanian admin:\n" + "\n".join(found)


PAGE_KEYS = [
    "home",
    "news_index",
    "news",
    "event_index",
    "event",
    "campaign_index",
    "campaign",
    "protocol_index",
    "visit",
    "press_room",
]


@pytest.mark.parametrize("key", PAGE_KEYS)
def test_page_editor_of_each_type_edit(presa, admin_data, key):
    assert_romanian(presa, edit_page_url(admin_data["pages"][key]))


@pytest.mark.parametrize(
    ("parent", "model"),
    [
        ("news_index", "news.NewsPage"),
        ("event_index", "events.EventPage"),
        ("campaign_index", "campaigns.CampaignPage"),
        ("protocol_index", "protocol.ProtocolVisitPage"),
    ],
)
def test_page_editor_of_each_type_add(presa, admin_data, parent, model):
    from django.apps import apps

    page_model = apps.get_model(model)
    assert_romanian(presa, add_page_url(page_model, admin_data["pages"][parent]))


def test_translation_editor(presa, admin_data):
    url = edit_page_url(admin_data["english_news"])
    assert_romanian(presa, url)
    html = presa.get(url).content.decode()

    # The editor itself is drawn by JavaScript from these props and this catalogue.
    props = json.loads(re.search(r'data-props="([^"]*)"', html).group(1).replace("&quot;", '"'))
    assert props["sourceLocale"]["displayName"] == "română"
    assert props["locale"]["displayName"] == "engleză"
    assert 'data-heading="Traducere din română în engleză"' in html
    assert 'data-english-heading="română to engleză translation"' in html
    assert 'data-more-actions="Mai multe acțiuni"' in html
    catalogue = presa.get(reverse("wagtail_localize:javascript_catalog")).content.decode()
    assert '"Publish in ": "Public\\u0103 \\u00een "' in catalogue


def test_workflow_screens(presa, admin_data):
    moderated = admin_data["moderated"]
    task_state = admin_data["task_state"]
    assert_romanian(
        presa,
        edit_page_url(moderated),
        reverse("wagtailadmin_pages:workflow_history", args=[moderated.pk]),
        *(
            reverse(
                "wagtailadmin_pages:workflow_action", args=[moderated.pk, action, task_state.pk]
            )
            for action in ("approve", "reject")
        ),
    )


def test_snippets_settings_planning_and_dashboard(presa, admin_data):
    site = admin_data["site"]
    urls = [
        reverse("wagtailadmin_home"),
        reverse("wagtailsnippets_core_contactperson:list"),
        reverse("wagtailsnippets_core_contactperson:add"),
        reverse("wagtailsnippets_core_contactperson:edit", args=[admin_data["contact"].pk]),
        reverse("wagtailsettings:edit", args=["core", "brandingsettings", site.pk]),
        reverse("wagtailsettings:edit", args=["core", "contactsettings", site.pk]),
        reverse("event_plans:index"),
        reverse("event_plans:edit", args=[admin_data["event_plan"].pk]),
        reverse("campaign_plans:index"),
        reverse("campaign_plans:edit", args=[admin_data["campaign_plan"].pk]),
        reverse("visit_files:index"),
        reverse("visit_files:edit", args=[admin_data["visit_file"].pk]),
    ]
    assert_romanian(presa, *urls)


def test_locale_and_site_screens(client, admin_data):
    client.force_login(admin_data["superuser"])
    locale = Locale.objects.get(language_code="en")
    assert_romanian(
        client,
        reverse("wagtaillocales:index"),
        reverse("wagtaillocales:edit", args=[locale.pk]),
        reverse("wagtailsites:index"),
        reverse("wagtailsites:edit", args=[admin_data["site"].pk]),
        reverse("wagtailadmin_workflows:index"),
        reverse("wagtailadmin_workflows:task_index"),
        reverse("wagtailusers_groups:index"),
    )


def test_the_detector_sees_english(admin_data):
    """The checks above would fail on the admin in English: they are not blind."""
    with translation.override("en"):
        assert english_on("<button>Save</button><p>A comma-separated list of tags.</p>")
    assert not english_on("<button>Salvează</button><script>var x='Save'</script>")
