"""Wagtail's initial groups and workflow get Romanian names.

Wagtail's own migrations create the groups "Moderators" and "Editors" and, from them, the
approval task and workflow "Moderators approval". They are data, not messages, so no
catalogue translates them: this renames them where they still carry Wagtail's English
names (an install where someone renamed them keeps its names).
"""

from django.db import migrations

GROUPS = {"Moderators": "Moderatori", "Editors": "Editori"}
WORKFLOWS = {"Moderators approval": "Aprobare moderatori"}


def rename(apps, groups: dict[str, str], workflows: dict[str, str]):
    group_model = apps.get_model("auth", "Group")
    task_model = apps.get_model("wagtailcore", "Task")
    workflow_model = apps.get_model("wagtailcore", "Workflow")
    for old, new in groups.items():
        # A group already called by the new name (names are unique) keeps the old one.
        if not group_model.objects.filter(name=new).exists():
            group_model.objects.filter(name=old).update(name=new)
    for old, new in workflows.items():
        task_model.objects.filter(name=old).update(name=new)
        workflow_model.objects.filter(name=old).update(name=new)


def reversed_names(names: dict[str, str]) -> dict[str, str]:
    return {new: old for old, new in names.items()}


def to_romanian(apps, schema_editor):
    rename(apps, GROUPS, WORKFLOWS)


def to_english(apps, schema_editor):
    rename(apps, reversed_names(GROUPS), reversed_names(WORKFLOWS))


class Migration(migrations.Migration):
    dependencies = [
        ("subsites", "0002_editors_manage_contact_people"),
        ("wagtailcore", "0048_add_default_workflows"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(to_romanian, to_english)]
