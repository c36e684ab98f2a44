"""The group of the city hall's departments' staff: access to the admin and nothing else
(site_s6.channels.roles)."""

from django.db import migrations

DEPARTMENTS_GROUP = "Departamente primărie"


def create_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=DEPARTMENTS_GROUP)
    access = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    if access is not None:
        group.permissions.add(access)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=DEPARTMENTS_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("channels", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
