"""Shared resolution of ``site`` and ``locale``, visibility rules and common parameters.

One :class:`ApiScope` per request answers, in three queries whatever the number of
sites or pages: which site the client asked for, in which language, which pages of
which site anonymous clients may see, and where each page lives (site and URL).

Visibility: only live pages, outside every privacy-restricted section, under the home
page of a serving site (an inactive institution's site serves nothing), and no aliases
(an alias repeats its original, which is listed in its own language).

Syndication follows the rules of ``subsites.syndication.syndicated_news_for`` (live,
public news flagged ``syndicate_to_main_site`` from the sites of active institutions,
in the requested language) but reuses this scope's site and root lookups, so that the
main site's news list stays within its query budget.
"""

from dataclasses import dataclass
from datetime import date, datetime, time
from functools import reduce
from operator import or_
from typing import Annotated

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Q, QuerySet
from django.db.models.functions import Substr
from django.db.models.lookups import In
from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Schema
from pydantic import BeforeValidator, StringConstraints, WithJsonSchema
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.models.sites import SiteRootPath

from site_s6.core.validators import (
    EARLIEST_YEAR,
    LATEST_YEAR,
    is_calendar_year,
    is_database_id,
)
from site_s6.news.models import NewsPage
from subsites.models import Institution
from subsites.sites import serving_sites

from .errors import ApiProblem

SITE_DESCRIPTION = (
    "Site hostname (optionally host:port); the default site when omitted. "
    "/ Numele de gazdă al site-ului (opțional gazdă:port); implicit site-ul principal."
)
LOCALE_DESCRIPTION = (
    "Language code: ro or en; the default language (ro) when omitted. "
    "/ Codul limbii: ro sau en; implicit limba principală (ro)."
)
LIMIT_DESCRIPTION = "How many items to return (1-100). / Câte elemente să fie întoarse (1-100)."
OFFSET_DESCRIPTION = (
    "How many items to skip, for paging. / Câte elemente să fie sărite, pentru paginare."
)
TAG_DESCRIPTION = (
    "Tag name or slug; repeat for any of several tags. "
    "/ Numele sau slug-ul etichetei; se repetă pentru oricare dintre mai multe etichete."
)


#: Text without NUL characters, which PostgreSQL refuses (a 500 otherwise).
Text = Annotated[str, StringConstraints(pattern=r"^[^\x00]*$")]


YEARS = f"between the years {EARLIEST_YEAR} and {LATEST_YEAR}"


def _within_years(value: date) -> date:
    # Years far outside the product's calendar would overflow when a time is moved to UTC
    # for the database (year 1 with an offset, 9999 late in the day): a client error.
    if not is_calendar_year(value):
        raise ValueError(f"Give a date {YEARS}")
    return value


def _parse_iso(value):
    if value is None:
        return value
    if isinstance(value, date):
        return _within_years(value)
    text = str(value).strip()
    try:
        parsed = date.fromisoformat(text) if len(text) == 10 else datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(
            "Give an ISO 8601 date (2025-05-01) or date and time (2025-05-01T10:00:00+03:00) "
            + YEARS
        ) from None
    return _within_years(parsed)


def _parse_iso_date(value):
    if value is None:
        return value
    if isinstance(value, date):
        return _within_years(value)
    try:
        parsed = date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValueError(f"Give an ISO 8601 date, e.g. 2025-05-01, {YEARS}") from None
    return _within_years(parsed)


#: An ISO 8601 date or date and time; a date means midnight in Bucharest.
IsoDateOrDateTime = Annotated[
    date | datetime,
    BeforeValidator(_parse_iso),
    WithJsonSchema(
        {"anyOf": [{"type": "string", "format": "date"}, {"type": "string", "format": "date-time"}]}
    ),
]
#: An ISO 8601 calendar date.
IsoDate = Annotated[
    date, BeforeValidator(_parse_iso_date), WithJsonSchema({"type": "string", "format": "date"})
]


def as_aware(value: date | datetime) -> datetime:
    """A date as midnight in the project's time zone; a naive time as the project's time."""
    if not isinstance(value, datetime):
        value = datetime.combine(value, time.min)
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    return value


class SiteParams(Schema):
    site: Text | None = Field(None, description=SITE_DESCRIPTION, max_length=255)


class ListParams(SiteParams):
    locale: Text | None = Field(None, description=LOCALE_DESCRIPTION, max_length=16)
    limit: int = Field(20, ge=1, le=100, description=LIMIT_DESCRIPTION)
    offset: int = Field(0, ge=0, description=OFFSET_DESCRIPTION)


@dataclass(frozen=True)
class Root:
    """A serving site's home page in one language."""

    site: Site
    path: str
    url_path: str
    locale_id: int
    language_code: str


def institution_of(site: Site) -> Institution | None:
    try:
        return site.institution
    except ObjectDoesNotExist:
        return None


def _hostname_matches(site: Site, wanted: str) -> bool:
    hostname, _, port = wanted.partition(":")
    return site.hostname.lower() == hostname.lower() and (not port or str(site.port) == port)


class ApiScope:
    """The site, language and visible pages of one API request."""

    def __init__(self, request: HttpRequest, site_param: str | None):
        self.request = request
        self.sites = list(serving_sites().select_related("root_page", "institution"))
        self.site = self._resolve_site(site_param)
        roots = Page.objects.filter(
            translation_key__in={site.root_page.translation_key for site in self.sites}
        ).values_list("translation_key", "path", "url_path", "locale_id", "locale__language_code")
        site_by_key = {site.root_page.translation_key: site for site in self.sites}
        # Deepest first, so that a site nested in another's tree owns its pages.
        self.roots = sorted(
            (
                Root(site_by_key[key], path, url_path, locale_id, code)
                for key, path, url_path, locale_id, code in roots
            ),
            key=lambda root: (-len(root.path), not root.site.is_default_site, root.site.hostname),
        )
        self._private_paths: list[str] | None = None
        self._share_site_root_paths()

    def _resolve_site(self, wanted: str | None) -> Site:
        if wanted:
            matches = [site for site in self.sites if _hostname_matches(site, wanted.strip())]
            if not matches:
                known = ", ".join(sorted({site.hostname for site in self.sites}))
                raise ApiProblem(
                    400,
                    f"Unknown site {wanted!r}. Known sites: {known}.",
                    errors=[
                        {
                            "type": "unknown_site",
                            "loc": ["query", "site"],
                            "msg": f"No site has the hostname {wanted!r}.",
                        }
                    ],
                )
            # The same hostname on several ports: prefer the default site, then port 80.
            return sorted(matches, key=lambda s: (not s.is_default_site, s.port != 80, s.pk))[0]
        for site in self.sites:
            if site.is_default_site:
                return site
        raise ApiProblem(404, "No site is configured to serve this request.")

    def _share_site_root_paths(self) -> None:
        # Wagtail builds page URLs from every site's root paths, a query per site when its
        # cache is cold; this request already knows them, so Wagtail reuses them.
        self.request._wagtail_cached_site_root_paths = [
            SiteRootPath(root.site.pk, root.url_path, root.site.root_url, root.language_code)
            for root in sorted(self.roots, key=lambda root: root.url_path, reverse=True)
        ]

    # Language

    def resolve_locale(self, code: str | None) -> tuple[int, str]:
        """The ``(locale id, language code)`` asked for, the default language when ``None``."""
        code = (code or settings.LANGUAGE_CODE).strip().lower()
        content_languages = [lang for lang, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        for root in self.roots:
            if root.language_code == code:
                return root.locale_id, code
        locale = Locale.objects.filter(language_code=code).first()
        if code not in content_languages or locale is None:
            raise ApiProblem(
                400,
                f"Unknown locale {code!r}. Available: {', '.join(content_languages)}.",
                errors=[
                    {
                        "type": "unknown_locale",
                        "loc": ["query", "locale"],
                        "msg": f"{code!r} is not a content language.",
                    }
                ],
            )
        return locale.pk, code

    # Where pages live

    @property
    def institution(self) -> Institution | None:
        return institution_of(self.site)

    @property
    def is_main_site(self) -> bool:
        institution = self.institution
        return institution is not None and institution.kind == Institution.Kind.CITY_HALL

    def roots_of(self, site: Site, locale_id: int | None = None) -> list[Root]:
        return [
            root
            for root in self.roots
            if root.site.pk == site.pk and (locale_id is None or root.locale_id == locale_id)
        ]

    def root_for(self, page: Page) -> Root | None:
        for root in self.roots:
            if page.path.startswith(root.path):
                return root
        return None

    def site_of(self, page: Page) -> Site | None:
        root = self.root_for(page)
        return root.site if root else None

    @staticmethod
    def _under(roots: list[Root]) -> Q:
        """Pages under any of ``roots``.

        One root is a ``LIKE 'path%'``, a range of the path index. Several are compared by
        their path prefix, one ``IN`` per prefix length, rather than an ``OR`` of ``LIKE``
        per root: a dozen sites in two languages would otherwise make every list's query a
        long chain that PostgreSQL plans and evaluates row by row.
        """
        if len(roots) == 1:
            return Q(path__startswith=roots[0].path)
        by_length: dict[int, set[str]] = {}
        for root in roots:
            by_length.setdefault(len(root.path), set()).add(root.path)
        conditions = (
            Q(In(Substr("path", 1, length), sorted(paths)))
            for length, paths in sorted(by_length.items())
        )
        return reduce(or_, conditions, Q(pk__in=[]))

    def site_q(self, locale_id: int | None = None) -> Q:
        """Pages of the requested site, in ``locale_id`` (or every language)."""
        return self._under(self.roots_of(self.site, locale_id))

    def syndicated_q(self, locale_id: int | None = None) -> Q:
        """News that active institutions share with the main site; nothing elsewhere."""
        if not self.is_main_site:
            return Q(pk__in=[])
        sources = [
            root
            for root in self.roots
            if root.site.pk != self.site.pk
            and institution_of(root.site) is not None
            and (locale_id is None or root.locale_id == locale_id)
        ]
        # A semi-join on the news table's partial index of shared news, so that the
        # condition also applies to plain pages (counts run on the page table).
        shared = NewsPage.objects.filter(syndicate_to_main_site=True).values("pk")
        return self._under(sources) & Q(pk__in=shared)

    # Visibility

    @property
    def private_paths(self) -> list[str]:
        if self._private_paths is None:
            self._private_paths = list(
                PageViewRestriction.objects.values_list("page__path", flat=True)
            )
        return self._private_paths

    def private_q(self) -> Q:
        return reduce(or_, (Q(path__startswith=path) for path in self.private_paths), Q(pk__in=[]))

    def visible_q(self, within: Q | None = None, *, aliases: bool = False) -> Q:
        """Live, public pages of serving sites; aliases only when ``aliases`` is true.

        ``within`` narrows the pages to some sites' roots (:meth:`site_q`,
        :meth:`syndicated_q`), which already lie under serving sites; without it, every
        serving site. Navigation and home pages keep aliases: wagtail-localize makes the
        untranslated pages of a synchronised tree aliases, and they do serve in that
        language.
        """
        q = Q(live=True) & (self._under(self.roots) if within is None else within)
        q &= ~self.private_q()
        return q if aliases else q & Q(alias_of__isnull=True)

    def listed_q(self, locale_id: int, within: Q | None = None) -> Q:
        """What a list shows: visible pages of the requested site (or of ``within``) in
        one language."""
        return self.visible_q(self.site_q(locale_id) if within is None else within) & Q(
            locale_id=locale_id
        )

    def visible(self, queryset: QuerySet, *, aliases: bool = False) -> QuerySet:
        """``queryset`` narrowed to :meth:`visible_q`."""
        return queryset.filter(self.visible_q(aliases=aliases))

    def is_visible(self, page: Page | None) -> bool:
        """The same rule as :meth:`visible`, for one page already loaded."""
        return bool(
            page is not None
            and page.live
            and page.alias_of_id is None
            and self.root_for(page) is not None
            and not any(page.path.startswith(path) for path in self.private_paths)
        )


def tagged_q(tags: list[str], through) -> Q:
    """Pages carrying any of ``tags`` (names or slugs), through the tag model ``through``."""
    tagged = through.objects.filter(Q(tag__name__in=tags) | Q(tag__slug__in=tags))
    return Q(pk__in=tagged.values("content_object_id"))


__all__ = [
    "ApiScope",
    "IsoDate",
    "IsoDateOrDateTime",
    "ListParams",
    "SiteParams",
    "Text",
    "as_aware",
    "tagged_q",
]


def page_pk(value: int) -> int:
    """``value`` as a page id to look up; ids no database column can hold (too large or
    negative) become 0, which no page has, so that they answer 404 instead of overflowing."""
    return value if is_database_id(value) else 0
