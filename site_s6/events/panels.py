"""Admin panels of the internal event plan."""

from django.urls import reverse
from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from wagtail.admin.panels import HelpPanel


def lei(amount) -> str:
    return gettext("%(amount)s lei") % {"amount": number_format(amount, 2, force_grouping=True)}


def budget_summary_html(plan) -> str:
    from .budgets import line_left, line_near_limit

    """The plan's totals, and every line that spent more than it planned."""
    rows = [
        (gettext("Allocated"), lei(plan.allocated_budget or 0)),
        (gettext("Planned"), lei(plan.planned_total)),
        (gettext("Committed"), lei(plan.committed_total)),
        (gettext("Spent"), lei(plan.spent_total)),
        (gettext("Left on the lines"), lei(plan.left_total)),
        (gettext("Left to plan"), lei(plan.remaining)),
        (gettext("Spent beyond planned"), lei(plan.overspent)),
    ]
    html = format_html(
        '<table class="listing"><tbody>{}</tbody></table>',
        format_html_join("", "<tr><th>{}</th><td>{}</td></tr>", rows),
    )
    html = (
        format_html(
            '<p>{} <a href="{}">{}</a></p>',
            gettext("Approval: %(state)s.") % {"state": plan.get_approval_state_display()},
            reverse("event_plan_budget", args=[plan.pk]),
            gettext("Open the budget: approval, spending and history"),
        )
        + html
    )
    if plan.is_locked:
        html += format_html(
            '<p class="help-block help-warning">{}</p>',
            gettext(
                "The budget is submitted or approved, so it is locked: changes are refused "
                "until it is returned or reopened."
            ),
        )
    near_limit = [line for line in plan.budget_lines.all() if line_near_limit(line)]
    if near_limit:
        html += format_html(
            '<p class="help-block help-warning">{}</p><ul>{}</ul>',
            gettext("These lines have used more than 90% of their planned amount:"),
            format_html_join(
                "", "<li>{}: {}</li>", ((str(line), lei(line_left(line))) for line in near_limit)
            ),
        )
    overspent_lines = [line for line in plan.budget_lines.all() if line.overspent]
    if overspent_lines:
        html += format_html(
            '<p class="help-block help-warning">{}</p><ul>{}</ul>',
            gettext("These lines spent more than they planned:"),
            format_html_join(
                "",
                "<li>{}: {}</li>",
                ((str(line), "+" + lei(line.overspent)) for line in overspent_lines),
            ),
        )
    return html


class BudgetSummaryPanel(HelpPanel):
    """Read-only totals of a stored plan; overspending is shown here, never refused."""

    class BoundPanel(HelpPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            if self.is_shown():
                self.content = budget_summary_html(self.instance)

        def is_shown(self):
            return self.instance is not None and self.instance.pk is not None
