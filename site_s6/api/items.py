"""How pages become API items: the shared fields, images, rich fields and translations.

Each function reads only what the list or detail queryset prefetched (see
:func:`with_images` and the routers' querysets), so serialising N items costs no query
per item. A list reads its pages as :class:`PageRow`: the few columns its items show,
not model instances (see ``site_s6.api.listing``).
"""

import logging
from types import SimpleNamespace

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from wagtail.images import get_image_model
from wagtail.images.models import SourceImageIOError
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from site_s6.core.renditions import RENDITION_SPECS, image_rendition_urls
from site_s6.core.sites import SiteEntry

from .filters import ApiScope
from .sql import split, tag_names_column, translation_pairs, translations_column

logger = logging.getLogger(__name__)


def api_renditions() -> QuerySet:
    """The renditions the API shows (``RENDITION_SPECS``), of any image."""
    renditions = get_image_model().get_rendition_model().objects
    return renditions.filter(filter_spec__in=list(RENDITION_SPECS.values()))


def renditions_prefetch(lookup: str) -> Prefetch:
    """Prefetch, for the images at ``lookup`` (e.g. ``image``), the renditions the API uses."""
    return Prefetch(f"{lookup}__renditions", queryset=api_renditions())


def with_images(queryset: QuerySet, *fields: str) -> QuerySet:
    """Join ``fields`` (image foreign keys) and prefetch their renditions, one query in all."""
    return queryset.select_related(*fields).prefetch_related(
        *(renditions_prefetch(field) for field in fields)
    )


def images_by_id(ids) -> dict:
    """The images of ``ids`` by id (None and repeats ignored), with the API's renditions
    prefetched: two queries when there are some, none otherwise."""
    ids = {pk for pk in ids if pk}
    if not ids:
        return {}
    images = (
        get_image_model()
        .objects.filter(pk__in=ids)
        .prefetch_related(Prefetch("renditions", queryset=api_renditions()))
    )
    return {image.pk: image for image in images}


def absolute(request: HttpRequest, url: str | None) -> str | None:
    return request.build_absolute_uri(url) if url else url


def image_data(image, request: HttpRequest) -> dict | None:
    """An image as its rendition URLs (absolute), never a bare id.

    An image whose original file is missing (lost storage, half-restored backup) is left
    out rather than failing the whole response.
    """
    if image is None:
        return None
    try:
        data = image_rendition_urls(image)
    except SourceImageIOError:
        logger.warning("Image %s has no original file; left out of the API", image.pk)
        return None
    data["renditions"] = {name: absolute(request, url) for name, url in data["renditions"].items()}
    return data


class PageRow(SimpleNamespace):
    """A page read as the columns a list item shows (``values()``), not a model instance.

    It answers the attributes the item builders read from a page (``pk``, ``title``,
    ``path``, ``image``, the type's own fields...), plus ``label`` (the type) and
    ``tag_names``, so that one builder serves lists (rows) and details (instances).
    """

    #: The page columns every list item needs (the type's own are added by its router).
    COLUMNS = (
        "id",
        "title",
        "slug",
        "path",
        "url_path",
        "translation_key",
        "last_published_at",
        "intro",
        "image_id",
        "locale_id",
    )

    @property
    def pk(self) -> int:
        return self.id


def type_label(page) -> str:
    """The content type label of a page (``news.NewsPage``), row or instance."""
    return page.label if isinstance(page, PageRow) else page._meta.label


def tag_names(page) -> list[str]:
    """A page's tag names, sorted: attached to a row, read with the instance
    (:func:`with_tags_and_translations`), or prefetched on it."""
    if isinstance(page, PageRow):
        return page.tag_names
    if hasattr(page, "joined_tags"):
        return sorted(split(page.joined_tags))
    return sorted(tag.name for tag in page.tags.all())


def with_tags_and_translations(queryset: QuerySet, scope: ApiScope) -> QuerySet:
    """``queryset`` (of one page type) with each page's tag names and the translations
    the public may see read in the same query (see :func:`tag_names`,
    :func:`translations_of`)."""
    return queryset.annotate(
        joined_tags=tag_names_column(queryset.model.tags.through),
        joined_translations=translations_column(scope.visible_q()),
    )


def translations_of(scope: ApiScope, pages) -> dict:
    """``translation_key -> [(id, language code)]`` for ``pages``: what they were read
    with (rows, or instances through :func:`with_tags_and_translations`), or one query."""
    if all(isinstance(page, PageRow) for page in pages):
        return {page.translation_key: page.translation_pairs for page in pages}
    if all(hasattr(page, "joined_translations") for page in pages):
        return {page.translation_key: translation_pairs(page.joined_translations) for page in pages}
    return translations_by_key(scope, pages)


def translations_by_key(scope: ApiScope, pages) -> dict:
    """``translation_key -> [(id, language code)]`` of the visible pages among ``pages``'s
    translations, in one query."""
    keys = {page.translation_key for page in pages}
    if not keys:
        return {}
    rows = (
        scope.visible(Page.objects.filter(translation_key__in=keys))
        .order_by("locale__language_code")
        .values_list("translation_key", "pk", "locale__language_code")
    )
    by_key: dict = {}
    for key, pk, code in rows:
        by_key.setdefault(key, []).append((pk, code))
    return by_key


def page_item(page, scope: ApiScope, translations: dict) -> dict:
    """The fields every item carries."""
    root = scope.root_for(page)
    request = scope.request
    return {
        "id": page.pk,
        "type": type_label(page),
        "title": page.title,
        "slug": page.slug,
        "locale": root.language_code if root else page.locale.language_code,
        "site": scope.index.get(root.site_id).site.hostname if root else "",
        "url": scope.index.page_url(page.url_path, prefer_site_id=scope.site.pk),
        "translations": [
            {"id": pk, "locale": code}
            for pk, code in translations.get(page.translation_key, [])
            if pk != page.pk
        ],
        "last_published_at": page.last_published_at,
        "intro": page.intro,
        "image": image_data(page.image, request),
        "tags": tag_names(page),
    }


#: The fields of a page that :func:`page_ref` reads (visibility included): what a detail
#: read as a row joins of the page it links to (``site_s6.api.details``).
PAGE_REF_FIELDS = ("title", "path", "url_path", "live", "alias_of_id")


def page_ref(page, scope: ApiScope) -> dict | None:
    """A link to another page, only when anonymous clients may see it."""
    if not scope.is_visible(page):
        return None
    return {
        "id": page.pk,
        "type": page.specific_class._meta.label if page.specific_class else "wagtailcore.Page",
        "title": page.title,
        "url": scope.index.page_url(page.url_path, prefer_site_id=scope.site.pk),
    }


#: The fields of a press contact that :func:`contact_data` reads.
CONTACT_FIELDS = ("name", "role", "email", "phone")


def contact_data(contact) -> dict | None:
    """A page's press contact (public by design: a spokesperson's work details)."""
    if contact is None:
        return None
    return {
        "name": contact.name,
        "role": contact.role,
        "email": contact.email,
        "phone": contact.phone,
    }


def institution_ref(entry: SiteEntry | None) -> dict | None:
    """The institution running the site of ``entry`` (an index entry), if any."""
    institution = entry.institution if entry else None
    if institution is None:
        return None
    return {
        "name": institution.name,
        "short_name": institution.short_name,
        "site": entry.site.hostname,
    }


def stream_data(value, request: HttpRequest) -> list:
    """A StreamField as blocks; images as renditions and rich text as HTML (project setting)."""
    return list(value.stream_block.get_api_representation(value, context={"request": request}))


def rich_text_html(value: str) -> str:
    return expand_db_html(value or "")


def gallery_data(items, request: HttpRequest) -> list[dict]:
    return [
        {
            "image": image_data(item.image, request),
            "alt_text": item.alt_text,
            "caption": item.caption,
        }
        for item in items
    ]


def attachment_data(items, request: HttpRequest) -> list[dict]:
    return [
        {
            "title": item.title or item.document.title,
            "url": absolute(request, item.document.url),
            "file_extension": item.document.file_extension,
        }
        for item in items
    ]
