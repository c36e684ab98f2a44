"""Requests for communication: filing, the requester's answer, and the central team's
triage (accept into a draft, ask for more, decline), each followed by an e-mail to the
requester (``tasks.notify_requester_task``)."""

from __future__ import annotations

import datetime
import json

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.html import escape, linebreaks
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.models import Page, Site

from site_s6.campaigns.models import CampaignIndexPage, CampaignPage
from site_s6.events.models import EventIndexPage, EventPage
from site_s6.news.models import NewsIndexPage, NewsPage
from subsites.access import is_central_team

from ..models import CommunicationRequest, RequestAttachment
from ..roles import requests_collection

Status = CommunicationRequest.Status
Outcome = CommunicationRequest.Outcome

#: The fields a requester fills in.
REQUEST_FIELDS = ("title", "what", "why", "when", "audience", "channels", "contacts", "department")
#: An event made from a request without a date starts a week later (editors set it).
EVENT_DEFAULT_DELAY = datetime.timedelta(days=7)
#: A campaign made from a request runs a month unless editors change it.
CAMPAIGN_DEFAULT_LENGTH = datetime.timedelta(days=30)


def requests_visible_to(user, queryset: QuerySet | None = None) -> QuerySet:
    """The requests ``user`` may see: every one for the central team, else their own."""
    queryset = CommunicationRequest.objects.all() if queryset is None else queryset
    if is_central_team(user):
        return queryset
    if not (user and user.is_authenticated):
        return queryset.none()
    return queryset.filter(requester=user)


def home_site_of(user) -> Site | None:
    """The site a request of ``user`` is for: their institution's, else the city hall's."""
    from subsites.models import Institution

    institution = (
        Institution.objects.filter(editors_group__in=user.groups.all(), site__isnull=False)
        .select_related("site")
        .first()
    )
    if institution:
        return institution.site
    city_hall = (
        Institution.objects.filter(kind=Institution.Kind.CITY_HALL, site__isnull=False)
        .select_related("site")
        .first()
    )
    if city_hall:
        return city_hall.site
    return Site.objects.filter(is_default_site=True).first()


def _attach(request: CommunicationRequest, *, user, files) -> int:
    """Keep each uploaded file as a document of the private collection of requests."""
    Document = get_document_model()
    collection = requests_collection()
    for upload in files:
        document = Document(
            title=upload.name, file=upload, collection=collection, uploaded_by_user=user
        )
        document.file_size = upload.size
        document.save()
        RequestAttachment.objects.create(request=request, document=document)
    return len(files)


@transaction.atomic
def request_file(*, user, data: dict, files: list) -> CommunicationRequest:
    """File a new request from ``user`` with the form's ``data`` and uploaded ``files``."""
    request = CommunicationRequest(requester=user, site=home_site_of(user))
    for field in REQUEST_FIELDS:
        if field in data:
            setattr(request, field, data[field])
    request.full_clean()
    request.save()
    _attach(request, user=user, files=files)
    return request


@transaction.atomic
def request_update(
    *, request: CommunicationRequest, user, data: dict, files: list
) -> CommunicationRequest:
    """The requester completes an open request; one that waited for more information
    goes back to the central team."""
    if not request.is_open:
        raise ValidationError(_("This request has been decided and can no longer be changed."))
    for field in REQUEST_FIELDS:
        if field in data:
            setattr(request, field, data[field])
    if request.status == Status.NEEDS_INFO:
        request.status = Status.SUBMITTED
    request.full_clean()
    request.save()
    _attach(request, user=user, files=files)
    return request


def _check_open(request: CommunicationRequest) -> None:
    if not request.is_open:
        raise ValidationError(_("This request has already been decided."))


def _triaged(request: CommunicationRequest, *, user, status: str, response: str) -> None:
    request.status = status
    request.response = response
    request.triaged_by = user
    request.triaged_at = timezone.now()
    request.save()
    _notify_after_commit(request)


def _notify_after_commit(request: CommunicationRequest) -> None:
    from ..tasks import notify_requester_task

    transaction.on_commit(lambda: notify_requester_task.enqueue(request.pk))


@transaction.atomic
def request_ask(*, request: CommunicationRequest, user, question: str) -> CommunicationRequest:
    """Ask the requester for more information (``question`` is required)."""
    _check_open(request)
    if not question.strip():
        raise ValidationError({"response": _("Write what information is missing.")})
    _triaged(request, user=user, status=Status.NEEDS_INFO, response=question.strip())
    return request


@transaction.atomic
def request_decline(*, request: CommunicationRequest, user, reason: str) -> CommunicationRequest:
    """Decline the request with a ``reason`` the requester reads."""
    _check_open(request)
    if not reason.strip():
        raise ValidationError({"response": _("Write the reason for declining.")})
    _triaged(request, user=user, status=Status.DECLINED, response=reason.strip())
    return request


def _body(request: CommunicationRequest) -> str:
    """The draft's body, as raw StreamField data: the request's text and its documents."""
    blocks = [
        {"type": "paragraph", "value": linebreaks(escape(request.what))},
        {"type": "paragraph", "value": linebreaks(escape(request.why))},
    ]
    documents = [
        {"document": attachment.document_id, "title": ""}
        for attachment in request.attachments.all()
    ]
    if documents:
        blocks.append(
            {"type": "documents", "value": {"title": _("Documents"), "documents": documents}}
        )
    return json.dumps(blocks)


def _index_under(site: Site, index_model) -> Page:
    index = index_model.objects.child_of(site.root_page).first()
    if index is None:
        raise ValidationError(
            _("The site %(site)s has no %(index)s page to add the draft under.")
            % {"site": site.site_name or site.hostname, "index": index_model._meta.verbose_name}
        )
    return index


def _draft_page(request: CommunicationRequest, outcome: str):
    """An unsaved page of the kind ``outcome`` carrying the request's text, and its index."""
    site = request.site or Site.objects.filter(is_default_site=True).first()
    if site is None:
        raise ValidationError(_("There is no site to add the draft to."))
    common = {"title": request.title, "intro": request.why[:1000], "body": _body(request)}
    if outcome == Outcome.NEWS:
        page = NewsPage(**common, kind=NewsPage.Kind.PRESS_RELEASE, lead=request.why)
        return _index_under(site, NewsIndexPage), page
    if outcome == Outcome.EVENT:
        start = request.when or timezone.now() + EVENT_DEFAULT_DELAY
        page = EventPage(**common, start=start, event_type=EventPage.EventType.PUBLIC_EVENT)
        return _index_under(site, EventIndexPage), page
    if outcome == Outcome.CAMPAIGN:
        start = timezone.localdate(request.when) if request.when else timezone.localdate()
        page = CampaignPage(**common, start_date=start, end_date=start + CAMPAIGN_DEFAULT_LENGTH)
        return _index_under(site, CampaignIndexPage), page
    raise ValidationError({"outcome": _("Choose what the request becomes.")})


@transaction.atomic
def request_accept(*, request: CommunicationRequest, user, outcome: str, note: str = "") -> Page:
    """Accept the request: a DRAFT press release, event or campaign under the index page
    of the request's site, carrying its text and attachments, linked to the request."""
    _check_open(request)
    index, page = _draft_page(request, outcome)
    page.live = False
    page.owner = user
    index.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    request.outcome = outcome
    request.draft = page
    _triaged(request, user=user, status=Status.ACCEPTED, response=note.strip())
    return page
