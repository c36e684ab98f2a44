"""``?search=`` on the API's lists: the search page's service, the same items, any input.

The city hall's site (``primarie.test``) receives the news an institution shares with it;
``dgaspc.test`` keeps its own; ``adp.test`` belongs to an inactive institution.
"""

import re
from urllib.parse import urlencode

import pytest
from wagtail.models import PageViewRestriction, Site
from wagtail.rich_text import RichText

from site_s6.news.models import NewsPage
from subsites.models import Institution
from tests.factories import (
    CampaignPageFactory,
    EventPageFactory,
    NewsPageFactory,
    ProtocolVisitPageFactory,
    make_site,
)

pytestmark = pytest.mark.django_db

SPELLINGS = ["sedinta", "şedinţă", "ședință"]
LISTS = ["news", "events", "campaigns", "protocol-visits"]
HOSTILE = [
    "   ",
    '"ședință',
    "ședință & | ! : * ( ) <-> -",
    "&|!:*()",
    "' OR 1=1 --",
    "%_\\",
    "\x00",
    "ședință\x00",
    " ".join(["ședință"] * 1000),
]


@pytest.fixture
def tree(locales):
    Site.objects.all().delete()
    main = make_site("primarie.test", title="Primăria Sectorului 6", default=True)
    dgaspc = make_site("dgaspc.test", title="DGASPC Sector 6", default=False)
    adp = make_site("adp.test", title="ADP Sector 6", default=False)
    sites = {site.hostname: site for site in Site.objects.all()}
    Institution.objects.create(
        name="Primăria Sectorului 6",
        short_name="Primăria",
        slug="primarie",
        kind=Institution.Kind.CITY_HALL,
        site=sites["primarie.test"],
    )
    Institution.objects.create(
        name="DGASPC Sector 6", short_name="DGASPC", slug="dgaspc", site=sites["dgaspc.test"]
    )
    Institution.objects.create(
        name="ADP Sector 6", short_name="ADP", slug="adp", site=sites["adp.test"], is_active=False
    )
    news = main["news_index"]
    NewsPageFactory(parent=news, title="Ședința consiliului local", lead="Ordinea de zi.")
    NewsPageFactory(parent=news, title="Consiliul se întrunește", lead="O şedinţă extraordinară.")
    NewsPageFactory(
        parent=news,
        title="Program de lucru",
        lead="Program.",
        body=[("paragraph", RichText("<p>Sedinta publica incepe la ora 10.</p>"))],
    )
    NewsPageFactory(parent=news, title="Parcul se redeschide")
    NewsPageFactory(parent=news, title="Ședință ciornă", live=False)
    private = NewsPageFactory(parent=news, title="Ședință privată")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    NewsPageFactory(
        parent=dgaspc["news_index"], title="Ședință DGASPC comună", syndicate_to_main_site=True
    )
    NewsPageFactory(parent=dgaspc["news_index"], title="Ședință DGASPC proprie")
    NewsPageFactory(parent=adp["news_index"], title="Ședință ADP", syndicate_to_main_site=True)
    EventPageFactory(parent=main["event_index"], title="Ședință de informare")
    EventPageFactory(parent=main["event_index"], title="Concert în parc")
    CampaignPageFactory(parent=main["campaign_index"], title="Ședință publică de consultare")
    CampaignPageFactory(parent=main["campaign_index"], title="Sector 6 curat")
    ProtocolVisitPageFactory(
        parent=main["protocol_index"], title="Vizita Lyon", delegation_name="Ședință la Lyon"
    )
    ProtocolVisitPageFactory(parent=main["protocol_index"], title="Vizita Cluj")
    return {"main": main, "dgaspc": dgaspc, "adp": adp}


def api_titles(client, path, site, search):
    response = client.get(f"/api/v3/{path}/?{urlencode({'site': site, 'search': search})}")
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["items"]]


def search_page_titles(client, host, query):
    response = client.get(f"/search/?{urlencode({'q': query})}", HTTP_HOST=host)
    assert response.status_code == 200
    body = response.content.decode()
    titles = re.findall(r'<h2 class="search-result__title"><a href="[^"]*">(.*?)</a></h2>', body)
    return [re.sub(r"</?mark>", "", title) for title in titles]


@pytest.mark.parametrize("host", ["primarie.test", "dgaspc.test"])
def test_news_search_matches_every_spelling_and_the_search_page(client, tree, host):
    results = [api_titles(client, "news", host, spelling) for spelling in SPELLINGS]
    assert results[0], "the search finds news"
    for result in results[1:]:
        assert result == results[0]
    news_titles = set(NewsPage.objects.values_list("title", flat=True))
    for spelling in SPELLINGS:
        page_news = [t for t in search_page_titles(client, host, spelling) if t in news_titles]
        assert page_news == results[0], spelling


def test_news_search_scope(client, tree):
    main = set(api_titles(client, "news", "primarie.test", "sedinta"))
    assert main == {
        "Ședința consiliului local",
        "Consiliul se întrunește",
        "Program de lucru",
        "Ședință DGASPC comună",
    }
    dgaspc = set(api_titles(client, "news", "dgaspc.test", "sedinta"))
    assert dgaspc == {"Ședință DGASPC comună", "Ședință DGASPC proprie"}


def test_the_best_match_comes_first(client, tree):
    titles = api_titles(client, "news", "primarie.test", "ședința")
    assert titles.index("Ședința consiliului local") < titles.index("Program de lucru")


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("events", "Ședință de informare"),
        ("campaigns", "Ședință publică de consultare"),
        ("protocol-visits", "Vizita Lyon"),
    ],
)
def test_every_list_searches(client, tree, path, title):
    for spelling in ("ședință", "şedinţă", "SEDINTA"):
        titles = api_titles(client, path, "primarie.test", spelling)
        assert title in titles, (path, spelling, titles)
    assert api_titles(client, path, "primarie.test", "inexistent") == []


def test_the_count_is_the_number_of_matches(client, tree):
    response = client.get("/api/v3/news/?site=primarie.test&search=sedinta&limit=1")
    body = response.json()
    assert body["count"] == 4
    assert len(body["items"]) == 1


@pytest.mark.parametrize("path", LISTS)
def test_hostile_input_never_fails(client, tree, path):
    for text in HOSTILE:
        response = client.get(f"/api/v3/{path}/?{urlencode({'search': text})}")
        # Longer than 200 characters, or a NUL (as in every text parameter), is refused as
        # invalid; nothing else is.
        invalid = len(text) > 200 or "\x00" in text
        assert response.status_code == (422 if invalid else 200), (text, response.content)
        page = client.get(f"/search/?{urlencode({'q': text})}", HTTP_HOST="primarie.test")
        assert page.status_code == 200, text
