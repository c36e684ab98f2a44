"""The central team's dashboard panel of accreditation requests past their due time."""

from django.utils import timezone
from wagtail.admin.ui.components import Component

from .models import AccreditationRequest

OVERDUE_LIMIT = 25


class OverdueAccreditationsPanel(Component):
    """Pending requests whose two days are over, oldest first: each one is late by law."""

    name = "s6_overdue_accreditations"
    template_name = "press/dashboard/overdue_accreditations.html"
    order = 105

    def get_context_data(self, parent_context):
        rows = AccreditationRequest.objects.filter(
            status=AccreditationRequest.Status.PENDING, due_at__lt=timezone.now()
        ).order_by("due_at")[:OVERDUE_LIMIT]
        return {"rows": list(rows)}


class RequestsDuePanel(Component):
    """Journalists' requests due within a day and overdue ones, earliest first: the
    central team sees every institution's, an institution's editors their own."""

    name = "s6_requests_due"
    template_name = "press/dashboard/requests_due.html"
    order = 106

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        from .services.requests import due_soon, requests_visible_to

        now = timezone.now()
        rows = requests_visible_to(self.user, due_soon(now))[:OVERDUE_LIMIT]
        return {"rows": [(row, row.due_at < now) for row in rows]}
