"""Reactions to content changes: retire the cached renderings of the sites they touch.

Every change bumps the generation (``site_s6.core.cache``) of each site that shows the
changed page or setting, which retires at once everything cached for those sites: pages
(``site_s6.core.page_cache``) and anything else keyed on the generation, such as the
API's listings. Connected from ``CoreConfig.ready()``.
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .cache import bump_site_generations, site_ids_for_page

DISPATCH_PREFIX = "s6-core-cache"


def _receiving_site_ids() -> list[int]:
    # News flagged for syndication also shows on the city hall's site; its flag may have
    # just been cleared, so any news change refreshes that site too.
    institution = apps.get_model("subsites", "Institution")
    return list(
        Site.objects.filter(institution__kind=institution.Kind.CITY_HALL).values_list(
            "pk", flat=True
        )
    )


def sites_showing(page: Page) -> list[int]:
    """The sites whose cached renderings may show ``page``."""
    site_ids = site_ids_for_page(page)
    if page.specific_class is apps.get_model("news", "NewsPage"):
        site_ids += _receiving_site_ids()
    return site_ids


def page_changed(sender, instance, **kwargs):
    """A page was published or unpublished, or its revision went live."""
    bump_site_generations(sites_showing(instance))


def page_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    """A page left one place of the tree, maybe of another site, for another."""
    bump_site_generations(
        [
            *sites_showing(instance),
            *site_ids_for_page(parent_page_before),
            *site_ids_for_page(parent_page_after),
        ]
    )


def page_deleted(sender, instance, **kwargs):
    """A page is about to be deleted (each of its model rows signals it).

    Handled before the deletion, while the page's ancestors, through which its sites are
    found, still exist; the bump repeated on commit covers renderings in between.
    """
    if isinstance(instance, Page):
        bump_site_generations(sites_showing(instance))


def restriction_changed(sender, instance, **kwargs):
    """A view restriction now hides, or no longer hides, a branch of a site."""
    bump_site_generations(site_ids_for_page(instance.page))


def site_changed(sender, instance, **kwargs):
    """A site's host name, root page or name changed, or the site was deleted."""
    bump_site_generations([instance.pk])


def _holds_only_defaults(setting) -> bool:
    blank = type(setting)(site_id=setting.site_id)
    return all(
        getattr(setting, field.attname) == getattr(blank, field.attname)
        for field in setting._meta.concrete_fields
        if not field.primary_key
    )


def site_setting_changed(sender, instance, created=False, **kwargs):
    """A site setting (branding, contact, ...) was saved or deleted.

    Wagtail creates a site's setting row with its defaults the first time a page reads
    it; that changes nothing shown, and must not retire the page being rendered.
    """
    if created and _holds_only_defaults(instance):
        return
    bump_site_generations([instance.site_id])


def register_signal_handlers() -> None:
    """Connect the cache invalidation handlers; safe to call more than once."""
    page_published.connect(page_changed, dispatch_uid=f"{DISPATCH_PREFIX}-published")
    page_unpublished.connect(page_changed, dispatch_uid=f"{DISPATCH_PREFIX}-unpublished")
    post_page_move.connect(page_moved, dispatch_uid=f"{DISPATCH_PREFIX}-moved")
    pre_delete.connect(page_deleted, dispatch_uid=f"{DISPATCH_PREFIX}-page-deleted")
    for signal in (post_save, post_delete):
        signal.connect(
            restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"{DISPATCH_PREFIX}-restriction-{signal is post_save}",
        )
        signal.connect(
            site_changed, sender=Site, dispatch_uid=f"{DISPATCH_PREFIX}-site-{signal is post_save}"
        )
        for model in apps.get_models():
            if issubclass(model, BaseSiteSetting):
                signal.connect(
                    site_setting_changed,
                    sender=model,
                    dispatch_uid=f"{DISPATCH_PREFIX}-{model._meta.label_lower}-"
                    f"{signal is post_save}",
                )
