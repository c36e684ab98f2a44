"""Admin panels of the internal campaign plan."""

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from wagtail.admin.panels import HelpPanel


class ResultsLinkPanel(HelpPanel):
    """A link from a stored plan to its results (indicators measured over time, coverage)."""

    class BoundPanel(HelpPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            if self.is_shown():
                self.content = format_html(
                    '<p><a href="{}">{}</a></p>',
                    reverse("campaign_results", args=[self.instance.pk]),
                    gettext("Open the results: indicators over time, press coverage, exports"),
                )

        def is_shown(self):
            return self.instance is not None and self.instance.pk is not None
