"""Factories that build the smallest tree a test needs, never the whole demo."""

import datetime

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from site_s6.campaigns.models import CampaignIndexPage, CampaignPage
from site_s6.events.models import EventIndexPage, EventPage
from site_s6.home.models import HomePage
from site_s6.news.models import NewsIndexPage, NewsPage
from site_s6.protocol.models import ProtocolIndexPage, ProtocolVisitPage


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    password = factory.django.Password("s3cret-pass")

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)


class SuperuserFactory(UserFactory):
    is_staff = True
    is_superuser = True


class HomePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Home {n}")
    intro = "A site of Sector 6."

    class Meta:
        model = HomePage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Știri"

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"News {n}")
    kind = NewsPage.Kind.NEWS
    lead = "The lead of the news."
    publication_date = factory.LazyFunction(timezone.now)

    class Meta:
        model = NewsPage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Evenimente"

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Event {n}")
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    end = factory.LazyAttribute(lambda page: page.start + datetime.timedelta(hours=2))

    class Meta:
        model = EventPage


class CampaignIndexPageFactory(wagtail_factories.PageFactory):
    title = "Campanii"

    class Meta:
        model = CampaignIndexPage


class CampaignPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Campaign {n}")
    start_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=5))
    end_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=25))

    class Meta:
        model = CampaignPage


class ProtocolIndexPageFactory(wagtail_factories.PageFactory):
    title = "Protocol"

    class Meta:
        model = ProtocolIndexPage


class ProtocolVisitPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Visit {n}")
    delegation_name = "Delegation"
    visit_start = factory.LazyFunction(timezone.localdate)
    visit_end = factory.LazyFunction(timezone.localdate)

    class Meta:
        model = ProtocolVisitPage


def make_site(hostname: str = "localhost", *, title: str = "Primăria Sectorului 6", default=True):
    """A live site with a home page and every index page, in the default locale."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, title=title, locale=Locale.get_default())
    Site.objects.create(
        hostname=hostname, port=80, root_page=home, is_default_site=default, site_name=title
    )
    return {
        "home": home,
        "news_index": NewsIndexPageFactory(parent=home),
        "event_index": EventIndexPageFactory(parent=home),
        "campaign_index": CampaignIndexPageFactory(parent=home),
        "protocol_index": ProtocolIndexPageFactory(parent=home),
    }


class EnglishSuperuserFactory(SuperuserFactory):
    """A superuser whose admin language is English, whatever the browser asks for."""

    class Meta:
        skip_postgeneration_save = True

    @factory.post_generation
    def admin_language(user, create, extracted, **kwargs):
        if create:
            from wagtail.users.models import UserProfile

            profile = UserProfile.get_for_user(user)
            profile.preferred_language = extracted or "en"
            profile.save(update_fields=["preferred_language"])
