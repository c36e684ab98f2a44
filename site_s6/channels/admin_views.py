"""The admin of the channels: requests for communication (filed by departments and
institutions, triaged by the central team), a page's channel panel, Facebook connections.

Every view of a request reads it through ``requests_visible_to``: someone else's request
is a 404, as if it did not exist.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page
from wagtail.permission_policies.base import BasePermissionPolicy

from subsites.access import is_central_team

from .forms import FacebookChoiceForm, FacebookConnectionForm, RequestForm, TriageForm
from .models import CommunicationRequest, FacebookConnection, FacebookPost
from .roles import may_file_requests
from .services import facebook, kit
from .services.requests import (
    request_accept,
    request_ask,
    request_decline,
    request_file,
    request_update,
    requests_visible_to,
)
from .status import channel_statuses
from .statuses import is_release


class RequestPolicy(BasePermissionPolicy):
    """Department staff, institution editors and the central team file requests and see
    their own (the views narrow the rows); only the central team deletes."""

    def _actions(self, user) -> set:
        # Asked once per row and button of a listing: kept on the user for the request.
        cached = getattr(user, "_s6_request_actions", None)
        if cached is not None:
            return cached
        if is_central_team(user):
            actions = {"add", "change", "view", "delete"}
        elif may_file_requests(user):
            actions = {"add", "change", "view"}
        else:
            actions = set()
        if user.is_authenticated:
            user._s6_request_actions = actions
        return actions

    def user_has_permission(self, user, action):
        return action in self._actions(user)

    def user_has_any_permission(self, user, actions):
        return bool(self._actions(user) & set(actions))

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model

        return get_user_model().objects.none()

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])


class OwnRequestsMixin:
    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not requests_visible_to(self.request.user).filter(pk=obj.pk).exists():
            raise Http404
        return obj


class RequestIndexView(generic.IndexView):
    def get_base_queryset(self):
        return requests_visible_to(self.request.user, super().get_base_queryset())


class RequestCreateView(generic.CreateView):
    def get_initial(self):
        from subsites.models import Institution

        initial = super().get_initial()
        institution = Institution.objects.filter(
            editors_group__in=self.request.user.groups.all()
        ).first()
        if institution:
            initial["department"] = institution.name
        return initial

    def save_instance(self):
        data = self.form.cleaned_data
        return request_file(user=self.request.user, data=data, files=data.get("attachments") or [])


class RequestEditView(OwnRequestsMixin, generic.EditView):
    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not obj.is_open:
            raise PermissionDenied
        return obj

    def save_instance(self):
        data = self.form.cleaned_data
        return request_update(
            request=self.form.instance,
            user=self.request.user,
            data=data,
            files=data.get("attachments") or [],
        )


class RequestInspectView(OwnRequestsMixin, generic.InspectView):
    template_name = "channels/admin/request_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        obj = self.object
        user = self.request.user
        context.update(
            request_obj=obj,
            attachments=obj.attachments.select_related("document"),
            may_triage=is_central_team(user) and obj.is_open,
            may_edit=obj.is_open and (obj.requester_id == user.pk or is_central_team(user)),
            triage_form=TriageForm(),
            draft=obj.draft.specific if obj.draft_id else None,
            draft_editable=bool(obj.draft_id and obj.draft.permissions_for_user(user).can_edit()),
        )
        return context


class RequestDeleteView(OwnRequestsMixin, generic.DeleteView):
    pass


class RequestHistoryView(OwnRequestsMixin, HistoryView):
    pass


class RequestUsageView(OwnRequestsMixin, UsageView):
    pass


class CommunicationRequestViewSet(ModelViewSet):
    model = CommunicationRequest
    icon = "mail"
    menu_label = gettext_lazy("Requests for communication")
    menu_name = "communication-requests"
    add_to_admin_menu = True
    menu_order = 276

    def get_form_class(self, for_update=False):
        return RequestForm

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
    list_display = ["title", "department", "status", "created_at"]
    list_filter = ["status"]
    ordering = ["-created_at"]


@require_POST
def request_triage(request, pk):
    """The central team's decision: accept into a draft, ask for more, or decline."""
    if not is_central_team(request.user):
        raise PermissionDenied
    obj = get_object_or_404(CommunicationRequest, pk=pk)
    form = TriageForm(request.POST)
    inspect_url = reverse("channels_requests:inspect", args=[obj.pk])
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(inspect_url)
    data = form.cleaned_data
    try:
        if data["decision"] == TriageForm.ACCEPT:
            page = request_accept(
                request=obj, user=request.user, outcome=data["outcome"], note=data["response"]
            )
            messages.success(
                request, _("Request accepted: the draft “%s” was created.") % page.title
            )
            return redirect("wagtailadmin_pages:edit", page.pk)
        if data["decision"] == TriageForm.ASK:
            request_ask(request=obj, user=request.user, question=data["response"])
            messages.success(request, _("The requester was asked for more information."))
        else:
            request_decline(request=obj, user=request.user, reason=data["response"])
            messages.success(request, _("The request was declined."))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return redirect(inspect_url)


def request_attachment(request, pk, attachment_pk):
    """An attachment of a request, for its requester and the central team only."""
    obj = get_object_or_404(requests_visible_to(request.user), pk=pk)
    attachment = get_object_or_404(obj.attachments.select_related("document"), pk=attachment_pk)
    document = attachment.document
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=document.filename)


def _editable_release(request, page_id) -> Page:
    page = get_object_or_404(Page, pk=page_id).specific
    if not is_release(page):
        raise Http404
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page


def page_channels(request, page_id):
    """A release's channel panel: where it stands on every channel, Facebook, the kit."""
    page = _editable_release(request, page_id)
    if request.method == "POST":
        _page_action(request, page)
        return redirect("channels_page", page.pk)
    post = FacebookPost.objects.filter(page=page).first()
    connection = facebook.connection_for(page)
    context = {
        "page": page,
        "statuses": channel_statuses(page),
        "post": post,
        "connection": connection,
        "facebook_form": FacebookChoiceForm(initial={"message": post.message if post else ""}),
        "kit_text": kit.kit_text(page) if page.live else "",
        "share_url": kit.share_url(page) if page.live else "",
        "mark": getattr(page, "group_kit_mark", None),
        "requests": requests_visible_to(request.user, page.communication_requests.all()),
        "header_title": _("Channels: %s") % page.get_admin_display_title(),
    }
    return TemplateResponse(request, "channels/admin/page_channels.html", context)


def _page_action(request, page) -> None:
    action = request.POST.get("action")
    if action == "facebook_choose":
        form = FacebookChoiceForm(request.POST)
        if form.is_valid():
            facebook.facebook_choose(
                page=page, user=request.user, message=form.cleaned_data["message"]
            )
            messages.success(request, _("The page will be posted on the Facebook page."))
    elif action == "facebook_cancel":
        if facebook.facebook_cancel(page=page):
            messages.success(request, _("The page will not be posted on Facebook."))
    elif action == "facebook_retry":
        post = get_object_or_404(FacebookPost, page=page)
        if facebook.facebook_retry(post=post):
            messages.success(request, _("The post will be sent again."))
        else:
            messages.error(request, _("Only a failed post can be retried."))
    elif action == "kit_mark":
        if not page.live:
            messages.error(request, _("Publish the page before posting it in the group."))
        else:
            kit.kit_mark(page=page, user=request.user)
            messages.success(request, _("Marked as posted in the group."))
    elif action == "kit_unmark":
        kit.kit_unmark(page=page)
    else:
        messages.error(request, _("Unknown action."))


class FacebookConnectionViewSet(ModelViewSet):
    model = FacebookConnection
    icon = "link"
    menu_label = gettext_lazy("Facebook pages")
    menu_name = "facebook-pages"
    add_to_settings_menu = True

    def get_form_class(self, for_update=False):
        return FacebookConnectionForm

    list_display = ["site", "page_name", "page_id", "enabled"]
    copy_view_enabled = False
    add_to_reference_index = False
