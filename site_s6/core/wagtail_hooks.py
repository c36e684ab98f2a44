from wagtail import hooks

from .page_cache import cache_anonymous_pages

# After Wagtail's view-restriction check (order 0), so only a page the visitor may see
# reaches the cache.
hooks.register("on_serve_page", cache_anonymous_pages, order=100)
