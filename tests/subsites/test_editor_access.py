"""What an institution editor sees of the shared admin: their own site, nothing else."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Page

from .admin_http import DENY, edit_url, outcome

OTHER_SITES = ["politia", "main"]


@pytest.fixture
def dgaspc_client(client, users):
    client.force_login(users["dgaspc-editor"])
    return client


def listed_titles(response) -> set[str]:
    return {page.title for page in response.context["object_list"]}


def test_the_explorer_shows_only_the_editors_site(dgaspc_client, world):
    response = dgaspc_client.get(reverse("wagtailadmin_explore_root"))

    assert response.status_code == 200
    # The DGASPC home page in each language, and no other site, not even in the filters.
    assert listed_titles(response) == {"DGASPC Sector 6"}
    assert len(response.context["object_list"]) == 2
    site_filter = response.context["filters"].form.fields["site"]
    assert list(site_filter.queryset) == [world["dgaspc"].site]
    content = response.content.decode()
    assert "Poliția Locală Sector 6" not in content
    assert "Primăria Sectorului 6" not in content


def test_the_sidebar_explorer_lists_only_the_editors_site(dgaspc_client, world):
    url = reverse("wagtailadmin_api:pages:listing")
    root = Page.get_first_root_node()

    response = dgaspc_client.get(url, {"child_of": root.pk, "for_explorer": 1})

    assert response.status_code == 200
    assert {item["title"] for item in response.json()["items"]} == {"DGASPC Sector 6"}
    # Another site's page is, to this editor, a parent that does not exist.
    other_home = world["politia"].home
    response = dgaspc_client.get(url, {"child_of": other_home.pk, "for_explorer": 1})
    assert response.status_code == 400
    assert "items" not in response.json()


def test_searching_pages_finds_nothing_on_other_sites(dgaspc_client, world):
    response = dgaspc_client.get(reverse("wagtailadmin_pages:search"), {"q": "news"})

    assert response.status_code == 200
    assert listed_titles(response) == {"Live news dgaspc", "Draft news dgaspc"}


@pytest.mark.parametrize("site", OTHER_SITES)
def test_other_sites_pages_refuse_edit_move_delete_and_add(dgaspc_client, world, site):
    other = world[site]
    add_url = reverse("wagtailadmin_pages:add", args=["news", "newspage", other.news_index.pk])
    answers = {
        "explore": dgaspc_client.get(reverse("wagtailadmin_explore", args=[other.home.pk])),
        "edit": dgaspc_client.get(edit_url(other.live_news)),
        "move": dgaspc_client.get(reverse("wagtailadmin_pages:move", args=[other.draft_news.pk])),
        "delete": dgaspc_client.get(
            reverse("wagtailadmin_pages:delete", args=[other.draft_news.pk])
        ),
        "add": dgaspc_client.get(add_url),
        "add-subpage": dgaspc_client.get(
            reverse("wagtailadmin_pages:add_subpage", args=[other.news_index.pk])
        ),
    }

    assert {action: outcome(answer) for action, answer in answers.items()} == dict.fromkeys(
        answers, DENY
    )


def test_the_image_chooser_offers_own_and_shared_images_only(dgaspc_client, world, identity_image):
    response = dgaspc_client.get(reverse("wagtailimages_chooser:choose"))

    assert response.status_code == 200
    offered = {image.title for image in response.context["results"]}
    assert offered == {"Image dgaspc", "Logo"}


def test_the_document_chooser_offers_own_documents_only(dgaspc_client, world):
    response = dgaspc_client.get(reverse("wagtaildocs_chooser:choose"))

    assert response.status_code == 200
    assert {document.title for document in response.context["results"]} == {"Document dgaspc"}


def test_shared_identity_images_can_be_chosen_but_not_changed(dgaspc_client, world, identity_image):
    chosen = dgaspc_client.get(reverse("wagtailimages_chooser:chosen", args=[identity_image.pk]))
    edit = dgaspc_client.get(reverse("wagtailimages:edit", args=[identity_image.pk]))
    delete = dgaspc_client.get(reverse("wagtailimages:delete", args=[identity_image.pk]))

    assert chosen.status_code == 200
    assert outcome(edit) == DENY
    assert outcome(delete) == DENY


def test_own_images_can_be_changed(dgaspc_client, world):
    response = dgaspc_client.get(reverse("wagtailimages:edit", args=[world["dgaspc"].image.pk]))

    assert response.status_code == 200


def test_uploads_go_only_to_the_editors_collection(dgaspc_client, world):
    upload = SimpleUploadedFile("poster.png", png_bytes(), content_type="image/png")

    response = dgaspc_client.post(
        reverse("wagtailimages:add"), {"title": "Poster", "description": "Afiș", "file": upload}
    )

    assert response.status_code == 302
    image = get_image_model().objects.get(title="Poster")
    assert image.collection == world["dgaspc"].institution.collection


def png_bytes() -> bytes:
    buffer = BytesIO()
    PILImage.new("RGB", (8, 8), "navy").save(buffer, format="PNG")
    return buffer.getvalue()


def test_the_page_types_report_spanning_every_site_is_for_the_central_team(client, users, world):
    url = reverse("wagtailadmin_reports:page_types_usage")

    client.force_login(users["dgaspc-editor"])
    editor_answer = client.get(url)
    editor_home = client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(users["central"])
    central_answer = client.get(url)
    central_home = client.get(reverse("wagtailadmin_home")).content.decode()

    assert outcome(editor_answer) == DENY
    assert url not in editor_home
    assert url in central_home
    assert central_answer.status_code == 200
    assert "Live news politia-locala" in central_answer.content.decode()
