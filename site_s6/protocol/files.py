"""The internal file of a protocol visit: its organisation, the delegation programme and
the gifts register.

Not content: a file hangs off its visit page by a one-to-one key (not a child relation),
so page revisions, copies, translations, templates and the API never carry it. The
programme and the gifts are in their own modules (``programme``, ``gifts``).
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)


class ProgrammeLanguage(models.TextChoices):
    ROMANIAN = "ro", _("Romanian")
    ENGLISH = "en", _("English")
    BOTH = "both", _("Romanian and English")


class VisitFile(ClusterableModel):
    """What the protocol team needs to run a visit, kept away from its public page."""

    visit = models.OneToOneField(
        "protocol.ProtocolVisitPage",
        verbose_name=_("visit"),
        on_delete=models.CASCADE,
        related_name="visit_file",
    )
    logistics = models.TextField(
        _("logistics"), blank=True, help_text=_("Transport, accommodation, rooms, security.")
    )
    interpreters = models.TextField(_("interpreters"), blank=True)
    dietary_needs = models.TextField(_("dietary needs"), blank=True)
    notes = models.TextField(_("internal notes"), blank=True)
    programme_language = models.CharField(
        _("language of the programme"),
        max_length=4,
        choices=ProgrammeLanguage.choices,
        default=ProgrammeLanguage.ROMANIAN,
        help_text=_("The language of the printed programme and seating sheet."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("visit"),
                    MultiFieldPanel(
                        [
                            FieldPanel("logistics"),
                            FieldPanel("interpreters"),
                            FieldPanel("dietary_needs"),
                        ],
                        heading=_("Organisation"),
                    ),
                    FieldPanel("notes"),
                ],
                heading=_("Organisation"),
            ),
            ObjectList(
                [
                    FieldPanel("programme_language"),
                    InlinePanel(
                        "programme_items",
                        heading=_("Programme"),
                        max_num=80,
                    ),
                    InlinePanel(
                        "hosts",
                        heading=_("Hosts"),
                        help_text=_(
                            "The city hall's side, in order of precedence; the delegation's "
                            "members are on the visit page."
                        ),
                        max_num=30,
                    ),
                ],
                heading=_("Programme"),
            ),
            ObjectList(
                [
                    InlinePanel(
                        "gifts",
                        heading=_("Gifts register"),
                        help_text=_("Gifts given or received, declared under Law 251/2004."),
                    )
                ],
                heading=_("Gifts register"),
            ),
        ]
    )

    class Meta:
        verbose_name = _("visit file")
        verbose_name_plural = _("visit files")
        ordering = ["-visit__visit_start"]

    def __str__(self):
        if not self.visit_id:
            return gettext("New visit file")
        return gettext("File: %(visit)s") % {"visit": self.visit.title}

    def clean(self):
        super().clean()
        if self.visit_id:
            # Translations of a visit are one visit: they share its single file.
            other_files = VisitFile.objects.filter(
                visit__translation_key=self.visit.translation_key
            ).exclude(pk=self.pk)
            if other_files.exists():
                raise ValidationError(
                    {"visit": _("This visit already has a file, in another language.")},
                    code="file_exists",
                )

    @property
    def gifts_value(self) -> Decimal:
        """The estimated value of every gift in the register of this visit."""
        return sum((gift.estimated_value or Decimal(0) for gift in self.gifts.all()), Decimal(0))

    def programme_languages(self) -> list[str]:
        """The languages the programme is printed in, Romanian first."""
        if self.programme_language == ProgrammeLanguage.BOTH:
            return [ProgrammeLanguage.ROMANIAN, ProgrammeLanguage.ENGLISH]
        return [self.programme_language]


# The file's children live in their own modules; imported here so that they are registered
# with the file (and with ``protocol.models``, which imports this module).
from .gifts import Gift, GiftReminder  # noqa: E402,F401
from .programme import ProgrammeItem, VisitHost  # noqa: E402,F401
