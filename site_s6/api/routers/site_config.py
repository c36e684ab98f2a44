"""``/api/v3/site-config/``: what a headless front end needs to dress a site."""

from django.conf import settings
from django.http import HttpRequest
from ninja import Field, Query, Router
from wagtail.api.v3.auth import AllowAnonymous
from wagtail.models import Page

from site_s6.core.models import BrandingSettings, ContactSettings, FrontendSettings
from site_s6.core.querysets import visible_q
from site_s6.press.models import PressRoomPage, PressSettings

from ..errors import PROBLEM_RESPONSES
from ..filters import LOCALE_DESCRIPTION, ApiScope, SiteParams, Text
from ..items import image_data, institution_ref, with_images
from ..schemas import SiteConfig

router = Router(tags=["site config"], auth=[AllowAnonymous()])


class SiteConfigParams(SiteParams):
    locale: Text | None = Field(
        None, description=LOCALE_DESCRIPTION + " (navigation / navigație)", max_length=16
    )


@router.get(
    "/",
    response={200: SiteConfig, **PROBLEM_RESPONSES},
    url_name="site_config",
    operation_id="site_config",
    summary="Site configuration / Configurația site-ului",
    description=(
        "Name, branding (logo and favicon as renditions), contact, social links, the "
        "languages the site is published in and its main navigation in `locale`."
    ),
)
def get_site_config(request: HttpRequest, params: Query[SiteConfigParams]):
    scope = ApiScope(request, params.site)
    locale_id, code = scope.resolve_locale(params.locale)
    site = scope.site
    branding = with_images(
        BrandingSettings.objects.filter(site=site), "logo", "favicon"
    ).first() or BrandingSettings(site=site, full_name=site.site_name, short_name=site.site_name)
    contact = ContactSettings.objects.filter(site=site).first() or ContactSettings(site=site)
    frontend = FrontendSettings.objects.filter(site=site).first()

    homes = {
        home.locale_id: home
        for home in scope.visible(
            Page.objects.filter(path__in=[root.path for root in scope.roots_of(site)]),
            aliases=True,
        )
    }
    names = dict(settings.LANGUAGES)
    locales = [
        {
            "code": root.language_code,
            "name": str(names.get(root.language_code, root.language_code)),
            "is_default": root.language_code == settings.LANGUAGE_CODE,
            "home_url": homes[root.locale_id].get_full_url(request),
        }
        for root in sorted(scope.roots_of(site), key=lambda root: root.language_code != "ro")
        if root.locale_id in homes
    ]
    home = homes.get(locale_id)
    menu = (
        scope.visible(home.get_children().in_menu(), aliases=True)
        .specific(defer=True)
        .select_related("locale")
        if home
        else []
    )
    # An untranslated press room serves in English as its alias, as the navigation does.
    press_room = PressRoomPage.objects.filter(
        visible_q(scope.roots_of(site, locale_id), index=scope.index, aliases=True)
    ).first()
    return {
        "site": site.hostname,
        "name": branding.full_name or site.site_name,
        "locale": code,
        "institution": institution_ref(scope.entry),
        "frontend_url": frontend.frontend_url if frontend else "",
        "branding": {
            "full_name": branding.full_name,
            "short_name": branding.short_name,
            "primary_colour": branding.primary_colour,
            "secondary_colour": branding.secondary_colour,
            "logo": image_data(branding.logo, request),
            "favicon": image_data(branding.favicon, request),
        },
        "contact": {
            "address": contact.address,
            "phone": contact.phone,
            "email": contact.email,
            "press_email": contact.press_email,
        },
        "social_links": contact.social_links(),
        "locales": locales,
        "navigation": [
            {
                "id": page.pk,
                "type": page._meta.label,
                "title": page.title,
                "url": page.get_full_url(request),
            }
            for page in menu
        ],
        "press_room": press_room_data(press_room, site, request),
    }


def press_room_data(page, site, request) -> dict | None:
    """The press room in the asked language and the spokesperson of the site's settings."""
    if page is None:
        return None
    press = PressSettings.objects.filter(site=site).first() or PressSettings(site=site)
    return {
        "url": page.get_full_url(request),
        "spokesperson": {
            "name": press.spokesperson_name,
            "phone": press.spokesperson_phone,
            "email": press.spokesperson_email,
            "office_hours": press.office_hours,
        },
    }
