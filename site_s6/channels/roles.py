"""Who files requests for communication, and where their attachments are kept.

Staff of the city hall's departments are in the "Departamente primărie" group: admin
access and nothing else (no page, collection or model permission), so the admin shows
them their own requests only. The group is made by this app's data migration
(``0002_departments_group``) and again, idempotently, by :func:`departments_group_ensure`.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection

from subsites.access import is_central_team

DEPARTMENTS_GROUP = "Departamente primărie"
REQUESTS_COLLECTION = "Cereri de comunicare"


def departments_group_ensure() -> Group:
    """The departments' group, with access to the admin only."""
    group, _created = Group.objects.get_or_create(name=DEPARTMENTS_GROUP)
    access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    group.permissions.add(access)
    return group


def requests_collection() -> Collection:
    """The private collection of requests' attachments, under the root collection.

    Only the central team, whose permissions sit on the root collection, sees it in the
    admin; institution editors hold permissions on their own collections only.
    """
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=REQUESTS_COLLECTION).first()
    return existing or root.add_child(name=REQUESTS_COLLECTION)


def is_department_staff(user) -> bool:
    """Whether ``user`` is in the departments' group."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    return user.groups.filter(name=DEPARTMENTS_GROUP).exists()


def may_file_requests(user) -> bool:
    """Department staff, institution editors and the central team file requests."""
    from site_s6.press.permissions import is_institution_editor

    return is_central_team(user) or is_department_staff(user) or is_institution_editor(user)
