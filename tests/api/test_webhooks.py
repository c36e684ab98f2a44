"""Webhooks against a real HTTP receiver on loopback."""

import hashlib
import hmac
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils import timezone
from django_tasks import default_task_backend
from wagtail.models import Site

from site_s6.api.webhooks.delivery import deliver_webhook
from site_s6.api.webhooks.models import Event, WebhookDelivery, WebhookEndpoint
from tests.factories import NewsPageFactory, make_site

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
        site=Site.objects.get(hostname="primarie.test"), url=receiver.url, secret="s3cret"
    )


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


def verify(secret, request):
    expected = "sha256=" + hmac.new(secret.encode(), request["body"], hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, request["headers"]["X-S6-Signature"])


def test_publish_posts_a_signed_event(
    endpoint, sites, receiver, django_capture_on_commit_callbacks
):
    page = NewsPageFactory(parent=sites["main"]["news_index"], title="Știre", live=False)
    publish(page, django_capture_on_commit_callbacks)

    assert len(receiver.requests) == 1
    request = receiver.requests[0]
    assert verify("s3cret", request)
    assert not verify("wrong", request)
    headers = request["headers"]
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
    assert all(verify("s3cret", request) for request in receiver.requests)


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
    assert "s3cret" not in response.content.decode()
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
