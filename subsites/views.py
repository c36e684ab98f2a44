"""Admin views for institutions and their editors."""

from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from .services import institution_provision
from .submissions import submissions_page


class InstitutionCreateView(generic.CreateView):
    """Adding an institution provisions it end to end, exactly as the command does."""

    def save_instance(self):
        report = institution_provision(**self.form.provision_kwargs())
        log(
            instance=report.institution,
            action="wagtail.create",
            user=self.request.user,
            content_changed=True,
        )
        return report.institution


class MySubmissionsView(WagtailAdminTemplateMixin, TemplateView):
    """ "Trimiterile mele": the pages the signed-in editor sent for approval, and their state.

    Everyone signed in to the admin sees only their own submissions; the menu offers the
    list to institution editors, whose pages all go through the central team's approval.
    """

    page_title = _("My submissions")
    header_icon = "tasks"
    template_name = "subsites/my_submissions.html"

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        submissions = submissions_page(user=self.request.user, number=self.request.GET.get("p"))
        context["submissions"] = submissions
        context["elided_page_range"] = submissions.paginator.get_elided_page_range(
            submissions.number
        )
        return context
