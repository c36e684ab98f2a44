"""The internal campaign plan: channels, KPIs, money, permissions, and no leak to the API."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from site_s6.campaigns.plans import CampaignKPI, CampaignPlan
from tests.factories import CampaignPageFactory, EnglishSuperuserFactory
from tests.factories_internal import CampaignKPIFactory, CampaignPlanFactory, grant, page_editor
from tests.internal_admin import api_responses, has_link, page_editor_links, record_url

pytestmark = pytest.mark.django_db

NEGATIVE = "The amount cannot be negative."


@pytest.fixture
def superuser(db):
    # admin_client logs this user in; English so that messages read as their msgids.
    return EnglishSuperuserFactory(username="admin")


@pytest.fixture
def campaign(site_tree):
    return CampaignPageFactory(parent=site_tree["campaign_index"], title="Sector 6 curat")


def plan_form_data(campaign, *, channels=(), kpis=(), budget="5000", initial=0) -> dict:
    data = nested_form_data(
        {
            "campaign": str(campaign.pk),
            "objectives": "Mai puține deșeuri pe stradă.",
            "audiences": "Locuitori\nȘcoli",
            "budget": budget,
            "notes": "",
            "kpis": inline_formset(
                [{"name": "", "unit": "", "target": "", "actual": "", **kpi} for kpi in kpis],
                initial=initial,
            ),
        }
    )
    # A CheckboxSelectMultiple posts one value per ticked box under the same name.
    data["channels"] = list(channels)
    return data


def test_admin_creates_a_plan_with_channels_and_kpis(admin_client, campaign):
    data = plan_form_data(
        campaign,
        channels=["radio_tv", "website", "facebook"],
        kpis=[
            {"name": "Persoane informate", "unit": "persoane", "target": "10000"},
            {"name": "Afișe lipite", "target": "300", "actual": "280"},
        ],
    )

    response = admin_client.post(record_url("campaign_plans", "add"), data)

    assert response.status_code == 302
    plan = CampaignPlan.objects.get(campaign=campaign)
    # Stored in the order of the choices, whatever the order of the ticks.
    assert plan.channels == ["website", "facebook", "radio_tv"]
    with translation.override("en"):
        assert plan.get_channels_display() == "Website, Facebook, Radio / TV"
    assert [(kpi.name, kpi.target, kpi.actual) for kpi in plan.kpis.all()] == [
        ("Persoane informate", Decimal("10000.00"), None),
        ("Afișe lipite", Decimal("300.00"), Decimal("280.00")),
    ]


def test_the_edit_view_ticks_the_stored_channels_and_adds_a_kpi(admin_client, campaign):
    plan = CampaignPlanFactory(campaign=campaign, channels=["press", "posters"])
    kpi = CampaignKPIFactory(plan=plan, name="Articole în presă", target=Decimal("5"))

    form = admin_client.get(record_url("campaign_plans", "edit", plan.pk)).context["form"]
    assert form["channels"].value() == ["press", "posters"]

    data = plan_form_data(
        campaign,
        channels=["press"],
        kpis=[
            {"id": str(kpi.pk), "name": "Articole în presă", "target": "5", "actual": "7"},
            {"name": "Abonați newsletter", "target": "200"},
        ],
        initial=1,
    )
    response = admin_client.post(record_url("campaign_plans", "edit", plan.pk), data)

    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.channels == ["press"]
    assert list(plan.kpis.values_list("name", "actual")) == [
        ("Articole în presă", Decimal("7.00")),
        ("Abonați newsletter", None),
    ]


def test_admin_refuses_a_channel_outside_the_choices(admin_client, campaign):
    data = plan_form_data(campaign, channels=["website", "carrier_pigeon"])

    response = admin_client.post(record_url("campaign_plans", "add"), data)

    assert response.status_code == 200
    assert "carrier_pigeon is not one of the available choices" in response.content.decode()
    assert CampaignPlan.objects.count() == 0


def test_the_model_refuses_channels_outside_the_choices(campaign):
    for channels in (["website", "tiktok"], "website", ["press", "press"]):
        with pytest.raises(ValidationError) as caught:
            CampaignPlan(campaign=campaign, channels=channels).full_clean()
        assert "channels" in caught.value.error_dict, channels

    CampaignPlan(campaign=campaign, channels=["newsletter", "events"]).full_clean()


def test_admin_refuses_negative_money_with_a_message(admin_client, campaign):
    data = plan_form_data(
        campaign,
        budget="-100",
        kpis=[{"name": "Participanți", "target": "-1", "actual": "-2"}],
    )

    response = admin_client.post(record_url("campaign_plans", "add"), data)

    assert response.status_code == 200
    assert response.content.decode().count(NEGATIVE) == 3
    assert CampaignPlan.objects.count() == 0
    assert CampaignKPI.objects.count() == 0


def test_the_list_shows_channels_and_budget(admin_client, campaign):
    CampaignPlanFactory(campaign=campaign, channels=["radio_tv"], budget=Decimal("12500"))

    html = admin_client.get(record_url("campaign_plans", "index")).content.decode()

    assert "Sector 6 curat" in html
    assert "Radio / TV" in html
    assert "12,500.00" in html


def test_superuser_sees_a_link_to_create_then_to_edit_the_plan(admin_client, campaign):
    create_url = record_url("campaign_plans", "add") + f"?campaign={campaign.pk}"
    assert has_link(page_editor_links(admin_client, campaign), create_url)

    plan = CampaignPlanFactory(campaign=campaign)
    assert has_link(
        page_editor_links(admin_client, campaign), record_url("campaign_plans", "edit", plan.pk)
    )


def test_page_editor_without_plan_permission_sees_no_link(client, campaign):
    plan = CampaignPlanFactory(campaign=campaign)
    client.force_login(page_editor(campaign))

    html = page_editor_links(client, campaign)

    assert not has_link(html, record_url("campaign_plans", "edit", plan.pk))
    assert record_url("campaign_plans", "index") not in html
    assert client.get(record_url("campaign_plans", "edit", plan.pk)).status_code in (302, 403)


def test_page_editor_with_add_permission_gets_the_create_link(client, campaign):
    editor = page_editor(campaign)
    grant(editor, "campaigns.add_campaignplan")
    client.force_login(editor)

    create_url = record_url("campaign_plans", "add") + f"?campaign={campaign.pk}"
    assert has_link(page_editor_links(client, campaign), create_url)


def test_the_plan_never_appears_in_the_api(client, campaign):
    plan = CampaignPlanFactory(
        campaign=campaign,
        objectives="Obiectiv-intern-XYZ",
        audiences="Public-intern-XYZ",
        notes="Notă-internă-XYZ",
    )
    CampaignKPIFactory(plan=plan, name="Indicator-intern-XYZ")

    for url, body in api_responses(
        client,
        campaign,
        "campaigns.CampaignPage",
        "/api/v3/campaigns/",
        f"/api/v3/pages/{campaign.pk}/",
    ):
        for secret in ("XYZ", "kpis", "channels"):
            assert secret not in body, (url, secret)
