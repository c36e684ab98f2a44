"""Public pages that are not Wagtail pages: the accessibility statement."""

import datetime

from django.conf import settings
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language_info

from site_s6.core.sites import locale_root, locale_roots, serving_site

# When the statement was prepared and last reviewed: update it with the text, after each
# new assessment (the EU web accessibility directive asks for a yearly review).
STATEMENT_DATE = datetime.date(2026, 11, 29)


def _translations(site, url_name: str) -> list[dict]:
    """The page named ``url_name`` in each language ``site`` has, for the language switcher."""
    available = set(locale_roots(site).values_list("locale__language_code", flat=True))
    current = translation.get_language()
    translations = []
    for code, _name in settings.LANGUAGES:
        if code not in available:
            continue
        with translation.override(code):
            url = reverse(url_name)
        translations.append(
            {
                "language_code": code,
                "name": get_language_info(code)["name_local"],
                "url": url,
                "is_current": code == current,
            }
        )
    return translations


def accessibility_statement(request):
    """The accessibility statement of the requesting site, in the language of the address.

    Required of public bodies by the EU web accessibility directive (Directive (EU)
    2016/2102, Government Emergency Ordinance no. 112/2018 in Romania). The contact is
    the site's own press office, from its contact settings.
    """
    site = serving_site(request)
    locale_root(site)  # 404 in a language the site does not have
    return TemplateResponse(
        request,
        "accessibility_statement.html",
        {
            "statement_date": STATEMENT_DATE,
            "statement_translations": _translations(site, "accessibility_statement"),
        },
    )
