"""Builds the demo sites from ``fixtures/demo``: idempotent, dated relative to today.

Every item is found again by its slug under its section, so a second run creates
nothing. Internal plans are attached only when the page is created.
"""

import datetime
import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.html import format_html
from wagtail.images.models import Image
from wagtail.models import Collection, Locale, Page, Site
from wagtail.rich_text import RichText

from site_s6.core.models import BrandingSettings, ContactSettings
from site_s6.core.text import ascii_slugify
from subsites.models import Institution
from subsites.roles import CENTRAL_TEAM_GROUP, HEAD_OF_DEPARTMENT_GROUP, VISUAL_IDENTITY_COLLECTION
from subsites.services import institution_provision

from .budgets import load_budgets
from .channels import load_channels
from .gifts import load_gifts
from .images import draw_illustration, draw_logo
from .press_contacts import load_press_contacts
from .press_distribution import load_press_distribution
from .press_office import ROOMS, load_press_office
from .press_review import load_press_review
from .translations import translate_page

FIXTURES = Path(settings.BASE_DIR) / "fixtures" / "demo"
DEMO_PASSWORD = "demo-s6"  # noqa: S105 - demo accounts only; the loader refuses production
SECTION_TITLES_EN = {
    "news.NewsIndexPage": "News",
    "events.EventIndexPage": "Events",
    "campaigns.CampaignIndexPage": "Campaigns",
    "protocol.ProtocolIndexPage": "Protocol",
}
DEMO_USERS = [
    # username, first name, last name, superuser, group ("central", "head" or a site key). People's
    # names: Wagtail's workflow e-mails greet a user by first name ("Bună ziua, Ioana,").
    ("admin", "Cristian", "Ionescu", True, None),
    ("presa", "Ioana", "Popescu", False, "central"),
    ("sef.presa", "Mihaela", "Stanciu", False, "head"),
    ("editor.dgaspc", "Daniela", "Dumitru", False, "dgaspc"),
    ("editor.politia", "Radu", "Georgescu", False, "politia"),
]


def load_fixture(name: str):
    with open(FIXTURES / f"{name}.json", encoding="utf-8") as handle:
        return json.load(handle)


def paragraphs_stream(paragraphs: list[str]) -> list[tuple[str, RichText]]:
    return [("paragraph", RichText(format_html("<p>{}</p>", text))) for text in paragraphs]


@dataclass
class DemoReport:
    created: dict[str, int] = field(default_factory=dict)

    def count(self, what: str) -> None:
        self.created[what] = self.created.get(what, 0) + 1


class DemoLoader:
    """Loads the fixtures in order: sites, users, images, campaigns, news, events, visits."""

    def __init__(self, *, port: int = 8000):
        self.port = port
        self.report = DemoReport()
        self.today = timezone.localdate()
        self.now = timezone.localtime()
        self.sites: dict[str, dict] = {}
        self.images: dict[str, Image] = {}
        self.campaigns: dict[str, Page] = {}
        self.en = Locale.objects.get_or_create(language_code="en")[0]

    @transaction.atomic
    def run(self) -> DemoReport:
        self._remove_wagtail_welcome_page()
        for spec in load_fixture("sites"):
            self._site(spec)
        self._users()
        self._images()
        self._branding()
        for spec in load_fixture("campaigns"):
            self._campaign(spec)
        for spec in load_fixture("news"):
            self._news(spec)
        for spec in load_fixture("events"):
            self._event(spec)
        for spec in load_fixture("protocol_visits"):
            self._visit(spec)
        load_press_review(self, load_fixture("press_review"))
        load_press_office(self)
        load_press_contacts(self)
        load_budgets(self)
        load_channels(self)
        load_gifts(self)
        self._contacts()
        load_press_distribution(self)
        return self.report

    # Sites and people -------------------------------------------------------------

    def _remove_wagtail_welcome_page(self) -> None:
        # Wagtail's first migration makes a "Welcome" page and a localhost site.
        Site.objects.filter(root_page__slug="home", root_page__depth=2).delete()
        for page in Page.objects.filter(depth=2, slug="home", content_type__model="page"):
            page.delete()
            self.report.count("removed welcome page")

    def _site(self, spec: dict) -> None:
        report = institution_provision(
            name=spec["name"],
            short_name=spec["short_name"],
            hostname=spec["hostname"],
            kind=spec["kind"],
            port=self.port,
            is_default_site=spec.get("is_default", False),
        )
        if report.changed:
            self.report.count("institutions provisioned")
        institution = report.institution
        self._site_port(institution.site)
        home = institution.site.root_page.specific
        sections = {
            child.specific_class._meta.label: child.specific for child in home.get_children().live()
        }
        self.sites[spec["key"]] = {"spec": spec, "institution": institution, "home": home}
        self.sites[spec["key"]].update(sections=sections)
        self._home_texts(home, spec["home"])

    def _site_port(self, site: Site) -> None:
        """Serve the site on the loader's port, the one ``make run`` listens on.

        Absolute links (cross-site news cards, feeds, calendars, the API's ``url``, the
        admin's "view live") carry the site's port: a demo stored on port 80 would link to
        a port nothing listens on. Loading again with another port moves every site.
        """
        if site.port != self.port:
            site.port = self.port
            site.save(update_fields=["port"])
            self.report.count("site ports")

    def _home_texts(self, home, texts: dict) -> None:
        if home.hero_title:
            return
        ro = texts["ro"]
        home.title = ro["title"]
        home.intro = ro.get("intro", "")
        home.hero_title = ro.get("hero_title", "")
        home.hero_text = ro.get("hero_text", "")
        home.save_revision().publish()
        en_texts = texts.get("en")
        if en_texts:
            self._translate(
                home,
                en_texts,
                hero_title=[en_texts.get("hero_title", "")],
                hero_text=[en_texts.get("hero_text", "")],
            )
        for section in home.get_children().specific():
            self._translate_section(section)

    def _translate_section(self, section) -> None:
        english_title = SECTION_TITLES_EN.get(type(section)._meta.label)
        translation = section.get_translation_or_none(self.en)
        if english_title and (translation is None or translation.alias_of_id):
            translate_page(
                section,
                self.en,
                {"title": [english_title], "slug": [ascii_slugify(english_title)]},
            )
            self.report.count("English translations")

    def _users(self) -> None:
        user_model = get_user_model()
        central = Group.objects.get(name=CENTRAL_TEAM_GROUP)
        head = Group.objects.get(name=HEAD_OF_DEPARTMENT_GROUP)
        for username, first, last, is_superuser, group_key in DEMO_USERS:
            user, created = user_model.objects.get_or_create(
                username=username,
                defaults={
                    "first_name": first,
                    "last_name": last,
                    "email": f"{username}@primarie6.localhost",
                    "is_staff": is_superuser,
                    "is_superuser": is_superuser,
                },
            )
            if not created:
                if (user.first_name, user.last_name) != (first, last):
                    # Demos loaded before the users had people's names.
                    user.first_name, user.last_name = first, last
                    user.save(update_fields=["first_name", "last_name"])
                continue
            user.set_password(DEMO_PASSWORD)
            user.save()
            if group_key == "central":
                user.groups.add(central)
            elif group_key == "head":
                user.groups.add(head)
            elif group_key:
                user.groups.add(self.sites[group_key]["institution"].editors_group)
            self.report.count("users")

    # Images and branding ----------------------------------------------------------

    def _images(self) -> None:
        """Each illustration in the collection of the institution it belongs to (its editors
        choose from their own collection), the logos in the shared visual identity."""
        identity = Collection.objects.get(name=VISUAL_IDENTITY_COLLECTION)
        for spec in load_fixture("images"):
            title = spec["title"]["ro"]
            is_logo = spec["motif"] == "logo"
            collection = identity if is_logo else self.sites[spec["site"]]["institution"].collection
            image = Image.objects.filter(title=title).first()
            if image is None:
                site_key = spec["key"].removeprefix("logo-")
                if is_logo:
                    short_name = self.sites[site_key]["spec"]["short_name"]
                    initials = "".join(word[0] for word in short_name.split() if word[0].isalnum())
                    file = draw_logo(initials=initials, palette=spec["palette"], seed=spec["key"])
                else:
                    file = draw_illustration(
                        motif=spec["motif"], palette=spec["palette"], seed=spec["key"]
                    )
                image = Image(
                    title=title,
                    file=file,
                    collection=collection,
                    description=spec["alt"]["ro"],
                )
                image.save()
                self.report.count("images")
            elif image.collection_id != collection.pk:
                # Demos loaded before the images were filed by institution.
                image.collection = collection
                image.save(update_fields=["collection"])
                self.report.count("images moved to their institution's collection")
            self.images[spec["key"]] = image

    def _branding(self) -> None:
        for key, site in self.sites.items():
            spec = site["spec"]
            wagtail_site = site["institution"].site
            branding = BrandingSettings.for_site(wagtail_site)
            if not branding.full_name:
                branding.full_name = spec["name"]
                branding.short_name = spec["short_name"]
                branding.primary_colour = spec["colors"]["primary"]
                branding.secondary_colour = spec["colors"]["secondary"]
                branding.logo = self.images.get(f"logo-{key}")
                branding.favicon = self.images.get(f"logo-{key}")
                branding.save()
            contact = ContactSettings.for_site(wagtail_site)
            if not contact.address:
                details = spec["contact"]
                contact.address = details.get("address", "")
                contact.phone = details.get("phone", "")
                contact.press_email = details.get("press_email", "")
                contact.email = details.get("email", "")
                contact.facebook_url = details.get("facebook", "")
                contact.instagram_url = details.get("instagram", "")
                contact.youtube_url = details.get("youtube", "")
                contact.save()

    # Content ----------------------------------------------------------------------

    def _section(self, site_key: str, label: str):
        return self.sites[site_key]["sections"][label]

    def _publish_child(self, parent, page, *, tags=(), children=None):
        """Add ``page`` under ``parent`` unless a page with its slug exists; publish it."""
        existing = parent.get_children().filter(slug=page.slug).first()
        if existing is not None:
            return existing.specific, False
        for tag in tags:
            page.tags.add(tag)
        for relation, rows in (children or {}).items():
            setattr(page, relation, rows)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page, True

    def _translate(self, page, texts: dict | None, **fields: list[str]) -> None:
        """Publish the English translation of ``page`` through wagtail-localize."""
        if not texts:
            return
        existing = page.get_translation_or_none(self.en)
        if existing is not None and not existing.alias_of_id:
            return
        title = texts["title"]
        translate_page(
            page,
            self.en,
            {
                "title": [title],
                "slug": [ascii_slugify(title)[:80]],
                "intro": [texts.get("intro", "")],
                **fields,
            },
        )
        self.report.count("English translations")

    def _campaign(self, spec: dict) -> None:
        model = apps.get_model("campaigns", "CampaignPage")
        index = self._section(spec["site"], "campaigns.CampaignIndexPage")
        ro = spec["ro"]
        page = model(
            title=ro["title"],
            slug=ascii_slugify(ro["title"])[:80],
            intro=ro.get("intro", ""),
            start_date=self.today + datetime.timedelta(days=spec["start_days"]),
            end_date=self.today + datetime.timedelta(days=spec["end_days"]),
            key_messages=[("message", text) for text in spec["key_messages"]["ro"]],
            body=paragraphs_stream(ro.get("body", [])),
            image=self.images.get(spec.get("image")),
        )
        page, created = self._publish_child(index, page, tags=spec.get("tags", []))
        self.campaigns[spec["key"]] = page
        if created:
            self.report.count("campaigns")
            self._campaign_plan(page, spec.get("plan"))

        english = spec.get("en") or {}
        self._translate(
            page,
            spec.get("en"),
            body=english.get("body", []),
            key_messages=spec["key_messages"].get("en", []),
        )

    def _news(self, spec: dict) -> None:
        model = apps.get_model("news", "NewsPage")
        index = self._section(spec["site"], "news.NewsIndexPage")
        ro = spec["ro"]
        published = self.now - datetime.timedelta(days=spec["days_ago"], hours=spec["days_ago"] % 7)
        page = model(
            title=ro["title"],
            slug=ascii_slugify(ro["title"])[:80],
            intro=ro.get("intro", ""),
            kind=spec["kind"],
            publication_date=published,
            lead=ro.get("lead", ""),
            body=paragraphs_stream(ro.get("body", [])),
            syndicate_to_main_site=spec.get("syndicate", False),
            related_campaign=self.campaigns.get(spec.get("campaign")),
            image=self.images.get(spec.get("image")),
        )
        page, created = self._publish_child(index, page, tags=spec.get("tags", []))
        if created:
            self.report.count("news")

        english = spec.get("en") or {}
        self._translate(
            page, spec.get("en"), lead=[english.get("lead", "")], body=english.get("body", [])
        )

    def _event(self, spec: dict) -> None:
        model = apps.get_model("events", "EventPage")
        speaker_model = apps.get_model("events", "EventSpeaker")
        index = self._section(spec["site"], "events.EventIndexPage")
        ro = spec["ro"]
        hour, minute = (int(part) for part in spec["start_time"].split(":"))
        day = self.today + datetime.timedelta(days=spec["start_days"])
        start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))
        deadline = None
        if spec.get("accreditation_required") and spec.get("accreditation_days_before"):
            deadline = start - datetime.timedelta(days=spec["accreditation_days_before"])
        page = model(
            title=ro["title"],
            slug=ascii_slugify(ro["title"])[:80],
            intro=ro.get("intro", ""),
            event_type=spec["event_type"],
            start=start,
            end=start + datetime.timedelta(minutes=spec["duration_minutes"]),
            status=spec["status"],
            venue_name=spec.get("venue_name", ""),
            venue_address=spec.get("venue_address", ""),
            latitude=_decimal(spec.get("latitude")),
            longitude=_decimal(spec.get("longitude")),
            stream_url=spec.get("stream_url") or "",
            accreditation_required=bool(deadline),
            accreditation_deadline=deadline,
            body=paragraphs_stream(ro.get("body", [])),
            image=self.images.get(spec.get("image")),
            related_campaign=self.campaigns.get(spec.get("campaign")),
        )
        speakers = [
            speaker_model(name=name, sort_order=order)
            for order, name in enumerate(spec.get("speakers", []))
        ]
        page, created = self._publish_child(
            index, page, tags=spec.get("tags", []), children={"speakers": speakers}
        )
        if created:
            self.report.count("events")
            self._event_plan(page, spec.get("plan"))

        english = spec.get("en") or {}
        self._translate(page, spec.get("en"), body=english.get("body", []))

    def _visit(self, spec: dict) -> None:
        model = apps.get_model("protocol", "ProtocolVisitPage")
        member_model = apps.get_model("protocol", "DelegationMember")
        index = self._section(spec["site"], "protocol.ProtocolIndexPage")
        ro = spec["ro"]
        start = self.today + datetime.timedelta(days=spec["start_days"])
        page = model(
            title=ro["title"],
            slug=ascii_slugify(ro["title"])[:80],
            intro=ro.get("intro", ""),
            delegation_name=spec["delegation_name"],
            scope=spec["scope"],
            country=spec["country"],
            city=spec.get("city", ""),
            organisation=spec.get("organisation", ""),
            visit_start=start,
            visit_end=start + datetime.timedelta(days=max(spec.get("duration_days", 1) - 1, 0)),
            hosts="\n".join(spec.get("hosts", [])),
            summary=_paragraphs_html(ro.get("summary", [])),
            agenda=_agenda(ro.get("agenda", [])),
            image=self.images.get(spec.get("image")),
        )
        members = [
            member_model(
                name=member["name"],
                role=member.get("role", ""),
                precedence=member.get("precedence", order + 1),
                sort_order=order,
            )
            for order, member in enumerate(spec.get("members", []))
        ]
        page, created = self._publish_child(
            index, page, tags=spec.get("tags", []), children={"members": members}
        )
        if created:
            self.report.count("protocol visits")
            self._visit_file(page, spec.get("file"), spec.get("gifts", []), page.visit_end)

        english = spec.get("en") or {}
        self._translate(
            page,
            spec.get("en"),
            summary=english.get("summary", []),
            agenda=[item["item"] for item in english.get("agenda", [])],
        )

    # Press contacts -----------------------------------------------------------------

    def _contacts(self) -> None:
        """Each press room's spokesperson as a contact person, on its releases and briefings.

        Attached only when the contact is created, so a contact an editor removed from a
        page stays removed when the demo is loaded again.
        """
        contact_model = apps.get_model("core", "ContactPerson")
        news_model = apps.get_model("news", "NewsPage")
        event_model = apps.get_model("events", "EventPage")
        ro = Locale.get_default()
        for key, room in ROOMS.items():
            if key not in self.sites:
                continue
            site = self.sites[key]["institution"].site
            name, phone, email = room["spokesperson"]
            contact, created = contact_model.objects.get_or_create(
                site=site,
                name=name,
                locale=ro,
                defaults={"role": "Purtător de cuvânt", "phone": phone, "email": email},
            )
            if not created:
                continue
            self.report.count("contact people")
            english = contact.copy_for_translation(self.en)
            english.role = "Spokesperson"
            english.save()
            home = self.sites[key]["home"]
            pages = [
                *news_model.objects.descendant_of(home).filter(kind=news_model.Kind.PRESS_RELEASE),
                *event_model.objects.descendant_of(home).filter(
                    event_type=event_model.EventType.PRESS_CONFERENCE
                ),
            ]
            for page in pages:
                translation = page.get_translation_or_none(self.en)
                self._contact_set(page, contact)
                if translation is not None and not translation.alias_of_id:
                    self._contact_set(translation.specific, english)

    @staticmethod
    def _contact_set(page, contact) -> None:
        page.contact_person = contact
        page.save_revision().publish()

    # Internal data: plans, budgets, visit files and gifts -----------------------------

    def _event_plan(self, page, plan: dict | None) -> None:
        if not plan:
            return
        from site_s6.events.services import event_plan_save

        plan_model = apps.get_model("events", "EventPlan")
        line_model = apps.get_model("events", "BudgetLine")
        event_plan_save(
            plan=plan_model(
                event=page,
                requested_by=plan.get("requested_by", ""),
                concept=plan.get("concept", ""),
                responsible_person=plan.get("responsible", ""),
                allocated_budget=Decimal(str(plan.get("budget", 0))),
            ),
            lines=[
                line_model(
                    sort_order=order,
                    category=line["category"],
                    description=line.get("description", ""),
                    supplier=line.get("supplier", ""),
                    planned=Decimal(str(line.get("planned", 0))),
                    committed=Decimal(str(line.get("committed", 0))),
                    spent=Decimal(str(line.get("spent", 0))),
                )
                for order, line in enumerate(plan.get("lines", []))
            ],
        )

    def _campaign_plan(self, page, plan: dict | None) -> None:
        if not plan:
            return
        plan_model = apps.get_model("campaigns", "CampaignPlan")
        kpi_model = apps.get_model("campaigns", "CampaignKPI")
        campaign_plan = plan_model.objects.create(
            campaign=page,
            objectives=plan.get("objectives", ""),
            audiences=plan.get("audiences", ""),
            channels=plan.get("channels", []),
            budget=Decimal(str(plan.get("budget", 0))),
        )
        for order, kpi in enumerate(plan.get("kpis", [])):
            kpi_model.objects.create(
                plan=campaign_plan,
                sort_order=order,
                name=kpi["name"],
                target=Decimal(str(kpi.get("target", 0))),
                actual=Decimal(str(kpi.get("actual", 0))),
            )

    def _visit_file(self, page, details: dict | None, gifts: list, visit_end) -> None:
        if not details:
            return
        file_model = apps.get_model("protocol", "VisitFile")
        gift_model = apps.get_model("protocol", "Gift")
        visit_file = file_model.objects.create(
            visit=page,
            logistics=details.get("logistics", ""),
            interpreters=details.get("interpreters", ""),
            dietary_needs=details.get("dietary_needs", ""),
            notes=details.get("notes", ""),
        )
        for gift in gifts:
            gift_model.objects.create(
                file=visit_file,
                direction=gift["direction"],
                description=gift["description"],
                estimated_value=Decimal(str(gift.get("estimated_value", 0))),
                official=gift.get("official", ""),
                gift_date=visit_end + datetime.timedelta(days=gift.get("days_after_visit", 1)),
            )


def _decimal(value) -> Decimal | None:
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.000001"))


def _paragraphs_html(paragraphs: list[str]) -> str:
    return "".join(format_html("<p>{}</p>", text) for text in paragraphs)


def _agenda(items: list[dict]) -> list[tuple[str, dict]]:
    return [
        (
            "item",
            {
                "time": datetime.time.fromisoformat(item["time"]) if item.get("time") else None,
                "item": item["item"],
            },
        )
        for item in items
    ]


def demo_institutions():
    return Institution.objects.select_related("site").order_by("kind", "name")
