from wagtail import hooks

from .internal_admin import InternalPlanningMenu
from .page_cache import cache_anonymous_pages

# After Wagtail's view-restriction check (order 0), so only a page the visitor may see
# reaches the cache.
hooks.register("on_serve_page", cache_anonymous_pages, order=100)


@hooks.register("register_admin_viewset")
def register_internal_planning_menu():
    # The shared menu: the content apps' record view sets join it through its menu hook.
    return InternalPlanningMenu()
