"""Image renditions in the sizes the public sites and headless clients use."""

# Named rendition specs: one place defines the sizes every client gets.
RENDITION_SPECS = {
    "thumbnail": "fill-400x300|format-webp",
    "medium": "max-800x600|format-webp",
    "large": "max-1600x1200|format-webp",
    "og": "fill-1200x630|format-jpeg",
}


def image_rendition_urls(image) -> dict:
    """The image's id, title, size and a URL per named rendition."""
    renditions = image.get_renditions(*RENDITION_SPECS.values())
    return {
        "id": image.pk,
        "title": image.title,
        "width": image.width,
        "height": image.height,
        "renditions": {name: renditions[spec].url for name, spec in RENDITION_SPECS.items()},
    }
