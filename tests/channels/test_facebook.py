"""Facebook Page posting against a local fake Graph server: a scheduled release posts
once, at its time; Graph's errors are kept and a retry succeeds; the token is never
readable in the database or the admin."""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection

from site_s6.channels.models import FacebookConnection, FacebookPost
from site_s6.channels.services.facebook import claim, facebook_choose
from site_s6.channels.status import DONE, FAILED, PENDING, SCHEDULED, channel_statuses
from site_s6.channels.tasks import post_to_facebook_task, post_waiting_to_facebook
from site_s6.news.models import NewsIndexPage
from site_s6.runtime.scheduler import enqueue, periodic_jobs
from tests.factories import NewsPageFactory

TOKEN = "EAAGm0PX4ZCpsBAzvorbleacTokenSecret"  # noqa: S105 (a fake token)
PAGE_ID = "1234567890"
NOON = datetime.datetime(2026, 6, 10, 9, 0, tzinfo=datetime.UTC)


def connect(site, *, token=TOKEN, enabled=True) -> FacebookConnection:
    connection_ = FacebookConnection(
        site=site, page_id=PAGE_ID, page_name="Primăria 6", enabled=enabled
    )
    connection_.set_token(token)
    connection_.save()
    return connection_


def news(world, **kwargs):
    index = NewsIndexPage.objects.child_of(world["sites"]["main"].root_page).get()
    return NewsPageFactory(parent=index, live=False, **kwargs)


def job(name):
    return next(job for job in periodic_jobs() if job.name == name)


def facebook(page):
    return next(
        status
        for status in channel_statuses(page)
        if status.channel == "Pagina de Facebook" or status.channel == "Facebook page"
    )


def test_a_scheduled_release_posts_once_at_its_time(world, graph):
    connect(world["sites"]["main"])
    with time_machine.travel(NOON, tick=False):
        page = news(world, title="Parcul Drumul Taberei se redeschide", lead="Aleile sunt noi.")
        page.go_live_at = NOON + datetime.timedelta(hours=2)
        page.save_revision().publish()
        page.refresh_from_db()
        facebook_choose(page=page, user=world["users"]["central"])

        assert not page.live
        status = facebook(page)
        assert (status.state, status.at) == (SCHEDULED, NOON + datetime.timedelta(hours=2))
        enqueue(job("publish_scheduled"))
        enqueue(job("channels_facebook_waiting"))
        assert graph.requests == []

    with time_machine.travel(NOON + datetime.timedelta(hours=2, minutes=1), tick=False):
        enqueue(job("publish_scheduled"))

        page.refresh_from_db()
        assert page.live
        assert len(graph.requests) == 1
        sent = graph.requests[0]
        assert sent["path"] == f"/v23.0/{PAGE_ID}/feed"
        assert sent["content_type"] == "application/x-www-form-urlencoded"
        assert sent["form"]["access_token"] == TOKEN
        assert sent["form"]["link"] == page.get_full_url()
        assert sent["form"]["link"].startswith("http://primarie6.localhost/")
        assert sent["form"]["message"].startswith("Parcul Drumul Taberei se redeschide")
        post = FacebookPost.objects.get(page=page)
        assert post.state == FacebookPost.State.POSTED
        assert post.post_id == "1234567890_100"
        assert post.permalink == f"https://www.facebook.com/{PAGE_ID}/posts/100"
        assert post.posted_at == NOON + datetime.timedelta(hours=2, minutes=1)
        assert facebook(page).state == DONE

        # Publishing again, the sweep, a duplicate task: nothing is posted twice.
        page.save_revision().publish()
        post_waiting_to_facebook.enqueue()
        post_to_facebook_task.enqueue(post.pk)
    with time_machine.travel(NOON + datetime.timedelta(hours=2, minutes=5), tick=False):
        enqueue(job("publish_scheduled"))
        enqueue(job("channels_facebook_waiting"))
    assert len(graph.requests) == 1


def test_a_post_is_claimed_by_one_caller_only(world):
    page = news(world)
    page.save_revision().publish()
    post = FacebookPost.objects.create(page=page)

    assert claim(post.pk) is True
    assert claim(post.pk) is False
    assert FacebookPost.objects.get(pk=post.pk).state == FacebookPost.State.POSTING


def test_a_graph_error_is_kept_shown_and_a_retry_succeeds(
    world, graph, client, django_capture_on_commit_callbacks
):
    connect(world["sites"]["main"])
    page = news(world, title="Program de iarnă")
    page.save_revision().publish()
    graph.answers.append(
        (
            400,
            {
                "error": {
                    "message": "Error validating access token: Session has expired",
                    "type": "OAuthException",
                    "code": 190,
                }
            },
        )
    )
    with django_capture_on_commit_callbacks(execute=True):
        facebook_choose(page=page, user=world["users"]["central"])

    post = FacebookPost.objects.get(page=page)
    assert (post.state, post.error_code) == (FacebookPost.State.FAILED, 190)
    assert "Session has expired" in post.error_message
    assert facebook(page).state == FAILED

    client.force_login(world["users"]["central"])
    html = client.get(f"/admin/channels/page/{page.pk}/").content.decode()
    assert "Session has expired" in html
    assert 'value="facebook_retry"' in html

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/channels/page/{page.pk}/", {"action": "facebook_retry"})
    assert response.status_code == 302

    post.refresh_from_db()
    assert post.state == FacebookPost.State.POSTED
    assert (post.error_code, post.error_message) == (None, "")
    assert len(graph.requests) == 2
    assert facebook(page).state == DONE


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (10, "pages_manage_posts"),
        (200, "pages_manage_posts"),
        (4, "rate limit"),
        (32, "rate limit"),
    ],
)
def test_permission_and_rate_limit_errors_say_what_to_do(world, graph, code, words, settings):
    settings.LANGUAGE_CODE = "en"
    connect(world["sites"]["main"])
    page = news(world)
    page.save_revision().publish()
    post = FacebookPost.objects.create(page=page)
    graph.answers.append((400, {"error": {"message": "Nope", "code": code}}))

    assert post_to_facebook_task.call(post.pk) == "failed"

    from django.utils import translation

    with translation.override("en"):
        status = facebook(page)
    assert status.state == FAILED
    assert words in status.detail


def test_a_site_without_a_token_posts_nothing_and_says_so(world, graph):
    connect(world["sites"]["main"], token="", enabled=False)
    page = news(world)
    page.save_revision().publish()
    post = FacebookPost.objects.create(page=page)

    assert post_to_facebook_task.call(post.pk) == "off"
    assert graph.requests == []
    assert FacebookPost.objects.get(pk=post.pk).state == FacebookPost.State.WAITING
    assert facebook(page).state == PENDING


def test_the_token_is_not_readable_in_the_database_nor_the_admin(world, client):
    client.force_login(world["users"]["central"])
    site = world["sites"]["main"]
    response = client.post(
        "/admin/channels_facebook/new/",
        {
            "site": site.pk,
            "page_name": "Primăria 6",
            "page_id": PAGE_ID,
            "enabled": "on",
            "access_token": TOKEN,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    saved = FacebookConnection.objects.get(site=site)
    assert saved.get_token() == TOKEN

    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM channels_facebookconnection")
        rows = cursor.fetchall()
    assert rows
    assert TOKEN not in repr(rows)
    assert TOKEN[:12] not in repr(rows)

    edit = client.get(f"/admin/channels_facebook/edit/{saved.pk}/").content.decode()
    assert "Primăria 6" in edit
    assert TOKEN not in edit
    assert saved.token_ciphertext not in edit
    listing = client.get("/admin/channels_facebook/").content.decode()
    assert TOKEN not in listing

    # Saving without a token keeps the one saved before.
    response = client.post(
        f"/admin/channels_facebook/edit/{saved.pk}/",
        {
            "site": site.pk,
            "page_name": "Primăria Sectorului 6",
            "page_id": PAGE_ID,
            "enabled": "on",
        },
    )
    assert response.status_code == 302
    assert FacebookConnection.objects.get(pk=saved.pk).get_token() == TOKEN


def test_the_token_is_not_in_a_dump_of_the_database(world, tmp_path):
    connect(world["sites"]["main"])
    output = tmp_path / "dump.json"

    call_command("dumpdata", "channels", output=str(output), verbosity=0)

    dump = output.read_text()
    assert PAGE_ID in dump
    assert TOKEN not in dump


def test_an_institution_editor_cannot_open_the_facebook_connections(world, client):
    connect(world["sites"]["main"])
    client.force_login(world["users"]["editor"])

    assert client.get("/admin/channels_facebook/").status_code in (302, 403)


def test_posting_needs_a_token_to_be_switched_on(world, client):
    client.force_login(world["users"]["central"])
    response = client.post(
        "/admin/channels_facebook/new/",
        {"site": world["sites"]["main"].pk, "page_id": PAGE_ID, "enabled": "on"},
    )
    assert response.status_code == 200
    assert not FacebookConnection.objects.exists()
