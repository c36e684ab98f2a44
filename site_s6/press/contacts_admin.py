"""The admin of the contacts register: outlets, journalists, distribution lists, the CSV
import and export, and the GDPR tools; all of it the central team's only.

Every view reads its permission from ``CentralTeamPolicy`` (registered in
``wagtail_hooks``) or checks ``is_central_team`` itself: an institution's editor is turned
away from every screen, export and download here. The writes live in
``services.contacts`` and ``services.contacts_csv``.
"""

import json

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count, Prefetch
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button, HeaderButton

from subsites.access import is_central_team

from .models import Beat, DistributionList, Journalist, Outlet
from .services.contacts import person_erase, person_export
from .services.contacts_csv import (
    COLUMNS,
    ImportFileError,
    contact_row,
    contacts_export,
    contacts_import,
)

#: The largest CSV file the admin accepts (about 100,000 rows of contacts).
MAX_IMPORT_BYTES = 20 * 1024 * 1024
#: People shown per page on a distribution list's page.
RECIPIENTS_PER_PAGE = 50


def require_central_team(request) -> None:
    if not is_central_team(request.user):
        raise PermissionDenied


def with_beats(queryset):
    """``queryset`` with its beats in one more query (``tagged_beats`` of the two tagged
    models), for columns and exports that show them."""
    through = queryset.model._meta.get_field("tagged_beats").related_model
    return queryset.prefetch_related(
        Prefetch("tagged_beats", queryset=through.objects.select_related("tag"))
    )


class BeatsColumn(Column):
    def get_value(self, instance):
        return ", ".join(
            sorted((link.tag.name for link in instance.tagged_beats.all()), key=str.lower)
        )


class ChoiceColumn(Column):
    """A choice field's label rather than its stored value."""

    def get_value(self, instance):
        return getattr(instance, f"get_{self.name}_display")()


class OutletKindColumn(Column):
    def get_value(self, instance):
        return instance.outlet.get_kind_display() if instance.outlet else "—"


class ReviewColumn(Column):
    def get_value(self, instance):
        return gettext("Due for review") if instance.is_due_for_review else ""


# Outlets ------------------------------------------------------------------------------


class OutletIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().annotate(journalist_count=Count("journalists"))


class OutletViewSet(ModelViewSet):
    model = Outlet
    icon = "globe"
    menu_label = _("Outlets")
    menu_order = 410
    index_view_class = OutletIndexView
    form_fields = ["name", "kind", "website", "feed_url", "notes"]
    copy_view_enabled = False
    add_to_reference_index = False
    list_display = [
        "name",
        ChoiceColumn("kind", label=_("kind")),
        "website",
        Column("journalist_count", label=_("Journalists")),
    ]
    list_filter = ["kind"]
    search_fields = ["name", "website"]


# Journalists ---------------------------------------------------------------------------


class JournalistFilterSet(WagtailFilterSet):
    outlet_kind = django_filters.ChoiceFilter(
        label=_("Outlet kind"), field_name="outlet__kind", choices=Outlet.Kind.choices
    )
    beat = django_filters.ModelChoiceFilter(
        label=_("Beat"), field_name="tagged_beats__tag", queryset=Beat.objects.order_by("name")
    )
    review = django_filters.ChoiceFilter(
        label=_("Review"),
        choices=[("due", _("Due for review (no activity for 3 years)"))],
        method="filter_review",
    )

    class Meta:
        model = Journalist
        fields = ["outlet_kind", "beat", "language", "opted_out", "review"]

    def filter_review(self, queryset, name, value):
        return queryset.due_for_review() if value == "due" else queryset


class JournalistForm(WagtailAdminModelForm):
    """A contact as the central team types it; the address is compared lower-case."""

    class Meta:
        model = Journalist
        fields = [
            "name",
            "email",
            "outlet",
            "beats",
            "phone",
            "language",
            "lawful_basis",
            "source",
            "opted_out",
            "notes",
        ]

    def clean_email(self):
        email = (self.cleaned_data.get("email") or "").strip().lower()
        other = Journalist.objects.filter(email=email).exclude(pk=self.instance.pk).first()
        if other is not None:
            raise forms.ValidationError(
                _("This address is already registered, for %(name)s."),
                params={"name": other.name},
                code="duplicate_email",
            )
        return email


class JournalistIndexView(generic.IndexView):
    export_headings = {column: column for column in COLUMNS}

    def get_base_queryset(self):
        queryset = super().get_base_queryset().select_related("outlet").with_activity_date()
        return with_beats(queryset)

    @property
    def header_buttons(self):
        return [
            *super().header_buttons,
            HeaderButton(
                _("Import CSV"), url=reverse("press_journalists:import"), icon_name="upload"
            ),
        ]

    def to_row_dict(self, item):
        return dict(zip(COLUMNS, contact_row(item), strict=True))

    def as_spreadsheet(self, queryset, spreadsheet_format):
        if spreadsheet_format == self.FORMAT_CSV:
            # The register's own CSV: the import's columns, a byte order mark for
            # spreadsheets, and cells never read as formulas.
            response = StreamingHttpResponse(
                contacts_export(queryset=queryset), content_type="text/csv; charset=utf-8"
            )
            filename = f"press-contacts-{timezone.localdate():%Y%m%d}.csv"
            response["Content-Disposition"] = f'attachment; filename="{filename}"'
            response["Cache-Control"] = "private, no-store"
            return response
        return super().as_spreadsheet(queryset, spreadsheet_format)


class JournalistCreateView(generic.CreateView):
    pass


class JournalistEditView(generic.EditView):
    def save_instance(self):
        # A manual edit confirms the contact is still in use: its review clock restarts.
        self.form.instance.last_activity_at = timezone.now()
        return super().save_instance()

    @property
    def header_more_buttons(self):
        return [
            *super().header_more_buttons,
            Button(
                _("Export personal data (JSON)"),
                url=reverse("press_journalists:personal_data", args=[self.object.pk]),
                icon_name="download",
                priority=40,
            ),
            Button(
                _("Erase this person"),
                url=reverse("press_journalists:erase", args=[self.object.pk]),
                icon_name="bin",
                priority=50,
            ),
        ]


def personal_data_view(request, pk):
    """Everything held about one journalist's address, as a JSON download."""
    require_central_team(request)
    journalist = get_object_or_404(Journalist.objects.select_related("outlet"), pk=pk)
    document = json.dumps(
        person_export(journalist=journalist), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2
    )
    response = HttpResponse(document, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="personal-data-{journalist.pk}.json"'
    response["Cache-Control"] = "private, no-store"
    return response


class CentralTeamTemplateView(WagtailAdminTemplateMixin, TemplateView):
    """An admin page of the register beside the journalists' listing, central team only."""

    def dispatch(self, request, *args, **kwargs):
        require_central_team(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {
                "url": reverse("press_journalists:index"),
                "label": Journalist._meta.verbose_name_plural.capitalize(),
            },
            {"url": "", "label": self.get_page_title()},
        ]


class EraseView(CentralTeamTemplateView):
    """The confirmation page of an erasure (what each source holds), and the erasure."""

    template_name = "press/admin/journalist_erase.html"
    header_icon = "bin"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.journalist = get_object_or_404(
            Journalist.objects.select_related("outlet"), pk=kwargs["pk"]
        )

    def get_page_title(self):
        return gettext("Erase %(name)s") % {"name": self.journalist.name}

    def get_context_data(self, **kwargs):
        held = person_export(journalist=self.journalist)["sources"]
        return super().get_context_data(
            journalist=self.journalist,
            held=[(name, len(rows)) for name, rows in held.items()],
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        changed = person_erase(journalist=self.journalist)
        messages.success(
            request,
            gettext("%(name)s was erased from the register; %(count)d other records changed.")
            % {"name": self.journalist.name, "count": sum(changed.values())},
        )
        return redirect("press_journalists:index")


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "UTF-8, separated by commas or semicolons, the first line naming the columns "
            "(see the press office's guide)."
        ),
    )
    dry_run = forms.BooleanField(
        label=_("Only check the file"),
        required=False,
        help_text=_("Reports what the import would do and changes nothing."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)d MB."),
                params={"size": MAX_IMPORT_BYTES // (1024 * 1024)},
            )
        return upload


class ImportView(CentralTeamTemplateView):
    """The CSV import: the upload form, then what the import did, row problems included."""

    template_name = "press/admin/contacts_import.html"
    page_title = _("Import contacts")
    header_icon = "upload"

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=ImportForm()))

    def post(self, request, *args, **kwargs):
        form = ImportForm(request.POST, request.FILES)
        summary = None
        if form.is_valid():
            try:
                summary = contacts_import(
                    data=form.cleaned_data["file"].read(), dry_run=form.cleaned_data["dry_run"]
                )
            except ImportFileError as error:
                form.add_error("file", str(error))
        status = 200 if form.is_valid() else 400
        return self.render_to_response(
            self.get_context_data(form=form, summary=summary), status=status
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(columns=COLUMNS, **kwargs)


class JournalistViewSet(ModelViewSet):
    model = Journalist
    icon = "user"
    menu_label = _("Journalists")
    menu_order = 400
    form_class = JournalistForm
    index_view_class = JournalistIndexView
    add_view_class = JournalistCreateView
    edit_view_class = JournalistEditView
    filterset_class = JournalistFilterSet
    copy_view_enabled = False
    add_to_reference_index = False
    list_per_page = 50
    list_display = [
        "name",
        Column("outlet", label=_("outlet")),
        OutletKindColumn("outlet_kind", label=_("Outlet kind")),
        "email",
        BeatsColumn("beats", label=_("Beats")),
        ChoiceColumn("language", label=_("language")),
        BooleanColumn("opted_out", label=_("opted out")),
        DateColumn("activity_at", label=_("Last activity")),
        ReviewColumn("review", label=_("Review")),
    ]
    search_fields = ["name", "email", "outlet__name", "phone", "notes"]
    list_export = list(COLUMNS)
    export_filename = "press-contacts"

    def get_form_class(self, for_update=False):
        return JournalistForm

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("import/", ImportView.as_view(), name="import"),
            path("personal-data/<int:pk>/", personal_data_view, name="personal_data"),
            path("erase/<int:pk>/", EraseView.as_view(), name="erase"),
        ]


# Distribution lists ---------------------------------------------------------------------


class DistributionListForm(WagtailAdminModelForm):
    outlet_kinds = forms.MultipleChoiceField(
        label=_("Outlet kinds"),
        choices=Outlet.Kind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Everyone working for an outlet of these kinds is reached as well."),
    )

    class Meta:
        model = DistributionList
        fields = ["name", "description", "members", "beats", "outlet_kinds"]
        widgets = {"members": forms.SelectMultiple(attrs={"size": 12})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = Journalist.objects.select_related("outlet").order_by(
            "name"
        )


class ListIndexView(generic.IndexView):
    def get_base_queryset(self):
        return with_beats(super().get_base_queryset().annotate(member_count=Count("members")))


class ListInspectView(generic.InspectView):
    """The list's page: whom it reaches now (members, beats, outlet kinds), page by page."""

    template_name = "press/admin/distribution_list_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        recipients = self.object.recipients().select_related("outlet").order_by("name", "pk")
        page = Paginator(recipients, RECIPIENTS_PER_PAGE).get_page(self.request.GET.get("p"))
        context.update(
            recipients_page=page,
            beats=sorted(self.object.beats.names(), key=str.lower),
            outlet_kinds=[Outlet.Kind(kind).label for kind in self.object.outlet_kinds],
        )
        return context


class OutletKindsColumn(Column):
    def get_value(self, instance):
        return ", ".join(str(Outlet.Kind(kind).label) for kind in instance.outlet_kinds) or "—"


class DistributionListViewSet(ModelViewSet):
    model = DistributionList
    icon = "group"
    menu_label = _("Distribution lists")
    menu_order = 420
    form_class = DistributionListForm
    index_view_class = ListIndexView
    inspect_view_class = ListInspectView
    inspect_view_enabled = True
    inspect_view_fields = ["name", "description"]
    copy_view_enabled = False
    add_to_reference_index = False
    list_display = [
        "name",
        Column("member_count", label=_("Members")),
        BeatsColumn("beats", label=_("Beats")),
        OutletKindsColumn("outlet_kinds", label=_("Outlet kinds")),
    ]
    search_fields = ["name", "description"]

    def get_form_class(self, for_update=False):
        return DistributionListForm


# Dashboard -------------------------------------------------------------------------------


class ContactsReviewPanel(Component):
    """How many contacts have had no activity for three years, linked to their list."""

    name = "s6_contacts_review"
    template_name = "press/dashboard/contacts_review.html"
    order = 107

    def get_context_data(self, parent_context):
        return {
            "count": Journalist.objects.due_for_review().count(),
            "url": reverse("press_journalists:index") + "?review=due",
        }
