"""Who may do what on which site, asked of the admin's own views over HTTP.

Three people (the DGASPC editor, the Poliția Locală editor, the central team) try every
action on three sites (DGASPC's, Poliția Locală's, the city hall's). The sites are
provisioned once for the module, as ``setUpTestData`` would, and every case runs in its
own rolled-back transaction.
"""

from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Locale, Page

from subsites.models import Institution

from .admin_http import ALLOW, DENY, edit_url, news_form_data, outcome
from .conftest import clear_wagtail_default_site, make_users, provision, site_world

pytestmark = pytest.mark.django_db

SITE_KEYS = {"dgaspc-site": "dgaspc", "politia-site": "politia", "main-site": "main"}
ROLES = ["dgaspc-editor", "politia-editor", "central"]
OWN_SITE = {"dgaspc-editor": "dgaspc-site", "politia-editor": "politia-site"}

# The internal models the central team keeps; their admin listings are refused to editors.
INTERNAL_MODELS = {
    "subsites.institution",
    "events.eventplan",
    "campaigns.campaignplan",
    "protocol.visitfile",
    "protocol.gift",
}


@dataclass(frozen=True)
class Target:
    """Fresh objects of one site for one case (the module's rows, not its Python objects)."""

    institution: Institution
    home: Page
    news_index: Page
    live_news: Page
    draft_news: Page
    image: object
    document: object


@pytest.fixture(scope="module")
def provisioned(django_db_setup, django_db_blocker):
    """Primary keys of the three sites and the three people, built once and rolled back."""
    with django_db_blocker.unblock(), transaction.atomic():
        for language_code in ("ro", "en"):
            Locale.objects.get_or_create(language_code=language_code)
        clear_wagtail_default_site()
        sites = {}
        for key in ("main", "dgaspc", "politia"):
            world = site_world(provision(key))
            sites[key] = {
                "institution": world.institution.pk,
                "home": world.home.pk,
                "news_index": world.news_index.pk,
                "live_news": world.live_news.pk,
                "draft_news": world.draft_news.pk,
                "image": world.image.pk,
                "document": world.document.pk,
            }
        users = {role: user.pk for role, user in make_users().items()}
        yield {"sites": sites, "users": users}
        transaction.set_rollback(True)


def load_target(pks: dict) -> Target:
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    def page(pk):
        return Page.objects.get(pk=pk).specific

    return Target(
        institution=Institution.objects.select_related("site").get(pk=pks["institution"]),
        home=page(pks["home"]),
        news_index=page(pks["news_index"]),
        live_news=page(pks["live_news"]),
        draft_news=page(pks["draft_news"]),
        image=get_image_model().objects.get(pk=pks["image"]),
        document=get_document_model().objects.get(pk=pks["document"]),
    )


# Each action does what the admin's button would and reads the answer as allow or deny.
# Where a refused request may still answer 302 (the editor's "publish" falls back to
# saving a draft), the page's state decides.


def explore(client, target):
    return outcome(client.get(reverse("wagtailadmin_explore", args=[target.home.pk])))


def add(client, target):
    url = reverse("wagtailadmin_pages:add", args=["news", "newspage", target.news_index.pk])
    return outcome(client.get(url))


def edit(client, target):
    return outcome(client.get(edit_url(target.live_news)))


def publish(client, target):
    page = target.draft_news
    data = {**news_form_data(page), "action-publish": "action-publish"}
    answer = outcome(client.post(edit_url(page), data))
    page.refresh_from_db()
    if page.live:
        assert answer == ALLOW
        return ALLOW
    return DENY


def unpublish(client, target):
    page = target.live_news
    answer = outcome(client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk])))
    page.refresh_from_db()
    assert page.live == (answer == DENY)
    return answer


def delete(client, target):
    page = target.draft_news
    answer = outcome(client.post(reverse("wagtailadmin_pages:delete", args=[page.pk])))
    assert Page.objects.filter(pk=page.pk).exists() == (answer == DENY)
    return answer


def move(client, target):
    return outcome(client.get(reverse("wagtailadmin_pages:move", args=[target.draft_news.pk])))


def copy(client, target):
    return outcome(client.get(reverse("wagtailadmin_pages:copy", args=[target.live_news.pk])))


def site_settings(client, target):
    url = reverse(
        "wagtailsettings:edit", args=["core", "brandingsettings", target.institution.site_id]
    )
    return outcome(client.get(url))


def choose_image(client, target):
    return outcome(client.get(reverse("wagtailimages_chooser:chosen", args=[target.image.pk])))


def choose_document(client, target):
    url = reverse("wagtaildocs_chooser:chosen", args=[target.document.pk])
    return outcome(client.get(url))


def institution_record(client, target):
    url = reverse("institutions:edit", args=[target.institution.pk])
    return outcome(client.get(url))


ACTIONS = {
    "explore": explore,
    "add": add,
    "edit": edit,
    "publish": publish,
    "unpublish": unpublish,
    "delete": delete,
    "move": move,
    "copy": copy,
    "settings": site_settings,
    "choose-image": choose_image,
    "choose-document": choose_document,
    "institution-record": institution_record,
}

# What an institution editor may do on its own site; on any other site, nothing.
EDITOR_OWN_SITE = {
    "explore": ALLOW,
    "add": ALLOW,
    "edit": ALLOW,
    # Publishing goes through the central team's approval.
    "publish": DENY,
    "unpublish": DENY,
    # Wagtail lets an editor without "publish" delete or move only what is not live.
    "delete": ALLOW,
    "move": ALLOW,
    "copy": ALLOW,
    "settings": DENY,
    "choose-image": ALLOW,
    "choose-document": ALLOW,
    "institution-record": DENY,
}


def expected(role: str, action: str, site: str) -> str:
    if role == "central":
        return ALLOW
    if OWN_SITE[role] == site:
        return EDITOR_OWN_SITE[action]
    return DENY


MATRIX = [
    pytest.param(
        role,
        action,
        site,
        expected(role, action, site),
        id=f"{role}/{action}/{site}/{expected(role, action, site)}",
    )
    for role in ROLES
    for site in SITE_KEYS
    for action in ACTIONS
]


@pytest.mark.parametrize(("role", "action", "site", "expectation"), MATRIX)
def test_permission_matrix(provisioned, client, role, action, site, expectation):
    user = get_user_model().objects.get(pk=provisioned["users"][role])
    client.force_login(user)
    target = load_target(provisioned["sites"][SITE_KEYS[site]])

    assert ACTIONS[action](client, target) == expectation


def internal_index_urls() -> list[str]:
    """The admin listings of the internal models that have one."""
    # Wagtail registers the view sets while loading the admin's URLconf.
    reverse("wagtailadmin_home")
    return [
        reverse(viewset.get_url_name("index"))
        for viewset in viewsets.viewsets
        if isinstance(viewset, ModelViewSet) and viewset.model_opts.label_lower in INTERNAL_MODELS
    ]


@pytest.mark.parametrize(
    ("role", "expectation"),
    [
        pytest.param("dgaspc-editor", DENY, id="dgaspc-editor/internal-plans/all-sites/deny"),
        pytest.param("politia-editor", DENY, id="politia-editor/internal-plans/all-sites/deny"),
        pytest.param("central", ALLOW, id="central/internal-plans/all-sites/allow"),
    ],
)
def test_internal_plans_listings(provisioned, client, role, expectation):
    client.force_login(get_user_model().objects.get(pk=provisioned["users"][role]))
    urls = internal_index_urls()
    assert urls, "no internal model has an admin listing"

    assert {url: outcome(client.get(url)) for url in urls} == dict.fromkeys(urls, expectation)
