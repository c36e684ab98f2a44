"""The admin view of a campaign's results: indicators against targets, the chart, the
press coverage, the measurement form and the exports. Thin: the rules are in ``results``."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from subsites.access import is_central_team, may_see_department_records

from .plans import CampaignKPI, CampaignPlan
from .results import campaign_coverage, campaign_progress, kpi_measurement_record
from .results_report import progress_chart_data, results_csv, results_xlsx


class MeasurementForm(forms.Form):
    kpi = forms.ModelChoiceField(label=_("Indicator"), queryset=CampaignKPI.objects.none())
    date = forms.DateField(
        label=_("Date"), initial=timezone.localdate, widget=forms.DateInput(attrs={"type": "date"})
    )
    value = forms.DecimalField(
        label=_("Value reached"),
        max_digits=14,
        decimal_places=2,
        min_value=0,
        help_text=_("The running total on that date, not what was added since the last one."),
    )
    note = forms.CharField(label=_("Note"), max_length=250, required=False)

    def __init__(self, *args, plan: CampaignPlan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kpi"].queryset = plan.kpis.all()


class CampaignResultsView(WagtailAdminTemplateMixin, TemplateView):
    """One campaign's results, for the department (central team, head of department)."""

    template_name = "campaigns/admin/results.html"
    header_icon = "tasks"

    def get_page_title(self):
        return gettext("Campaign results")

    def get_page_subtitle(self):
        return self.plan.campaign.title

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse("campaign_plans:index"), "label": gettext("Campaign plans")},
            {"url": "", "label": self.plan.campaign.title},
        ]

    def dispatch(self, request, *args, **kwargs):
        if not may_see_department_records(request.user):
            raise PermissionDenied
        self.plan = get_object_or_404(
            CampaignPlan.objects.select_related("campaign"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        export = request.GET.get("export")
        if export in ("csv", "xlsx"):
            progress = campaign_progress(self.plan)
            coverage = campaign_coverage(self.plan)
            filename = f"campaign-results-{self.plan.campaign.slug}"
            if export == "csv":
                response = HttpResponse(
                    results_csv(self.plan, progress, coverage),
                    content_type="text/csv; charset=utf-8",
                )
            else:
                response = HttpResponse(
                    results_xlsx(self.plan, progress, coverage),
                    content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                )
            response["Content-Disposition"] = f'attachment; filename="{filename}.{export}"'
            return response
        return super().get(request, *args, **kwargs)

    def get_context_data(self, form=None, **kwargs):
        progress = campaign_progress(self.plan)
        context = super().get_context_data(**kwargs)
        context.update(
            plan=self.plan,
            progress=progress,
            measured=[row for row in progress if row.measurements],
            coverage=campaign_coverage(self.plan),
            chart_data=progress_chart_data(progress),
            may_record=is_central_team(self.request.user) and bool(progress),
            form=form or MeasurementForm(plan=self.plan),
        )
        return context

    def post(self, request, *args, **kwargs):
        """Record a measurement; a refused one shows again with its message."""
        if not is_central_team(request.user):
            raise PermissionDenied
        form = MeasurementForm(request.POST, plan=self.plan)
        if form.is_valid():
            data = form.cleaned_data
            try:
                kpi_measurement_record(
                    kpi=data["kpi"],
                    date=data["date"],
                    value=data["value"],
                    note=data["note"],
                    by=request.user,
                )
            except ValidationError as error:
                for field_name, field_errors in error.message_dict.items():
                    target = field_name if field_name in form.fields else None
                    for message in field_errors:
                        form.add_error(target, message)
            else:
                messages.success(request, gettext("The measurement was recorded."))
                return redirect("campaign_results", pk=self.plan.pk)
        return self.render_to_response(self.get_context_data(form=form), status=400)
