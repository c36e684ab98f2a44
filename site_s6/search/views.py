"""The search page of each site: ``/search/`` (Romanian) and ``/en/search/`` (English)."""

from urllib.parse import urlencode

from django.conf import settings
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language_info

from site_s6.core.listings import paginate
from site_s6.core.sites import locale_root, locale_roots, serving_site

from .query import pages_in_order, searchable_pages
from .service import clean_query, search_pages

RESULTS_PER_PAGE = 12


def search_translations(site, query: str) -> list[dict]:
    """The search page in each language ``site`` has, keeping ``query``, for the switcher."""
    available = set(locale_roots(site).values_list("locale__language_code", flat=True))
    current = translation.get_language()
    translations = []
    for code, _name in settings.LANGUAGES:
        if code not in available:
            continue
        with translation.override(code):
            url = reverse("search")
        translations.append(
            {
                "language_code": code,
                "name": get_language_info(code)["name_local"],
                "url": f"{url}?{urlencode({'q': query})}" if query else url,
                "is_current": code == current,
            }
        )
    return translations


def summary_of(page) -> str:
    """The text shown under a result: the page's introduction, else its lead or description."""
    return getattr(page, "intro", "") or getattr(page, "lead", "") or page.search_description or ""


def search(request):
    """Pages of the requesting site, in the language of the address, matching ``?q=``.

    An empty query shows the search form alone; results come twelve to a page.
    """
    site = serving_site(request)
    root = locale_root(site)
    query = clean_query(request.GET.get("q", ""))
    results = None
    if query:
        ids = search_pages(query, searchable_pages(site, root))
        results = paginate(request, ids, per_page=RESULTS_PER_PAGE)
        results.object_list = pages_in_order(results.object_list)
        for page in results.object_list:
            page.search_summary = summary_of(page)
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": query,
            "results": results,
            "search_translations": search_translations(site, query),
        },
    )
