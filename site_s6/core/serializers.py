"""API field serializers shared by every page type (API v2, and v3 through its v2 shim)."""

from rest_framework.fields import Field

from .renditions import image_rendition_urls


class ImageRenditionsField(Field):
    """An image as its rendition URLs in every named size, never a bare id."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, image) -> dict:
        return image_rendition_urls(image)


class TagNamesField(Field):
    """Tags as a plain list of names."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, tags) -> list[str]:
        return sorted(tag.name for tag in tags.all())
