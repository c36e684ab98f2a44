"""The group kit: who posted a release in the "Pentru Sectorul 6" group, and when.

Meta removed the Groups API (22 April 2024), so a person posts by hand and marks it here.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class GroupKitMark(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="group_kit_mark",
    )
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("posted by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    marked_at = models.DateTimeField(_("posted at"))

    class Meta:
        verbose_name = _("group post")
        verbose_name_plural = _("group posts")

    def __str__(self):
        return str(self.page_id)
