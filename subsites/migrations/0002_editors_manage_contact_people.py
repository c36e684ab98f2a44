"""Existing institutions' editors get the contact people permissions provisioning now gives.

Provisioning grants them to every new institution (subsites.roles.EDITOR_CONTACT_PERMISSIONS);
the admin screen keeps each institution to its own site's contacts.
"""

from django.db import migrations

CODENAMES = ["add_contactperson", "change_contactperson", "delete_contactperson"]


def grant(apps, schema_editor):
    institution_model = apps.get_model("subsites", "Institution")
    permission_model = apps.get_model("auth", "Permission")
    # Created after migrations on a new database, where no institution exists yet.
    permissions = list(
        permission_model.objects.filter(content_type__app_label="core", codename__in=CODENAMES)
    )
    if not permissions:
        return
    for institution in institution_model.objects.exclude(editors_group=None):
        institution.editors_group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("subsites", "0001_initial"),
        ("core", "0004_contactperson_site"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
