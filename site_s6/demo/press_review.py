"""The press review's demo: real outlets' feeds (polling off until someone enables them),
watches for the five institutions, and a week of invented clippings, some linked to the
demo's releases and campaigns. Clippings point to a reserved domain (``.example``): the
articles are made up, and no real outlet is made to say them."""

import datetime

from django.apps import apps
from django.contrib.auth import get_user_model
from django.utils import timezone

from site_s6.monitoring.matching import matching_watches

DEMO_ARTICLE_URL = "https://presa-demo.example/{slug}"


def load_press_review(loader, data: dict) -> None:
    """Create what is missing; a second run finds everything by its unique key."""
    source_model = apps.get_model("monitoring", "Source")
    watch_model = apps.get_model("monitoring", "Watch")
    clipping_model = apps.get_model("monitoring", "Clipping")
    news_model = apps.get_model("news", "NewsPage")
    campaign_model = apps.get_model("campaigns", "CampaignPage")

    def institution(key):
        return loader.sites[key]["institution"] if key else None

    def page(model, title):
        if not title:
            return None
        return model.objects.filter(title=title, locale__language_code="ro").order_by("pk").first()

    for spec in data["sources"]:
        _source, created = source_model.objects.get_or_create(
            feed_url=spec["feed_url"],
            defaults={
                "name": spec["name"],
                "outlet_kind": spec["outlet_kind"],
                "site_url": spec["site_url"],
                # Polling off in the demo: an editor turns a source on in the admin.
                "active": False,
            },
        )
        if created:
            loader.report.count("press review sources")
    watches = {}
    for spec in data["watches"]:
        watch, created = watch_model.objects.get_or_create(
            phrase=spec["phrase"], defaults={"institution": institution(spec["site"])}
        )
        watches[spec["phrase"]] = watch
        if created:
            loader.report.count("press review watches")
    subscription_model = apps.get_model("monitoring", "DigestSubscription")
    for user in get_user_model().objects.filter(username__in=data.get("digest_subscribers", [])):
        if subscription_model.objects.get_or_create(user=user)[1]:
            loader.report.count("digest subscriptions")
    now = timezone.localtime()
    for spec in data["clippings"]:
        url = DEMO_ARTICLE_URL.format(slug=spec["slug"])
        if clipping_model.objects.filter(url=url).exists():
            continue
        day = now.date() - datetime.timedelta(days=spec["days_ago"])
        published = timezone.make_aware(datetime.datetime.combine(day, datetime.time(spec["hour"])))
        clipping = clipping_model.objects.create(
            url=url,
            title=spec["title"],
            outlet=spec["outlet"],
            excerpt=spec["excerpt"],
            published_at=min(published, now),
            relevant=spec["relevant"],
            tone=spec["tone"],
            news_page=page(news_model, spec.get("news")),
            campaign_page=page(campaign_model, spec.get("campaign")),
        )
        clipping.institutions.set([institution(key) for key in spec["sites"]])
        clipping.watches.set(matching_watches(watches.values(), spec["title"], spec["excerpt"]))
        if spec["topics"]:
            clipping.topics.add(*spec["topics"])
        loader.report.count("press review clippings")
