from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column

from site_s6.core.internal_admin import MoneyColumn, PageRecordViewSet

from .plans import CampaignPlan
from .results_views import CampaignResultsView


class CampaignPlanViewSet(PageRecordViewSet):
    """The internal plans of the campaigns: objectives, channels, budget and KPIs."""

    model = CampaignPlan
    page_field = "campaign"
    icon = "tasks"
    menu_label = _("Campaign plans")
    menu_order = 200
    open_record_label = _("Campaign plan")
    create_record_label = _("Create campaign plan")
    list_display = [
        "campaign",
        Column("channels", label=_("Channels"), accessor="get_channels_display"),
        MoneyColumn("budget", label=_("Budget (RON)"), sort_key="budget"),
        "updated_at",
    ]
    list_filter = ["campaign__start_date"]
    search_fields = ["campaign__title", "objectives", "audiences"]
    inspect_view_fields = [
        "campaign",
        "objectives",
        "audiences",
        "channels",
        "budget",
        "notes",
    ]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=CampaignPlan.objects.select_related("campaign"), **kwargs
        )


campaign_plan_viewset = CampaignPlanViewSet("campaign_plans")


@hooks.register("register_admin_viewset")
def register_campaign_plan_viewset():
    return campaign_plan_viewset


@hooks.register("register_page_header_buttons")
def link_campaign_to_its_plan(page, user, view_name, next_url=None):
    return campaign_plan_viewset.page_header_buttons(page=page, user=user, view_name=view_name)


@hooks.register("register_admin_urls")
def register_campaign_results_url():
    return [
        path("campaigns/results/<int:pk>/", CampaignResultsView.as_view(), name="campaign_results")
    ]
