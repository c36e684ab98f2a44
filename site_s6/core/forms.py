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

#: Page fields whose image the public pages show with its description as alternative text
#: (the main image, the home page's hero, both shared as ``og:image`` with ``og:image:alt``).
DESCRIBED_IMAGE_FIELDS = ("image", "hero_image")


class BasePageForm(WagtailAdminPageForm):
    """Slugs in plain ASCII, generated from the title when the editor leaves them empty;
    titles on one line; no page published (or sent for approval) with an image that has no
    description, which the public pages read as its alternative text."""

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
        # Wagtail defers required fields when a draft is only saved: a draft may wait for its
        # image's description; publishing or submitting it may not.
        if not self.is_deferred_validation:
            self._require_image_descriptions()
        return super().clean()

    def _require_image_descriptions(self) -> None:
        for name in DESCRIBED_IMAGE_FIELDS:
            image = self.cleaned_data.get(name) if name in self.fields else None
            if image is not None and not (image.description or "").strip():
                self.add_error(
                    name,
                    _(
                        "The image “%(title)s” has no description, which people who cannot "
                        "see it are read instead. Add one in Images (edit the image) before "
                        "publishing this page."
                    )
                    % {"title": image.title},
                )
