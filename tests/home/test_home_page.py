import pytest
import wagtail_factories
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset

from site_s6.campaigns.models import CampaignIndexPage
from site_s6.events.models import EventIndexPage
from site_s6.home.models import HomePage
from site_s6.news.models import NewsIndexPage
from site_s6.protocol.models import ProtocolIndexPage
from tests.factories import NewsPageFactory
from tests.page_admin import publish_new_page


class TestHomeTree(WagtailPageTestCase):
    def test_home_lives_at_the_root_of_the_tree(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanNotCreateAt(HomePage, HomePage)

    def test_home_holds_only_the_section_indexes_and_the_press_room(self):
        from site_s6.press.models import PressRoomPage

        self.assertAllowedSubpageTypes(
            HomePage,
            {NewsIndexPage, EventIndexPage, CampaignIndexPage, ProtocolIndexPage, PressRoomPage},
        )


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def home_fields(**fields) -> dict:
    return {
        "title": "Centrul Cultural Sector 6",
        "intro": "Spectacole și ateliere.",
        "hero_title": "Vara în parc",
        "hero_text": "Concerte gratuite în fiecare weekend.",
        "hero_image": "",
        "featured_items": inline_formset([]),
        **fields,
    }


def test_admin_creates_and_publishes_home_with_hero_and_featured_items(admin_client, site_tree):
    hero = wagtail_factories.ImageFactory(
        title="Scena", description="Scena festivalului din parc", file=get_test_image_file()
    )
    news = NewsPageFactory(parent=site_tree["news_index"], title="Program de vară")
    root = Page.get_first_root_node()

    response = publish_new_page(
        admin_client,
        HomePage,
        root,
        home_fields(
            hero_image=hero.pk,
            featured_items=inline_formset(
                [
                    {"page": news.pk, "label": "Programul verii"},
                    {"page": site_tree["event_index"].pk, "label": ""},
                ]
            ),
        ),
    )

    assert response.status_code == 302
    home = HomePage.objects.get(title="Centrul Cultural Sector 6")
    assert home.live
    assert home.get_parent().id == root.id
    assert home.slug == "centrul-cultural-sector-6"
    assert (home.hero_title, home.hero_text, home.hero_image) == (
        "Vara în parc",
        "Concerte gratuite în fiecare weekend.",
        hero,
    )
    first, second = home.featured_items.all()
    assert (first.page.specific, str(first)) == (news, "Programul verii")
    # Without its own label a featured item is shown by its page's title.
    assert (second.page.id, str(second)) == (site_tree["event_index"].id, "Evenimente")


def test_admin_refuses_more_than_six_featured_items(admin_client, site_tree):
    news = NewsPageFactory(parent=site_tree["news_index"])
    items = [{"page": news.pk, "label": f"Știre {n}"} for n in range(7)]

    response = publish_new_page(
        admin_client,
        HomePage,
        Page.get_first_root_node(),
        home_fields(featured_items=inline_formset(items)),
    )

    assert response.status_code == 200
    assert response.context["form"].formsets["featured_items"].non_form_errors()
    assert not HomePage.objects.filter(title="Centrul Cultural Sector 6").exists()
