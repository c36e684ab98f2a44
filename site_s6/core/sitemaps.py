"""``/sitemap.xml`` and ``/robots.txt`` of each site.

The sitemap is ``wagtail.contrib.sitemaps``' with two changes: it covers every language of
the requesting site (Wagtail's lists only the tree under the site's root page, which is
one language), and each page names its translations as ``hreflang`` alternates.
"""

from collections import defaultdict

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.views.generic import TemplateView
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.models import Locale, Page

from site_s6.core.querysets import all_pages

from .sites import serving_site, site_index


class SiteSitemap(Sitemap):
    """Every live, public page of the requesting site, in every language, with alternates."""

    def items(self):
        entry = site_index().get(self.get_wagtail_site().pk)
        if entry is None or not entry.roots:
            return Page.objects.none()
        return (
            all_pages().visible(list(entry.roots)).order_by("path").defer_streamfields().specific()
        )

    def _urls(self, page, protocol, domain):
        items = list(self.paginator.page(page).object_list)
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        locations = {item.pk: item.get_full_url(self.request) for item in items}
        translations = defaultdict(list)
        for item in items:
            if locations[item.pk]:
                translations[item.translation_key].append(item)

        urls = []
        last_mods = set()
        for item in items:
            alternates = []
            versions = translations[item.translation_key]
            if len(versions) > 1:
                alternates = [
                    {"lang_code": languages[version.locale_id], "location": locations[version.pk]}
                    for version in versions
                ]
                default = next(
                    (
                        version
                        for version in versions
                        if languages[version.locale_id] == settings.LANGUAGE_CODE
                    ),
                    None,
                )
                if default is not None:
                    alternates.append({"lang_code": "x-default", "location": locations[default.pk]})
            for url_info in item.get_sitemap_urls(self.request):
                if url_info.get("location") == locations[item.pk]:
                    url_info = {**url_info, "alternates": alternates}
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        # As Wagtail's: no Last-Modified when any page lacks a date (or none is public).
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


def sitemap(request):
    """``/sitemap.xml`` of the requesting site; 404 for an inactive institution's site."""
    serving_site(request)
    return sitemap_views.sitemap(request, sitemaps={"pages": SiteSitemap})


class RobotsView(TemplateView):
    """``/robots.txt``: the sitemap's address, and what crawlers should leave alone."""

    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"

    def get_context_data(self, **kwargs):
        search_paths = []
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                search_paths.append(reverse("search"))
        return {
            **super().get_context_data(**kwargs),
            "sitemap_url": self.request.build_absolute_uri(reverse("sitemap")),
            "disallowed": ["/admin/", *dict.fromkeys(search_paths)],
        }


robots_txt = RobotsView.as_view()
