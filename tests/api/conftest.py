"""A small tree for the API: two serving sites and an inactive one, two languages.

``primarie.test`` (default, the city hall) has Romanian and English pages;
``dgaspc.test`` is an active institution sharing one news item with the main site;
``adp.test`` belongs to a deactivated institution and must never be seen.
"""

import datetime

import pytest
import wagtail_factories
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Site

from site_s6.api.preview import make_preview_token
from subsites.models import Institution
from tests.conftest import build_locales, for_test
from tests.factories import (
    CampaignPageFactory,
    EventPageFactory,
    NewsPageFactory,
    ProtocolVisitPageFactory,
    make_site,
)


@pytest.fixture(scope="module", autouse=True)
def _own_media_root(tmp_path_factory):
    # Images and renditions of these tests live in their own folder, so that another test
    # session cleaning the shared test media folder cannot remove them mid-test. Per
    # module, like the tree whose image lives there.
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("api-media")):
        yield


def translate(page, locale, **changes):
    """Publish an English translation of ``page`` with ``changes`` applied."""
    copy = page.copy_for_translation(locale, copy_parents=True)
    for name, value in changes.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy


def count_queries(client, url):
    """The count a list request answers and the ``SELECT COUNT`` queries it sent."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content
    counts = [query["sql"] for query in queries if query["sql"].startswith("SELECT COUNT(")]
    return response.json()["count"], counts


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def days(n):
    return timezone.now() + datetime.timedelta(days=n)


@pytest.fixture(scope="module")
def shared_tree(module_db):
    """The tree, built once for the module (see ``module_db``); tests use ``tree``."""
    return module_db(build_tree)


@pytest.fixture
def tree(db, shared_tree):
    """The module's tree, in this test's own transaction: changes to it are undone."""
    return for_test(shared_tree)


def build_tree():
    locales = build_locales()
    Site.objects.all().delete()
    main = make_site("primarie.test", title="Primăria Sectorului 6", default=True)
    dgaspc = make_site("dgaspc.test", title="DGASPC Sector 6", default=False)
    adp = make_site("adp.test", title="ADP Sector 6", default=False)
    sites = {site.hostname: site for site in Site.objects.all()}
    Institution.objects.create(
        name="Primăria Sectorului 6",
        short_name="Primăria",
        slug="primarie",
        kind=Institution.Kind.CITY_HALL,
        site=sites["primarie.test"],
    )
    Institution.objects.create(
        name="DGASPC Sector 6", short_name="DGASPC", slug="dgaspc", site=sites["dgaspc.test"]
    )
    Institution.objects.create(
        name="ADP Sector 6",
        short_name="ADP",
        slug="adp",
        site=sites["adp.test"],
        is_active=False,
    )
    image = wagtail_factories.ImageFactory(title="Parcul Drumul Taberei")

    news = main["news_index"]
    press = NewsPageFactory(
        parent=news,
        title="Comunicat transport",
        slug="comunicat-transport",
        kind="press_release",
        publication_date=days(-20),
        image=image,
        lead="Liniile de autobuz se schimbă.",
    )
    press.tags.add("transport")
    publish(press)
    announcement = NewsPageFactory(
        parent=news,
        title="Anunț cultură",
        slug="anunt-cultura",
        kind="announcement",
        publication_date=days(-5),
    )
    announcement.tags.add("cultura", "parcuri")
    publish(announcement)
    en_press = translate(press, locales["en"], title="Transport press release")

    draft = NewsPageFactory(parent=news, title="Ciornă secretă", live=False)
    restricted = NewsPageFactory(parent=news, title="Știre restricționată")
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    withdrawn = NewsPageFactory(parent=news, title="Știre retrasă")
    withdrawn.unpublish()

    shared = NewsPageFactory(
        parent=dgaspc["news_index"],
        title="DGASPC partajată",
        syndicate_to_main_site=True,
        publication_date=days(-1),
    )
    own = NewsPageFactory(parent=dgaspc["news_index"], title="DGASPC proprie")
    hidden = NewsPageFactory(
        parent=adp["news_index"], title="ADP inactivă", syndicate_to_main_site=True
    )

    events = main["event_index"]
    past = EventPageFactory(
        parent=events,
        title="Conferință trecută",
        start=days(-3),
        image=image,
        event_type="press_conference",
    )
    soon = EventPageFactory(
        parent=events, title="Eveniment curând", start=days(2), event_type="public_event"
    )
    soon.tags.add("cultura")
    publish(soon)
    later = EventPageFactory(
        parent=events,
        title="Ceremonie anulată",
        start=days(9),
        event_type="ceremony",
        status="cancelled",
    )
    en_soon = translate(soon, locales["en"], title="Event soon")
    # The English home and index pages that copy_parents made are drafts: publish them.
    for page in Page.objects.filter(locale=locales["en"], live=False, depth__lte=3):
        publish(page.specific)
    dgaspc_event = EventPageFactory(parent=dgaspc["event_index"], title="Eveniment DGASPC")

    today = timezone.localdate()
    campaigns = main["campaign_index"]
    planned = CampaignPageFactory(
        parent=campaigns,
        title="Campanie planificată",
        start_date=today + datetime.timedelta(days=10),
        end_date=today + datetime.timedelta(days=40),
    )
    active = CampaignPageFactory(parent=campaigns, title="Campanie activă")
    ended = CampaignPageFactory(
        parent=campaigns,
        title="Campanie încheiată",
        start_date=today - datetime.timedelta(days=60),
        end_date=today - datetime.timedelta(days=30),
    )
    stopped = CampaignPageFactory(
        parent=campaigns, title="Campanie oprită", status_override="ended"
    )

    visits = main["protocol_index"]
    french = ProtocolVisitPageFactory(
        parent=visits,
        title="Vizita Paris",
        country="FR",
        scope="foreign",
        delegation_name="Primăria Paris",
        visit_start=today - datetime.timedelta(days=40),
        visit_end=today - datetime.timedelta(days=39),
    )
    domestic = ProtocolVisitPageFactory(
        parent=visits,
        title="Vizita Cluj",
        country="RO",
        delegation_name="Primăria Cluj",
        visit_start=today - datetime.timedelta(days=3),
    )

    return {
        "main": main,
        "dgaspc": dgaspc,
        "adp": adp,
        "image": image,
        "press": press,
        "announcement": announcement,
        "en_press": en_press,
        "draft": draft,
        "restricted": restricted,
        "withdrawn": withdrawn,
        "shared": shared,
        "own": own,
        "hidden": hidden,
        "past": past,
        "soon": soon,
        "later": later,
        "en_soon": en_soon,
        "dgaspc_event": dgaspc_event,
        "planned": planned,
        "active": active,
        "ended": ended,
        "stopped": stopped,
        "french": french,
        "domestic": domestic,
        "en_home": Page.objects.get(
            translation_key=main["home"].translation_key, locale=locales["en"]
        ),
    }


def items(response):
    assert response.status_code == 200, response.content
    return response.json()["items"]


def titles(response):
    return [item["title"] for item in items(response)]


def live_and_draft(client, url, revision, times):
    """The live answer at ``url`` and the preview of ``revision`` (built from a page
    instance), with the date-times ``times`` read as dates and ``last_published_at``
    left out: a draft holds its times as it was saved (local time, before publishing)."""
    live = client.get(url)
    preview = client.get("/api/v3/preview/", {"token": make_preview_token(revision)})
    assert live.status_code == preview.status_code == 200
    answers = live.json(), preview.json()
    for answer in answers:
        for name in times:
            if answer[name]:
                answer[name] = datetime.datetime.fromisoformat(answer[name])
        del answer["last_published_at"]
    return answers
