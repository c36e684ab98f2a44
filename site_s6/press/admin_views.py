"""The press office's admin: accreditation decisions, the private press cards, subscribers;
journalists' requests are in ``requests_admin``."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton

from subsites.access import is_central_team

from .contacts_admin import DistributionListViewSet, JournalistViewSet, OutletViewSet
from .distribution_admin import URL_NAMESPACE as DISTRIBUTION_NAMESPACE
from .distribution_admin import DistributionViewSet
from .models import AccreditationRequest, AlertDelivery, Subscriber
from .services import accreditation_decide, check_decision


class DecisionForm(WagtailAdminModelForm):
    """The central team's decision: refused or withdrawn only with a written reason."""

    class Meta:
        model = AccreditationRequest
        fields = ["status", "reason", "badge_number", "valid_until"]
        widgets = {"valid_until": forms.DateInput(attrs={"type": "date"})}

    def clean(self):
        cleaned = super().clean()
        current = AccreditationRequest.objects.values_list("status", flat=True).get(
            pk=self.instance.pk
        )
        decision = cleaned.get("status")
        if decision == current:
            return cleaned
        try:
            check_decision(
                current=current,
                decision=decision,
                reason=cleaned.get("reason") or "",
                badge_number=cleaned.get("badge_number") or "",
                valid_until=cleaned.get("valid_until"),
            )
        except forms.ValidationError as error:
            for field, messages in error.message_dict.items():
                self.add_error(field, messages)
        return cleaned


class DecisionEditView(EditView):
    """Saving the form takes the decision through the service (which e-mails it)."""

    def save_instance(self):
        instance = self.form.instance
        current = AccreditationRequest.objects.values_list("status", flat=True).get(pk=instance.pk)
        data = self.form.cleaned_data
        if data["status"] == current:
            # No new decision: only the written fields change, nothing is sent.
            return super().save_instance()
        return accreditation_decide(
            request_obj=instance,
            decision=data["status"],
            user=self.request.user,
            reason=data.get("reason") or "",
            badge_number=data.get("badge_number") or "",
            valid_until=data.get("valid_until"),
        )


class AccreditationIndexView(IndexView):
    @property
    def header_buttons(self):
        url = (
            reverse("press_accreditations:index")
            + "?"
            + urlencode({"status": AccreditationRequest.Status.APPROVED, "export": "csv"})
        )
        return [
            *super().header_buttons,
            HeaderButton(_("Accredited list (CSV)"), url=url, icon_name="download"),
        ]


class PressCardColumn(Column):
    def get_value(self, instance):
        if not instance.press_card:
            return "—"
        url = reverse("press_card", args=[instance.pk])
        return format_html('<a href="{}">{}</a>', url, _("Download"))


class OverdueColumn(Column):
    def get_value(self, instance):
        return _("Overdue") if instance.is_overdue else ""


class AccreditationViewSet(ModelViewSet):
    model = AccreditationRequest
    icon = "id-card"
    menu_label = _("Accreditation")
    menu_order = 100
    edit_view_class = DecisionEditView
    index_view_class = AccreditationIndexView
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    list_display = [
        "registration_number",
        "name",
        "outlet",
        "kind",
        "status",
        "due_at",
        OverdueColumn("overdue", label=_("Late")),
        PressCardColumn("press_card", label=_("Press card")),
    ]
    list_filter = ["status", "kind", "site"]
    search_fields = ["registration_number", "name", "outlet", "email"]
    list_export = [
        "registration_number",
        "name",
        "outlet",
        "role",
        "email",
        "phone",
        "kind",
        "badge_number",
        "valid_until",
        "decided_at",
    ]
    export_filename = "accredited-journalists"
    inspect_view_fields = [
        "registration_number",
        "registered_at",
        "due_at",
        "name",
        "outlet",
        "role",
        "email",
        "phone",
        "kind",
        "event",
        "status",
        "reason",
        "badge_number",
        "valid_until",
        "decided_at",
        "decided_by",
    ]

    def get_form_class(self, for_update=False):
        return DecisionForm


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    icon = "mail"
    menu_label = _("Subscribers")
    menu_order = 200
    # Nobody edits a subscriber here (the policy allows viewing and deleting only).
    form_fields = ["language"]
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    list_display = ["email", "language", "created_at", "confirmed_at", "unsubscribed_at"]
    list_filter = ["language"]
    search_fields = ["email"]
    inspect_view_fields = ["email", "language", "kinds", "created_at", "confirmed_at"]


class AlertDeliveryViewSet(ModelViewSet):
    model = AlertDelivery
    icon = "list-ul"
    menu_label = _("Alert log")
    menu_order = 300
    form_fields = ["error"]
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    list_display = ["page", "subscriber", "language", "created_at", "sent_at", "error"]
    search_fields = ["subscriber__email"]


class PressOfficeMenu(ViewSetGroup):
    menu_label = _("Press office")
    menu_name = "press-office"
    menu_icon = "microphone"
    menu_order = 270
    items = [
        AccreditationViewSet("press_accreditations"),
        DistributionViewSet(DISTRIBUTION_NAMESPACE, url_prefix="press/distribution"),
        SubscriberViewSet("press_subscribers"),
        AlertDeliveryViewSet("press_alert_deliveries"),
        JournalistViewSet("press_journalists"),
        OutletViewSet("press_outlets"),
        DistributionListViewSet("press_lists"),
    ]


def press_card(request, pk):
    """The private press card of a request, as an attachment, to the central team only."""
    if not is_central_team(request.user):
        raise PermissionDenied
    request_obj = get_object_or_404(AccreditationRequest, pk=pk)
    if not request_obj.press_card:
        raise Http404
    response = FileResponse(
        request_obj.press_card.open("rb"),
        as_attachment=True,
        filename=f"press-card-{request_obj.registration_number.replace('/', '-')}"
        + (request_obj.press_card.name[request_obj.press_card.name.rfind(".") :]),
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
