"""The institutions of the load-test tree, provisioned the way an administrator would."""

from dataclasses import dataclass, field

from wagtail.models import Locale, Page, Site

from subsites.models import Institution
from subsites.services import institution_provision

from .vocabulary import INSTITUTIONS

SECTION_MODELS = {
    "news": "news.NewsIndexPage",
    "events": "events.EventIndexPage",
    "campaigns": "campaigns.CampaignIndexPage",
    "visits": "protocol.ProtocolIndexPage",
}


@dataclass
class SeededSite:
    """One provisioned institution and its section index pages, per language code."""

    institution: Institution
    site: Site
    sections: dict[str, dict[str, Page]] = field(default_factory=dict)

    @property
    def is_city_hall(self) -> bool:
        return self.institution.kind == Institution.Kind.CITY_HALL

    def section(self, kind: str, language_code: str) -> Page | None:
        return self.sections.get(kind, {}).get(language_code)


def remove_wagtail_welcome_site() -> None:
    """Drop the "Welcome" page and localhost site of Wagtail's first migration.

    The city hall's site then becomes the default one, as in production.
    """
    Site.objects.filter(root_page__slug="home", root_page__depth=2).delete()
    for page in Page.objects.filter(depth=2, slug="home", content_type__model="page"):
        page.delete()


def sites_provision(count: int, *, port: int = 80) -> list[SeededSite]:
    """Provision the first ``count`` institutions (the city hall first) and find their sections."""
    if not 1 <= count <= len(INSTITUTIONS):
        raise ValueError(f"Between 1 and {len(INSTITUTIONS)} sites can be seeded, not {count}.")
    remove_wagtail_welcome_site()
    has_default = Site.objects.filter(is_default_site=True).exists()
    seeded = []
    for name, short_name, host, kind in INSTITUTIONS[:count]:
        report = institution_provision(
            name=name,
            short_name=short_name,
            hostname=f"{host}.localhost",
            kind=kind,
            port=port,
            is_default_site=kind == Institution.Kind.CITY_HALL and not has_default,
        )
        institution = report.institution
        seeded.append(
            SeededSite(
                institution=institution,
                site=institution.site,
                sections=_sections_of(institution.site.root_page),
            )
        )
    return seeded


def _sections_of(home: Page) -> dict[str, dict[str, Page]]:
    """``{"news": {"ro": index, "en": its English copy}, ...}`` under ``home``."""
    labels = {label: kind for kind, label in SECTION_MODELS.items()}
    sections: dict[str, dict[str, Page]] = {}
    locale_roots = Page.objects.filter(translation_key=home.translation_key)
    codes = dict(Locale.objects.values_list("pk", "language_code"))
    for root in locale_roots:
        for child in root.get_children().specific():
            kind = labels.get(type(child)._meta.label)
            if kind:
                sections.setdefault(kind, {})[codes[child.locale_id]] = child
    return sections
