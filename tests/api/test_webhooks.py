"""Webhooks against a real HTTP receiver on loopback.

The test settings allow private targets (the receiver listens on 127.0.0.1); the tests of
the outbound policy turn that off. Signatures are checked with the receiver example of
docs/api.md itself, so the documented algorithm is the one the newsroom signs with.
"""

import hashlib
import hmac
import json
import re
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from django_tasks import default_task_backend
from wagtail.models import Site

from site_s6.api.webhooks.delivery import deliver_webhook
from site_s6.api.webhooks.models import Event, WebhookDelivery, WebhookEndpoint, all_events
from tests.factories import NewsPageFactory, UserFactory, make_site

API_GUIDE = Path(__file__).resolve().parents[2] / "docs" / "api.md"

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


class Receiver:
    """A loopback HTTP server that records every request and answers ``status``,
    after waiting for ``release`` when ``hang`` is set."""

    def __init__(self):
        self.requests = []
        self.status = 200
        self.hang = False
        self.release = threading.Event()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests.append({"headers": dict(self.headers), "body": body})
                if receiver.hang:
                    receiver.release.wait(10)
                self.send_response(receiver.status)
                self.send_header("Content-Type", "text/plain")
                self.end_headers()
                self.wfile.write(b"ok" if receiver.status < 300 else b"boom " * 200)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    with Receiver() as receiver:
        yield receiver


@pytest.fixture
def sites(locales):
    Site.objects.all().delete()
    return {
        "main": make_site("primarie.test", default=True),
        "other": make_site("dgaspc.test", title="DGASPC", default=False),
    }


@pytest.fixture
def endpoint(sites, receiver):
    return WebhookEndpoint.objects.create(
        site=Site.objects.get(hostname="primarie.test"), url=receiver.url
    )


def documented_verify():
    """The ``verify`` function of the Python receiver example in docs/api.md."""
    guide = API_GUIDE.read_text()
    section = guide[guide.index("### Verify the signature") :]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    namespace = {}
    exec(compile(code, str(API_GUIDE), "exec"), namespace)  # noqa: S102
    return namespace["verify"]


def take_deliveries():
    """The webhook tasks enqueued in the dummy backend (Wagtail enqueues its own too)."""
    results = [r for r in default_task_backend.results if r.task.func is deliver_webhook.func]
    default_task_backend.clear()
    return results


def publish(page, capture):
    with capture(execute=True):
        page.save_revision().publish()
    page.refresh_from_db()
    return page


def verify(secret, request, now=None):
    headers = request["headers"]
    return documented_verify()(
        secret, request["body"], headers["X-S6-Timestamp"], headers["X-S6-Signature"], now
    )


def test_publish_posts_a_signed_event(
    endpoint, sites, receiver, django_capture_on_commit_callbacks
):
    page = NewsPageFactory(parent=sites["main"]["news_index"], title="Știre", live=False)
    publish(page, django_capture_on_commit_callbacks)

    assert len(receiver.requests) == 1
    request = receiver.requests[0]
    assert verify(endpoint.secret, request)
    assert not verify("wrong", request)
    headers = request["headers"]
    assert abs(int(headers["X-S6-Timestamp"]) - time.time()) < 60
    assert headers["Content-Type"] == "application/json"
    assert headers["X-S6-Event"] == "page.published"
    body = json.loads(request["body"])
    assert headers["X-S6-Delivery"] == body["delivery_id"]
    assert body["event"] == "page.published"
    assert body["site"] == "primarie.test"
    assert body["locale"] == "ro"
    assert body["page"]["id"] == page.pk
    assert body["page"]["type"] == "news.NewsPage"
    assert body["page"]["title"] == "Știre"
    assert body["page"]["url"] == page.get_full_url()
    assert body["page"]["api_url"].endswith(f"/api/v3/pages/{page.pk}/")
    assert body["revision_id"] == page.live_revision_id
    assert body["occurred_at"]
    delivery = WebhookDelivery.objects.get()
    assert delivery.succeeded and delivery.status_code == 200 and delivery.attempt == 1
    assert str(delivery.delivery_id) == body["delivery_id"]
    assert delivery.response_excerpt == "ok"
    assert delivery.next_retry_at is None


def test_nothing_is_sent_before_commit_or_after_rollback(
    endpoint, sites, receiver, django_capture_on_commit_callbacks
):
    page = NewsPageFactory(parent=sites["main"]["news_index"], live=False)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        page.save_revision().publish()
    assert receiver.requests == []
    assert callbacks  # enqueued only once the transaction commits


def test_unpublish_move_and_delete_events(
    endpoint, sites, receiver, django_capture_on_commit_callbacks
):
    main = sites["main"]
    page = publish(
        NewsPageFactory(parent=main["news_index"], live=False), django_capture_on_commit_callbacks
    )
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    with django_capture_on_commit_callbacks(execute=True):
        page.move(main["event_index"], pos="last-child")
    with django_capture_on_commit_callbacks(execute=True):
        page.delete()
    events = [json.loads(request["body"]) for request in receiver.requests]
    assert [event["event"] for event in events] == [
        "page.published",
        "page.unpublished",
        "page.moved",
        "page.deleted",
    ]
    assert {event["page"]["id"] for event in events} == {page.pk}
    assert events[-1]["page"]["type"] == "news.NewsPage"
    assert all(verify(endpoint.secret, request) for request in receiver.requests)


def test_only_subscribed_active_endpoints_of_the_page_site(
    endpoint, sites, receiver, django_capture_on_commit_callbacks
):
    other_site = Site.objects.get(hostname="dgaspc.test")
    with Receiver() as other:
        WebhookEndpoint.objects.create(site=other_site, url=other.url)
        WebhookEndpoint.objects.create(site=endpoint.site, url=other.url, events=[Event.DELETED])
        WebhookEndpoint.objects.create(site=endpoint.site, url=other.url, active=False)
        publish(
            NewsPageFactory(parent=sites["main"]["news_index"], live=False),
            django_capture_on_commit_callbacks,
        )
        assert other.requests == []
    assert len(receiver.requests) == 1


def test_failing_receiver_is_logged_and_retried_with_backoff(
    endpoint, sites, receiver, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DUMMY_TASKS
    receiver.status = 500
    publish(
        NewsPageFactory(parent=sites["main"]["news_index"], live=False),
        django_capture_on_commit_callbacks,
    )
    assert receiver.requests == []  # enqueued, not sent
    [first] = take_deliveries()
    assert first.task.run_after is None
    deliver_webhook.call(*first.args, **first.kwargs)  # the worker runs it

    delivery = WebhookDelivery.objects.get()
    assert not delivery.succeeded
    assert delivery.status_code == 500
    assert delivery.response_excerpt.startswith("boom") and len(delivery.response_excerpt) == 500
    [retry] = take_deliveries()
    assert retry.args[2] == 2 and retry.args[1] == first.args[1]
    assert retry.task.run_after == delivery.next_retry_at
    delay = (delivery.next_retry_at - delivery.created).total_seconds()
    assert 25 < delay < 35

    # The retries back off further, and the fifth failed attempt is the last.
    delays = []
    for attempt in range(2, 6):
        deliver_webhook.call(*retry.args)
        logged = WebhookDelivery.objects.get(attempt=attempt)
        if attempt < 5:
            [retry] = take_deliveries()
            delays.append((logged.next_retry_at - logged.created).total_seconds())
        else:
            assert logged.next_retry_at is None
            assert take_deliveries() == []
    assert [round(d, -1) for d in delays] == [120, 600, 3600]
    assert WebhookDelivery.objects.filter(delivery_id=delivery.delivery_id).count() == 5
    assert len(receiver.requests) == 5
    assert len({r["headers"]["X-S6-Delivery"] for r in receiver.requests}) == 1
    # Each attempt is signed when it is sent, with its own timestamp.
    assert all(verify(endpoint.secret, request) for request in receiver.requests)


def test_hanging_receiver_does_not_delay_the_publish(
    endpoint, sites, receiver, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DUMMY_TASKS
    settings.S6_WEBHOOK_TIMEOUT = 0.3
    receiver.hang = True
    page = NewsPageFactory(parent=sites["main"]["news_index"], live=False)
    publish(page, django_capture_on_commit_callbacks)

    # The publish only enqueued: no HTTP request, nothing logged yet.
    assert receiver.requests == []
    assert not WebhookDelivery.objects.exists()
    [result] = take_deliveries()

    deliver_webhook.call(*result.args, **result.kwargs)  # the worker runs it
    delivery = WebhookDelivery.objects.get()
    assert not delivery.succeeded
    assert delivery.status_code is None
    assert "timeout" in delivery.error
    assert delivery.next_retry_at > timezone.now()
    assert len(receiver.requests) == 1


def test_admin_lists_endpoints_and_deliveries(
    endpoint, sites, receiver, admin_client, django_capture_on_commit_callbacks
):
    publish(
        NewsPageFactory(parent=sites["main"]["news_index"], live=False),
        django_capture_on_commit_callbacks,
    )
    delivery = WebhookDelivery.objects.get()

    response = admin_client.get("/admin/webhook-endpoints/")
    assert response.status_code == 200
    assert receiver.url in response.content.decode()
    assert endpoint.secret not in response.content.decode()
    assert admin_client.get(f"/admin/webhook-endpoints/edit/{endpoint.pk}/").status_code == 200
    assert admin_client.get("/admin/webhook-endpoints/?active=true").status_code == 200

    assert admin_client.get("/admin/webhook-deliveries/").status_code == 200
    inspect = admin_client.get(f"/admin/webhook-deliveries/inspect/{delivery.pk}/")
    assert inspect.status_code == 200
    assert str(delivery.delivery_id) in inspect.content.decode()
    # The log is read-only, even for a superuser.
    assert admin_client.get(f"/admin/webhook-deliveries/edit/{delivery.pk}/").status_code in (
        302,
        403,
    )
    assert admin_client.get("/admin/webhook-deliveries/new/").status_code in (302, 403)


def test_deleting_a_section_tells_about_every_page(
    endpoint, sites, receiver, django_capture_on_commit_callbacks
):
    index = sites["main"]["news_index"]
    page = NewsPageFactory(parent=index)
    with django_capture_on_commit_callbacks(execute=True):
        index.delete()
    events = [json.loads(request["body"]) for request in receiver.requests]
    # Wagtail unpublishes the live pages it deletes: each is told both.
    assert sorted((e["event"], e["page"]["id"]) for e in events) == sorted(
        (event, pk) for event in ("page.deleted", "page.unpublished") for pk in (index.pk, page.pk)
    )


# Secrets -------------------------------------------------------------------------------

ENDPOINTS = "/admin/webhook-endpoints"


def endpoint_form(site, url, **extra):
    return {"site": site.pk, "url": url, "events": all_events(), "active": "on", **extra}


def url_errors(response):
    """The error codes of the URL field of the admin form in ``response``."""
    return [error.code for error in response.context["form"].errors.as_data().get("url", [])]


def test_the_secret_is_generated_and_shown_once_after_creation(sites, receiver, admin_client):
    site = Site.objects.get(hostname="primarie.test")
    # A secret posted with the form is ignored: nobody chooses one, one character or not.
    response = admin_client.post(f"{ENDPOINTS}/new/", endpoint_form(site, receiver.url, secret="x"))

    endpoint = WebhookEndpoint.objects.get()
    secret_url = f"{ENDPOINTS}/secret/{endpoint.pk}/"
    assert response.status_code == 302 and response["Location"] == secret_url
    assert endpoint.secret != "x" and len(endpoint.secret) >= 43

    shown = admin_client.get(secret_url)
    assert shown.status_code == 200
    assert endpoint.secret in shown.content.decode()
    assert "no-store" in shown["Cache-Control"]
    assert endpoint.secret not in str(admin_client.cookies)

    again = admin_client.get(secret_url)
    assert again.status_code == 200
    assert endpoint.secret not in again.content.decode()
    assert f"{ENDPOINTS}/rotate-secret/{endpoint.pk}/" in again.content.decode()

    listing = admin_client.get(f"{ENDPOINTS}/").content.decode()
    edit = admin_client.get(f"{ENDPOINTS}/edit/{endpoint.pk}/").content.decode()
    assert receiver.url in listing
    assert endpoint.secret not in listing
    assert endpoint.secret not in edit and endpoint.secret[-4:] not in edit
    assert 'name="secret"' not in edit


def test_the_edit_form_cannot_set_the_secret(endpoint, receiver, admin_client):
    before = endpoint.secret
    response = admin_client.post(
        f"{ENDPOINTS}/edit/{endpoint.pk}/",
        endpoint_form(endpoint.site, receiver.url, secret="x", events=[Event.DELETED]),
    )
    assert response.status_code == 302
    endpoint.refresh_from_db()
    assert endpoint.events == [Event.DELETED]
    assert endpoint.secret == before


def test_rotation_replaces_the_secret_shows_it_once_and_signs_with_it(
    endpoint, sites, receiver, admin_client, django_capture_on_commit_callbacks
):
    old = endpoint.secret
    rotate_url = f"{ENDPOINTS}/rotate-secret/{endpoint.pk}/"
    assert rotate_url in admin_client.get(f"{ENDPOINTS}/edit/{endpoint.pk}/").content.decode()
    confirm = admin_client.get(rotate_url)
    assert confirm.status_code == 200
    assert old not in confirm.content.decode()
    endpoint.refresh_from_db()
    assert endpoint.secret == old  # asking is not rotating

    response = admin_client.post(rotate_url)
    endpoint.refresh_from_db()
    assert endpoint.secret != old and len(endpoint.secret) >= 43
    assert response["Location"] == f"{ENDPOINTS}/secret/{endpoint.pk}/"
    assert endpoint.secret in admin_client.get(response["Location"]).content.decode()
    assert endpoint.secret not in admin_client.get(response["Location"]).content.decode()

    publish(
        NewsPageFactory(parent=sites["main"]["news_index"], live=False),
        django_capture_on_commit_callbacks,
    )
    [request] = receiver.requests
    assert verify(endpoint.secret, request)
    assert not verify(old, request)


def test_only_users_who_may_change_an_endpoint_see_or_rotate_its_secret(endpoint, client):
    viewer = UserFactory(username="webhook-viewer")
    group = Group.objects.create(name="Webhook viewers")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_webhookendpoint"),
    )
    viewer.groups.add(group)
    client.force_login(viewer)
    before = endpoint.secret

    assert client.get(f"{ENDPOINTS}/").status_code == 200
    for url in (f"{ENDPOINTS}/rotate-secret/{endpoint.pk}/", f"{ENDPOINTS}/secret/{endpoint.pk}/"):
        for response in (client.get(url), client.post(url)):
            # Wagtail's admin answers a refusal with a redirect to its dashboard.
            assert response.status_code in (302, 403)
            assert response.get("Location", "/admin/") == "/admin/"
            assert before not in response.content.decode()
    endpoint.refresh_from_db()
    assert endpoint.secret == before


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("http://127.0.0.1:8000/hook", "private"),
        ("http://localhost/hook", "private"),
        ("http://[::1]/hook", "private"),
        ("http://[::ffff:127.0.0.1]/hook", "private"),
        ("http://169.254.169.254/latest/meta-data/", "private"),
        ("http://10.0.0.5/hook", "private"),
        ("https://user:pass@127.0.0.1/hook", "credentials"),
        ("ftp://127.0.0.1/hook", "invalid"),
    ],
)
def test_registration_refuses_private_targets_and_credentials(
    sites, admin_client, settings, url, code
):
    settings.S6_OUTBOUND_ALLOW_PRIVATE = False
    site = Site.objects.get(hostname="primarie.test")
    response = admin_client.post(f"{ENDPOINTS}/new/", endpoint_form(site, url))
    assert response.status_code == 200
    assert code in url_errors(response)
    assert not WebhookEndpoint.objects.exists()


def test_registration_refuses_a_name_that_resolves_to_a_private_address(
    sites, admin_client, settings, monkeypatch
):
    settings.S6_OUTBOUND_ALLOW_PRIVATE = False
    real = socket.getaddrinfo

    def resolve(host, port, *args, **kwargs):
        if host == "hooks.example":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("169.254.169.254", port))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    site = Site.objects.get(hostname="primarie.test")
    response = admin_client.post(f"{ENDPOINTS}/new/", endpoint_form(site, "https://hooks.example/"))
    assert url_errors(response) == ["private"]
    assert not WebhookEndpoint.objects.exists()


def test_credentials_are_refused_even_where_private_targets_are_allowed(
    sites, receiver, admin_client
):
    site = Site.objects.get(hostname="primarie.test")
    url = receiver.url.replace("http://", "http://user:pass@")
    response = admin_client.post(f"{ENDPOINTS}/new/", endpoint_form(site, url))
    assert url_errors(response) == ["credentials"]
    assert not WebhookEndpoint.objects.exists()


def test_a_private_target_is_blocked_at_delivery_and_logged_without_an_answer(
    endpoint, sites, receiver, settings, django_capture_on_commit_callbacks
):
    # Registered while private targets were allowed; they are not any more.
    settings.TASKS = DUMMY_TASKS
    settings.S6_OUTBOUND_ALLOW_PRIVATE = False
    publish(
        NewsPageFactory(parent=sites["main"]["news_index"], live=False),
        django_capture_on_commit_callbacks,
    )
    [first] = take_deliveries()
    result = deliver_webhook.call(*first.args, **first.kwargs)

    assert result["blocked"] and not result["succeeded"]
    assert receiver.requests == []
    delivery = WebhookDelivery.objects.get()
    assert delivery.blocked and not delivery.succeeded
    assert delivery.error.startswith("blocked:") and "loopback" in delivery.error
    assert delivery.status_code is None
    assert delivery.response_excerpt == ""
    assert delivery.duration_ms is None
    # Refused again if tried again: no retry.
    assert delivery.next_retry_at is None
    assert take_deliveries() == []


def test_the_signature_covers_the_timestamp_and_the_body(
    endpoint, sites, receiver, django_capture_on_commit_callbacks
):
    publish(
        NewsPageFactory(parent=sites["main"]["news_index"], live=False),
        django_capture_on_commit_callbacks,
    )
    [request] = receiver.requests
    headers = request["headers"]
    sent_at = int(headers["X-S6-Timestamp"])
    message = f"{sent_at}.".encode() + request["body"]
    expected = hmac.new(endpoint.secret.encode(), message, hashlib.sha256).hexdigest()
    assert headers["X-S6-Signature"] == f"sha256={expected}"

    # The documented receiver: five minutes of tolerance, then refused.
    assert verify(endpoint.secret, request, now=sent_at + 299)
    assert not verify(endpoint.secret, request, now=sent_at + 301)
    assert not verify(endpoint.secret, request, now=sent_at - 301)
    tampered = {**request, "body": request["body"].replace(b"page.published", b"page.deleted")}
    assert not verify(endpoint.secret, tampered, now=sent_at)
    redated = {**request, "headers": {**headers, "X-S6-Timestamp": str(sent_at + 100)}}
    assert not verify(endpoint.secret, redated, now=sent_at + 100)
    assert not verify(endpoint.secret, {**request, "headers": {**headers, "X-S6-Timestamp": "x"}})
