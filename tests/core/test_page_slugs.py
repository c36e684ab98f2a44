"""Slugs are plain ASCII whatever the editor typed (``BasePage`` and ``BasePageForm``)."""

from wagtail.test.utils.form_data import inline_formset, streamfield

from site_s6.news.models import NewsPage
from tests.factories import NewsPageFactory
from tests.page_admin import edit_page_url, field_errors, log_in_in_english, publish_new_page

TITLE = "Știri și anunțuri din Sectorul 6 — ţară şi ţinut"
SLUG = "stiri-si-anunturi-din-sectorul-6-tara-si-tinut"


def add_news(client, parent, **fields):
    return publish_new_page(
        client,
        NewsPage,
        parent,
        {
            "title": TITLE,
            "kind": "news",
            "publication_date": "2026-03-01 10:00",
            "body": streamfield([]),
            "gallery_images": inline_formset([]),
            "attachments": inline_formset([]),
            **fields,
        },
    )


def test_model_slugifies_the_title_in_ascii(site_tree):
    page = NewsPage(title=TITLE)
    site_tree["news_index"].add_child(instance=page)

    assert page.slug == SLUG
    assert page.url_path.endswith(f"/{SLUG}/")


def test_model_transliterates_a_typed_slug(site_tree):
    page = NewsPage(title="Anunț", slug="știri-țară")
    site_tree["news_index"].add_child(instance=page)

    assert page.slug == "stiri-tara"


def test_model_slugifies_a_draft_too(site_tree):
    # A draft is saved through Wagtail's minimal validation, not the full one.
    page = NewsPage(title=TITLE, live=False)
    site_tree["news_index"].add_child(instance=page)
    typed = NewsPage(title="Anunț", slug="anunț-țară", live=False)
    site_tree["news_index"].add_child(instance=typed)

    assert page.slug == SLUG
    assert typed.slug == "anunt-tara"


def test_model_numbers_a_slug_taken_by_a_sibling(site_tree):
    NewsPageFactory(parent=site_tree["news_index"], slug=SLUG)
    page = NewsPage(title=TITLE)
    site_tree["news_index"].add_child(instance=page)

    assert page.slug == f"{SLUG}-2"


def test_admin_fills_an_empty_slug_from_the_title(admin_client, site_tree):
    response = add_news(admin_client, site_tree["news_index"], slug="")

    assert response.status_code == 302
    assert NewsPage.objects.get().slug == SLUG


def test_admin_numbers_an_empty_slug_taken_by_a_sibling(admin_client, site_tree):
    NewsPageFactory(parent=site_tree["news_index"], slug=SLUG)

    response = add_news(admin_client, site_tree["news_index"], slug="")

    assert response.status_code == 302
    assert NewsPage.objects.get(title=TITLE).slug == f"{SLUG}-2"


def test_admin_transliterates_a_typed_slug(admin_client, site_tree):
    response = add_news(admin_client, site_tree["news_index"], slug="Știri—Țară și ţinut")

    assert response.status_code == 302
    assert NewsPage.objects.get().slug == "stiri-tara-si-tinut"


def test_admin_keeps_a_typed_ascii_slug(admin_client, site_tree):
    response = add_news(admin_client, site_tree["news_index"], slug="buget-2026")

    assert response.status_code == 302
    assert NewsPage.objects.get().slug == "buget-2026"


def test_admin_reports_a_typed_slug_taken_once_transliterated(client, site_tree):
    NewsPageFactory(parent=site_tree["news_index"], slug="stiri-tara")

    response = add_news(log_in_in_english(client), site_tree["news_index"], slug="știri-țară")

    # The uniqueness check sees the stored slug, so the editor gets a message, not a crash.
    assert response.status_code == 200
    assert field_errors(response, "slug") == [
        "The slug 'stiri-tara' is already in use within the parent page."
    ]
    assert NewsPage.objects.count() == 1


def test_admin_asks_for_a_slug_when_the_title_gives_none(client, site_tree):
    response = add_news(log_in_in_english(client), site_tree["news_index"], title="★", slug="")

    assert response.status_code == 200
    assert field_errors(response, "slug") == ["Enter a slug made of letters or digits."]
    assert not NewsPage.objects.exists()


def test_admin_transliterates_a_slug_typed_when_editing(admin_client, site_tree):
    page = NewsPageFactory(parent=site_tree["news_index"], title="Anunț", slug="anunt")

    response = admin_client.post(
        edit_page_url(page),
        {
            "title": "Anunț",
            "slug": "anunț-important",
            "kind": "news",
            "publication_date": "2026-03-01 10:00",
            "body-count": "0",
            "gallery_images-TOTAL_FORMS": "0",
            "gallery_images-INITIAL_FORMS": "0",
            "attachments-TOTAL_FORMS": "0",
            "attachments-INITIAL_FORMS": "0",
            "action-publish": "action-publish",
        },
    )

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.slug == "anunt-important"
