"""Which uploads an editor has marked public, beside Wagtail's own image and document rows.

A side table keeps the image and document models Wagtail's own (changing
``WAGTAILIMAGES_IMAGE_MODEL`` would move every row); the other way an upload becomes
public, being used by a live public page, is read from Wagtail's reference index
(``publication.py``).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model_string
from wagtail.images import get_image_model_string


class MarkedPublic(models.Model):
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("marked public by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    marked_at = models.DateTimeField(_("marked public at"), auto_now_add=True)

    class Meta:
        abstract = True


class PublicImage(MarkedPublic):
    image = models.OneToOneField(
        get_image_model_string(),
        verbose_name=_("image"),
        on_delete=models.CASCADE,
        related_name="marked_public",
    )

    class Meta:
        verbose_name = _("image marked public")
        verbose_name_plural = _("images marked public")

    def __str__(self):
        return str(self.image)


class PublicDocument(MarkedPublic):
    document = models.OneToOneField(
        get_document_model_string(),
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="marked_public",
    )

    class Meta:
        verbose_name = _("document marked public")
        verbose_name_plural = _("documents marked public")

    def __str__(self):
        return str(self.document)
