"""Template tags of the public sites: navigation, translations, sharing and branding."""

import re
from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.utils import dateformat
from django.utils.translation import get_language_info
from wagtail.images.shortcuts import get_rendition_or_not_found
from wagtail.models import Page, Site

from site_s6.core.querysets import all_pages
from site_s6.core.renditions import RENDITION_SPECS

register = template.Library()

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")

# Open Graph wants a territory with the language.
OG_LOCALES = {"ro": "ro_RO", "en": "en_GB"}

# Brand names, not translated.
SOCIAL_NETWORK_NAMES = {
    "facebook": "Facebook",
    "instagram": "Instagram",
    "youtube": "YouTube",
    "x": "X",
    "tiktok": "TikTok",
    "linkedin": "LinkedIn",
}


def _format_date(value, format_string: str) -> str:
    # Month names in lower case ("29 noiembrie 2026") come from the project's catalogue,
    # which corrects Django's capitalised Romanian ones for every date the product formats
    # (site_s6/core/upstream_strings/dates.py).
    if value in (None, ""):
        return ""
    return dateformat.format(value, format_string)


@register.filter(expects_localtime=True)
def long_date(value):
    """A date as readers write it: ``29 noiembrie 2026`` / ``29 November 2026``."""
    return _format_date(value, "j F Y")


@register.filter(expects_localtime=True)
def long_datetime(value):
    """A date and time in the active time zone: ``29 noiembrie 2026, 10:30``."""
    return _format_date(value, "j F Y, H:i")


@register.filter(expects_localtime=True)
def iso_datetime(value):
    """A machine-readable time for ``<time datetime>``: whole seconds and the UTC offset."""
    if not value:
        return ""
    return value.replace(microsecond=0).isoformat()


@register.filter
def css_colour(value, fallback):
    """``value`` if it is a ``#rrggbb`` colour, else ``fallback``.

    The colour is written inside a ``<style>`` element, where HTML escaping does not
    protect; a value saved around the form validation must not break out of it.
    """
    if isinstance(value, str) and HEX_COLOUR.match(value):
        return value
    return fallback


@register.filter
def og_locale(language_code):
    """The Open Graph locale (``ro_RO``) for a language code (``ro``)."""
    return OG_LOCALES.get(language_code, language_code)


@register.filter
def social_network_name(network):
    """The display name of a social network key from ``ContactSettings.social_links()``."""
    return SOCIAL_NETWORK_NAMES.get(network, str(network).title())


@register.filter
def tel_href(phone):
    """A ``tel:`` address for a phone number as people write it: ``021 413 13 13``."""
    phone = str(phone or "")
    digits = re.sub(r"[^\d]", "", phone)
    return f"tel:+{digits}" if phone.strip().startswith("+") else f"tel:{digits}"


@register.filter
def url_host(url):
    """The host name of ``url`` without ``www.``: ``youtube.com``."""
    host = urlsplit(str(url or "")).hostname or ""
    return host.removeprefix("www.")


@register.filter
def nonempty_lines(text):
    """The lines of ``text`` that are not blank, stripped."""
    return [line.strip() for line in str(text or "").splitlines() if line.strip()]


def _saved(page) -> bool:
    return page is not None and getattr(page, "pk", None) is not None and bool(page.path)


def _ancestors(request, page) -> list:
    """The ancestors of ``page`` from its home page (depth 2) down, itself excluded.

    Cached on the request: the navigation and the breadcrumbs both need them.
    """
    cached = getattr(request, "_s6_ancestors", None)
    if cached is not None and cached[0] == page.pk:
        return cached[1]
    # Depth 1 is the tree's root; every site's home page, in every language, sits at depth 2.
    ancestors = list(page.get_ancestors().filter(depth__gte=2))
    if request is not None:
        request._s6_ancestors = (page.pk, ancestors)
    return ancestors


def _home_page(request, page):
    """The home page to navigate from: the current page's own, else the site's in this language."""
    if _saved(page) and page.depth >= 2:
        return page if page.depth == 2 else _ancestors(request, page)[0]
    site = Site.find_for_request(request)
    return site.root_page.localized if site else None


@register.simple_tag(takes_context=True)
def main_navigation(context):
    """The home page of the current site and language, and its live, public menu pages.

    Returns ``{"home": ..., "home_url": ..., "items": [{"page", "url", "is_current",
    "is_active"}]}``, cached on the request since several blocks of a page use it.
    """
    request = context.get("request")
    empty = {"home": None, "home_url": "/", "items": []}
    if request is None:
        return empty
    cached = getattr(request, "_s6_main_navigation", None)
    if cached is not None:
        return cached

    current = context.get("page")
    home = _home_page(request, current)
    if home is None:
        return empty
    current_path = getattr(current, "url_path", None) or ""
    items = []
    for child in all_pages().visible(aliases=True).child_of(home).in_menu():
        items.append(
            {
                "page": child,
                "url": child.get_url(request),
                "is_current": current is not None and child.pk == current.pk,
                "is_active": current_path.startswith(child.url_path),
            }
        )
    navigation = {"home": home, "home_url": home.get_url(request) or "/", "items": items}
    request._s6_main_navigation = navigation
    return navigation


def _is_placeholder(page) -> bool:
    """Whether ``page`` is an alias standing in for a page of another language.

    wagtail-localize fills a language's tree with aliases of the pages nobody has
    translated yet: they serve, but their content is still in the original's language.
    Needs ``alias_of`` loaded (``select_related``) to avoid a query per page.
    """
    return bool(page.alias_of_id) and page.alias_of.locale_id != page.locale_id


@register.simple_tag
def untranslated_original(page):
    """The original of ``page`` when ``page`` only stands in for it (an untranslated alias).

    ``None`` for every real page, so the templates mark the content with the original's
    language, point the canonical link at it and show a "not yet translated" notice.
    """
    if page is None or not getattr(page, "alias_of_id", None):
        return None
    original = Page.objects.select_related("locale").filter(pk=page.alias_of_id).first()
    if original is None or original.locale_id == page.locale_id:
        return None
    return original


@register.simple_tag(takes_context=True)
def page_translations(context, page):
    """The language versions of ``page``, itself included, in the order of ``LANGUAGES``.

    Each is ``{"language_code", "name", "url", "full_url", "is_current", "is_default",
    "is_alternate", "is_fallback"}``. ``is_alternate`` marks a real, live translation
    (an ``hreflang`` alternate); an untranslated alias is not one. A language without a
    translation leads to the site's home page in that language (``is_fallback``), so the
    language switcher always offers every language the site has. ``is_default`` marks the
    default language, the ``x-default`` alternate.
    """
    if page is None or getattr(page, "pk", None) is None:
        return []
    request = context.get("request")
    order = [code for code, _name in settings.LANGUAGES]

    def entry(target, code, *, is_alternate, is_fallback=False):
        url = target.get_url(request)
        if url is None:
            return None
        return {
            "language_code": code,
            "name": get_language_info(code)["name_local"],
            "url": url,
            "full_url": target.get_full_url(request),
            "is_current": target.pk == page.pk,
            "is_default": code == settings.LANGUAGE_CODE,
            "is_alternate": is_alternate,
            "is_fallback": is_fallback,
        }

    versions = {}
    translations = (
        all_pages()
        .visible(aliases=True)
        .filter(translation_key=page.translation_key)
        .select_related("locale", "alias_of")
    )
    for translation in translations:
        code = translation.locale.language_code
        placeholder = _is_placeholder(translation)
        # Another language's alias is not this page in that language: fall back to its home.
        if code not in order or (placeholder and translation.pk != page.pk):
            continue
        found = entry(translation, code, is_alternate=not placeholder)
        if found:
            versions[code] = found

    missing = [code for code in order if code not in versions]
    home = _home_page(request, page) if missing else None
    if home is not None:
        homes = (
            all_pages()
            .visible(aliases=True)
            .filter(translation_key=home.translation_key)
            .select_related("locale")
        )
        for translation in homes.filter(locale__language_code__in=missing):
            found = entry(
                translation, translation.locale.language_code, is_alternate=False, is_fallback=True
            )
            if found:
                versions.setdefault(translation.locale.language_code, found)
    return [versions[code] for code in order if code in versions]


@register.simple_tag(takes_context=True)
def og_image(context, page):
    """The sharing (``og``) rendition of the page's image, with an absolute URL, or ``None``.

    The page's main image, else its hero image (home pages).
    """
    image = getattr(page, "image", None) or getattr(page, "hero_image", None)
    if not image:
        return None
    rendition = get_rendition_or_not_found(image, RENDITION_SPECS["og"])
    request = context.get("request")
    url = request.build_absolute_uri(rendition.url) if request else rendition.full_url
    return {
        "url": url,
        "width": rendition.width,
        "height": rendition.height,
        "alt": image.default_alt_text,
    }


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """``url`` made absolute against the current request's host."""
    request = context.get("request")
    return request.build_absolute_uri(url) if request else url


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page):
    """The ancestors of ``page`` from its site's home page down, as ``(title, url)`` pairs."""
    if not _saved(page):
        return []
    request = context.get("request")
    crumbs = []
    for ancestor in _ancestors(request, page):
        url = ancestor.get_url(request)
        if url:
            crumbs.append((ancestor.title, url))
    return crumbs
