"""Wagtail's image and document forms with a "public" tick box for editors.

Installed through ``WAGTAILIMAGES_IMAGE_FORM_BASE`` and ``WAGTAILDOCS_DOCUMENT_FORM_BASE``;
whoever may edit an upload (its collection's ``change`` permission) may mark it public.
An image also needs its description: Wagtail 8 reads it as the image's alternative text,
and without one a page would offer its file name to people who cannot see it.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from .publication import media_is_marked_public, media_mark_public


class MarkPublicMixin(forms.Form):
    mark_public = forms.BooleanField(
        label=_("Public before any page uses it"),
        required=False,
        help_text=_(
            "Uploads stay private until a published page uses them; tick to let the public "
            "reach this one now (a form to download, a logo for the press)."
        ),
    )

    def __init__(self, *args, **kwargs):
        self.marking_user = kwargs.get("user")
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["mark_public"].initial = media_is_marked_public(self.instance)

    def save(self, commit=True):
        super().save(commit=commit)
        instance = self.instance
        if commit and "mark_public" in self.changed_data:
            media_mark_public(
                obj=instance, user=self.marking_user, public=self.cleaned_data["mark_public"]
            )
        return instance


class ImageForm(MarkPublicMixin, BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Absent from the API's partial updates that leave the description as it is.
        description = self.fields.get("description")
        if description is not None:
            description.required = True
            description.label = _("Description (alternative text)")
            description.help_text = _(
                "What the image shows, for people who cannot see it; read instead of the "
                "image by screen readers. Required."
            )


class DocumentForm(MarkPublicMixin, BaseDocumentForm):
    pass
