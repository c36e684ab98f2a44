"""The central team's screens for sending releases to the press and inviting it.

"Trimite presei" on a press release: choose lists and people, an optional embargo, now
or a time, preview the message, send. The distributions' list, each one's delivery log
with "resend failed". On a press conference, interview or briefing: the invitations, the
RSVP list, inviting more people, and the printable attendance sheet. Every view answers
the central team only (``subsites.access.is_central_team``); anyone else gets a 403.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.widgets import AdminDateTimeInput, Button

from subsites.access import is_central_team

from .models import (
    AccreditationRequest,
    Delivery,
    Distribution,
    DistributionList,
    Invitation,
    Journalist,
)
from .services.distribution import (
    already_sent_to,
    distribution_counts,
    distribution_create,
    distribution_preview,
    distribution_resend_failed,
    is_press_release,
    recipients_for,
)
from .services.invitations import (
    accredited_for,
    event_is_over,
    invitation_counts,
    invitations_create,
    is_invitable,
)

LOG_PAGE_SIZE = 100
LIST_PAGE_SIZE = 25
URL_NAMESPACE = "press_distribution"


class CentralTeamOnlyMixin:
    """A 403 for anyone but the central team, before anything is read."""

    def dispatch(self, request, *args, **kwargs):
        if not is_central_team(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class AdminScreen(CentralTeamOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.get_page_title()}]


def release_or_404(page_id: int):
    from site_s6.news.models import NewsPage

    page = get_object_or_404(NewsPage, pk=page_id)
    if not is_press_release(page):
        raise Http404("Only press releases are sent to the press.")
    return page


def event_or_404(page_id: int):
    from site_s6.events.models import EventPage

    event = get_object_or_404(EventPage, pk=page_id)
    if not is_invitable(event):
        raise Http404("Journalists are invited to press conferences, interviews, briefings.")
    return event


class RecipientsForm(forms.Form):
    """Lists and people: who a release or an invitation goes to."""

    lists = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Distribution lists"),
        queryset=DistributionList.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    journalists = forms.ModelMultipleChoiceField(
        label=gettext_lazy("People"),
        queryset=Journalist.objects.reachable().select_related("outlet").order_by("name"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 10}),
        help_text=gettext_lazy("Hold Ctrl (⌘ on a Mac) to choose several."),
    )


class DistributeForm(RecipientsForm):
    """Send a press release: who, under which embargo, when."""

    SEND_NOW, SEND_LATER = "now", "later"

    embargo_until = forms.DateTimeField(
        label=gettext_lazy("Embargo until"),
        required=False,
        widget=AdminDateTimeInput,
        help_text=gettext_lazy(
            "Printed at the top of the message; the release goes live on the site at "
            "that time and is sent then, not before."
        ),
    )
    when = forms.ChoiceField(
        label=gettext_lazy("When"),
        choices=[(SEND_NOW, gettext_lazy("Now")), (SEND_LATER, gettext_lazy("At a time"))],
        initial=SEND_NOW,
        widget=forms.RadioSelect,
    )
    send_at = forms.DateTimeField(
        label=gettext_lazy("Send at"), required=False, widget=AdminDateTimeInput
    )
    confirm_resend = forms.BooleanField(
        label=gettext_lazy("Send it again to the people who already got this release"),
        required=False,
    )

    def __init__(self, *args, page, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        self.recipients = []

    def clean(self):
        cleaned = super().clean()
        now = timezone.now()
        lists, people = cleaned.get("lists") or [], cleaned.get("journalists") or []
        if not lists and not people:
            raise forms.ValidationError(_("Choose at least one list or one person."))
        self.recipients = recipients_for(lists=lists, journalists=people)
        if not self.recipients:
            raise forms.ValidationError(
                _("The lists and people chosen have nobody who may be written to.")
            )
        embargo = cleaned.get("embargo_until")
        if embargo is not None:
            if embargo <= now:
                self.add_error("embargo_until", _("An embargo ends in the future."))
            elif self.page.live:
                self.add_error(
                    "embargo_until",
                    _(
                        "The release is already public: an embargo only holds back a release "
                        "not yet published."
                    ),
                )
        send_at = cleaned.get("send_at")
        if cleaned.get("when") == self.SEND_LATER:
            if send_at is None:
                self.add_error("send_at", _("Give the time to send at."))
            elif send_at <= now:
                self.add_error("send_at", _("The time to send at is in the future."))
            elif embargo is not None and send_at < embargo:
                self.add_error(
                    "send_at",
                    _("Under embargo the release is sent when the embargo ends, or later."),
                )
        else:
            cleaned["send_at"] = None
        already = already_sent_to(self.page, [r.email for r in self.recipients])
        if already and not cleaned.get("confirm_resend"):
            names = ", ".join(r.name for r in self.recipients if r.email in already)
            self.add_error(
                "confirm_resend",
                ngettext(
                    "%(count)d person already got this release (%(names)s): tick the box "
                    "to send it again.",
                    "%(count)d people already got this release (%(names)s): tick the box "
                    "to send it to them again.",
                    len(already),
                )
                % {"count": len(already), "names": names},
            )
        return cleaned


class DistributeView(AdminScreen):
    """Choose, preview, send."""

    template_name = "press/admin/distribute.html"
    header_icon = "mail"

    def get_page_title(self):
        return _("Send to the press")

    def get(self, request, page_id):
        page = release_or_404(page_id)
        form = DistributeForm(page=page)
        return self.render_to_response(self.get_context_data(page=page, form=form))

    def post(self, request, page_id):
        page = release_or_404(page_id)
        form = DistributeForm(request.POST, page=page)
        if not form.is_valid():
            context = self.get_context_data(page=page, form=form)
            return self.render_to_response(context, status=400)
        data = form.cleaned_data
        if "send" not in request.POST:
            subject, html = distribution_preview(page=page, embargo_until=data.get("embargo_until"))
            context = self.get_context_data(
                page=page,
                form=form,
                preview={"subject": subject, "html": html, "recipients": form.recipients},
            )
            return self.render_to_response(context)
        distribution = distribution_create(
            page=page,
            lists=list(data["lists"]),
            journalists=list(data["journalists"]),
            user=request.user,
            send_at=data.get("send_at"),
            embargo_until=data.get("embargo_until"),
        )
        messages.success(
            request,
            ngettext(
                "The release is queued for %(count)d recipient.",
                "The release is queued for %(count)d recipients.",
                len(form.recipients),
            )
            % {"count": len(form.recipients)},
        )
        return HttpResponseRedirect(reverse(f"{URL_NAMESPACE}:log", args=[distribution.pk]))


class DistributionIndexView(AdminScreen):
    """Every distribution, latest first, with its counts."""

    template_name = "press/admin/distributions.html"
    header_icon = "mail"

    def get_page_title(self):
        return _("Press distributions")

    def get(self, request):
        distributions = (
            Distribution.objects.select_related("page", "created_by")
            .annotate(
                recipients=Count("deliveries"),
                sent=Count("deliveries", filter=Q(deliveries__status=Delivery.Status.SENT)),
                failed=Count("deliveries", filter=Q(deliveries__status=Delivery.Status.FAILED)),
            )
            .order_by("-send_at", "-pk")
        )
        paginator = Paginator(distributions, LIST_PAGE_SIZE)
        page_obj = paginator.get_page(request.GET.get("p"))
        return self.render_to_response(
            self.get_context_data(page_obj=page_obj, invited_events=events_with_invitations())
        )


def events_with_invitations(limit: int = LIST_PAGE_SIZE) -> list[dict]:
    """The events not over yet that have invitations, soonest first, with their answers
    counted: where the central team finds each RSVP list. Two queries."""
    from site_s6.events.models import EventPage

    counts = {
        row["event"]: row
        for row in Invitation.objects.values("event").annotate(
            invited=Count("pk"),
            coming=Count("pk", filter=Q(response=Invitation.Response.COMING)),
            not_coming=Count("pk", filter=Q(response=Invitation.Response.NOT_COMING)),
        )
    }
    events = EventPage.objects.filter(pk__in=list(counts)).upcoming()[:limit]
    return [{**counts[event.pk], "event": event} for event in events]


class DistributionLogView(AdminScreen):
    """One distribution's deliveries, per recipient, with "resend failed"."""

    template_name = "press/admin/distribution_log.html"
    header_icon = "list-ul"

    def get_page_title(self):
        return _("Delivery log")

    def get(self, request, pk):
        distribution = get_object_or_404(
            Distribution.objects.select_related("page", "created_by"), pk=pk
        )
        deliveries = distribution.deliveries.order_by("name", "pk")
        status = request.GET.get("status")
        if status in Delivery.Status.values:
            deliveries = deliveries.filter(status=status)
        paginator = Paginator(deliveries, LOG_PAGE_SIZE)
        page_obj = paginator.get_page(request.GET.get("p"))
        counts = distribution_counts(distribution)
        return self.render_to_response(
            self.get_context_data(
                distribution=distribution,
                counts=counts,
                page_obj=page_obj,
                status=status if status in Delivery.Status.values else "",
                statuses=[
                    (value, label, counts[value]) for value, label in Delivery.Status.choices
                ],
            )
        )

    def post(self, request, pk):
        distribution = get_object_or_404(Distribution, pk=pk)
        count = distribution_resend_failed(distribution=distribution)
        if count:
            messages.success(
                request,
                ngettext(
                    "%(count)d failed message is queued again.",
                    "%(count)d failed messages are queued again.",
                    count,
                )
                % {"count": count},
            )
        else:
            messages.warning(request, _("No message failed: nothing to send again."))
        return HttpResponseRedirect(reverse(f"{URL_NAMESPACE}:log", args=[distribution.pk]))


class InviteForm(RecipientsForm):
    """Invite lists, people and accredited journalists to an event."""

    accreditations = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Accredited journalists"),
        queryset=AccreditationRequest.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["accreditations"].queryset = accredited_for(event)
        self.fields["accreditations"].label_from_instance = lambda accreditation: (
            f"{accreditation.name} ({accreditation.outlet})"
        )

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(name) for name in ("lists", "journalists", "accreditations")):
            raise forms.ValidationError(
                _("Choose at least one list, one person or one accredited journalist.")
            )
        return cleaned


class EventInvitationsView(AdminScreen):
    """An event's invitations: who was invited, who answered what; invite more."""

    template_name = "press/admin/invitations.html"
    header_icon = "calendar"

    def get_page_title(self):
        return _("Press invitations")

    def context_for(self, event, form):
        invitations = Invitation.objects.filter(event=event).order_by("name", "pk")
        return self.get_context_data(
            event=event,
            form=form,
            invitations=list(invitations),
            counts=invitation_counts(event),
            over=event_is_over(event),
        )

    def get(self, request, page_id):
        event = event_or_404(page_id)
        return self.render_to_response(self.context_for(event, InviteForm(event=event)))

    def post(self, request, page_id):
        event = event_or_404(page_id)
        if event.is_cancelled or event_is_over(event):
            if event.is_cancelled:
                messages.error(request, _("The event is cancelled: nobody is invited to it."))
            else:
                messages.error(request, _("The event is over: nobody can be invited to it."))
            return self.render_to_response(
                self.context_for(event, InviteForm(event=event)), status=400
            )
        form = InviteForm(request.POST, event=event)
        if not form.is_valid():
            return self.render_to_response(self.context_for(event, form), status=400)
        created, known = invitations_create(
            event=event,
            lists=list(form.cleaned_data["lists"]),
            journalists=list(form.cleaned_data["journalists"]),
            accreditations=list(form.cleaned_data["accreditations"]),
            user=request.user,
        )
        messages.success(
            request,
            ngettext(
                "%(count)d invitation is on its way.",
                "%(count)d invitations are on their way.",
                len(created),
            )
            % {"count": len(created)},
        )
        if known:
            messages.info(
                request,
                ngettext(
                    "%(count)d person was already invited and is not written to again.",
                    "%(count)d people were already invited and are not written to again.",
                    known,
                )
                % {"count": known},
            )
        return HttpResponseRedirect(reverse(f"{URL_NAMESPACE}:invitations", args=[event.pk]))


def attendance_sheet(request, page_id):
    """The printable attendance sheet: who said they are coming, then everyone else
    invited, each with an empty box to sign."""
    if not is_central_team(request.user):
        raise PermissionDenied
    event = event_or_404(page_id)
    invitations = list(Invitation.objects.filter(event=event).order_by("name", "pk"))
    coming = [row for row in invitations if row.response == Invitation.Response.COMING]
    others = [row for row in invitations if row.response != Invitation.Response.COMING]
    response = TemplateResponse(
        request,
        "press/admin/attendance_sheet.html",
        {"event": event, "coming": coming, "others": others, "blank_rows": range(5)},
    )
    response["Cache-Control"] = "private, no-store"
    return response


class CentralTeamMenuItem(MenuItem):
    def is_shown(self, request):
        return is_central_team(request.user)


class DistributionViewSet(ViewSet):
    """The press office's distribution and invitation screens, under one menu item."""

    icon = "mail"
    menu_label = gettext_lazy("Press distributions")
    menu_order = 150
    menu_item_class = CentralTeamMenuItem

    def get_urlpatterns(self):
        return [
            path("", DistributionIndexView.as_view(), name="index"),
            path("<int:pk>/", DistributionLogView.as_view(), name="log"),
            path("release/<int:page_id>/", DistributeView.as_view(), name="distribute"),
            path("event/<int:page_id>/", EventInvitationsView.as_view(), name="invitations"),
            path("event/<int:page_id>/attendance/", attendance_sheet, name="attendance"),
        ]


def page_header_buttons(page, user, view_name=None, **kwargs) -> list[Button]:
    """ "Trimite presei" in a press release's editor, "Invitații presă" in a press
    conference's, interview's or briefing's: for the central team."""
    if view_name != "edit" or not is_central_team(user):
        return []
    specific_class = page.specific_class
    if specific_class is None:
        return []
    from site_s6.events.models import EventPage
    from site_s6.news.models import NewsPage

    if issubclass(specific_class, NewsPage) and is_press_release(page.specific):
        url = reverse(f"{URL_NAMESPACE}:distribute", args=[page.pk])
        return [Button(_("Send to the press"), url, icon_name="mail", priority=92)]
    if issubclass(specific_class, EventPage) and is_invitable(page.specific):
        url = reverse(f"{URL_NAMESPACE}:invitations", args=[page.pk])
        return [Button(_("Press invitations"), url, icon_name="calendar", priority=92)]
    return []
