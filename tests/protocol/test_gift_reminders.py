"""The reminders of gift declarations: the central team is e-mailed (a real SMTP server)
a week before the due day, the day before, and once overdue; once per gift and threshold;
never for a gift declared, exempt or given. The job is a weekday periodic task."""

import datetime
from decimal import Decimal

import pytest
import time_machine

from site_s6.protocol import gift_rules
from site_s6.protocol.files import Gift, GiftReminder
from site_s6.protocol.reminders import send_gift_reminders
from site_s6.protocol.tasks import send_gift_reminders as reminder_task
from tests.conftest import for_test
from tests.factories import ProtocolVisitPageFactory
from tests.factories_internal import GiftFactory, VisitFileFactory
from tests.mailserver import text_of

from .world import build_protocol_world

D = datetime.date
RECEIVED = Gift.Direction.RECEIVED


def build():
    world = build_protocol_world()
    visit = ProtocolVisitPageFactory(
        parent=world["protocol_index"],
        title="Vizita delegației din Chișinău",
        visit_start=D(2026, 5, 1),
        visit_end=D(2026, 5, 2),
    )
    visit_file = VisitFileFactory(visit=visit)
    common = {"file": visit_file, "direction": RECEIVED}
    world["gifts"] = {
        # Due by 3 June.
        "vase": GiftFactory(**common, description="Vază pictată", gift_date=D(2026, 5, 4)).pk,
        # Due by 9 June.
        "carpet": GiftFactory(**common, description="Covoraș țesut", gift_date=D(2026, 5, 10)).pk,
        "declared": GiftFactory(
            **common,
            description="Carte declarată",
            gift_date=D(2026, 5, 4),
            date_declared=D(2026, 5, 6),
        ).pk,
        "exempt": GiftFactory(
            **common,
            kind=Gift.Kind.OFFICE_ITEM,
            description="Pix de birou",
            gift_date=D(2026, 5, 4),
            estimated_value_eur=Decimal("20"),
        ).pk,
        "given": GiftFactory(
            file=visit_file,
            direction=Gift.Direction.GIVEN,
            description="Album oferit",
            gift_date=D(2026, 5, 4),
        ).pk,
    }
    return world


@pytest.fixture(scope="module")
def shared_world(module_db):
    return module_db(build)


@pytest.fixture
def world(db, shared_world):
    return for_test(shared_world)


def on(day: datetime.date):
    return time_machine.travel(datetime.datetime(day.year, day.month, day.day, 9, 0), tick=False)


def sent(world) -> set[tuple[str, str]]:
    names = {pk: key for key, pk in world["gifts"].items()}
    return {
        (names[gift_id], threshold)
        for gift_id, threshold in GiftReminder.objects.values_list("gift_id", "threshold")
    }


def test_nothing_is_sent_before_the_last_week(world, smtp_inbox):
    with on(D(2026, 5, 26)):  # the vase has 8 days left
        assert send_gift_reminders() == 0

    assert smtp_inbox.messages == []
    assert not GiftReminder.objects.exists()


def test_the_central_team_is_told_once_per_gift_and_threshold(world, smtp_inbox):
    with on(D(2026, 5, 27)):  # the vase has 7 days left, the carpet 13
        assert send_gift_reminders() == 1
        assert send_gift_reminders() == 0  # the same day again: nothing new

    [message] = smtp_inbox.messages
    # The central team only: not the head of department, not the editors.
    assert sorted(address.addr_spec for address in message["To"].addresses) == [
        "presa2@primarie6.localhost",
        "presa@primarie6.localhost",
    ]
    # Read as one line: a long encoded subject is folded.
    assert (
        " ".join(message["Subject"].split())
        == "Registrul cadourilor: declarații de făcut sau întârziate"
    )
    body = text_of(message)
    assert "Vază pictată" in body
    assert "Covoraș" not in body
    assert "mai sunt 7 zile" in body
    assert sent(world) == {("vase", gift_rules.REMIND_WEEK)}

    with on(D(2026, 6, 3)):  # the vase's due day, the carpet's last week
        assert send_gift_reminders() == 2
    with on(D(2026, 6, 4)):  # the vase is overdue
        assert send_gift_reminders() == 1

    assert len(smtp_inbox.messages) == 3
    assert "întârziere de 1 zi" in text_of(smtp_inbox.messages[-1])
    assert sent(world) == {
        ("vase", gift_rules.REMIND_WEEK),
        ("vase", gift_rules.REMIND_DAY),
        ("vase", gift_rules.REMIND_OVERDUE),
        ("carpet", gift_rules.REMIND_WEEK),
    }


def test_a_gift_declared_exempt_or_given_is_never_named(world, smtp_inbox):
    with on(D(2026, 7, 30)):
        assert send_gift_reminders() == 2

    body = text_of(smtp_inbox.messages[0])
    for description in ("Carte declarată", "Pix de birou", "Album oferit"):
        assert description not in body
    assert {key for key, _threshold in sent(world)} == {"vase", "carpet"}


def test_a_declaration_stops_the_reminders(world, smtp_inbox):
    Gift.objects.filter(pk__in=[world["gifts"]["vase"], world["gifts"]["carpet"]]).update(
        date_declared=D(2026, 5, 20)
    )

    with on(D(2026, 6, 4)):
        assert send_gift_reminders() == 0

    assert smtp_inbox.messages == []


def test_a_mail_server_that_fails_records_nothing(world, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2

    with on(D(2026, 6, 4)), pytest.raises(OSError):
        send_gift_reminders()

    # Nothing recorded: the retried task names the gifts again.
    assert not GiftReminder.objects.exists()


def test_the_task_sends_the_reminders(world, smtp_inbox):
    with on(D(2026, 6, 4)):
        result = reminder_task.enqueue()

    assert result.return_value == 2
    assert len(smtp_inbox.messages) == 1


def test_the_reminder_is_a_working_day_job():
    from site_s6.protocol.schedule import PERIODIC

    (job,) = PERIODIC
    assert job.name == "protocol_gift_reminders"
    assert job.cron.endswith("mon-fri")
    assert job.task == "site_s6.protocol.tasks.send_gift_reminders"
