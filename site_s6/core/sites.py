"""The one index of sites: their home page in each language, and what they serve.

A site's home page has one copy per language (its *locale roots*), each its own branch of
the tree, all sharing the home page's ``translation_key``. Every question about where a
page lives (which site holds it, which sites a request may read, which sites show news
that institutions share) is answered from this index, in memory, without a query.

The index is built once per process and per global generation
(``site_s6.core.generations``), the shape of wagtail-localize's ``synctree.PageIndex``:
three queries, then nothing until a site, an institution, a language, a site's home
page or a privacy restriction changes, which bumps the global generation.

What a site *is* beyond Wagtail's ``Site`` (whether it serves, which institution runs
it, whether it receives news the others share) is told by the layers above ``core``
through the ``s6_describe_sites`` hook: a function that takes the list of sites and
returns ``{site id: SiteFacts}``. Without one, every site serves and none receives.
"""

import re
import string
import threading
from dataclasses import dataclass, field
from urllib.parse import quote

from django.db.models import QuerySet
from django.http import Http404
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from wagtail import hooks
from wagtail.coreutils import WAGTAIL_APPEND_SLASH
from wagtail.models import Locale, Page, PageViewRestriction, Site

from .generations import global_generation

DESCRIBE_SITES_HOOK = "s6_describe_sites"


@dataclass(frozen=True)
class SiteFacts:
    """What the layers above ``core`` know of a site (see ``s6_describe_sites``)."""

    #: False when the site's institution is deactivated: it serves nothing.
    is_serving: bool = True
    #: True for the site that also lists the news other sites share with it.
    receives_shared_news: bool = False
    #: The institution running the site, if any (any object; shown by its ``short_name``).
    institution: object | None = None


@dataclass(frozen=True)
class LocaleRoot:
    """A site's home page in one language."""

    site_id: int
    page_id: int
    path: str
    url_path: str
    locale_id: int
    language_code: str


@dataclass(frozen=True)
class SiteEntry:
    """One site of the index: the Wagtail site, its facts and its locale roots."""

    site: Site
    facts: SiteFacts
    roots: tuple[LocaleRoot, ...] = field(default=())

    @property
    def pk(self) -> int:
        return self.site.pk

    @property
    def is_serving(self) -> bool:
        return self.facts.is_serving

    @property
    def institution(self):
        return self.facts.institution

    def root(self, locale_id: int) -> LocaleRoot | None:
        """The home page in the language ``locale_id``, if the site has one."""
        return next((root for root in self.roots if root.locale_id == locale_id), None)


def _first_segment(url_path: str) -> str:
    """``/home/`` for ``/home/news/a/``; ``/`` for ``/``."""
    end = url_path.find("/", 1)
    return url_path[: end + 1] if end > 0 else "/"


class SiteIndex:
    """Every site with its locale roots and facts, and the privacy-restricted branches."""

    def __init__(self, generation: int, entries: list[SiteEntry], private_paths: list[str]):
        self.generation = generation
        self.entries = {entry.pk: entry for entry in entries}
        self.private_paths = tuple(private_paths)
        # Deepest first, so that a site nested in another's tree owns its pages; at equal
        # depth the default site, then by hostname, so that the order is stable.
        self.roots = sorted(
            (root for entry in entries for root in entry.roots),
            key=lambda root: (
                -len(root.path),
                not self.entries[root.site_id].site.is_default_site,
                self.entries[root.site_id].site.hostname,
            ),
        )
        self.root_translation_keys = frozenset(
            entry.site.root_page.translation_key for entry in entries
        )
        # The roots by the first segment of their URL path, in the order above: a page's
        # candidates are the roots of its own first segment (and a root at "/", if any).
        by_segment: dict[str, list[LocaleRoot]] = {}
        for root in self.roots:
            by_segment.setdefault(_first_segment(root.url_path), []).append(root)
        self._top_roots = by_segment.get("/", [])
        self._candidate_roots = {
            segment: roots if segment == "/" else [*roots, *self._top_roots]
            for segment, roots in by_segment.items()
        }
        # Each locale root's address ("/" or "/en/"), filled on first use.
        self._root_prefixes: dict[int, str | None] = {}
        self._derived: dict[tuple, object] = {}

    # Sites

    def get(self, site_id: int | None) -> SiteEntry | None:
        return self.entries.get(site_id)

    def serving(self) -> list[SiteEntry]:
        """The sites that serve, by hostname."""
        return sorted(
            (entry for entry in self.entries.values() if entry.is_serving),
            key=lambda entry: (entry.site.hostname, entry.site.port),
        )

    def default(self) -> SiteEntry | None:
        """The default site, if it serves."""
        return next((e for e in self.serving() if e.site.is_default_site), None)

    def find(self, address: str) -> SiteEntry | None:
        """The serving site of ``address`` (``hostname`` or ``hostname:port``), if any.

        The same hostname on several ports prefers the default site, then port 80.
        """
        hostname, _, port = address.strip().lower().partition(":")
        matches = [
            entry
            for entry in self.serving()
            if entry.site.hostname.lower() == hostname
            and (not port or str(entry.site.port) == port)
        ]
        matches.sort(key=lambda e: (not e.site.is_default_site, e.site.port != 80, e.pk))
        return matches[0] if matches else None

    def receiving_site_ids(self) -> list[int]:
        """The sites that list the news other sites share with them."""
        return [pk for pk, entry in self.entries.items() if entry.facts.receives_shared_news]

    # Where pages live

    def root_for(self, path: str, *, serving_only: bool = True) -> LocaleRoot | None:
        """The locale root holding the page at tree ``path``, if any."""
        for root in self.roots:
            if path.startswith(root.path) and (
                not serving_only or self.entries[root.site_id].is_serving
            ):
                return root
        return None

    def entry_for(self, page: Page, *, serving_only: bool = True) -> SiteEntry | None:
        """The site holding ``page``, if any."""
        root = self.root_for(page.path, serving_only=serving_only)
        return self.entries[root.site_id] if root else None

    def roots_of(self, site_ids, locale_id: int | None = None) -> list[LocaleRoot]:
        """The locale roots of the serving sites of ``site_ids``, in ``locale_id`` or all."""
        wanted = set(site_ids)
        return [
            root
            for root in self.roots
            if root.site_id in wanted
            and self.entries[root.site_id].is_serving
            and (locale_id is None or root.locale_id == locale_id)
        ]

    def serving_roots(self, locale_id: int | None = None) -> list[LocaleRoot]:
        """The locale roots of every serving site."""
        return self.roots_of(self.entries, locale_id)

    def shared_news_sources(self, site_id: int) -> list[int]:
        """The sites whose shared news ``site_id`` lists: every other serving site of an
        institution when ``site_id`` receives shared news, none otherwise."""
        entry = self.get(site_id)
        if entry is None or not entry.facts.receives_shared_news:
            return []
        return [
            pk
            for pk, other in self.entries.items()
            if pk != site_id and other.is_serving and other.institution is not None
        ]

    def page_url(self, url_path: str, *, prefer_site_id: int | None = None) -> str | None:
        """The full URL of the page at ``url_path``, as Wagtail's ``Page.get_full_url``
        builds it, from the index instead of the site root paths and a ``reverse()`` per
        page: the site's root URL, the locale root's language prefix, then the rest of
        the page's path, quoted as ``reverse()`` quotes it.

        A page under several sites (two sites sharing a home page) takes
        ``prefer_site_id``'s address when it is one of them, like Wagtail with the
        request's site; ``None`` when no site holds the page or Wagtail's pages are not
        routed.
        """
        candidates = self._candidate_roots.get(_first_segment(url_path), self._top_roots)
        matches = [root for root in candidates if url_path.startswith(root.url_path)]
        if not matches:
            return None
        root = matches[0]
        if prefer_site_id is not None and any(m.site_id != root.site_id for m in matches):
            root = next((m for m in matches if m.site_id == prefer_site_id), root)
        prefix = self._root_prefix(root)
        if prefix is None:
            return None
        path = prefix + quoted_path(url_path[len(root.url_path) :])
        if not WAGTAIL_APPEND_SLASH and path != "/":
            path = path.rstrip("/")
        return self.entries[root.site_id].site.root_url + path

    def _root_prefix(self, root: LocaleRoot) -> str | None:
        if root.page_id not in self._root_prefixes:
            try:
                with translation.override(root.language_code):
                    prefix = reverse("wagtail_serve", args=("",))
            except NoReverseMatch:
                prefix = None
            self._root_prefixes[root.page_id] = prefix
        return self._root_prefixes[root.page_id]

    def derived(self, key: tuple, build):
        """What ``build()`` derives from this index alone (e.g. the condition on the page
        table of a site's visible news), built once per index and ``key``: every request
        of a generation shares it, a new generation builds anew. It must be immutable,
        as Django's ``Q`` objects are once built."""
        try:
            return self._derived[key]
        except KeyError:
            value = self._derived[key] = build()
            return value

    def is_private(self, path: str) -> bool:
        """Whether the page at ``path`` lies in a privacy-restricted branch."""
        return path.startswith(self.private_paths) if self.private_paths else False


def _build(generation: int) -> SiteIndex:
    sites = list(Site.objects.select_related("root_page"))
    facts: dict[int, SiteFacts] = {}
    for describe in hooks.get_hooks(DESCRIBE_SITES_HOOK):
        facts.update(describe(sites))
    by_key = {site.root_page.translation_key: site for site in sites}
    roots: dict[int, list[LocaleRoot]] = {site.pk: [] for site in sites}
    rows = Page.objects.filter(translation_key__in=list(by_key)).values_list(
        "pk", "translation_key", "path", "url_path", "locale_id", "locale__language_code"
    )
    for pk, key, path, url_path, locale_id, code in rows:
        site = by_key[key]
        roots[site.pk].append(LocaleRoot(site.pk, pk, path, url_path, locale_id, code))
    entries = [
        SiteEntry(site, facts.get(site.pk, SiteFacts()), tuple(roots[site.pk])) for site in sites
    ]
    private = list(PageViewRestriction.objects.values_list("page__path", flat=True))
    return SiteIndex(generation, entries, private)


#: What ``reverse()`` leaves unquoted in a path (RFC 3986 sub-delimiters, "/~:@").
URL_SAFE = "!$&'()*+,;=/~:@"
#: A character ``quote(..., safe=URL_SAFE)`` would change (Python's always-safe ones and
#: ``URL_SAFE`` stay as they are).
_UNSAFE = re.compile(f"[^{re.escape(string.ascii_letters + string.digits + '_.-~' + URL_SAFE)}]")


def quoted_path(path: str) -> str:
    """``path`` quoted as ``reverse()`` quotes it; slugs, which Wagtail keeps to safe
    characters, are returned as they are without going through ``quote``."""
    return quote(path, safe=URL_SAFE) if _UNSAFE.search(path) else path


_lock = threading.Lock()
_current: SiteIndex | None = None


def site_index(generation: int | None = None) -> SiteIndex:
    """The index of sites as of the current global generation (one cache read), or as of
    ``generation`` when the caller has just read it."""
    global _current
    if generation is None:
        generation = global_generation()
    index = _current
    if index is None or index.generation != generation:
        with _lock:
            index = _current
            if index is None or index.generation != generation:
                index = _current = _build(generation)
    return index


def cached_site_index() -> SiteIndex | None:
    """The index this process holds, whatever its generation (none read from the cache).

    For the API cache's fast path, which checks the generation itself.
    """
    return _current


# Public requests


def serving_entry(request) -> SiteEntry:
    """The index entry of the site ``request`` is for; 404 when none matches or it does
    not serve (a deactivated institution's site serves nothing)."""
    site = Site.find_for_request(request)
    entry = site_index().get(site.pk) if site else None
    if entry is None or not entry.is_serving:
        raise Http404("No site is served at this address.")
    return entry


def serving_site(request) -> Site:
    """The Wagtail site ``request`` is for; 404 as :func:`serving_entry`."""
    return serving_entry(request).site


def locale_roots(site) -> QuerySet:
    """The live home pages of ``site`` (a Wagtail site or an index entry), one per language."""
    entry = site if isinstance(site, SiteEntry) else site_index().get(site.pk)
    page_ids = [root.page_id for root in entry.roots] if entry else []
    return Page.objects.filter(pk__in=page_ids).live()


def locale_root(site, locale: Locale | None = None) -> Page:
    """The live home page of ``site`` in ``locale`` (the active one by default), or 404."""
    locale = locale or Locale.get_active()
    root = locale_roots(site).filter(locale=locale).select_related("locale").first()
    if root is None:
        raise Http404("This site has no home page in this language.")
    return root
