"""Shared resolution of ``site`` and ``locale``, and the parameters every endpoint takes.

One :class:`ApiScope` per request answers, from the in-memory index of sites and without
a query: which site the client asked for, in which language, and where each page lives
(site and URL). Which pages anonymous clients may see is the shared rule of
``site_s6.core.querysets``; which news a site lists, that of ``site_s6.news.querysets``.
"""

from datetime import date, datetime, time
from typing import Annotated

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Schema
from pydantic import BeforeValidator, StringConstraints, WithJsonSchema
from wagtail.models import Locale, Page, Site

from site_s6.core.querysets import is_visible, listed_q, visible_q
from site_s6.core.sites import LocaleRoot, SiteEntry
from site_s6.core.validators import (
    EARLIEST_YEAR,
    LATEST_YEAR,
    is_calendar_year,
    is_database_id,
)

from .caching import request_site_index
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


class ApiScope:
    """The site and language of one API request, and where pages live.

    Everything comes from the index of sites (``site_s6.core.sites``), held in memory:
    resolving the site and the language costs no query. Visibility is the shared rule
    of ``site_s6.core.querysets``.
    """

    def __init__(self, request: HttpRequest, site_param: str | None):
        self.request = request
        self.index = request_site_index(request)
        self.entry = self._resolve_site(site_param)
        self.site = self.entry.site

    @classmethod
    def for_page(cls, request: HttpRequest, page: Page) -> "ApiScope":
        """The scope of the site holding ``page`` (the default site outside every site)."""
        scope = cls(request, None)
        entry = scope.index.entry_for(page)
        if entry is not None:
            scope.entry, scope.site = entry, entry.site
        return scope

    def _resolve_site(self, wanted: str | None) -> SiteEntry:
        if wanted:
            entry = self.index.find(wanted)
            if entry is None:
                known = ", ".join(sorted({e.site.hostname for e in self.index.serving()}))
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
            return entry
        entry = self.index.default()
        if entry is None:
            raise ApiProblem(404, "No site is configured to serve this request.")
        return entry

    # Language

    def resolve_locale(self, code: str | None) -> tuple[int, str]:
        """The ``(locale id, language code)`` asked for, the default language when ``None``."""
        code = (code or settings.LANGUAGE_CODE).strip().lower()
        content_languages = [lang for lang, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        for root in self.index.roots:
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
    def institution(self):
        return self.entry.institution

    def roots_of(self, site: Site, locale_id: int | None = None) -> list[LocaleRoot]:
        return self.index.roots_of([site.pk], locale_id)

    def root_for(self, page: Page) -> LocaleRoot | None:
        return self.index.root_for(page.path)

    def site_of(self, page: Page) -> Site | None:
        entry = self.index.entry_for(page)
        return entry.site if entry else None

    # Visibility (the shared rule)

    def site_q(self, locale_id: int | None = None) -> Q:
        """Visible pages of the requested site, in ``locale_id`` (or every language)."""
        return self.index.derived(
            ("site_q", self.site.pk, locale_id),
            lambda: visible_q(self.index.roots_of([self.site.pk], locale_id), index=self.index),
        )

    def listed_q(self, locale_id: int) -> Q:
        """What a list of the requested site in one language shows."""
        return self.index.derived(
            ("listed_q", self.site.pk, locale_id),
            lambda: listed_q([self.site.pk], locale_id, index=self.index),
        )

    def visible(self, queryset: QuerySet, *, aliases: bool = False) -> QuerySet:
        """``queryset`` narrowed to the pages the public may see on any serving site."""
        return queryset.filter(self.visible_q(aliases=aliases))

    def visible_q(self, *, aliases: bool = False) -> Q:
        """The pages the public may see on any serving site, as a condition."""
        return self.index.derived(
            ("visible_q", aliases), lambda: visible_q(index=self.index, aliases=aliases)
        )

    def is_visible(self, page: Page | None) -> bool:
        """The same rule for one page already loaded."""
        return page is not None and is_visible(page, index=self.index)


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
