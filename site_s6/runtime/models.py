from django.db import models
from django.utils.translation import gettext_lazy as _


class TaskRetry(models.Model):
    """A task result that is a retry of a failed one, and which attempt it is.

    django-tasks records one result per run and has no retries of its own; a retry is a
    new result, enqueued by :mod:`site_s6.runtime.retry`. This row carries the attempt
    number from one to the next. It goes with its result when old results are pruned.
    """

    result = models.OneToOneField(
        "django_tasks_database.DBTaskResult",
        on_delete=models.CASCADE,
        related_name="retry",
        verbose_name=_("task result"),
    )
    previous = models.ForeignKey(
        "django_tasks_database.DBTaskResult",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("failed result"),
    )
    attempt = models.PositiveSmallIntegerField(_("attempt"))
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("task retry")
        verbose_name_plural = _("task retries")

    def __str__(self):
        return f"{self.result_id} (attempt {self.attempt})"
