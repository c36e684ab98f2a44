"""An institution: the city hall or one of its subordinate bodies, with its own site."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Institution(models.Model):
    class Kind(models.TextChoices):
        CITY_HALL = "city_hall", _("City hall")
        SUBORDINATE = "subordinate", _("Subordinate institution")

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=60)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    kind = models.CharField(
        _("kind"), max_length=12, choices=Kind.choices, default=Kind.SUBORDINATE
    )
    site = models.OneToOneField(
        "wagtailcore.Site",
        verbose_name=_("site"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="institution",
    )
    editors_group = models.ForeignKey(
        "auth.Group",
        verbose_name=_("editors group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moderators_group = models.ForeignKey(
        "auth.Group",
        verbose_name=_("moderators group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Who approves this institution's publications."),
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name=_("image and document collection"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("An inactive institution's site stops serving; its content is kept."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")
        ordering = ["kind", "name"]

    def __str__(self):
        return self.name

    @property
    def is_city_hall(self) -> bool:
        return self.kind == self.Kind.CITY_HALL
