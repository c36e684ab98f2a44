"""A release on every channel: the statuses through the hook, the group kit, the page's
channel screen (who may open it), and the dashboard's releases needing attention."""

import datetime
import os
import subprocess
import sys
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.utils import timezone, translation
from wagtail import hooks

from site_s6.channels.crypto import decrypt, encrypt
from site_s6.channels.models import FacebookPost, GroupKitMark
from site_s6.channels.services.kit import hashtags, kit_text, share_url
from site_s6.channels.status import (
    DONE,
    FAILED,
    HOOK_NAME,
    NONE,
    PENDING,
    ChannelStatus,
    channel_statuses,
)
from site_s6.news.models import NewsIndexPage
from site_s6.press.models import AlertDelivery, Subscriber
from tests.factories import NewsPageFactory


def release(world, *, publish=True, **kwargs):
    index = NewsIndexPage.objects.child_of(world["sites"]["main"].root_page).get()
    page = NewsPageFactory(parent=index, live=False, **kwargs)
    if publish:
        page.save_revision().publish()
        page.refresh_from_db()
    return page.specific


def by_channel(page) -> dict[str, ChannelStatus]:
    with translation.override("en"):
        return {status.channel: status for status in channel_statuses(page)}


def test_a_channel_status_refuses_an_unknown_state():
    with pytest.raises(ValueError, match="unknown channel state"):
        ChannelStatus(channel="Site", state="lost")


def test_a_draft_is_pending_on_the_site_and_uses_no_other_channel(world):
    page = release(world, publish=False)

    statuses = by_channel(page)

    assert statuses["Site"].state == PENDING
    assert statuses["Facebook page"].state == NONE
    assert statuses["“Pentru Sectorul 6” group"].state == NONE
    assert statuses["E-mail subscribers"].state == NONE


def test_a_published_release_is_done_on_the_site_and_its_group_kit_waits(world):
    page = release(world, title="Târg de Crăciun în Parcul Drumul Taberei")

    statuses = by_channel(page)

    assert statuses["Site"].state == DONE
    assert statuses["Site"].at == page.last_published_at
    assert statuses["“Pentru Sectorul 6” group"].state == PENDING


def test_the_group_kit_gives_the_text_share_link_and_marks_who_posted(world, client):
    page = release(world, title="Târg de Crăciun", lead="Deschis zilnic, 10-22.")
    page.tags.add("Sărbători de iarnă", "parcuri")
    page.save()

    text = kit_text(page)
    url = share_url(page)

    assert text.splitlines()[0] == "Târg de Crăciun"
    assert "Deschis zilnic, 10-22." in text
    assert page.get_full_url() in text
    assert hashtags(page) == ["#Sectorul6", "#Parcuri", "#SarbatoriDeIarna"] or hashtags(page) == [
        "#Sectorul6",
        "#SarbatoriDeIarna",
        "#Parcuri",
    ]
    assert urlsplit(url).netloc == "www.facebook.com"
    assert parse_qs(urlsplit(url).query)["u"] == [page.get_full_url()]

    central = world["users"]["central"]
    client.force_login(central)
    screen = client.get(f"/admin/channels/page/{page.pk}/").content.decode()
    assert "#Sectorul6" in screen
    assert "sharer.php" in screen
    when = timezone.now()
    assert (
        client.post(f"/admin/channels/page/{page.pk}/", {"action": "kit_mark"}).status_code == 302
    )

    mark = GroupKitMark.objects.get(page=page)
    assert mark.marked_by == central
    assert abs(mark.marked_at - when) < datetime.timedelta(minutes=1)
    assert by_channel(page)["“Pentru Sectorul 6” group"].state == DONE


def test_a_draft_cannot_be_marked_posted_in_the_group(world, client):
    page = release(world, publish=False)
    client.force_login(world["users"]["central"])

    client.post(f"/admin/channels/page/{page.pk}/", {"action": "kit_mark"})

    assert not GroupKitMark.objects.exists()


def test_subscribers_show_the_alerts_sent(world):
    page = release(world)
    for number in range(3):
        subscriber = Subscriber.objects.create(
            email=f"abonat{number}@example.com", language="ro", site=world["sites"]["main"]
        )
        AlertDelivery.objects.create(
            page=page, subscriber=subscriber, sent_at=timezone.now() if number < 2 else None
        )

    pending = by_channel(page)["E-mail subscribers"]
    AlertDelivery.objects.filter(sent_at__isnull=True).update(sent_at=timezone.now())
    done = by_channel(page)["E-mail subscribers"]

    assert (pending.state, pending.detail) == (PENDING, "2 alerts sent")
    assert (done.state, done.detail) == (DONE, "3 alerts sent")


def test_another_app_adds_its_channel_through_the_hook(world):
    page = release(world)

    def press_list(page):
        return [ChannelStatus(channel="Press list", state=FAILED, detail="2 bounced")]

    with hooks.register_temporarily(HOOK_NAME, press_list):
        statuses = by_channel(page)

    assert statuses["Press list"].state == FAILED
    assert list(statuses)[0] == "Site"


def test_pages_other_than_releases_have_no_channels(world):
    home = world["sites"]["main"].root_page.specific

    assert channel_statuses(home) == []


def test_who_may_open_a_release_s_channels(world, client):
    page = release(world)
    path = f"/admin/channels/page/{page.pk}/"

    assert client.get(path).status_code == 302  # to the login
    client.force_login(world["users"]["urbanism"])
    response = client.get(path)
    assert response.status_code in (302, 403)
    assert page.title not in response.content.decode()
    client.post(path, {"action": "kit_mark"})
    assert not GroupKitMark.objects.exists()
    client.force_login(world["users"]["editor"])  # DGASPC's editor, a city hall page
    assert client.get(path).status_code in (302, 403)
    client.force_login(world["users"]["central"])
    assert client.get(path).status_code == 200
    assert client.post(path, {"action": "nonsense"}).status_code == 302


def test_the_dashboard_lists_releases_with_a_failed_or_pending_channel(world, client):
    failed = release(world, title="Comunicat eșuat pe Facebook")
    FacebookPost.objects.create(
        page=failed, state=FacebookPost.State.FAILED, error_code=190, error_message="expired"
    )
    marked = release(world, title="Comunicat postat peste tot")
    GroupKitMark.objects.create(
        page=marked, marked_by=world["users"]["central"], marked_at=timezone.now()
    )
    client.force_login(world["users"]["central"])

    home = client.get("/admin/").content.decode()
    start = home.index('id="s6-channels')
    panel = home[start : home.index("</section>", start)]

    assert "Comunicat eșuat pe Facebook" in panel
    assert "Comunicat postat peste tot" not in panel
    client.force_login(world["users"]["editor"])
    assert "Comunicat eșuat pe Facebook" not in client.get("/admin/").content.decode()


def test_choosing_facebook_from_the_channel_screen(world, client):
    page = release(world, publish=False)
    client.force_login(world["users"]["central"])

    client.post(
        f"/admin/channels/page/{page.pk}/",
        {"action": "facebook_choose", "message": "Veniți la târg!"},
    )
    post = FacebookPost.objects.get(page=page)
    assert (post.state, post.message) == (FacebookPost.State.WAITING, "Veniți la târg!")
    assert by_channel(page)["Facebook page"].state == PENDING

    client.post(f"/admin/channels/page/{page.pk}/", {"action": "facebook_cancel"})
    assert not FacebookPost.objects.exists()


def test_tokens_are_encrypted_with_the_configured_key(settings):
    from cryptography.fernet import Fernet

    settings.S6_CHANNELS_KEY = Fernet.generate_key().decode()
    ciphertext = encrypt("EAAB-token")
    assert "EAAB" not in ciphertext and decrypt(ciphertext) == "EAAB-token"

    old_key = settings.S6_CHANNELS_KEY
    settings.S6_CHANNELS_KEY = f"{Fernet.generate_key().decode()},{old_key}"
    assert decrypt(ciphertext) == "EAAB-token"  # rotation: the old key still decrypts


def read_production(**env) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if key != "S6_CHANNELS_KEY"}
    environment.update(
        SECRET_KEY="k" * 10 + "Zq8#vR2!mW5@xT9$pL3^nB6&cF1*hJ4(gD7)sA0-eY",
        ALLOWED_HOSTS="primarie6.example",
        REDIS_URL="redis://127.0.0.1:6379/15",
        **env,
    )
    return subprocess.run(  # noqa: S603 - a fixed command line
        [sys.executable, "-c", "import site_s6.settings.production as s; print(s.S6_CHANNELS_KEY)"],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_refuses_to_start_without_a_valid_channels_key():
    from cryptography.fernet import Fernet

    missing = read_production()
    invalid = read_production(S6_CHANNELS_KEY="not-a-fernet-key")
    key = Fernet.generate_key().decode()
    valid = read_production(S6_CHANNELS_KEY=key)

    assert missing.returncode != 0
    assert "ImproperlyConfigured: S6_CHANNELS_KEY must be set in production" in missing.stderr
    assert invalid.returncode != 0
    assert "S6_CHANNELS_KEY must be Fernet keys" in invalid.stderr
    assert valid.returncode == 0, valid.stderr
    assert valid.stdout.strip() == key
