"""Law 544/2001 art. 17 on the coordination dashboard: per institution, the last press
conference held and the months of the next quarter with none scheduled."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from site_s6.press.dashboard import next_quarter_months, press_conference_coverage
from tests.conftest import for_test
from tests.factories import EventPageFactory

from .conftest import build_press_world, published

# Mid-month, so that "three days ahead" (the shared world's conference) stays in June.
NOW = datetime.datetime(2026, 6, 10, 9, 0, tzinfo=datetime.UTC)


def at_noon(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def build():
    with time_machine.travel(NOW, tick=False):
        world = build_press_world()
        july, _august, september = next_quarter_months(NOW.date())
        index = world["event_index"]
        world["held"] = published(
            EventPageFactory(
                parent=index,
                title="Conferința de presă din mai",
                event_type="press_conference",
                start=NOW - datetime.timedelta(days=20),
                live=False,
            )
        )
        published(
            EventPageFactory(
                parent=index,
                title="Conferința mai veche",
                event_type="press_conference",
                start=NOW - datetime.timedelta(days=50),
                live=False,
            )
        )
        # Planned in July (a draft counts: it is scheduled) and September.
        EventPageFactory(
            parent=index,
            title="Conferința din iulie",
            event_type="press_conference",
            start=at_noon(july.replace(day=15)),
            live=False,
        )
        published(
            EventPageFactory(
                parent=index,
                title="Conferința din septembrie",
                event_type="press_conference",
                start=at_noon(september.replace(day=15)),
                live=False,
            )
        )
        # Neither a cancelled conference nor a briefing fills August.
        published(
            EventPageFactory(
                parent=index,
                title="Conferința anulată din august",
                event_type="press_conference",
                status="cancelled",
                start=at_noon(datetime.date(2026, 8, 10)),
                live=False,
            )
        )
        published(
            EventPageFactory(
                parent=index,
                title="Briefing în august",
                event_type="briefing",
                start=at_noon(datetime.date(2026, 8, 12)),
                live=False,
            )
        )
    return world


@pytest.fixture(scope="module")
def shared_world(module_db):
    return module_db(build)


@pytest.fixture
def world(db, shared_world):
    return for_test(shared_world)


def test_each_institution_shows_its_last_conference_and_the_months_without_one(
    world, django_assert_num_queries
):
    press_conference_coverage(now=NOW)  # the index of sites, cached once built
    with django_assert_num_queries(3):
        rows = {row.institution.slug: row for row in press_conference_coverage(now=NOW)}

    assert len(rows) == 2
    main = rows[world["institutions"]["main"].slug]
    dgaspc = rows[world["institutions"]["dgaspc"].slug]
    assert main.last.pk == world["held"].pk
    assert main.missing == [datetime.date(2026, 8, 1)]
    assert dgaspc.last is None
    assert dgaspc.missing == next_quarter_months(NOW.date())


def test_the_panel_is_on_the_central_teams_dashboard_only(client, world):
    client.force_login(world["users"]["central"])
    with time_machine.travel(NOW, tick=True):
        central = client.get("/admin/")
    client.force_login(world["users"]["editor"])
    editor = client.get("/admin/")

    assert b"s6-monthly-press-conference" in central.content
    assert "Conferința de presă din mai" in central.content.decode()
    assert b"s6-monthly-press-conference" not in editor.content
