""" "Trimiterile mele": an institution editor's pages sent for approval, and their state."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.conftest import for_test
from tests.factories import NewsPageFactory

from .conftest import build_subsites

URL = "/admin/my-submissions/"


def submit(page, user):
    """Send ``page`` for approval as ``user`` does with "Submit for moderation"."""
    page.save_revision(user=user)
    return page.get_workflow().start(page, user)


def build_submissions():
    built = build_subsites()
    world, users = built["world"], built["users"]
    editor, central = users["dgaspc-editor"], users["central"]
    index = world["dgaspc"].news_index

    waiting = world["dgaspc"].draft_news
    submit(waiting, editor)

    approved = NewsPageFactory(parent=index, title="Centrul de zi se deschide", live=False)
    submit(approved, editor).current_task_state.approve(user=central)

    rejected = NewsPageFactory(parent=index, title="Ajutor de încălzire", live=False)
    submit(rejected, editor).current_task_state.reject(
        user=central, comment="Adăugați adresa centrului."
    )

    # Sent back, corrected and sent again: the same submission, waiting again.
    corrected = NewsPageFactory(parent=index, title="Asistenți maternali", live=False)
    state = submit(corrected, editor)
    state.current_task_state.reject(user=central, comment="Prea lung.")
    corrected.save_revision(user=editor)
    state.refresh_from_db()
    state.resume(user=editor)

    # Approved, then edited and submitted anew: listed once, at its latest submission.
    edited = NewsPageFactory(parent=index, title="Târgul de joburi", live=False)
    submit(edited, editor).current_task_state.approve(user=central)
    edited.refresh_from_db()
    submit(edited, editor)

    submit(world["politia"].draft_news, users["politia-editor"])
    return built


@pytest.fixture(scope="module")
def shared(module_db):
    return module_db(build_submissions)


@pytest.fixture
def built(db, shared):
    return for_test(shared)


def rows(html: str) -> list[str]:
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0] if "<tbody>" in html else ""
    return [" ".join(row.split()) for row in body.split("</tr>") if row.strip()]


def row_of(html: str, title: str) -> str:
    [row] = [row for row in rows(html) if title in row]
    return row


def test_the_editor_sees_each_of_their_pages_and_where_it_stands(client, built):
    client.force_login(built["users"]["dgaspc-editor"])

    response = client.get(URL, HTTP_ACCEPT_LANGUAGE="ro")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Trimiterile mele" in html
    assert len(rows(html)) == 5
    assert "În așteptarea aprobării" in row_of(html, "Draft news dgaspc")
    assert "Aprobare Compartiment Mass Media" in row_of(html, "Draft news dgaspc")
    assert "Aprobată" in row_of(html, "Centrul de zi se deschide")
    rejected = row_of(html, "Ajutor de încălzire")
    assert "Modificări cerute" in rejected
    assert "Adăugați adresa centrului." in rejected
    corrected = row_of(html, "Asistenți maternali")
    assert "În așteptarea aprobării" in corrected and "Prea lung." not in corrected
    assert "În așteptarea aprobării" in row_of(html, "Târgul de joburi")
    # Newest first.
    assert "Târgul de joburi" in rows(html)[0]


def test_nobody_sees_anyone_elses_submissions(client, built):
    client.force_login(built["users"]["politia-editor"])
    html = client.get(URL).content.decode()
    assert [row for row in rows(html) if "news" in row.lower()] == rows(html)
    assert len(rows(html)) == 1 and "Draft news politia" in rows(html)[0]

    client.force_login(built["users"]["central"])
    html = client.get(URL).content.decode()
    assert rows(html) == []
    assert "You have not sent any page for approval yet." in html or "încă" in html


def test_the_menu_offers_it_to_institution_editors_only(client, built):
    client.force_login(built["users"]["dgaspc-editor"])
    assert URL in client.get(reverse("wagtailadmin_home")).content.decode()

    client.force_login(built["users"]["central"])
    assert URL not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_visitors_must_sign_in(client, built):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_a_page_number_out_of_range_shows_the_last_page(client, built):
    client.force_login(built["users"]["dgaspc-editor"])
    response = client.get(URL, {"p": "999"})
    assert response.status_code == 200
    assert len(rows(response.content.decode())) == 5
    assert client.get(URL, {"p": "abc"}).status_code == 200


def test_the_queries_do_not_grow_with_the_submissions(client, built, django_assert_num_queries):
    editor = built["users"]["dgaspc-editor"]
    client.force_login(editor)
    with CaptureQueriesContext(connection) as five:
        client.get(URL)
    index = built["world"]["dgaspc"].news_index
    for number in range(5):
        submit(NewsPageFactory(parent=index, title=f"Știre {number}", live=False), editor)

    with django_assert_num_queries(len(five)):
        response = client.get(URL)
    assert len(rows(response.content.decode())) == 10
