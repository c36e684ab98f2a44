"""Translations made through wagtail-localize, as an editor's would be.

The demo's English texts are stored in wagtail-localize's translation memory (one
``StringTranslation`` per source segment), so editors later see the pages as ordinary
translations: "Sync translated pages" updates them, and out-of-date ones are flagged.
"""

from collections import defaultdict

from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource


def translate_page(page: Page, locale: Locale, texts: dict[str, list[str]]) -> Page:
    """Publish ``page`` in ``locale`` with ``texts``: field name → strings in content order.

    Each field's source segments are matched, in order, with the given strings (a body's
    paragraphs, a list of key messages...). Segments without a string keep the source text.
    """
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    segments_by_field = defaultdict(list)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments.order_by("order"):
        segments_by_field[segment.context.path.split(".")[0]].append(segment)

    for field_name, field_segments in segments_by_field.items():
        for segment, text in zip(field_segments, texts.get(field_name, []), strict=False):
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": text},
            )
    # Saved as a draft, then published from the database: wagtail-localize would publish
    # when the transaction commits, from the page as it was in memory, and the loader runs
    # in one transaction, so a section translated first would be written back childless.
    translation.save_target(publish=False)
    target = page.get_translation(locale)
    target.get_latest_revision().publish()
    return target.specific
