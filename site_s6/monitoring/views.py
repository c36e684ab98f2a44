"""The press review's admin views beyond the view sets' lists and forms: add a clipping
by URL, OPML in and out, the digest as it would be sent, the coverage report.

The central team and superusers only (``is_central_team``); anyone else is refused (403).
"""

from django.contrib import messages
from django.http import HttpResponse, HttpResponseForbidden
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from site_s6.core import outbound
from subsites.access import is_central_team

from .coverage import chart, coverage, coverage_csv
from .digest import build_digest
from .forms import TRIAGE_PAGE_SIZE, AddByURLForm, OPMLImportForm, PeriodForm, TriageFormSet
from .models import Clipping
from .opml import OPMLError, export_opml, import_opml
from .services import clipping_add_by_url


class CentralTeamRequiredMixin:
    def get_breadcrumbs_items(self):
        # Home, then this view: Wagtail's slim header shows the last item as the title.
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.get_page_title()}]

    def dispatch(self, request, *args, **kwargs):
        if not is_central_team(request.user):
            return HttpResponseForbidden()
        return super().dispatch(request, *args, **kwargs)


class AddByURLView(CentralTeamRequiredMixin, WagtailAdminTemplateMixin, FormView):
    page_title = _("Add a clipping by URL")
    header_icon = "link"
    template_name = "monitoring/admin/form.html"
    form_class = AddByURLForm

    def form_valid(self, form):
        try:
            clipping, created = clipping_add_by_url(url=form.cleaned_data["url"])
        except outbound.BlockedTarget as blocked:
            form.add_error("url", gettext("This address cannot be fetched: %s") % blocked.reason)
            return self.form_invalid(form)
        except (outbound.OutboundError, ValueError) as error:
            form.add_error("url", gettext("The page could not be read: %s") % error)
            return self.form_invalid(form)
        if created:
            messages.success(self.request, gettext("Clipping '%s' added.") % clipping.title)
        else:
            messages.info(self.request, gettext("This article is already a clipping."))
        return redirect("monitoring_clippings:edit", clipping.pk)


class OPMLImportView(CentralTeamRequiredMixin, WagtailAdminTemplateMixin, FormView):
    page_title = _("Import sources from OPML")
    header_icon = "download"
    template_name = "monitoring/admin/form.html"
    form_class = OPMLImportForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            multipart=True,
            extra_link=(reverse("monitoring_opml_export"), _("Export OPML")),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            report = import_opml(form.cleaned_data["file"].read())
        except OPMLError as error:
            form.add_error("file", str(error))
            return self.form_invalid(form)
        messages.success(self.request, gettext("OPML import: %s") % report)
        return redirect("monitoring_sources:index")


class OPMLExportView(CentralTeamRequiredMixin, View):
    def get(self, request):
        response = HttpResponse(export_opml(), content_type="text/x-opml; charset=utf-8")
        filename = f"press-review-sources-{timezone.localdate():%Y-%m-%d}.opml"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class DigestPreviewView(CentralTeamRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Morning digest")
    header_icon = "mail"
    template_name = "monitoring/admin/digest.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**build_digest().context(), **kwargs)


class CoverageReportView(CentralTeamRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Press coverage")
    header_icon = "doc-full"
    template_name = "monitoring/admin/coverage.html"

    def get(self, request, *args, **kwargs):
        form = PeriodForm(request.GET or None)
        since, until = form.period()
        report = coverage(since, until)
        if request.GET.get("export") == "csv":
            headings = [
                gettext("kind"),
                gettext("page id"),
                gettext("title"),
                gettext("pickups"),
                gettext("positive"),
                gettext("neutral"),
                gettext("negative"),
            ]
            response = HttpResponse(
                coverage_csv(report, headings), content_type="text/csv; charset=utf-8"
            )
            filename = f"press-coverage-{since:%Y-%m-%d}-{until:%Y-%m-%d}.csv"
            response["Content-Disposition"] = f'attachment; filename="{filename}"'
            return response
        sections = [
            {"key": "releases", "title": _("Press releases"), "rows": report["releases"]},
            {"key": "campaigns", "title": _("Campaigns"), "rows": report["campaigns"]},
        ]
        for section in sections:
            section["chart"] = chart(section["rows"])
        context = self.get_context_data(
            form=PeriodForm(initial={"since": since, "until": until}),
            since=since,
            until=until,
            sections=sections,
            csv_query=f"since={since:%Y-%m-%d}&until={until:%Y-%m-%d}&export=csv",
        )
        return self.render_to_response(context)


class TriageView(CentralTeamRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """The clippings nobody has triaged yet, newest first, relevance and tone set for many
    at once."""

    page_title = _("Triage clippings")
    header_icon = "tasks"
    template_name = "monitoring/admin/triage.html"

    def get_queryset(self):
        untriaged = Clipping.objects.filter(relevant__isnull=True).order_by("-published_at", "-pk")
        ids = list(untriaged.values_list("pk", flat=True)[:TRIAGE_PAGE_SIZE])
        return Clipping.objects.filter(pk__in=ids).order_by("-published_at", "-pk")

    def get(self, request, *args, **kwargs):
        formset = TriageFormSet(queryset=self.get_queryset())
        return self.render_to_response(self.get_context_data(formset=formset))

    def post(self, request, *args, **kwargs):
        formset = TriageFormSet(request.POST, queryset=self.get_queryset())
        if not formset.is_valid():
            return self.render_to_response(self.get_context_data(formset=formset))
        changed = [form for form in formset.forms if form.has_changed()]
        for form in changed:
            form.save()
        messages.success(
            self.request,
            ngettext("%d clipping triaged.", "%d clippings triaged.", len(changed)) % len(changed),
        )
        return redirect("monitoring_triage")
