"""Invitations to press conferences: who is invited, the calendar file, the signed RSVP
links (never forged, never another invitee's, closed once the event is over), the notices
of a postponement or a cancellation, the RSVP list and the attendance sheet, and who may
open them.
"""

import datetime
import re

import pytest
import time_machine
from django.core import mail, signing
from django.utils import timezone
from icalendar import Calendar

from site_s6.events.models import EventPage
from site_s6.press.models import Invitation, Journalist
from site_s6.press.personal_data import personal_data_sources
from site_s6.press.services import accreditation_decide, accreditation_submit
from site_s6.press.services.invitations import (
    invitations_create,
    rsvp_token,
    send_invitations,
)
from tests.conftest import for_test

from .outreach import PRESS_EMAIL, build_outreach_world

HOST = {"HTTP_HOST": "primarie6.localhost"}
ACCREDITED = "vlad@agentie.example"


def build():
    world = build_outreach_world()
    accreditation = accreditation_submit(
        site=world["sites"]["main"],
        data={
            "name": "Vlad Agenție",
            "outlet": "Agenția de știri",
            "role": "reporter",
            "email": ACCREDITED,
            "phone": "0700 000 000",
            "kind": "annual",
        },
    )
    accreditation_decide(
        request_obj=accreditation,
        decision="approved",
        user=world["users"]["central"],
        badge_number="B-1",
        valid_until=timezone.localdate() + datetime.timedelta(days=300),
    )
    world["accreditation"] = accreditation
    return world


@pytest.fixture(scope="module")
def shared_world(module_db):
    return module_db(build)


@pytest.fixture
def world(db, shared_world):
    return for_test(shared_world)


def invitations_url(event):
    return f"/admin/press/distribution/event/{event.pk}/"


def invite_everyone(world):
    """The TV list and the accredited journalist, invited by the central team."""
    created, _known = invitations_create(
        event=world["conference"],
        lists=[world["lists"]["tv"]],
        accreditations=[world["accreditation"]],
        user=world["users"]["central"],
    )
    return {invitation.email: invitation for invitation in created}


def links_in(message) -> dict[str, str]:
    """The two answer links of an invitation, as paths (``coming``, ``not_coming``)."""
    found = re.findall(r"http://primarie6\.localhost(/(?:en/)?press-rsvp/[^/\s]+/)", message.body)
    assert len(found) == 2, message.body
    return {"coming": found[0], "not_coming": found[1]}


def calendar_of(message) -> Calendar:
    (attachment,) = [a for a in message.attachments if a[0].endswith(".ics")]
    assert attachment[2] == "text/calendar"
    return Calendar.from_ical(attachment[1])


def message_to(email):
    return [m for m in mail.outbox if m.to == [email]]


def test_the_central_team_invites_lists_and_accredited_journalists_with_the_calendar_file(
    client, world
):
    client.force_login(world["users"]["central"])
    event = world["conference"]

    response = client.post(
        invitations_url(event),
        {"lists": [world["lists"]["tv"].pk], "accreditations": [world["accreditation"].pk]},
    )

    assert response.status_code == 302
    invitations = Invitation.objects.filter(event=event)
    assert sorted(invitations.values_list("email", flat=True)) == [
        "ana@tv.example",
        "radu@tv.example",
        ACCREDITED,
    ]
    assert set(invitations.values_list("status", flat=True)) == {Invitation.Status.SENT}
    assert sorted(m.to[0] for m in mail.outbox) == [
        "ana@tv.example",
        "radu@tv.example",
        ACCREDITED,
    ]
    (message,) = message_to("ana@tv.example")
    assert message.extra_headers["Reply-To"] == PRESS_EMAIL
    calendar = calendar_of(message)
    (component,) = calendar.walk("VEVENT")
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert component["SEQUENCE"] == 0
    assert str(component["UID"]) == f"event-{event.translation_key}@primarie6.localhost"
    # Calendar files keep whole seconds.
    assert component.decoded("DTSTART") == event.start.replace(microsecond=0)
    assert links_in(message)["coming"].startswith("/press-rsvp/")
    # An English-speaking journalist gets the English addresses.
    assert links_in(message_to("radu@tv.example")[0])["coming"].startswith("/en/press-rsvp/")
    assert Invitation.objects.get(email=ACCREDITED).outlet == "Agenția de știri"

    sent = len(mail.outbox)
    again = client.post(invitations_url(event), {"lists": [world["lists"]["tv"].pk]})

    assert again.status_code == 302
    assert Invitation.objects.filter(event=event).count() == 3
    assert len(mail.outbox) == sent


def test_a_second_run_of_the_sending_task_sends_nothing_more(world):
    invite_everyone(world)
    sent = len(mail.outbox)

    assert send_invitations(event_id=world["conference"].pk) == 0
    assert len(mail.outbox) == sent == 3


def test_nobody_is_invited_to_a_cancelled_event(client, world):
    client.force_login(world["users"]["central"])
    EventPage.objects.filter(pk=world["conference"].pk).update(status="cancelled")

    response = client.post(
        invitations_url(world["conference"]), {"lists": [world["lists"]["tv"].pk]}
    )

    assert response.status_code == 400
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_an_invitation_with_no_one_chosen_is_refused(client, world):
    client.force_login(world["users"]["central"])

    response = client.post(invitations_url(world["conference"]), {})

    assert response.status_code == 400
    assert "__all__" in response.context["form"].errors
    assert not Invitation.objects.exists()


def test_only_invitable_events_have_invitations(client, world):
    client.force_login(world["users"]["central"])
    world["conference"].event_type = EventPage.EventType.PUBLIC_EVENT
    world["conference"].save()

    assert client.get(invitations_url(world["conference"])).status_code == 404


def test_the_rsvp_link_asks_for_a_click_then_records_the_answer_and_the_activity(client, world):
    invite_everyone(world)
    links = links_in(message_to("ana@tv.example")[0])

    asked = client.get(links["coming"], **HOST)

    assert asked.status_code == 200
    assert asked.context["response"] == "coming"
    assert Invitation.objects.get(email="ana@tv.example").response == ""

    answered = client.post(links["coming"], **HOST)

    assert answered.status_code == 200
    ana = Invitation.objects.get(email="ana@tv.example")
    assert ana.response == Invitation.Response.COMING
    assert ana.responded_at is not None
    assert Journalist.objects.get(email="ana@tv.example").last_activity_at == ana.responded_at
    assert Invitation.objects.get(email="radu@tv.example").response == ""
    assert Journalist.objects.get(email="radu@tv.example").last_activity_at is None

    client.post(links["not_coming"], **HOST)

    assert Invitation.objects.get(email="ana@tv.example").response == "not_coming"


def test_rsvp_links_cannot_be_forged_or_turned_into_another_invitees(client, world):
    invitations = invite_everyone(world)
    ana, radu = invitations["ana@tv.example"], invitations["radu@tv.example"]
    token = rsvp_token(ana, "coming")
    payload, signature = token.rsplit(":", 1)
    forged = [
        # Radu's id with another salt, or with Ana's signature.
        signing.dumps({"i": radu.pk, "r": "coming"}, salt="another.salt"),
        signing.dumps({"i": radu.pk, "r": "coming"}),
        rsvp_token(radu, "coming").rsplit(":", 1)[0] + ":" + signature,
        payload + ":" + signature[::-1],
        "nothing-of-ours",
        # A well signed answer that is not one of the two.
        signing.dumps({"i": radu.pk, "r": "maybe"}, salt="site_s6.press.invitation.rsvp"),
    ]

    for bad in forged:
        for method in (client.get, client.post):
            response = method(f"/press-rsvp/{bad}/", **HOST)
            assert response.status_code == 404, bad
            assert "press/rsvp_invalid.html" in [t.name for t in response.templates]

    # Ana's own token answers for Ana, never for Radu.
    client.post(f"/press-rsvp/{token}/", **HOST)
    assert Invitation.objects.get(pk=ana.pk).response == "coming"
    assert Invitation.objects.get(pk=radu.pk).response == ""


def test_an_rsvp_link_after_the_event_answers_410_with_an_explanation(client, world):
    invite_everyone(world)
    link = links_in(message_to("ana@tv.example")[0])["coming"]
    event = world["conference"]

    with time_machine.travel(event.end + datetime.timedelta(minutes=1), tick=False):
        shown = client.get(link, **HOST)
        posted = client.post(link, **HOST)

    assert shown.status_code == 410
    assert posted.status_code == 410
    assert event.title in shown.content.decode()
    assert "press/rsvp_closed.html" in [t.name for t in shown.templates]
    assert Invitation.objects.get(email="ana@tv.example").response == ""


def publish_change(event, **changes):
    page = EventPage.objects.get(pk=event.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def test_postponing_then_cancelling_mails_every_invitee_an_updated_then_cancelling_calendar(
    client, world
):
    invite_everyone(world)
    event = world["conference"]
    first = calendar_of(message_to("ana@tv.example")[0]).walk("VEVENT")[0]
    link = links_in(message_to("ana@tv.example")[0])["coming"]
    mail.outbox.clear()

    later = event.start + datetime.timedelta(days=2)
    publish_change(event, start=later, end=later + datetime.timedelta(hours=1), status="postponed")

    assert sorted(m.to[0] for m in mail.outbox) == [
        "ana@tv.example",
        "radu@tv.example",
        ACCREDITED,
    ]
    update = calendar_of(message_to("ana@tv.example")[0])
    (component,) = update.walk("VEVENT")
    assert str(update["METHOD"]) == "PUBLISH"
    assert component["UID"] == first["UID"]
    assert component["SEQUENCE"] == 1
    assert component.decoded("DTSTART") == later.replace(microsecond=0)

    # Published again with nothing new for the invitees: nobody is written to.
    mail.outbox.clear()
    publish_change(event, title=event.title + " (sala mare)")
    assert mail.outbox == []

    publish_change(event, status=EventPage.Status.CANCELLED)

    assert len(mail.outbox) == 3
    cancel = calendar_of(message_to("ana@tv.example")[0])
    (component,) = cancel.walk("VEVENT")
    assert str(cancel["METHOD"]) == "CANCEL"
    assert str(component["STATUS"]) == "CANCELLED"
    assert component["UID"] == first["UID"]
    assert component["SEQUENCE"] == 2
    # The answer links of a cancelled event say so.
    assert client.get(link, **HOST).status_code == 410


def test_the_rsvp_list_and_the_attendance_sheet_show_who_is_coming(client, world):
    invitations = invite_everyone(world)
    client.post(f"/press-rsvp/{rsvp_token(invitations['ana@tv.example'], 'coming')}/", **HOST)
    client.post(f"/press-rsvp/{rsvp_token(invitations['radu@tv.example'], 'not_coming')}/", **HOST)
    client.force_login(world["users"]["central"])

    listing = client.get(invitations_url(world["conference"]))
    sheet = client.get(invitations_url(world["conference"]) + "attendance/")

    assert listing.status_code == 200
    assert listing.context["counts"] == {"coming": 1, "not_coming": 1, "pending": 1}
    assert sheet.status_code == 200
    assert [row.name for row in sheet.context["coming"]] == ["Ana Ionescu"]
    assert [row.name for row in sheet.context["others"]] == ["Radu Șerban", "Vlad Agenție"]
    assert "no-store" in sheet["Cache-Control"]
    index = client.get("/admin/press/distribution/")
    (row,) = index.context["invited_events"]
    assert (row["event"].pk, row["invited"], row["coming"], row["not_coming"]) == (
        world["conference"].pk,
        3,
        1,
        1,
    )


def test_erasing_a_person_keeps_their_invitation_counted_but_anonymous(world):
    invite_everyone(world)
    source = {s.name: s for s in personal_data_sources()}["press_invitations"]

    assert [row["event"] for row in source.export("ana@tv.example")] == [world["conference"].title]
    assert source.erase("ana@tv.example") == 1
    assert Invitation.objects.filter(event=world["conference"]).count() == 3
    assert Invitation.objects.filter(email="", name="", outlet="").count() == 1


@pytest.mark.parametrize("suffix", ["", "attendance/"])
def test_only_the_central_team_opens_the_invitations(client, world, suffix):
    url = invitations_url(world["conference"]) + suffix

    anonymous = client.get(url)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/admin/login/")

    client.force_login(world["users"]["editor"])
    for refused in (client.get(url), client.post(url, {"lists": [world["lists"]["tv"].pk]})):
        assert refused.status_code == 302
        assert refused["Location"] == "/admin/"
    assert not Invitation.objects.exists()

    client.force_login(world["users"]["central"])
    assert client.get(url).status_code == 200
