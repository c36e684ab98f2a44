"""The groups, permissions and approval workflow shared by every site.

The central team ("Compartiment Mass Media") adds, edits and publishes everywhere and
keeps the internal plans and registers. Institution editors add and edit under their
own site only; what they publish goes through the central team's approval. The head of
department ("Șef Compartiment Mass Media") approves the event budgets, keeps the year's
allocations and reads the department's records and reports.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

CENTRAL_TEAM_GROUP = "Compartiment Mass Media"
HEAD_OF_DEPARTMENT_GROUP = "Șef Compartiment Mass Media"
APPROVAL_WORKFLOW = "Aprobare Compartiment Mass Media"
APPROVAL_TASK = "Aprobare Compartiment Mass Media"
VISUAL_IDENTITY_COLLECTION = "Identitate vizuală"

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page"]
CENTRAL_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
]
EDITOR_MEDIA_PERMISSIONS = [
    "add_image",
    "change_image",
    "choose_image",
    "add_document",
    "change_document",
    "choose_document",
]
CHOOSE_ONLY_MEDIA_PERMISSIONS = ["choose_image", "choose_document"]
# Their own site's contact people (the admin screen in subsites.contacts keeps them there).
EDITOR_CONTACT_PERMISSIONS = ["add_contactperson", "change_contactperson", "delete_contactperson"]

# Internal models the central team manages: plans, budgets, visit files, gifts, and the
# per-site settings, the webhooks; and wagtail-localize's right to translate pages and snippets.
CENTRAL_MODEL_PERMISSIONS = (
    Q(content_type__app_label="events", content_type__model__in=["eventplan", "budgetline"])
    | Q(
        content_type__app_label="campaigns", content_type__model__in=["campaignplan", "campaignkpi"]
    )
    | Q(content_type__app_label="protocol", content_type__model__in=["visitfile", "gift"])
    | Q(
        content_type__app_label="core",
        content_type__model__in=[
            "brandingsettings",
            "contactsettings",
            "frontendsettings",
            "contactperson",
        ],
    )
    | Q(content_type__app_label="subsites", content_type__model="institution")
    | Q(
        content_type__app_label="api",
        content_type__model__in=["webhookendpoint", "webhookdelivery"],
    )
    | Q(content_type__app_label="wagtail_localize", codename="submit_translation")
)


# What the head of department opens in the admin: the event and campaign plans (to read
# them and decide on budgets). The screens that are the department's alone (budgets,
# reports, registers) ask ``subsites.access.may_see_department_records`` besides.
HEAD_OF_DEPARTMENT_MODEL_PERMISSIONS = Q(
    content_type__app_label="events",
    content_type__model__in=["eventplan", "budgetline"],
    codename__startswith="view_",
) | Q(
    content_type__app_label="campaigns",
    content_type__model__in=["campaignplan", "campaignkpi"],
    codename__startswith="view_",
)


def _permissions(codenames: list[str], app_label: str | None = None):
    queryset = Permission.objects.filter(codename__in=codenames)
    if app_label:
        queryset = queryset.filter(content_type__app_label=app_label)
    return queryset


def grant_page_permissions(group: Group, page: Page, codenames: list[str]) -> int:
    """Give ``group`` the page permissions on ``page`` and below; return how many were new."""
    created = 0
    for permission in _permissions(codenames, "wagtailcore"):
        _obj, was_created = GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=permission
        )
        created += was_created
    return created


def grant_collection_permissions(group: Group, collection: Collection, codenames) -> int:
    created = 0
    for permission in Permission.objects.filter(
        codename__in=codenames,
        content_type__app_label__in=["wagtailimages", "wagtaildocs"],
    ):
        _obj, was_created = GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )
        created += was_created
    return created


def grant_model_permissions(group: Group, codenames: list[str], app_label: str) -> int:
    """Give ``group`` the model permissions ``codenames``; return how many were new."""
    missing = _permissions(codenames, app_label).exclude(group=group)
    count = missing.count()
    group.permissions.add(*missing)
    return count


def grant_admin_access(group: Group) -> bool:
    permission = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    if group.permissions.filter(pk=permission.pk).exists():
        return False
    group.permissions.add(permission)
    return True


def visual_identity_collection_ensure() -> tuple[Collection, bool]:
    """The shared collection of logos and templates every editor chooses from."""
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=VISUAL_IDENTITY_COLLECTION).first()
    if existing:
        return existing, False
    return root.add_child(name=VISUAL_IDENTITY_COLLECTION), True


def central_team_ensure() -> tuple[Group, list[str]]:
    """The central team's group with every permission it needs; idempotent."""
    changes = []
    group, created = Group.objects.get_or_create(name=CENTRAL_TEAM_GROUP)
    if created:
        changes.append(str(_("group %(name)s") % {"name": group.name}))
    if grant_admin_access(group):
        changes.append(str(_("admin access for %(name)s") % {"name": group.name}))
    root_page = Page.get_first_root_node()
    if grant_page_permissions(group, root_page, CENTRAL_PAGE_PERMISSIONS):
        changes.append(str(_("page permissions for %(name)s") % {"name": group.name}))
    root_collection = Collection.get_first_root_node()
    if grant_collection_permissions(
        group,
        root_collection,
        [*EDITOR_MEDIA_PERMISSIONS, "delete_image", "delete_document"],
    ):
        changes.append(str(_("media permissions for %(name)s") % {"name": group.name}))
    missing = Permission.objects.filter(CENTRAL_MODEL_PERMISSIONS).exclude(group=group)
    if missing.exists():
        group.permissions.add(*missing)
        changes.append(str(_("internal data permissions for %(name)s") % {"name": group.name}))
    _head, head_changes = head_of_department_ensure()
    return group, changes + head_changes


def head_of_department_ensure() -> tuple[Group, list[str]]:
    """The head of department's group, with admin access and its permissions; idempotent.

    Created with the central team's group (``central_team_ensure``), so every database
    that has the one has the other.
    """
    changes = []
    group, created = Group.objects.get_or_create(name=HEAD_OF_DEPARTMENT_GROUP)
    if created:
        changes.append(str(_("group %(name)s") % {"name": group.name}))
    if grant_admin_access(group):
        changes.append(str(_("admin access for %(name)s") % {"name": group.name}))
    missing = Permission.objects.filter(HEAD_OF_DEPARTMENT_MODEL_PERMISSIONS).exclude(group=group)
    if missing.exists():
        group.permissions.add(*missing)
        changes.append(str(_("internal data permissions for %(name)s") % {"name": group.name}))
    return group, changes


def approval_workflow_ensure(central_team: Group) -> tuple[Workflow, list[str]]:
    """The workflow that sends institution publications to the central team.

    Also detaches any workflow from the root of the page tree (Wagtail's initial
    "Moderators approval"): the central team publishes directly, and only institution
    sites, which get this workflow on their locale roots, go through approval.
    """
    changes = []
    workflow, created = Workflow.objects.get_or_create(
        name=APPROVAL_WORKFLOW, defaults={"active": True}
    )
    if created:
        changes.append(str(_("workflow %(name)s") % {"name": workflow.name}))
    if not WorkflowTask.objects.filter(workflow=workflow).exists():
        task = GroupApprovalTask.objects.filter(name=APPROVAL_TASK).first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=APPROVAL_TASK)
            task.groups.set([central_team])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        changes.append(str(_("approval task for %(name)s") % {"name": workflow.name}))
    removed, _by_model = WorkflowPage.objects.filter(page__depth=1).delete()
    if removed:
        changes.append(str(_("no workflow on the root of the page tree")))
    return workflow, changes
