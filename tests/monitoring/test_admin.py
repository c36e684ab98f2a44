"""The press review in the admin: the central team's views, and a 403 for everyone else.

The sites and people are built once for the module (``tests.subsites.conftest``); each
test runs in its own rolled-back transaction."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from site_s6.monitoring.models import Clipping, Source, Watch
from tests.factories import CampaignPageFactory
from tests.monitoring.conftest import Route
from tests.page_admin import edit_page_url
from tests.subsites.conftest import build_subsites

pytestmark = pytest.mark.django_db

ARTICLE = """<!DOCTYPE html><html><head>
<title>Fallback title | Ziarul</title>
<meta property="og:title" content="Primăria Sectorului 6 renovează piața Gorjului">
<meta property="og:description" content="Lucrările încep luni &amp; durează o lună.">
<meta property="og:site_name" content="Ziarul de Sector">
<meta property="article:published_time" content="2026-11-20T10:15:00+02:00">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Other"}</script>
</head><body><p>Text</p></body></html>"""

ARTICLE_JSON_LD = """<html><head><title>Titlu din head</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
 {"@type": "WebSite", "name": "Site"},
 {"@type": "NewsArticle", "headline": "Poliţia Locală Sector 6 patrulează",
  "description": "Patrule noi.", "datePublished": "2026-11-21"}]}</script>
</head><body></body></html>"""

OPML = b"""<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
<outline text="Ziare"><outline type="rss" text="Ziarul de Sector"
 xmlUrl="https://ziar.example/rss" htmlUrl="https://ziar.example/"/></outline>
<outline type="rss" text="Agentia" xmlUrl="https://agentie.example/feed"/>
</body></opml>"""


@pytest.fixture(scope="module")
def shared(module_db):
    return module_db(build_subsites)


@pytest.fixture
def people(db, shared):
    users = get_user_model().objects
    return {role: users.get(pk=user.pk) for role, user in shared["users"].items()}


@pytest.fixture
def central(client, people):
    client.force_login(people["central"])
    return client


@pytest.fixture
def editor(client, people):
    client.force_login(people["dgaspc-editor"])
    return client


@pytest.fixture
def clipping(shared):
    news = shared["world"]["main"].live_news
    return Clipping.objects.create(
        url="https://ziar.example/articol",
        title="Parcul nou din Drumul Taberei",
        outlet="Ziarul de Sector",
        published_at=timezone.now() - timezone.timedelta(days=1),
        relevant=True,
        tone=Clipping.Tone.POSITIVE,
        news_page_id=news.pk,
    )


def monitoring_urls(clipping):
    return [
        reverse("monitoring_clippings:index"),
        reverse("monitoring_clippings:edit", args=[clipping.pk]),
        reverse("monitoring_clippings:inspect", args=[clipping.pk]),
        reverse("monitoring_sources:index"),
        reverse("monitoring_sources:add"),
        reverse("monitoring_watches:index"),
        reverse("monitoring_subscriptions:index"),
        reverse("monitoring_add_by_url"),
        reverse("monitoring_triage"),
        reverse("monitoring_opml_import"),
        reverse("monitoring_opml_export"),
        reverse("monitoring_digest"),
        reverse("monitoring_coverage"),
        reverse("monitoring_coverage") + "?export=csv",
    ]


def test_the_central_team_opens_every_view(central, clipping):
    for url in monitoring_urls(clipping):
        response = central.get(url)
        assert response.status_code == 200, url

    dashboard = central.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("monitoring_clippings:index") in dashboard
    assert reverse("monitoring_coverage") in dashboard


def test_an_institution_editor_is_refused(editor, clipping):
    for url in monitoring_urls(clipping):
        assert editor.get(url).status_code == 403, url
    posted = editor.post(reverse("monitoring_add_by_url"), {"url": "https://ziar.example/x"})
    assert posted.status_code == 403
    dashboard = editor.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("monitoring_clippings:index") not in dashboard
    assert reverse("monitoring_coverage") not in dashboard


def test_add_by_url_reads_open_graph(central, feed_server, shared):
    feed_server.routes["/articol?utm_medium=social"] = Route(
        body=ARTICLE.encode(), headers={"Content-Type": "text/html; charset=utf-8"}
    )
    Watch.objects.create(phrase="Primăria Sectorului 6")

    response = central.post(
        reverse("monitoring_add_by_url"), {"url": feed_server.url("/articol?utm_medium=social")}
    )

    clipping = Clipping.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("monitoring_clippings:edit", args=[clipping.pk])
    assert clipping.url == feed_server.url("/articol")
    assert clipping.title == "Primăria Sectorului 6 renovează piața Gorjului"
    assert clipping.excerpt == "Lucrările încep luni & durează o lună."
    assert clipping.outlet == "Ziarul de Sector"
    assert clipping.published_at.isoformat() == "2026-11-20T08:15:00+00:00"
    assert [watch.phrase for watch in clipping.watches.all()] == ["Primăria Sectorului 6"]

    again = central.post(reverse("monitoring_add_by_url"), {"url": feed_server.url("/articol")})
    assert again.status_code == 302
    assert Clipping.objects.count() == 1


def test_add_by_url_reads_json_ld(central, feed_server):
    feed_server.routes["/jsonld"] = Route(body=ARTICLE_JSON_LD.encode())

    central.post(reverse("monitoring_add_by_url"), {"url": feed_server.url("/jsonld")})

    clipping = Clipping.objects.get()
    assert clipping.title == "Poliţia Locală Sector 6 patrulează"
    assert clipping.excerpt == "Patrule noi."
    assert timezone.localtime(clipping.published_at).date().isoformat() == "2026-11-21"


def test_add_by_url_reports_a_page_that_cannot_be_read(central, feed_server, settings):
    response = central.post(reverse("monitoring_add_by_url"), {"url": feed_server.url("/none")})
    assert response.status_code == 200
    assert "HTTP 404" in response.content.decode()

    settings.S6_OUTBOUND_ALLOW_PRIVATE = False
    response = central.post(reverse("monitoring_add_by_url"), {"url": feed_server.url("/none")})
    assert "loopback" in response.content.decode()
    assert not Clipping.objects.exists()


def test_opml_upload_and_download(central):
    Source.objects.create(name="Old name", feed_url="https://ziar.example/rss", active=False)

    response = central.post(
        reverse("monitoring_opml_import"),
        {"file": SimpleUploadedFile("feeds.opml", OPML, content_type="text/x-opml")},
    )

    assert response.status_code == 302
    assert sorted(Source.objects.values_list("name", "feed_url", "active")) == [
        ("Agentia", "https://agentie.example/feed", True),
        ("Ziarul de Sector", "https://ziar.example/rss", True),
    ]
    exported = central.get(reverse("monitoring_opml_export"))
    assert exported["Content-Disposition"].startswith("attachment;")
    body = exported.content.decode()
    assert 'xmlUrl="https://agentie.example/feed"' in body
    assert 'htmlUrl="https://ziar.example/"' in body


def test_the_release_editor_links_to_its_coverage(central, clipping, shared):
    news = shared["world"]["main"].live_news
    url = reverse("monitoring_clippings:index") + f"?page_id={news.pk}"

    editor_html = central.get(edit_page_url(news)).content.decode()
    assert url.replace("&", "&amp;") in editor_html

    listing = central.get(url).content.decode()
    assert clipping.title in listing
    other = shared["world"]["dgaspc"].live_news
    listing = central.get(reverse("monitoring_clippings:index") + f"?page_id={other.pk}")
    assert clipping.title not in listing.content.decode()


def test_coverage_report_has_a_chart_a_table_and_csv(central, clipping, shared):
    campaign = CampaignPageFactory(parent=shared["world"]["main"].home, title="Campania Curățenie")
    for index in range(3):
        Clipping.objects.create(
            url=f"https://ziar.example/c{index}",
            title=f"Curățenie {index}",
            campaign_page=campaign,
            tone=Clipping.Tone.NEGATIVE if index == 0 else "",
            published_at=timezone.now(),
        )
    Clipping.objects.create(
        url="https://ziar.example/irrelevant",
        title="Not counted",
        campaign_page=campaign,
        relevant=False,
        published_at=timezone.now(),
    )

    html = central.get(reverse("monitoring_coverage")).content.decode()

    assert html.count('<svg role="img"') == 2
    assert "Campania Curățenie" in html
    assert "Live news primarie" in html or shared["world"]["main"].live_news.title in html

    response = central.get(reverse("monitoring_coverage") + "?export=csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[1:] == [
        ["release", str(clipping.news_page_id), clipping.news_page.title, "1", "1", "0", "0"],
        ["campaign", str(campaign.pk), "Campania Curățenie", "3", "0", "0", "1"],
    ]


def test_digest_preview_shows_the_relevant_clippings(central, clipping):
    Clipping.objects.create(
        url="https://ziar.example/nu",
        title="Irrelevant mention",
        relevant=False,
        published_at=clipping.published_at,
    )
    html = central.get(reverse("monitoring_digest")).content.decode()
    assert clipping.title in html
    assert "Irrelevant mention" not in html


def test_triage_sets_relevance_and_tone_of_many_at_once(central):
    first = Clipping.objects.create(url="https://ziar.example/1", title="Unu")
    second = Clipping.objects.create(url="https://ziar.example/2", title="Doi")
    Clipping.objects.create(url="https://ziar.example/3", title="Gata", relevant=True)
    url = reverse("monitoring_triage")

    page = central.get(url).content.decode()
    assert "Unu" in page and "Doi" in page and "Gata" not in page

    forms = {first.pk: ("true", "positive"), second.pk: ("false", "")}
    data = {
        "form-TOTAL_FORMS": "2",
        "form-INITIAL_FORMS": "2",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
    }
    # The page lists the newest first; both have no date, so the highest id first.
    for index, pk in enumerate(sorted(forms, reverse=True)):
        data[f"form-{index}-id"] = str(pk)
        data[f"form-{index}-relevant"], data[f"form-{index}-tone"] = forms[pk]

    response = central.post(url, data)

    assert response.status_code == 302
    assert sorted(Clipping.objects.values_list("title", "relevant", "tone")) == [
        ("Doi", False, ""),
        ("Gata", True, ""),
        ("Unu", True, "positive"),
    ]
    # Nothing left to triage: no form at all.
    assert "form-TOTAL_FORMS" not in central.get(url).content.decode()


def test_the_same_article_with_tracking_is_a_duplicate_in_the_form(central, clipping):
    response = central.post(
        reverse("monitoring_clippings:add"),
        {"title": "Again", "url": clipping.url + "?utm_source=x", "tone": "", "relevant": ""},
    )
    assert response.status_code == 200
    assert Clipping.objects.count() == 1


def test_the_campaign_editor_links_to_its_coverage_for_the_central_team_only(
    client, people, shared
):
    campaign = CampaignPageFactory(parent=shared["world"]["main"].home, title="Campania Verde")
    url = reverse("monitoring_clippings:index") + f"?page_id={campaign.pk}"

    client.force_login(people["central"])
    assert url in client.get(edit_page_url(campaign)).content.decode()

    dgaspc_news = shared["world"]["dgaspc"].live_news
    client.force_login(people["dgaspc-editor"])
    response = client.get(edit_page_url(dgaspc_news))
    assert response.status_code == 200
    assert "press-review" not in response.content.decode()
