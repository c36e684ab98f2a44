"""On the demo served on another port than 8000, every link a reader follows opens its page.

The acceptance of issue 19's links: from the city hall's news list to a news item DGASPC
shares with it, from an item of the RSS feed, from the admin link of a workflow e-mail;
and a release's press contact on its page and in the API.
"""

import json
from urllib.request import Request, urlopen

import feedparser
import pytest

from .conftest import CITY_HALL, DGASPC


def heading(tab) -> str:
    return tab.locator("main h1").inner_text().strip()


def fetch(demo, host: str, path: str) -> bytes:
    """``path`` on ``host`` as a feed reader or an API client gets it (Node's resolver,
    behind Playwright's, knows no *.localhost, so the request names the host itself)."""
    request = Request(  # noqa: S310 - the live test server
        f"http://127.0.0.1:{demo.port}{path}", headers={"Host": f"{host}:{demo.port}"}
    )
    with urlopen(request, timeout=30) as response:  # noqa: S310 - the live test server
        return response.read()


def footer_leads_to_the_institutions_sites(demo, tab):
    tab.goto(demo.url(CITY_HALL))
    assert "Aproape de oamenii din Sectorul 6" in heading(tab)
    # The footer leads to every institution's site, on the same port.
    footer = tab.locator("footer")
    footer.get_by_role(
        "link", name="Direcția Generală de Asistență Socială și Protecția Copilului Sector 6"
    ).click()
    tab.wait_for_url(demo.url(DGASPC))
    assert heading(tab) == "Sprijin pentru fiecare etapă a vieții"


def news_list_opens_dgaspcs_shared_news(demo, tab):
    shared = demo.shared_news
    tab.goto(demo.url(CITY_HALL, "/stiri/"))

    card = tab.locator(".card", has_text=shared.title)
    card.get_by_role("link", name=shared.title).click()

    tab.wait_for_url(demo.url(DGASPC, "/**"))
    assert heading(tab) == shared.title


def search_finds_and_opens_dgaspcs_shared_news(demo, tab):
    shared = demo.shared_news
    tab.goto(demo.url(CITY_HALL))
    tab.get_by_role("searchbox").fill(shared.title)
    tab.get_by_role("searchbox").press("Enter")

    tab.get_by_role("link", name=shared.title).first.click()

    tab.wait_for_url(demo.url(DGASPC, "/**"))
    assert heading(tab) == shared.title


def rss_item_link_opens_its_page(demo, tab):
    shared = demo.shared_news
    feed = feedparser.parse(fetch(demo, CITY_HALL, "/feeds/news.xml"))

    entry = next(entry for entry in feed.entries if entry.title == shared.title)
    assert entry.link.startswith(demo.url(DGASPC))

    tab.goto(entry.link)
    assert heading(tab) == shared.title


def workflow_email_admin_link_opens_the_submitted_page(demo, tab):
    page = demo.submitted
    to_central_team = [m for m in demo.emails if "presa@primarie6.localhost" in m.to]
    assert to_central_team, [m.to for m in demo.emails]
    [link] = sorted(set(demo.admin_links()))
    assert link == f"http://localhost:{demo.port}/admin/pages/{page.pk}/edit/"

    tab.goto(link)
    # Signed out, the admin asks who is there, then goes where the e-mail pointed.
    tab.locator("#id_username").fill("presa")
    tab.locator("#id_password").fill("demo-s6")
    tab.locator("form button[type=submit]").first.click()

    tab.wait_for_url(link)
    assert tab.locator("#id_title").input_value() == page.title


def release_shows_its_press_contact_and_carries_it_in_the_api(demo, tab):
    release = demo.release
    contact = release.contact_person
    tab.goto(demo.url(CITY_HALL, release.url_path.removeprefix(_root(release))))

    block = tab.locator(".article__contact")
    assert block.get_by_role("heading").inner_text() == "Contact pentru presă"
    assert contact.name in block.inner_text()

    detail = json.loads(fetch(demo, CITY_HALL, f"/api/v3/news/{release.pk}/"))
    assert detail["contact_person"]["name"] == contact.name


def _root(page) -> str:
    """The url_path of the home page holding ``page``: what its address leaves out."""
    return page.get_ancestors().get(depth=2).url_path.rstrip("/")


# One test: Django empties the database after a test that holds no transaction (see
# conftest.py), and loading the demo takes a minute. Each step is a reader's click. The
# serialized rollback keeps Django from recreating content types after emptying it (with
# new ids), which the package's own putting back would then collide with.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_on_another_port_every_link_of_the_demo_opens_its_page(demo, tab):
    assert demo.port != 8000
    footer_leads_to_the_institutions_sites(demo, tab)
    news_list_opens_dgaspcs_shared_news(demo, tab)
    search_finds_and_opens_dgaspcs_shared_news(demo, tab)
    rss_item_link_opens_its_page(demo, tab)
    release_shows_its_press_contact_and_carries_it_in_the_api(demo, tab)
    # Last: it signs the browser in.
    workflow_email_admin_link_opens_the_submitted_page(demo, tab)
