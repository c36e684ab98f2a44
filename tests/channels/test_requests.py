"""Requests for communication over HTTP: a department files one and follows its status;
it sees no page, no other request and no internal plan; the central team triages, and
accepting makes a draft that carries the text and the attachments and links back."""

import json

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from site_s6.channels.models import CommunicationRequest
from site_s6.channels.services.requests import request_file
from site_s6.events.models import EventPage
from site_s6.news.models import NewsPage

ADD = "/admin/channels_requests/new/"


def denied(response) -> bool:
    """Wagtail answers a refused admin view with 403, or a redirect to the dashboard
    carrying its "no permission" message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def form(**changes) -> dict:
    data = {
        "department": "Direcția Urbanism",
        "title": "Piața Veteranilor se reamenajează",
        "what": "Începe reamenajarea pieței, cu trotuare noi și 40 de arbori.",
        "why": "Locuitorii vor avea un loc de odihnă umbrit.",
        "when": "2026-12-07T10:00",
        "audience": "Locuitorii din Drumul Taberei",
        "channels": ["site", "facebook"],
        "contacts": "Ana Ionescu, 021 000 00 01",
    }
    data.update(changes)
    return data


def pdf(name="plan.pdf", content=b"%PDF-1.4 planul pietei"):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def filed(world, user="urbanism", **changes) -> CommunicationRequest:
    data = form(**changes)
    data.pop("when")
    return request_file(user=world["users"][user], data=data, files=[pdf()])


def test_a_department_files_a_request_with_attachments_and_sees_it(world, client):
    client.force_login(world["users"]["urbanism"])
    assert client.get(ADD).status_code == 200

    response = client.post(ADD, {**form(), "attachments": [pdf(), pdf("harta.pdf")]})

    assert response.status_code == 302, response.content.decode()[:3000]
    request = CommunicationRequest.objects.get()
    assert request.requester == world["users"]["urbanism"]
    assert request.status == CommunicationRequest.Status.SUBMITTED
    assert request.channels == ["site", "facebook"]
    assert request.site == world["sites"]["main"]
    assert sorted(a.document.title for a in request.attachments.all()) == ["harta.pdf", "plan.pdf"]
    listing = client.get("/admin/channels_requests/").content.decode()
    assert "Piața Veteranilor se reamenajează" in listing
    detail = client.get(f"/admin/channels_requests/inspect/{request.pk}/").content.decode()
    assert "Trimisă" in detail or "Submitted" in detail
    attachment = request.attachments.first()
    download = client.get(f"/admin/channels/requests/{request.pk}/attachments/{attachment.pk}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_bad_input_is_refused_and_changes_nothing(world, client):
    client.force_login(world["users"]["urbanism"])

    missing = client.post(ADD, form(what="", why=""))
    wrong_file = client.post(ADD, {**form(), "attachments": [pdf("virus.exe", b"MZ")]})
    bad_channel = client.post(ADD, form(channels=["telegraph"]))

    assert [missing.status_code, wrong_file.status_code, bad_channel.status_code] == [200] * 3
    assert not CommunicationRequest.objects.exists()


def test_a_department_sees_no_pages_no_other_request_and_no_internal_plan(world, client):
    mine = filed(world, title="Cererea urbanismului")
    theirs = filed(world, user="taxes", title="Cererea taxelor zvorbleac")
    editors = filed(world, user="editor", title="Cererea DGASPC zvorbleac")
    attachment = theirs.attachments.first()
    main_home = world["sites"]["main"].root_page
    client.force_login(world["users"]["urbanism"])

    listing = client.get("/admin/channels_requests/").content.decode()
    assert "Cererea urbanismului" in listing
    assert "zvorbleac" not in listing
    for other in (theirs, editors):
        assert client.get(f"/admin/channels_requests/inspect/{other.pk}/").status_code == 404
        for view in ("edit", "history", "usage", "delete"):
            response = client.get(f"/admin/channels_requests/{view}/{other.pk}/")
            assert response.status_code == 404 or denied(response), view
            assert "zvorbleac" not in response.content.decode(), view
    assert (
        client.get(f"/admin/channels/requests/{theirs.pk}/attachments/{attachment.pk}/").status_code
        == 404
    )
    assert client.get(f"/admin/channels_requests/inspect/{mine.pk}/").status_code == 200
    # No page: the explorer, a page's editor, the channel panel.
    for path in (
        f"/admin/pages/{main_home.pk}/",
        f"/admin/pages/{main_home.pk}/edit/",
        f"/admin/pages/{main_home.pk}/add_subpage/",
    ):
        response = client.get(path)
        assert response.status_code in (302, 403, 404), path
        assert "Primăria Sectorului 6" not in response.content.decode()
    # No document of the private collection, no triage, no internal plan or register.
    assert client.get(f"/admin/documents/edit/{attachment.document_id}/").status_code in (302, 403)
    assert denied(
        client.post(
            f"/admin/channels/requests/{theirs.pk}/triage/",
            {"decision": "decline", "response": "x"},
        )
    )
    for path in (
        "/admin/event_plans/",
        "/admin/campaign_plans/",
        "/admin/visit_files/",
        "/admin/press_requests/",
        "/admin/channels_facebook/",
        "/admin/documents/",
    ):
        assert denied(client.get(path)), path
    assert (
        CommunicationRequest.objects.get(pk=theirs.pk).status
        == CommunicationRequest.Status.SUBMITTED
    )


def test_an_institution_editor_files_requests_and_sees_only_their_own(world, client):
    filed(world, title="Cererea urbanismului zvorbleac")
    client.force_login(world["users"]["editor"])

    response = client.post(ADD, form(title="Campania DGASPC de iarnă", department=""))
    assert response.status_code == 200  # the department is required
    response = client.post(ADD, form(title="Campania DGASPC de iarnă", department="DGASPC"))

    assert response.status_code == 302
    request = CommunicationRequest.objects.get(title="Campania DGASPC de iarnă")
    assert request.site == world["sites"]["dgaspc"]
    listing = client.get("/admin/channels_requests/").content.decode()
    assert "Campania DGASPC de iarnă" in listing
    assert "zvorbleac" not in listing


def test_anonymous_visitors_are_sent_to_the_login(world, client):
    request = filed(world)

    for path in (
        ADD,
        "/admin/channels_requests/",
        f"/admin/channels_requests/inspect/{request.pk}/",
    ):
        response = client.get(path)
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


def test_accepting_creates_a_draft_that_carries_the_text_and_attachments(
    world, client, django_capture_on_commit_callbacks
):
    request = filed(world)
    document_id = request.attachments.get().document_id
    client.force_login(world["users"]["central"])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/channels/requests/{request.pk}/triage/",
            {"decision": "accept", "outcome": "news", "response": "Publicăm luni."},
        )

    request.refresh_from_db()
    assert request.status == CommunicationRequest.Status.ACCEPTED
    page = request.draft.specific
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{page.pk}/edit/"
    assert isinstance(page, NewsPage)
    assert page.kind == NewsPage.Kind.PRESS_RELEASE
    assert not page.live and page.has_unpublished_changes
    assert page.get_parent().specific_class.__name__ == "NewsIndexPage"
    assert page.get_site() == world["sites"]["main"]
    assert page.title == "Piața Veteranilor se reamenajează"
    assert page.lead == "Locuitorii vor avea un loc de odihnă umbrit."
    body = json.dumps(page.body.get_prep_value(), ensure_ascii=False)
    assert "Începe reamenajarea pieței" in body
    assert f'"document": {document_id}' in body
    # Linked back: the page knows its request, and the panel names it.
    assert list(page.communication_requests.all()) == [request]
    panel = client.get(f"/admin/channels/page/{page.pk}/").content.decode()
    assert f"/admin/channels_requests/inspect/{request.pk}/" in panel
    # The requester hears of it, in Romanian.
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["urbanism@primarie6.localhost"]
    assert "Piața Veteranilor" in mail.outbox[0].subject
    assert "acceptată" in mail.outbox[0].subject
    assert f"/admin/channels_requests/inspect/{request.pk}/" in mail.outbox[0].body


def test_an_event_request_becomes_an_event_draft_at_its_date(world, client):
    request = filed(world)
    request.when = "2026-12-07T10:00:00+02:00"
    request.save()
    client.force_login(world["users"]["central"])

    client.post(
        f"/admin/channels/requests/{request.pk}/triage/",
        {"decision": "accept", "outcome": "event"},
    )

    page = CommunicationRequest.objects.get(pk=request.pk).draft.specific
    assert isinstance(page, EventPage)
    assert page.start.isoformat() == "2026-12-07T08:00:00+00:00"
    assert not page.live


def test_asking_and_declining_tell_the_requester(
    world, client, mailoutbox, django_capture_on_commit_callbacks
):
    asked = filed(world)
    declined = filed(world, title="Cerere fără interes public")
    client.force_login(world["users"]["central"])

    empty = client.post(
        f"/admin/channels/requests/{asked.pk}/triage/", {"decision": "ask", "response": ""}
    )
    assert empty.status_code == 302
    assert (
        CommunicationRequest.objects.get(pk=asked.pk).status
        == CommunicationRequest.Status.SUBMITTED
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/channels/requests/{asked.pk}/triage/",
            {"decision": "ask", "response": "Trimiteți harta lucrărilor."},
        )
        client.post(
            f"/admin/channels/requests/{declined.pk}/triage/",
            {"decision": "decline", "response": "Subiectul este intern."},
        )

    asked.refresh_from_db()
    declined.refresh_from_db()
    assert asked.status == CommunicationRequest.Status.NEEDS_INFO
    assert declined.status == CommunicationRequest.Status.DECLINED
    assert [message.to for message in mailoutbox] == [["urbanism@primarie6.localhost"]] * 2
    assert "Trimiteți harta lucrărilor." in mailoutbox[0].body
    assert "Subiectul este intern." in mailoutbox[1].body
    # A decided request cannot be triaged again.
    client.post(
        f"/admin/channels/requests/{declined.pk}/triage/",
        {"decision": "accept", "outcome": "news"},
    )
    assert CommunicationRequest.objects.get(pk=declined.pk).draft is None

    # The requester sees the question, completes the request, and it goes back.
    client.force_login(world["users"]["urbanism"])
    detail = client.get(f"/admin/channels_requests/inspect/{asked.pk}/").content.decode()
    assert "Trimiteți harta lucrărilor." in detail
    response = client.post(
        f"/admin/channels_requests/edit/{asked.pk}/",
        {
            **form(what="Lucrările încep pe 7 decembrie; harta este atașată."),
            "attachments": [pdf("harta.pdf")],
        },
    )
    assert response.status_code == 302
    asked.refresh_from_db()
    assert asked.status == CommunicationRequest.Status.SUBMITTED
    assert asked.attachments.count() == 2
    assert denied(client.get(f"/admin/channels_requests/edit/{declined.pk}/"))


def test_the_central_team_sees_every_request_and_the_dashboard_lists_them(world, client):
    filed(world, title="Cererea urbanismului")
    filed(world, user="editor", title="Cererea DGASPC")
    client.force_login(world["users"]["central"])

    listing = client.get("/admin/channels_requests/").content.decode()
    home = client.get("/admin/").content.decode()

    assert "Cererea urbanismului" in listing and "Cererea DGASPC" in listing
    assert "Cererea urbanismului" in home and "Cererea DGASPC" in home


def test_the_requests_listing_costs_the_same_for_many_requests(
    world, client, django_assert_num_queries
):
    client.force_login(world["users"]["urbanism"])
    filed(world)
    client.get("/admin/channels_requests/")
    with CaptureQueriesContext(connection) as one:
        client.get("/admin/channels_requests/")
    for number in range(5):
        filed(world, title=f"Cererea {number}")
    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get("/admin/channels_requests/")
    assert response.content.decode().count("/admin/channels_requests/inspect/") >= 6
