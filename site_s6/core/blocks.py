"""StreamField blocks shared by every page type.

Each StructBlock renders with its own template and describes itself for editors. Image
blocks go out through the API with rendition URLs, never bare ids.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from .renditions import image_rendition_urls


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe the image for people who cannot see it. Required."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)
    credit = blocks.CharBlock(label=_("Photo credit"), required=False, max_length=120)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image_with_caption.html"
        description = _("An image with its alternative text and an optional caption.")

    def get_api_representation(self, value, context=None):
        image = value.get("image")
        return {
            "image": image_rendition_urls(image) if image else None,
            "alt_text": value.get("alt_text"),
            "caption": value.get("caption"),
            "credit": value.get("credit"),
        }


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)
    images = blocks.ListBlock(ImageWithCaptionBlock(), label=_("Images"), min_num=1, max_num=40)

    class Meta:
        icon = "image"
        label = _("Gallery")
        template = "blocks/gallery.html"
        description = _("A set of photos shown as a grid.")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=150)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote.html"
        description = _("A quotation with the name or role of the person quoted.")


class VideoEmbedBlock(blocks.StructBlock):
    embed = EmbedBlock(label=_("Address of the video or post"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "media"
        label = _("Embed")
        template = "blocks/embed.html"
        description = _("A video or social media post embedded from its address.")

    def get_api_representation(self, value, context=None):
        embed = value.get("embed")
        return {"url": embed.url if embed else None, "caption": value.get("caption")}


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")

    def get_api_representation(self, value, context=None):
        document = value.get("document")
        if document is None:
            return None
        return {
            "id": document.pk,
            "title": value.get("title") or document.title,
            "url": document.url,
            "file_extension": document.file_extension,
        }


class DocumentLinksBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)
    documents = blocks.ListBlock(DocumentLinkBlock(), label=_("Documents"), min_num=1)

    class Meta:
        icon = "doc-full-inverse"
        label = _("Documents")
        template = "blocks/document_links.html"
        description = _("A list of documents to download.")


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External address"), required=False)
    button_label = blocks.CharBlock(label=_("Button label"), max_length=60)

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "blocks/call_to_action.html"
        description = _("A highlighted box that sends the reader to a page or an address.")

    def clean(self, value):
        value = super().clean(value)
        if value.get("page") and value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        _("Choose either a page or an external address, not both.")
                    )
                }
            )
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or an external address."))}
            )
        return value

    def get_api_representation(self, value, context=None):
        page = value.get("page")
        return {
            "title": value.get("title"),
            "text": value.get("text"),
            "button_label": value.get("button_label"),
            "url": page.url if page else value.get("url"),
        }


class BaseStreamBlock(blocks.StreamBlock):
    """The body of every page: text, media, quotes, documents and calls to action."""

    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        features=["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"],
        icon="pilcrow",
        template="blocks/paragraph.html",
    )
    image = ImageWithCaptionBlock()
    gallery = GalleryBlock()
    quote = QuoteBlock()
    embed = VideoEmbedBlock()
    documents = DocumentLinksBlock()
    call_to_action = CallToActionBlock()

    class Meta:
        block_counts = {"gallery": {"max_num": 3}, "call_to_action": {"max_num": 2}}
