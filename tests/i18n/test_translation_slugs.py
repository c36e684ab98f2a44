"""An English translation lives at an English address, unless the translator chose one.

wagtail-localize copies the Romanian slug into the translation when nobody translates it
(on the Promote tab of its editor): the English news item would be
``/en/news/piata-veteranilor-se-redeschide/``. The translation takes its own title's slug.
"""

from tests.factories import NewsPageFactory

from .conftest import translate


def romanian_news(english_site, **fields):
    fields = {
        "title": "Piața Veteranilor se redeschide",
        "lead": "Piața a fost renovată.",
        **fields,
    }
    page = NewsPageFactory(parent=english_site["ro"]["news_index"], **fields)
    page.save_revision().publish()
    return page


TEXTS = {
    "Piața Veteranilor se redeschide": "Veterans' Market reopens",
    "Piața a fost renovată.": "The market has been renovated.",
}


def test_a_published_translation_takes_the_slug_of_its_title(english_site, client):
    page = romanian_news(english_site)
    english = translate(page, english_site["locales"]["en"], TEXTS)

    assert english.slug == "veterans-market-reopens"
    assert english.url == "/en/news/veterans-market-reopens/"
    assert client.get(english.url).status_code == 200
    page.refresh_from_db()
    assert page.slug == "piata-veteranilor-se-redeschide"


def test_a_slug_the_translator_set_is_kept(english_site):
    page = romanian_news(english_site)
    english = translate(
        page,
        english_site["locales"]["en"],
        {**TEXTS, "piata-veteranilor-se-redeschide": "market-reopening"},
    )

    assert english.slug == "market-reopening"


def test_a_draft_translation_gets_it_too(english_site):
    page = romanian_news(english_site)
    english = translate(page, english_site["locales"]["en"], TEXTS, publish=False)

    assert english.slug == "veterans-market-reopens"


def test_the_address_stays_when_the_translation_is_synced_and_retitled(english_site):
    page = romanian_news(english_site)
    en = english_site["locales"]["en"]
    translate(page, en, TEXTS)

    page.lead = "Piața a fost renovată complet."
    page.save_revision().publish()
    english = translate(
        page,
        en,
        {
            "Piața Veteranilor se redeschide": "The Veterans' Market is open again",
            "Piața a fost renovată complet.": "The market has been fully renovated.",
        },
    )

    assert english.title == "The Veterans' Market is open again"
    assert english.slug == "veterans-market-reopens"


def test_a_taken_slug_is_numbered(english_site):
    en = english_site["locales"]["en"]
    first = romanian_news(english_site)
    translate(first, en, TEXTS)
    second = romanian_news(english_site, slug="piata-veteranilor-2")

    english = translate(second, en, TEXTS)

    assert english.slug == "veterans-market-reopens-2"


def test_a_translation_titled_as_its_original_keeps_the_slug(english_site):
    page = romanian_news(english_site, title="DGASPC Sector 6", slug="dgaspc-sector-6")

    english = translate(page, english_site["locales"]["en"], TEXTS)

    assert english.slug == "dgaspc-sector-6"
