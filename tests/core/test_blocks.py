import pytest
import wagtail_factories
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.blocks import StructBlock
from wagtail.images.tests.utils import get_test_image_file

from site_s6.core.blocks import (
    BaseStreamBlock,
    CallToActionBlock,
    DocumentLinkBlock,
    GalleryBlock,
    ImageWithCaptionBlock,
)
from site_s6.core.renditions import RENDITION_SPECS


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    # Uploads and renditions go to this test's own folder, not the shared test media.
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def image(db):
    return wagtail_factories.ImageFactory(
        title="Parcul Drumul Taberei", file=get_test_image_file("parc.png", size=(1600, 1200))
    )


def english_errors(error: ValidationError) -> dict[str, list[str]]:
    with translation.override("en"):
        return {name: list(child) for name, child in error.block_errors.items()}


class TestImageWithCaptionBlock:
    def test_alt_text_is_required(self, image):
        block = ImageWithCaptionBlock()
        value = block.to_python({"image": image.pk, "alt_text": "", "caption": "Parcul"})

        with pytest.raises(ValidationError) as raised:
            block.clean(value)

        assert list(raised.value.block_errors) == ["alt_text"]

    def test_image_with_alt_text_is_valid(self, image):
        block = ImageWithCaptionBlock()
        value = block.to_python({"image": image.pk, "alt_text": "Alee cu tei în parc"})

        cleaned = block.clean(value)

        assert cleaned["image"] == image
        assert cleaned["alt_text"] == "Alee cu tei în parc"

    def test_api_representation_gives_rendition_urls(self, image):
        block = ImageWithCaptionBlock()
        value = block.to_python(
            {"image": image.pk, "alt_text": "Alee cu tei", "caption": "Parcul", "credit": "S6"}
        )

        data = block.get_api_representation(value)

        assert data["alt_text"] == "Alee cu tei"
        assert data["caption"] == "Parcul"
        assert data["credit"] == "S6"
        assert data["image"]["id"] == image.pk
        assert (data["image"]["width"], data["image"]["height"]) == (1600, 1200)
        renditions = data["image"]["renditions"]
        assert set(renditions) == set(RENDITION_SPECS)
        for name, spec in RENDITION_SPECS.items():
            url = renditions[name]
            assert url.startswith("/media/images/parc.")
            assert url.endswith(".webp" if "webp" in spec else ".jpg")
        assert image.renditions.count() == len(RENDITION_SPECS)

    def test_api_representation_without_image(self):
        block = ImageWithCaptionBlock()

        data = block.get_api_representation(block.to_python({"alt_text": "x"}))

        assert data["image"] is None


class TestCallToActionBlock:
    def value(self, block, **fields):
        return block.to_python({"title": "Programări", "button_label": "Programează-te", **fields})

    def test_refuses_both_page_and_url(self, site_tree):
        block = CallToActionBlock()
        value = self.value(block, page=site_tree["news_index"].pk, url="https://example.com/")

        with pytest.raises(ValidationError) as raised:
            block.clean(value)

        assert english_errors(raised.value) == {
            "url": ["Choose either a page or an external address, not both."]
        }

    def test_refuses_neither_page_nor_url(self, db):
        block = CallToActionBlock()

        with pytest.raises(ValidationError) as raised:
            block.clean(self.value(block, page=None, url=""))

        assert english_errors(raised.value) == {"page": ["Choose a page or an external address."]}

    def test_page_alone_links_to_the_page(self, site_tree):
        block = CallToActionBlock()
        news_index = site_tree["news_index"]

        value = block.clean(self.value(block, page=news_index.pk, url=""))

        assert block.get_api_representation(value)["url"] == news_index.url == "/stiri/"

    def test_url_alone_links_to_the_address(self, db):
        block = CallToActionBlock()

        value = block.clean(self.value(block, page=None, url="https://www.primarie6.ro/"))

        assert block.get_api_representation(value) == {
            "title": "Programări",
            "text": "",
            "button_label": "Programează-te",
            "url": "https://www.primarie6.ro/",
        }


def test_gallery_needs_at_least_one_image(db):
    block = GalleryBlock()

    with pytest.raises(ValidationError):
        block.clean(block.to_python({"title": "Galerie", "images": []}))


def test_document_link_falls_back_to_the_document_title(db):
    document = wagtail_factories.DocumentFactory(title="Hotărârea 12/2026")
    block = DocumentLinkBlock()

    data = block.get_api_representation(block.to_python({"document": document.pk, "title": ""}))

    assert data["title"] == "Hotărârea 12/2026"
    assert data["url"] == document.url


@pytest.mark.parametrize(("block_type", "limit"), [("gallery", 3), ("call_to_action", 2)])
def test_body_limits_repeated_blocks(site_tree, image, block_type, limit):
    values = {
        "gallery": {"images": [{"image": image.pk, "alt_text": "Alee"}]},
        "call_to_action": {"title": "T", "button_label": "B", "url": "https://example.com/"},
    }
    block = BaseStreamBlock()
    too_many = [{"type": block_type, "value": values[block_type]}] * (limit + 1)

    block.clean(block.to_python(too_many[:limit]))
    with pytest.raises(ValidationError):
        block.clean(block.to_python(too_many))


def test_body_blocks_describe_themselves_for_editors():
    for name, child in BaseStreamBlock().child_blocks.items():
        if isinstance(child, StructBlock):
            assert child.meta.icon, name
            assert child.meta.template, name
            assert child.meta.description, name
