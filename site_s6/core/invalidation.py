"""What a change makes stale, answered once, and the one set of receivers that acts on it.

Wagtail's page signals and the saves of sites, settings, languages and privacy
restrictions arrive here, and only here. Each change is turned into the set of sites it
affects (:func:`sites_showing`); their generations are bumped
(``site_s6.core.generations``), which retires the page cache, the API cache and every
value cached per site at once. Then :data:`content_changed` is sent for a page change,
so that what reacts to publishing beyond caches (CDN purges, webhooks) hears of it with
the sites already worked out, once.

    content_changed.connect(receiver)
    def receiver(sender, page, action, site_ids, revision=None, **kwargs): ...

``action`` is one of :data:`ACTIONS`. A page shows on the site that holds it and, when
its type says ``shown_on_receiving_sites`` (news that institutions may share), on every
site that receives shared news (the city hall's).

Connected from ``CoreConfig.ready()``; other apps add models whose changes reshape the
index of sites (institutions) with :func:`watch_for_site_changes`.
"""

from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import Signal
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from .generations import bump_global, bump_sites
from .sites import SiteIndex, site_index

PUBLISHED, UNPUBLISHED, MOVED, DELETED = "published", "unpublished", "moved", "deleted"
ACTIONS = (PUBLISHED, UNPUBLISHED, MOVED, DELETED)

#: Sent after a page change has retired the caches of the sites it affects.
content_changed = Signal()

DISPATCH_PREFIX = "s6-invalidation"


def sites_showing(page: Page, index: SiteIndex | None = None) -> set[int]:
    """The ids of the sites whose pages, lists, feeds or API responses may show ``page``."""
    if not page.path:
        return set()
    index = index or site_index()
    entry = index.entry_for(page, serving_only=False)
    site_ids = {entry.pk} if entry else set()
    if getattr(page.specific_class, "shown_on_receiving_sites", False):
        site_ids.update(index.receiving_site_ids())
    return site_ids


def site_structure_changed() -> None:
    """Sites, institutions, languages or restrictions changed: rebuild the index and
    retire everything cached for every site."""
    bump_global(site_index().entries)


def page_reindexed(page: Page) -> None:
    """A background task rebuilt what is derived from ``page`` (its search document):
    retire what its sites cached in between, such as a search answered before the
    index caught up with a publish."""
    bump_sites(sites_showing(page))


def _page_changed(page: Page, action: str, *, extra_site_ids=(), revision=None) -> None:
    index = site_index()
    site_ids = sites_showing(page, index) | set(extra_site_ids)
    if page.translation_key in index.root_translation_keys:
        # A site's home page in some language: the index's locale roots change.
        site_structure_changed()
    else:
        bump_sites(site_ids)
    content_changed.send(
        sender=page.specific_class or Page,
        page=page,
        action=action,
        site_ids=sorted(site_ids),
        revision=revision,
    )


def _published(sender, instance, revision=None, **kwargs):
    _page_changed(instance, PUBLISHED, revision=revision)


def _unpublished(sender, instance, **kwargs):
    _page_changed(instance, UNPUBLISHED)


def _before_move(sender, instance, **kwargs):
    # Remember the sites the page leaves: after the move, its path names the new place.
    instance.s6_sites_before_move = sites_showing(instance)


def _moved(sender, instance, **kwargs):
    before = getattr(instance, "s6_sites_before_move", set())
    _page_changed(instance, MOVED, extra_site_ids=before)


def _deleted(sender, instance, **kwargs):
    # Every model row of a specific page signals its deletion: react to the page row, and
    # before it goes, while the ancestors through which its sites are found still exist.
    if sender is Page:
        _page_changed(instance, DELETED)


def _page_saved(sender, instance, created=False, **kwargs):
    # A new copy of a site's home page in another language is a new locale root.
    if (
        created
        and isinstance(instance, Page)
        and instance.translation_key in site_index().root_translation_keys
    ):
        site_structure_changed()


def _structure_changed(sender, **kwargs):
    site_structure_changed()


def _holds_only_defaults(setting) -> bool:
    blank = type(setting)(site_id=setting.site_id)
    return all(
        getattr(setting, field.attname) == getattr(blank, field.attname)
        for field in setting._meta.concrete_fields
        if not field.primary_key
    )


def _setting_changed(sender, instance, created=False, **kwargs):
    # Wagtail creates a site's setting row with its defaults the first time a page reads
    # it; that changes nothing shown, and must not retire the page being rendered.
    if created and _holds_only_defaults(instance):
        return
    bump_sites([instance.site_id])


def watch_for_site_changes(model) -> None:
    """Rebuild the index of sites whenever a row of ``model`` is saved or deleted."""
    for signal in (post_save, post_delete):
        signal.connect(
            _structure_changed,
            sender=model,
            dispatch_uid=f"{DISPATCH_PREFIX}-{model._meta.label_lower}-{signal is post_save}",
        )


def connect_receivers() -> None:
    """Connect the receivers; safe to call more than once."""
    from django.apps import apps

    page_published.connect(_published, dispatch_uid=f"{DISPATCH_PREFIX}-published")
    page_unpublished.connect(_unpublished, dispatch_uid=f"{DISPATCH_PREFIX}-unpublished")
    pre_page_move.connect(_before_move, dispatch_uid=f"{DISPATCH_PREFIX}-before-move")
    post_page_move.connect(_moved, dispatch_uid=f"{DISPATCH_PREFIX}-moved")
    pre_delete.connect(_deleted, sender=Page, dispatch_uid=f"{DISPATCH_PREFIX}-deleted")
    post_save.connect(_page_saved, dispatch_uid=f"{DISPATCH_PREFIX}-page-saved")
    for model in (Site, Locale, PageViewRestriction):
        watch_for_site_changes(model)
    for model in apps.get_models():
        if issubclass(model, BaseSiteSetting):
            for signal in (post_save, post_delete):
                signal.connect(
                    _setting_changed,
                    sender=model,
                    dispatch_uid=f"{DISPATCH_PREFIX}-{model._meta.label_lower}-"
                    f"{signal is post_save}",
                )
