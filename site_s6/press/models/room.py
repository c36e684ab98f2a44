"""The public press room page and the spokesperson's settings of each site."""

from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from site_s6.core.models import BasePage
from site_s6.core.validators import no_line_breaks


@register_setting(icon="user")
class PressSettings(BaseSiteSetting):
    """Who speaks for the institution (Law 544/2001 art. 16) and when the office answers.

    Kept in the press app rather than in core's contact settings: the spokesperson is a
    fact of the press office, and the press room is the page that names them.
    """

    spokesperson_name = models.CharField(
        _("spokesperson"), max_length=120, blank=True, validators=[no_line_breaks]
    )
    spokesperson_phone = models.CharField(
        _("spokesperson's phone"), max_length=40, blank=True, validators=[no_line_breaks]
    )
    spokesperson_email = models.EmailField(_("spokesperson's e-mail"), blank=True)
    office_hours = models.TextField(
        _("office hours"),
        blank=True,
        max_length=500,
        help_text=_("When journalists can reach the press office, e.g. Monday to Friday, 9-16."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("spokesperson_name"),
                FieldPanel("spokesperson_phone"),
                FieldPanel("spokesperson_email"),
            ],
            heading=_("Spokesperson"),
        ),
        FieldPanel("office_hours"),
    ]

    class Meta:
        verbose_name = _("press office")
        verbose_name_plural = _("press office")

    def __str__(self):
        return self.spokesperson_name or str(self.site)

    @classmethod
    def get_permission_policy(cls):
        # Imported here: the policy reads the central team's rule from subsites.
        from ..permissions import PressSettingsPolicy

        return PressSettingsPolicy(cls)


class PressRoomPage(RoutablePageMixin, BasePage):
    """A site's press room: spokesperson, releases, press conferences, media kit, and the
    journalists' forms (accreditation, subscription) as routes below it.

    Each form has one address per language (``/presa/acreditare/`` and
    ``/en/press/accreditation/``): a route answers only under the page of its language.
    """

    content_panels = BasePage.content_panels

    search_fields = BasePage.search_fields

    api_fields = BasePage.api_fields

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    #: The route names of each form, per language of the page.
    ROUTES = {
        "accreditation": {"ro": "accreditation_ro", "en": "accreditation_en"},
        "subscribe": {"ro": "subscribe_ro", "en": "subscribe_en"},
    }

    class Meta:
        verbose_name = _("press room")
        verbose_name_plural = _("press rooms")

    @property
    def language_code(self) -> str:
        return self.locale.language_code

    def route_path(self, route: str) -> str:
        """The path below this page of ``route`` ("accreditation", "subscribe")."""
        names = self.ROUTES[route]
        return self.reverse_subpage(names.get(self.language_code, names["ro"]))

    def route_url(self, route: str, request=None) -> str:
        return self.get_url(request) + self.route_path(route)

    def get_context(self, request, *args, **kwargs):
        # Imported here: the room's listings read the news, events and media apps.
        from ..room import press_room_context

        context = super().get_context(request, *args, **kwargs)
        context.update(press_room_context(self, request))
        return context

    def require_language(self, language: str):
        if self.language_code != language:
            raise Http404

    @path("acreditare/", name="accreditation_ro")
    def accreditation_ro(self, request):
        self.require_language("ro")
        return self.accreditation_view(request)

    @path("accreditation/", name="accreditation_en")
    def accreditation_en(self, request):
        self.require_language("en")
        return self.accreditation_view(request)

    @path("abonare/", name="subscribe_ro")
    def subscribe_ro(self, request):
        self.require_language("ro")
        return self.subscribe_view(request)

    @path("subscribe/", name="subscribe_en")
    def subscribe_en(self, request):
        self.require_language("en")
        return self.subscribe_view(request)

    def accreditation_view(self, request):
        from ..views.accreditation import accreditation_form

        return accreditation_form(request, self)

    def subscribe_view(self, request):
        from ..views.subscriptions import subscribe_form

        return subscribe_form(request, self)
