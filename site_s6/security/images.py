"""Every frame of an animated upload counts against ``WAGTAILIMAGES_MAX_IMAGE_PIXELS``.

Wagtail multiplies an upload's width and height by ``get_frame_count()``, but Willow's
Pillow plugin answers 1 for every image (Willow 1.x: "Animation is not supported by
PIL"), so a 10-frame GIF passed as one frame. Willow's registry lets a plugin register
an operation for an image class; ours reads the frame count Pillow knows.
"""

from willow.plugins.pillow import PillowImage
from willow.registry import registry


def pillow_frame_count(image: PillowImage) -> int:
    """Frames of a GIF, WebP or APNG as Pillow reads them from the header; 1 for stills."""
    return getattr(image.image, "n_frames", 1)


def register_frame_count() -> None:
    registry.register_operation(PillowImage, "get_frame_count", pillow_frame_count)
