"""Wagtail's own page endpoints (v2 and v3) answer reads with ``ETag`` and
``Cache-Control``, and ``If-None-Match`` with 304."""

import pytest

pytestmark = pytest.mark.django_db

READS = [
    "/api/v2/pages/?site=primarie.test",
    "/api/v3/pages/?site=primarie.test",
]


@pytest.mark.parametrize("url", READS)
def test_list_carries_etag_and_answers_304(client, tree, url):
    response = client.get(url)

    assert response.status_code == 200
    etag = response["ETag"]
    assert etag.startswith('"')
    assert "public" in response["Cache-Control"]
    assert "max-age=" in response["Cache-Control"]
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again["ETag"] == etag
    assert again.content == b""


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_detail_etag_changes_on_publish(client, tree, version):
    press = tree["press"]
    url = f"/api/{version}/pages/{press.pk}/?site=primarie.test"
    etag = client.get(url)["ETag"]

    press.title = "Comunicat transport actualizat"
    press.save_revision().publish()

    response = client.get(url, headers={"If-None-Match": etag})
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_writes_and_errors_are_untouched(client, tree):
    missing = client.get("/api/v3/pages/999999/?site=primarie.test")
    assert missing.status_code == 404
    assert not missing.has_header("ETag")


def test_authenticated_reads_are_private(admin_client, tree):
    response = admin_client.get("/api/v3/pages/?site=primarie.test")

    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
