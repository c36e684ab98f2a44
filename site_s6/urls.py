from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from site_s6.api import v3 as api_v3
from site_s6.api.v2 import api_v2_router
from site_s6.core import sitemaps
from site_s6.core import views as core_views
from site_s6.events import calendar
from site_s6.media.views import serve_public_media
from site_s6.news.feeds import news_feed, press_releases_feed
from site_s6.search import views as search_views
from subsites import admin_privacy

urlpatterns = [
    # Admin views narrowed to what an institution editor may see, before Wagtail's own.
    path("admin/", include(admin_privacy.urlpatterns)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_v2_router.urls),
    path("api/v3/", api_v3.urls()),
    path("healthz", include("site_s6.runtime.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    # Uploads, without original images and documents (site_s6/media/views.py).
    urlpatterns += static(settings.MEDIA_URL, view=serve_public_media)

urlpatterns += [
    path("sitemap.xml", sitemaps.sitemap, name="sitemap"),
    path("robots.txt", sitemaps.robots_txt, name="robots_txt"),
]

# Romanian pages have no prefix; English pages live under /en/.
urlpatterns += i18n_patterns(
    path("feeds/news.xml", news_feed, name="news_feed"),
    path("feeds/press-releases.xml", press_releases_feed, name="press_releases_feed"),
    path("feeds/events.ics", calendar.events_calendar, name="events_calendar"),
    path("events/<int:page_id>.ics", calendar.event_ical, name="event_ical"),
    path("search/", search_views.search, name="search"),
    path("accessibility/", core_views.accessibility_statement, name="accessibility_statement"),
    path("", include("site_s6.press.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
