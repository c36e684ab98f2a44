"""Admin views for institutions."""

from wagtail.admin.views import generic
from wagtail.log_actions import log

from .services import institution_provision


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
