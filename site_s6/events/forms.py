"""The admin form of the internal event plan."""

from wagtail.admin.forms import WagtailAdminModelForm

from .services import event_plan_save, spending_kept_errors


class EventPlanForm(WagtailAdminModelForm):
    """The plan with its budget lines, judged and stored together by ``event_plan_save``.

    The budget rule spans the parent and its inline rows, which Django validates
    separately: ``clean()`` binds the lines the formset is about to store to the plan, so
    the plan's own rule (run by the model validation that follows) weighs those lines
    rather than the stored ones. ``save()`` then hands the whole cluster to the service.
    """

    def clean(self):
        cleaned_data = super().clean()
        lines = self.submitted_lines()
        self.instance.budget_lines = lines
        if self.instance.pk:
            for message in spending_kept_errors(plan=self.instance, lines=lines).get(
                "budget_lines", []
            ):
                self.add_error(None, message)
        return cleaned_data

    def submitted_lines(self) -> list:
        """The budget lines the formset would store: valid, kept rows with some content."""
        formset = self.formsets["budget_lines"]
        lines = []
        for form in formset.forms:
            # Invalid rows report their own errors; an untouched extra row stores nothing.
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            if form.instance.pk is None and not form.has_changed():
                continue
            lines.append(form.instance)
        return lines

    def save(self, commit=True):
        plan = super().save(commit=False)
        if commit:
            plan = event_plan_save(plan=plan, lines=plan.budget_lines.all())
        return plan
