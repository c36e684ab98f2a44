import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.models import Page

from subsites.models import Institution

from .models import Clipping


class ClippingFilterSet(WagtailFilterSet):
    relevant = django_filters.ChoiceFilter(
        label=_("Relevance"),
        choices=[
            ("unset", _("Not triaged yet")),
            ("true", _("Relevant")),
            ("false", _("Not relevant")),
        ],
        method="filter_relevant",
    )
    tone = django_filters.ChoiceFilter(label=_("Tone"), choices=Clipping.Tone.choices)
    institutions = django_filters.ModelChoiceFilter(
        label=_("Institution"), queryset=Institution.objects.order_by("name")
    )
    published_at = django_filters.DateFromToRangeFilter(
        label=_("Published"), widget=DateRangePickerWidget
    )
    page_id = django_filters.NumberFilter(label=_("Covers page (id)"), method="filter_page")

    class Meta:
        model = Clipping
        fields = ["relevant", "tone", "institutions", "published_at", "source"]

    def filter_relevant(self, queryset, name, value):
        values = {"unset": None, "true": True, "false": False}
        return queryset.filter(relevant=values[value]) if value in values else queryset

    def filter_page(self, queryset, name, value):
        """The clippings linked to the page or to any of its translations."""
        page = Page.objects.filter(pk=value).only("translation_key").first()
        if page is None:
            return queryset.none()
        key = page.translation_key
        return queryset.filter(
            Q(news_page__translation_key=key)
            | Q(campaign_page__translation_key=key)
            | Q(event_page__translation_key=key)
        )
