"""The admin form every page type edits through."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .slugs import title_slug
from .text import ascii_slugify
from .validators import no_line_breaks


class AsciiSlugField(forms.SlugField):
    """A slug field that transliterates what the editor typed before validating it.

    Wagtail's own field accepts or rejects Unicode slugs as typed; ours turns "știri-țară"
    into "stiri-tara" first, so the uniqueness check runs on the slug that is stored.
    """

    def __init__(self, **kwargs):
        kwargs["allow_unicode"] = False
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if value and not value.isascii():
            value = ascii_slugify(value)
        return value


#: Wagtail's own page fields that are shown on one line (a heading, a browser tab, a feed
#: item, a calendar entry): our own single-line fields carry ``no_line_breaks`` themselves.
SINGLE_LINE_PAGE_FIELDS = ("title", "seo_title")


class BasePageForm(WagtailAdminPageForm):
    """Slugs in plain ASCII, generated from the title when the editor leaves them empty;
    titles on one line."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in SINGLE_LINE_PAGE_FIELDS:
            if name in self.fields:
                self.fields[name].validators.append(no_line_breaks)
        wagtail_slug = self.fields.get("slug")
        if wagtail_slug is not None:
            self.fields["slug"] = AsciiSlugField(
                required=False,
                max_length=wagtail_slug.max_length,
                label=wagtail_slug.label,
                help_text=wagtail_slug.help_text,
                widget=wagtail_slug.widget,
                initial=wagtail_slug.initial,
            )

    def clean(self):
        if "slug" in self.cleaned_data and not self.cleaned_data["slug"]:
            parent_page = self.parent_page
            if parent_page is None and self.instance.pk:
                parent_page = self.instance.get_parent()
            slug = title_slug(self.cleaned_data.get("title") or "", parent_page, self.instance)
            if slug:
                self.cleaned_data["slug"] = slug
            elif "title" in self.cleaned_data:
                self.add_error("slug", _("Enter a slug made of letters or digits."))
        return super().clean()
