"""The protocol office's admin screens beside the visit files: the yearly gifts register
with its exports, and the printed programme and seating sheet of a visit."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import EditView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import HeaderButton
from wagtail.models import Site
from wagtail.permissions import policy_registry

from subsites.access import may_see_department_records

from .files import VisitFile
from .gift_register import gift_register, register_pdf, register_xlsx, register_years
from .programme_pdf import programme_pdf, seating_pdf

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
REGISTER_PAGE_SIZE = 50


class RegisterYearForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)
    export = forms.ChoiceField(required=False, choices=[("", ""), ("xlsx", "XLSX"), ("pdf", "PDF")])


class GiftRegisterMenuItem(MenuItem):
    """The register's entry in the internal planning menu, for those who may open it."""

    def is_shown(self, request):
        return may_see_department_records(request.user)


def attachment(content: bytes, *, content_type: str, filename: str) -> HttpResponse:
    """``content`` as a download that no cache keeps."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


class GiftRegisterView(WagtailAdminTemplateMixin, TemplateView):
    """The gifts register of a year, for the central team and the head of department."""

    page_title = _("Gifts register")
    header_icon = "tasks"
    template_name = "protocol/admin/gift_register.html"

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.get_page_title()}]

    def dispatch(self, request, *args, **kwargs):
        if not may_see_department_records(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        form = RegisterYearForm(request.GET)
        today = timezone.localdate()
        if not form.is_valid():
            context = self.get_context_data(form=form, register=None, years=register_years(today))
            return self.render_to_response(context, status=400)
        year = form.cleaned_data["year"] or today.year
        register = gift_register(year, today=today)
        filename = f"gifts-register-{year}"
        export = form.cleaned_data["export"]
        if export == "xlsx":
            return attachment(
                register_xlsx(register), content_type=XLSX, filename=f"{filename}.xlsx"
            )
        if export == "pdf":
            site = Site.find_for_request(request)
            return attachment(
                register_pdf(register, site=site),
                content_type="application/pdf",
                filename=f"{filename}.pdf",
            )
        page = Paginator(register.rows, REGISTER_PAGE_SIZE).get_page(request.GET.get("p"))
        files = policy_registry.get_by_type(VisitFile)
        context = self.get_context_data(
            form=form,
            register=register,
            page_obj=page,
            years=register_years(today),
            can_open_files=files.user_has_permission(request.user, "change"),
            xlsx_query=urlencode({"year": year, "export": "xlsx"}),
            pdf_query=urlencode({"year": year, "export": "pdf"}),
            page_query=urlencode({"year": year}),
        )
        return self.render_to_response(context)


def _printable_file(request, pk) -> VisitFile:
    policy = policy_registry.get_by_type(VisitFile)
    if not policy.user_has_any_permission(request.user, ["view", "change"]):
        raise PermissionDenied
    return get_object_or_404(VisitFile.objects.select_related("visit"), pk=pk)


def visit_programme_pdf(request, pk):
    """The programme of the visit, as a PDF in the file's language or languages."""
    visit_file = _printable_file(request, pk)
    return attachment(
        programme_pdf(visit_file),
        content_type="application/pdf",
        filename=f"programme-{visit_file.visit.slug}.pdf",
    )


def visit_seating_pdf(request, pk):
    """The seating plan and order of precedence of the visit, as a PDF."""
    visit_file = _printable_file(request, pk)
    return attachment(
        seating_pdf(visit_file),
        content_type="application/pdf",
        filename=f"seating-{visit_file.visit.slug}.pdf",
    )


class VisitFileEditView(EditView):
    """The visit file's editor, with the printed programme and seating sheet at hand."""

    @property
    def header_buttons(self):
        return [
            *super().header_buttons,
            HeaderButton(
                _("Programme (PDF)"),
                url=reverse("protocol_visit_programme", args=[self.object.pk]),
                icon_name="doc-full",
            ),
            HeaderButton(
                _("Seating plan (PDF)"),
                url=reverse("protocol_visit_seating", args=[self.object.pk]),
                icon_name="group",
            ),
        ]
