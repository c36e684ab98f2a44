"""Provisioning: an institution's site, pages, groups, collections and workflow in one go."""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Collection, Locale, Page, Site, WorkflowPage

from site_s6.core.text import ascii_slugify

from .models import Institution
from .roles import (
    CHOOSE_ONLY_MEDIA_PERMISSIONS,
    EDITOR_CONTACT_PERMISSIONS,
    EDITOR_MEDIA_PERMISSIONS,
    EDITOR_PAGE_PERMISSIONS,
    approval_workflow_ensure,
    central_team_ensure,
    grant_admin_access,
    grant_collection_permissions,
    grant_model_permissions,
    grant_page_permissions,
    visual_identity_collection_ensure,
)

# The sections every site gets under its home page, with their Romanian titles; the
# protocol section belongs to the city hall's site only.
SECTIONS = [
    ("news.NewsIndexPage", "Știri", "stiri"),
    ("events.EventIndexPage", "Evenimente", "evenimente"),
    ("campaigns.CampaignIndexPage", "Campanii", "campanii"),
]
CITY_HALL_SECTIONS = [("protocol.ProtocolIndexPage", "Protocol", "protocol")]


@dataclass
class ProvisionReport:
    """What a provisioning run created; empty ``changes`` means there was nothing to do."""

    institution: Institution
    changes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.changes)

    def add(self, message: str) -> None:
        self.changes.append(message)


def content_locales_ensure() -> list[Locale]:
    """Every content language of the project as a Locale, the default first."""
    locales = []
    for language_code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        locale, _created = Locale.objects.get_or_create(language_code=language_code)
        locales.append(locale)
    return locales


def _page_model(dotted: str):
    from django.apps import apps

    return apps.get_model(dotted)


class ProvisioningError(ValueError):
    """The request contradicts what is already provisioned (another kind, site or host)."""


def _child_ensure(parent: Page, model, *, title: str, slug: str, report, **fields) -> Page:
    """The ``model`` child of ``parent`` with ``slug``, created and published if missing."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    page = model(title=title, slug=slug, locale=parent.locale, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    report.add(_("page “%(title)s”") % {"title": title})
    return page


def _section_ensure(home: Page, model, *, title: str, slug: str, report) -> Page:
    # Looked up by type, not slug: each section exists once per home (max_count_per_parent),
    # and an editor renaming its slug must not make the next run add a second one.
    existing = model.objects.child_of(home).first()
    if existing:
        return existing
    # Sections appear in the site's main navigation.
    return _child_ensure(home, model, title=title, slug=slug, report=report, show_in_menus=True)


def _locale_copies_ensure(page: Page, locales: list[Locale], report) -> list[Page]:
    """An alias of ``page`` in every other locale, until someone translates it."""
    copies = []
    for locale in locales:
        if locale.pk == page.locale_id:
            continue
        copy = Page.objects.filter(translation_key=page.translation_key, locale=locale).first()
        if copy is None:
            copy = page.copy_for_translation(locale, copy_parents=True, alias=True)
            report.add(
                _("%(locale)s copy of “%(title)s”")
                % {"locale": locale.language_code, "title": page.title}
            )
        copies.append(copy)
    return copies


def _site_ensure(
    institution: Institution, home: Page, *, hostname: str, port: int, is_default_site: bool, report
) -> Site:
    """The institution's Site, created on ``hostname`` if it has none yet."""
    site = institution.site
    if site is not None:
        if site.hostname != hostname:
            raise ProvisioningError(
                _("%(name)s is already served at %(hostname)s.")
                % {"name": institution.name, "hostname": site.hostname}
            )
        return site
    site = Site.objects.filter(hostname=hostname, port=port).first()
    if site is not None:
        # A host already taken by another tree is a mistake, not something to adopt.
        if site.root_page_id != home.pk:
            raise ProvisioningError(
                _("%(hostname)s:%(port)s already serves another site.")
                % {"hostname": hostname, "port": port}
            )
        return site
    if is_default_site:
        # Only one site answers unknown hosts.
        Site.objects.filter(is_default_site=True).update(is_default_site=False)
    site = Site.objects.create(
        hostname=hostname,
        port=port,
        root_page=home,
        site_name=institution.name,
        is_default_site=is_default_site,
    )
    report.add(_("site %(hostname)s") % {"hostname": hostname})
    return site


@transaction.atomic
def institution_provision(
    *,
    name: str,
    short_name: str,
    hostname: str,
    kind: str | None = None,
    port: int = 80,
    is_default_site: bool = False,
) -> ProvisionReport:
    """Create an institution end to end, or complete what is missing; safe to run again.

    Builds the home page in every content locale, the section index pages, the Site, the
    editors group with page permissions on every locale root, the collection with its
    permissions, and the approval workflow on every locale root of a subordinate site.

    ``kind`` defaults to a subordinate institution for a new one and to the recorded kind
    for an existing one; asking for another kind or host than the recorded ones raises
    :class:`ProvisioningError` instead of silently rewiring a live site.
    """
    locales = content_locales_ensure()
    default_locale = Locale.get_default()
    central_team, central_changes = central_team_ensure()
    slug = ascii_slugify(short_name)

    institution, created = Institution.objects.get_or_create(
        slug=slug,
        defaults={
            "name": name,
            "short_name": short_name,
            "kind": kind or Institution.Kind.SUBORDINATE,
        },
    )
    if kind and kind != institution.kind:
        raise ProvisioningError(
            _("%(name)s already exists as “%(kind)s”.")
            % {"name": institution.name, "kind": institution.get_kind_display()}
        )
    # Every decision below follows the recorded kind: re-running the command for the city
    # hall without --kind must not put its site under the institutions' workflow.
    is_subordinate = institution.kind == Institution.Kind.SUBORDINATE
    report = ProvisionReport(institution=institution, changes=list(central_changes))
    if created:
        report.add(_("institution “%(name)s”") % {"name": name})

    from site_s6.home.models import HomePage

    root = Page.get_first_root_node()
    home = (
        institution.site.root_page.specific
        if institution.site
        else HomePage.objects.child_of(root).filter(slug=slug, locale=default_locale).first()
    )
    if home is None:
        home = _child_ensure(root, HomePage, title=name, slug=slug, report=report)

    sections = SECTIONS + ([] if is_subordinate else CITY_HALL_SECTIONS)
    for dotted, title, section_slug in sections:
        _section_ensure(home, _page_model(dotted), title=title, slug=section_slug, report=report)
    locale_roots = [home, *_locale_copies_ensure(home, locales, report)]
    for section in home.get_children():
        _locale_copies_ensure(section, locales, report)

    site = _site_ensure(
        institution,
        home,
        hostname=hostname,
        port=port,
        is_default_site=is_default_site,
        report=report,
    )
    if institution.site_id != site.pk:
        institution.site = site
        institution.save(update_fields=["site"])

    editors = institution.editors_group
    if editors is None:
        editors, group_created = Group.objects.get_or_create(name=f"{short_name} — Editori")
        if group_created:
            report.add(_("group %(name)s") % {"name": editors.name})
    if grant_admin_access(editors):
        report.add(_("admin access for %(name)s") % {"name": editors.name})
    if grant_model_permissions(editors, EDITOR_CONTACT_PERMISSIONS, "core"):
        report.add(_("contact people for %(name)s") % {"name": editors.name})
    if is_subordinate:
        for locale_root in locale_roots:
            if grant_page_permissions(editors, locale_root, EDITOR_PAGE_PERMISSIONS):
                report.add(
                    _("page permissions on %(locale)s root")
                    % {"locale": locale_root.locale.language_code}
                )

    collection = institution.collection
    if collection is None:
        collection_root = Collection.get_first_root_node()
        collection = collection_root.get_children().filter(name=short_name).first()
        if collection is None:
            collection = collection_root.add_child(name=short_name)
            report.add(_("collection %(name)s") % {"name": short_name})
    if grant_collection_permissions(editors, collection, EDITOR_MEDIA_PERMISSIONS):
        report.add(_("media permissions for %(name)s") % {"name": editors.name})
    identity, identity_created = visual_identity_collection_ensure()
    if identity_created:
        report.add(_("collection %(name)s") % {"name": identity.name})
    if grant_collection_permissions(editors, identity, CHOOSE_ONLY_MEDIA_PERMISSIONS):
        report.add(
            _("%(group)s may choose from %(collection)s")
            % {"group": editors.name, "collection": identity.name}
        )

    workflow, workflow_changes = approval_workflow_ensure(central_team)
    report.changes.extend(workflow_changes)
    if is_subordinate:
        for locale_root in locale_roots:
            _assignment, assigned = WorkflowPage.objects.get_or_create(
                page=locale_root, defaults={"workflow": workflow}
            )
            if assigned:
                report.add(
                    _("workflow on %(locale)s root") % {"locale": locale_root.locale.language_code}
                )

    updates = {
        "editors_group": editors,
        "moderators_group": central_team,
        "collection": collection,
    }
    changed_fields = [f for f, value in updates.items() if getattr(institution, f) != value]
    if changed_fields:
        for field_name in changed_fields:
            setattr(institution, field_name, updates[field_name])
        institution.save(update_fields=changed_fields)
    return report
