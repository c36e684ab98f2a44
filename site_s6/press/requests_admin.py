"""The admin of journalists' requests: the central team's register, each institution's
own requests, the private attachments, and the report.

The central team registers requests, assigns them and sees every one. An institution's
editors see and answer only the requests assigned to their institution: every view
reads its rows through ``requests_visible_to``, so another institution's request is a
404, as if it did not exist.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton

from subsites.access import is_central_team
from subsites.models import Institution

from .models import InformationRequest
from .reports import chart, default_period, report_csv, report_xlsx, request_report
from .services.requests import (
    check_request_change,
    request_register,
    request_save,
    requests_visible_to,
)

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
ANSWER_FIELDS = [
    "status",
    "answer",
    "sent_at",
    "extension_notice_at",
    "refusal_category",
    "refusal_reason",
    "attachment",
]
REGISTER_FIELDS = [
    "received_at",
    "channel",
    "requester_name",
    "requester_email",
    "requester_outlet",
    "subject",
    "topic",
    "institution",
    "assignee",
]


def limit_assignees(form) -> None:
    """Offer only active users with access to the admin as assignees."""
    if "assignee" in form.fields:
        form.fields["assignee"].queryset = (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(
                Q(is_superuser=True)
                | Q(groups__permissions__codename="access_admin")
                | Q(user_permissions__codename="access_admin")
            )
            .distinct()
            .order_by("first_name", "last_name", "username")
        )


class RegisterForm(WagtailAdminModelForm):
    """A new request, as the central team registers it (received now unless told)."""

    class Meta:
        model = InformationRequest
        fields = [*REGISTER_FIELDS, "attachment"]
        widgets = {"received_at": DATETIME}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["received_at"].required = False
        limit_assignees(self)


class StatusFormMixin:
    def clean(self):
        cleaned = super().clean()
        current = InformationRequest.objects.values_list("status", flat=True).get(
            pk=self.instance.pk
        )
        data = {field: cleaned.get(field) for field in ANSWER_FIELDS}
        try:
            check_request_change(
                current=current,
                data=data,
                channel=cleaned.get("channel") or self.instance.channel,
                received_at=cleaned.get("received_at") or self.instance.received_at,
            )
        except forms.ValidationError as error:
            for field, messages in error.message_dict.items():
                self.add_error(field if field in self.fields else None, messages)
        return cleaned


class CentralEditForm(StatusFormMixin, WagtailAdminModelForm):
    """The central team edits the whole record and its status."""

    class Meta:
        model = InformationRequest
        fields = [*REGISTER_FIELDS, *ANSWER_FIELDS]
        widgets = {"received_at": DATETIME, "sent_at": DATETIME, "extension_notice_at": DATETIME}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_assignees(self)


class AnswerForm(StatusFormMixin, WagtailAdminModelForm):
    """An institution's editors answer, extend or refuse; the registration is not theirs."""

    class Meta:
        model = InformationRequest
        fields = ANSWER_FIELDS
        widgets = {"sent_at": DATETIME, "extension_notice_at": DATETIME}


class OwnRequestsMixin:
    """Rows read through ``requests_visible_to``: another institution's request is a 404."""

    def get_queryset(self):
        return requests_visible_to(self.request.user, InformationRequest.objects.all())

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not requests_visible_to(self.request.user).filter(pk=obj.pk).exists():
            raise Http404
        return obj


class RequestIndexView(generic.IndexView):
    def get_base_queryset(self):
        return requests_visible_to(self.request.user, super().get_base_queryset())

    @property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if is_central_team(self.request.user):
            buttons.append(
                HeaderButton(_("Report"), url=reverse("press_request_report"), icon_name="table")
            )
        return buttons


class RequestCreateView(generic.CreateView):
    def save_instance(self):
        data = {
            field: self.form.cleaned_data.get(field)
            for field in REGISTER_FIELDS
            if field in self.form.cleaned_data
        }
        if self.form.cleaned_data.get("attachment"):
            data["attachment"] = self.form.cleaned_data["attachment"]
        if not data.get("received_at"):
            data.pop("received_at", None)
        return request_register(registry=registering_institution(data["institution"]), data=data)


class RequestEditView(OwnRequestsMixin, generic.EditView):
    def get_form_class(self):
        return CentralEditForm if is_central_team(self.request.user) else AnswerForm

    def save_instance(self):
        previous = InformationRequest.objects.values_list("status", flat=True).get(
            pk=self.form.instance.pk
        )
        instance = self.form.save(commit=False)
        return request_save(instance, previous_status=previous)


class RequestInspectView(OwnRequestsMixin, generic.InspectView):
    pass


class RequestDeleteView(OwnRequestsMixin, generic.DeleteView):
    pass


class RequestHistoryView(OwnRequestsMixin, HistoryView):
    pass


class RequestUsageView(OwnRequestsMixin, UsageView):
    pass


def registering_institution(assigned: Institution) -> Institution:
    """Whose register a new request enters: the city hall's, where the central team works,
    else (no city hall recorded) the institution it is assigned to."""
    return Institution.objects.filter(kind=Institution.Kind.CITY_HALL).first() or assigned


class DueColumn(Column):
    def get_value(self, instance):
        if instance.is_overdue:
            return _("Overdue")
        return ""


class AttachmentColumn(Column):
    def get_value(self, instance):
        if not instance.attachment:
            return "—"
        url = reverse("press_request_attachment", args=[instance.pk])
        return format_html('<a href="{}">{}</a>', url, _("Download"))


class InformationRequestViewSet(ModelViewSet):
    model = InformationRequest
    icon = "help"
    menu_label = _("Journalists' requests")
    menu_name = "journalists-requests"
    # A menu item of its own, beside the press office's: the institutions' editors, who
    # see nothing else of the press office, answer their requests here.
    add_to_admin_menu = True
    menu_order = 275
    index_view_class = RequestIndexView
    add_view_class = RequestCreateView
    edit_view_class = RequestEditView
    inspect_view_class = RequestInspectView
    delete_view_class = RequestDeleteView
    history_view_class = RequestHistoryView
    usage_view_class = RequestUsageView
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    list_display = [
        "registration_number",
        "requester_name",
        "requester_outlet",
        "channel",
        "institution",
        "status",
        "due_at",
        DueColumn("overdue", label=_("Late")),
        AttachmentColumn("attachment", label=_("Attachment")),
    ]
    list_filter = ["status", "channel", "institution"]
    search_fields = ["registration_number", "requester_name", "requester_outlet", "subject"]
    list_export = [
        "registration_number",
        "received_at",
        "channel",
        "requester_name",
        "requester_outlet",
        "topic",
        "institution",
        "status",
        "due_at",
        "sent_at",
    ]
    export_filename = "journalists-requests"
    inspect_view_fields = [
        "registration_number",
        "received_at",
        "channel",
        "requester_name",
        "requester_email",
        "requester_outlet",
        "subject",
        "topic",
        "institution",
        "assignee",
        "status",
        "due_at",
        "answer",
        "sent_at",
        "extension_notice_at",
        "refusal_category",
        "refusal_reason",
    ]

    def get_form_class(self, for_update=False):
        return CentralEditForm if for_update else RegisterForm


def request_attachment(request, pk):
    """A request's private attachment, to whoever may see the request (else 404)."""
    if not request.user.is_authenticated:
        raise PermissionDenied
    request_obj = get_object_or_404(requests_visible_to(request.user), pk=pk)
    if not request_obj.attachment:
        raise Http404
    name = request_obj.attachment.name
    response = FileResponse(
        request_obj.attachment.open("rb"),
        as_attachment=True,
        filename=f"{request_obj.registration_number.replace('/', '-')}{name[name.rfind('.') :]}",
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


class ReportPeriodForm(forms.Form):
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def period(self):
        """The chosen days, this year by default; a reversed period is put right."""
        default_since, default_until = default_period()
        data = self.cleaned_data if self.is_valid() else {}
        until = data.get("until") or default_until
        since = data.get("since") or (
            default_since if until >= default_since else until.replace(month=1, day=1)
        )
        return (since, until) if since <= until else (until, since)


class RequestReportView(WagtailAdminTemplateMixin, TemplateView):
    """The report of the requests received in a period, for the central team only."""

    page_title = _("Journalists' requests: report")
    header_icon = "table"
    template_name = "press/admin/request_report.html"

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.get_page_title()}]

    def dispatch(self, request, *args, **kwargs):
        if not is_central_team(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        form = ReportPeriodForm(request.GET or None)
        since, until = form.period()
        report = request_report(since, until)
        export = request.GET.get("export")
        filename = f"journalists-requests-{since:%Y%m%d}-{until:%Y%m%d}"
        if export == "csv":
            response = HttpResponse(report_csv(report), content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
            return response
        if export == "xlsx":
            response = HttpResponse(
                report_xlsx(report),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
            response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
            return response
        query = {"since": since.isoformat(), "until": until.isoformat()}
        context = self.get_context_data(
            form=form,
            report=report,
            sections=[(section, chart(section)) for section in report.sections],
            csv_query=urlencode({**query, "export": "csv"}),
            xlsx_query=urlencode({**query, "export": "xlsx"}),
        )
        return self.render_to_response(context)
