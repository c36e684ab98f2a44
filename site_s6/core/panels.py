"""Admin panel helpers shared by the page types."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList, TabbedInterface
from wagtail.models import Page


def page_tabs(*tabs: tuple[list, str]) -> TabbedInterface:
    """The editor's tabs: the page's own ``(panels, heading)`` tabs, then Promote and Settings."""
    return TabbedInterface(
        [
            *(ObjectList(panels, heading=heading) for panels, heading in tabs),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
