"""A Romanian site translated into English the way editors do it: with wagtail-localize."""

import pytest
from django.test import TestCase
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

SECTION_TEXTS = {
    "home": {"Primăria Sectorului 6": "Sector 6 City Hall", "primaria-sectorului-6": "city-hall"},
    "news_index": {"Știri": "News", "stiri": "news"},
    "event_index": {"Evenimente": "Events", "evenimente": "events"},
    "campaign_index": {"Campanii": "Campaigns", "campanii": "campaigns"},
    "protocol_index": {"Protocol": "Protocol", "protocol": "protocol"},
}


def translate(page, locale, texts: dict[str, str], *, publish: bool = True):
    """Translate ``page`` (or a snippet) into ``locale`` through wagtail-localize.

    ``texts`` maps source strings to their translation; a string without one keeps the
    source text. The steps are the translation editor's: a ``TranslationSource`` for the
    page (refreshed from the page if it exists), a ``Translation`` into the locale, one
    ``StringTranslation`` per segment, then ``save_target``. Returns the translated page
    (specific) or snippet.
    """
    source, created = TranslationSource.get_or_create_from_instance(page)
    if not created:
        # The source changed since its last translation: what "Sync translated pages" does.
        source.update_from_db()
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = texts.get(segment.string.data)
        if text is not None:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": text},
            )
    # wagtail-localize publishes once the transaction commits, which a test never does.
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=publish)
    translated = page.get_translation(locale)
    return translated.specific if isinstance(translated, Page) else translated


def html(response) -> str:
    return response.content.decode()


@pytest.fixture
def english_site(site_tree, locales):
    """``site_tree`` with its home and every section translated into English."""
    english = {}
    for key, texts in SECTION_TEXTS.items():
        english[key] = translate(site_tree[key], locales["en"], texts)
    return {"ro": site_tree, "en": english, "locales": locales}
