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
