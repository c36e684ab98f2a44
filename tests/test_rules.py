"""Each rule written once, read the same by every surface at the same instant.

One tree, built once, holds events on both sides of "now" (past, ongoing, upcoming,
without an end), campaigns at each status (and one overridden), news shared by an
institution with the city hall's site, and a draft and a privacy-restricted page of each
kind. Time is frozen, so the public index, the feed, the API and the dashboard are asked
about the same instant; each must return the same items.
"""

import datetime
import re

import feedparser
import icalendar
import pytest
import time_machine
from wagtail.models import PageViewRestriction, Site

from site_s6.campaigns.models import CampaignPage
from site_s6.campaigns.querysets import CampaignStatus, derived_q, derived_status
from site_s6.core.querysets import is_visible, visible_q
from site_s6.core.sites import site_index
from site_s6.events.models import EventPage
from site_s6.news.models import NewsPage
from subsites.dashboard import UpcomingEventsPanel
from subsites.models import Institution
from tests.conftest import build_locales, for_test
from tests.factories import (
    CampaignPageFactory,
    EventPageFactory,
    NewsPageFactory,
    make_site,
)

NOW = datetime.datetime(2026, 6, 15, 10, 0, tzinfo=datetime.UTC)
MAIN, DGASPC = "primarie.test", "dgaspc.test"


def at(hours: float) -> datetime.datetime:
    return NOW + datetime.timedelta(hours=hours)


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def build():
    build_locales()
    Site.objects.all().delete()
    main = make_site(MAIN, title="Primăria", default=True)
    dgaspc = make_site(DGASPC, title="DGASPC", default=False)
    sites = {site.hostname: site for site in Site.objects.all()}
    Institution.objects.create(
        name="Primăria Sectorului 6",
        short_name="Primăria",
        slug="primarie",
        kind=Institution.Kind.CITY_HALL,
        site=sites[MAIN],
    )
    Institution.objects.create(
        name="DGASPC Sector 6", short_name="DGASPC", slug="dgaspc", site=sites[DGASPC]
    )
    events = main["event_index"]
    made = {
        "past": EventPageFactory(parent=events, title="Past", start=at(-50), end=at(-48)),
        "ongoing": EventPageFactory(parent=events, title="Ongoing", start=at(-1), end=at(2)),
        "soon": EventPageFactory(parent=events, title="Soon", start=at(24), end=at(26)),
        "started_no_end": EventPageFactory(
            parent=events, title="Started without end", start=at(-1), end=None
        ),
        "later_no_end": EventPageFactory(
            parent=events, title="Later without end", start=at(30), end=None
        ),
        "private_event": EventPageFactory(parent=events, title="Private", start=at(5), end=at(6)),
    }
    for page in made.values():
        publish(page)
    made["draft_event"] = EventPageFactory(
        parent=events, title="Draft", start=at(5), end=at(6), live=False
    )
    PageViewRestriction.objects.create(page=made["private_event"], restriction_type="login")

    campaigns = main["campaign_index"]
    today = NOW.date()
    for key, start, end, override in [
        ("planned", today + datetime.timedelta(days=3), None, ""),
        ("active", today - datetime.timedelta(days=3), today + datetime.timedelta(days=3), ""),
        ("open", today - datetime.timedelta(days=3), None, ""),
        ("ended", today - datetime.timedelta(days=9), today - datetime.timedelta(days=1), ""),
        ("ended_by_hand", today - datetime.timedelta(days=3), None, CampaignStatus.ENDED),
    ]:
        made[key] = publish(
            CampaignPageFactory(
                parent=campaigns,
                title=f"Campaign {key}",
                start_date=start,
                end_date=end,
                status_override=override,
            )
        )

    made["own_news"] = publish(
        NewsPageFactory(parent=main["news_index"], title="Own news", publication_date=at(-3))
    )
    made["shared_news"] = publish(
        NewsPageFactory(
            parent=dgaspc["news_index"],
            title="Shared news",
            syndicate_to_main_site=True,
            publication_date=at(-2),
        )
    )
    made["kept_news"] = publish(
        NewsPageFactory(parent=dgaspc["news_index"], title="Kept news", publication_date=at(-4))
    )
    made["draft_news"] = NewsPageFactory(
        parent=main["news_index"], title="Draft news", live=False, publication_date=at(-1)
    )
    made["private_news"] = publish(
        NewsPageFactory(parent=main["news_index"], title="Private news", publication_date=at(-1))
    )
    PageViewRestriction.objects.create(page=made["private_news"], restriction_type="login")
    return made


@pytest.fixture(scope="module")
def shared(module_db):
    with time_machine.travel(NOW, tick=False):
        return module_db(build)


@pytest.fixture
def made(db, shared):
    with time_machine.travel(NOW, tick=False):
        yield for_test(shared)


def api_titles(client, path, **params) -> list[str]:
    response = client.get(path, {"site": MAIN, "limit": 100, **params})
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["items"]]


def html_titles(client, path, host=MAIN) -> list[str]:
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200
    return re.findall(
        r'<h[23] class="card__title">\s*<a [^>]*>(.*?)</a>', response.content.decode()
    )


def feed_titles(client) -> list[str]:
    entries = feedparser.parse(client.get("/feeds/news.xml", HTTP_HOST=MAIN).content).entries
    return [entry.title for entry in entries]


# Not over at NOW, soonest first: those under way before those still to come.
UPCOMING = ["Ongoing", "Soon", "Later without end"]


def test_upcoming_means_not_over_yet_everywhere(client, made):
    api = api_titles(client, "/api/v3/events/", upcoming="true")
    index = html_titles(client, "/evenimente/")
    queryset = [event.title for event in EventPage.objects.visible().upcoming()]
    dashboard = [row.page.title for row in UpcomingEventsPanel().get_rows(None)["rows"]]

    assert api == UPCOMING
    assert index == api
    assert queryset == api
    assert dashboard == api  # all three start within the dashboard's two weeks


def test_past_is_the_complement_of_upcoming_everywhere(client, made):
    api = api_titles(client, "/api/v3/events/", upcoming="false")
    index = html_titles(client, "/evenimente/?when=past")
    queryset = [event.title for event in EventPage.objects.visible().past()]

    # An event without an end is over once it has started.
    assert set(api) == {"Past", "Started without end"}
    assert index == queryset
    assert set(index) == set(api)


def test_the_calendar_feed_reads_the_same_visibility(client, made):
    response = client.get("/feeds/events.ics", HTTP_HOST=MAIN)
    calendar = icalendar.Calendar.from_ical(response.content)
    summaries = {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}

    assert "Private" not in summaries and "Draft" not in summaries
    assert set(UPCOMING) <= summaries


@pytest.mark.parametrize("status", CampaignStatus.values)
def test_campaign_status_is_the_same_in_the_index_the_api_and_the_model(client, made, status):
    api = api_titles(client, "/api/v3/campaigns/", status=status)
    index = html_titles(client, f"/campanii/?status={status}")
    by_model = [
        campaign.title
        for campaign in CampaignPage.objects.visible().order_by("-start_date", "-pk")
        if campaign.status == status
    ]
    expected = {
        CampaignStatus.PLANNED: {"Campaign planned"},
        CampaignStatus.ACTIVE: {"Campaign active", "Campaign open"},
        CampaignStatus.ENDED: {"Campaign ended", "Campaign ended_by_hand"},
    }[status]

    assert set(api) == expected
    assert api == by_model
    assert index == by_model


def test_the_python_and_sql_forms_of_a_campaign_status_agree(made):
    day = NOW.date()
    for campaign in CampaignPage.objects.all():
        for offset in range(-12, 12):
            on = day + datetime.timedelta(days=offset)
            derived = derived_status(campaign.start_date, campaign.end_date, on)
            matching = {
                status
                for status in CampaignStatus.values
                if CampaignPage.objects.filter(derived_q(status, on), pk=campaign.pk).exists()
            }
            assert matching == {derived}, (campaign.title, on)


def test_shared_news_reach_the_city_hall_everywhere_and_nowhere_else(client, made):
    api = api_titles(client, "/api/v3/news/")

    assert api == ["Shared news", "Own news"]
    assert html_titles(client, "/stiri/") == api
    assert feed_titles(client) == api
    elsewhere = api_titles(client, "/api/v3/news/", site=DGASPC)
    assert elsewhere == ["Shared news", "Kept news"]
    assert html_titles(client, "/stiri/", host=DGASPC) == elsewhere


def test_drafts_and_private_pages_reach_no_surface(client, made):
    hidden = {"Draft news", "Private news", "Draft", "Private"}
    surfaces = [
        api_titles(client, "/api/v3/news/"),
        api_titles(client, "/api/v3/events/"),
        html_titles(client, "/stiri/"),
        html_titles(client, "/evenimente/"),
        feed_titles(client),
    ]
    for titles in surfaces:
        assert titles, "every surface lists something"
        assert not hidden & set(titles)
    sitemap = client.get("/sitemap.xml", HTTP_HOST=MAIN).content.decode()
    assert f"/{made['own_news'].slug}/" in sitemap
    for key in ("draft_news", "private_news", "draft_event", "private_event"):
        assert f"/{made[key].slug}/" not in sitemap


def test_the_python_form_of_visibility_agrees_with_the_query(made):
    index = site_index()
    for model in (NewsPage, EventPage, CampaignPage):
        visible = set(model.objects.filter(visible_q(index=index)).values_list("pk", flat=True))
        assert visible
        for page in model.objects.all():
            assert is_visible(page, index=index) == (page.pk in visible), page.title
