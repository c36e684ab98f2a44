"""The home page's featured items, resolved to the pages the public may see."""

from wagtail.images import get_image_model

from site_s6.core.querysets import all_pages
from site_s6.core.renditions import RENDITION_SPECS


def featured_items(home) -> list:
    """The home page's featured items whose page is published, each with ``target`` set.

    ``target`` is the specific page in the home page's language and ``thumbnail_image``
    its image, fetched in a bounded number of queries (the editor allows at most six
    items). Featured items are synchronised from the source home page, so a translated
    home shows each page's translation, and skips a page not translated yet.
    """
    items = list(home.featured_items.select_related("page"))
    pages = (
        all_pages()
        .visible()
        .filter(
            translation_key__in=[item.page.translation_key for item in items],
            locale_id=home.locale_id,
        )
    )
    by_key = {page.translation_key: page for page in pages.specific()}
    pages_by_id = {
        item.page_id: by_key[item.page.translation_key]
        for item in items
        if item.page.translation_key in by_key
    }
    image_ids = {getattr(page, "image_id", None) for page in pages_by_id.values()} - {None}
    images = get_image_model().objects.filter(pk__in=image_ids)
    images_by_id = {
        image.pk: image for image in images.prefetch_renditions(RENDITION_SPECS["thumbnail"])
    }
    visible = []
    for item in items:
        target = pages_by_id.get(item.page_id)
        if target is None:
            continue
        item.target = target
        if target.pk != item.page_id:
            # The label was written for the source page, in its language: use the title.
            item.label = ""
        item.thumbnail_image = images_by_id.get(getattr(target, "image_id", None))
        visible.append(item)
    return visible
