"""The project's corrections of upstream wording take effect (docs/translations.md).

Each correction lives in the project (its catalogue, a template override, a label given at
start-up, a data migration); these tests read the result as a Romanian editor would, so a
correction that stops matching upstream (a changed msgid, a changed template) fails here.
"""

import datetime
from pathlib import Path

import pytest
import wagtail
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.template import Context, Template
from django.utils import formats, translation
from wagtail.admin.panels import InlinePanel
from wagtail.models import Locale, Page, Task, Workflow

from site_s6.campaigns.querysets import CampaignStatus

WAGTAIL_TEMPLATES = Path(wagtail.__file__).parent / "admin" / "templates"
PROJECT_TEMPLATES = Path(settings.BASE_DIR) / "templates"
SEARCH_BUTTON = '<input type="submit" value="Search" class="button" />'
# Each override is the upstream template with these replacements, and nothing else.
TEMPLATE_OVERRIDES = {
    "wagtailadmin/home.html": [
        (SEARCH_BUTTON, SEARCH_BUTTON.replace('"Search"', '"{% trans "Search" %}"'))
    ],
    "wagtailadmin/shared/header.html": [
        (SEARCH_BUTTON, SEARCH_BUTTON.replace('"Search"', '"{% trans "Search" %}"'))
    ],
    "wagtailadmin/shared/headers/_actions.html": [
        ('aria-label="Actions"', 'aria-label="{% trans "Actions" %}"'),
        ("{# Actions divider #}", "{% load i18n %}\n{# Actions divider #}"),
    ],
}


def test_dates_write_month_and_weekday_names_in_lower_case():
    day = datetime.date(2026, 12, 2)
    with translation.override("ro"):
        assert formats.date_format(day) == "2 decembrie 2026"
        assert formats.date_format(day, "l, j F") == "miercuri, 2 decembrie"
        assert formats.date_format(day, "N Y") == "dec. 2026"
        assert Template('{{ day|date:"j F Y" }}').render(Context({"day": day})) == (
            "2 decembrie 2026"
        )
        # The public pages' own filter reads the same catalogue.
        long_date = Template("{% load site_tags %}{{ day|long_date }}")
        assert long_date.render(Context({"day": day})) == "2 decembrie 2026"
    with translation.override("en"):
        assert formats.date_format(day) == "Dec. 2, 2026"


def test_a_campaign_status_agrees_with_campaign_and_a_budget_keeps_its_own():
    with translation.override("ro"):
        assert [str(label) for label in CampaignStatus.labels] == [
            "Planificată",
            "Activă",
            "Încheiată",
        ]
        # The same English word for the planned amount of a budget stays masculine.
        assert translation.gettext("Planned") == "Planificat"


@pytest.mark.django_db
def test_content_languages_are_named_in_the_admins_language(locales):
    with translation.override("ro"):
        names = {
            locale.language_code: str(locale.get_display_name()) for locale in locales.values()
        }
        assert names == {"ro": "română", "en": "engleză"}
    with translation.override("en"):
        assert str(locales["ro"].get_display_name()) == "Romanian"


def test_tags_help_text_reads_in_romanian():
    with translation.override("ro"):
        assert translation.gettext("A comma-separated list of tags.") == (
            "Etichete separate prin virgulă."
        )


@pytest.mark.parametrize("name", sorted(TEMPLATE_OVERRIDES))
def test_template_overrides_differ_from_upstream_only_by_their_translations(name):
    """A Wagtail upgrade that changes one of these templates fails here, to be copied again."""
    expected = (WAGTAIL_TEMPLATES / name).read_text()
    for upstream, ours in TEMPLATE_OVERRIDES[name]:
        assert upstream in expected, f"{name} upstream no longer has {upstream!r}"
        expected = expected.replace(upstream, ours)

    assert (PROJECT_TEMPLATES / name).read_text() == expected


def test_site_list_columns_are_named_in_romanian():
    from wagtail.sites.views import IndexView

    with translation.override("ro"):
        labels = [str(column.label) for column in IndexView.columns]

    assert labels == ["Site", "Port", "Nume site", "Pagină rădăcină", "Implicit?"]


@pytest.mark.django_db
def test_wagtails_initial_groups_and_workflow_carry_romanian_names():
    names = set(Group.objects.values_list("name", flat=True))

    assert {"Moderatori", "Editori"} <= names
    assert not {"Moderators", "Editors"} & names
    assert Workflow.objects.filter(name="Aprobare moderatori").exists()
    assert Task.objects.filter(name="Aprobare moderatori").exists()
    assert not Workflow.objects.filter(name="Moderators approval").exists()


def inline_panels(panel):
    if isinstance(panel, InlinePanel):
        yield panel
    for child in getattr(panel, "children", ()):
        yield from inline_panels(child)


def test_inline_panels_add_one_item_named_in_lower_case():
    """ "Adaugă vorbitor", not "Adaugă Vorbitori": the label names one item, the heading all."""
    page_models = [model for model in apps.get_models() if issubclass(model, Page)]
    found = []
    with translation.override("ro"):
        for model in page_models:
            for panel in inline_panels(model.get_edit_handler()):
                found.append((model.__name__, panel.relation_name, str(panel.label)))

    assert ("EventPage", "speakers", "vorbitor") in found
    assert ("ProtocolVisitPage", "photos", "fotografie") in found
    capitalised = [item for item in found if item[2][:1].isupper()]
    assert capitalised == []


@pytest.mark.django_db
def test_locale_names_in_wagtails_own_lists(locales):
    assert Locale.objects.count() == 2
    with translation.override("ro"):
        assert translation.gettext("Add a locale") == "Adaugă o localizare"
        assert translation.ngettext("%(num_pages)d page", "%(num_pages)d pages", 10) == (
            "%(num_pages)d pagini"
        )
        assert translation.ngettext("%(num_pages)d page", "%(num_pages)d pages", 25) == (
            "%(num_pages)d de pagini"
        )
