"""Contact people: each institution edits its own, and a release or event shows its contact."""

import pytest
from django.urls import reverse
from wagtail.permissions import policy_registry

from site_s6.core.models import ContactPerson
from site_s6.events.models import EventIndexPage
from tests.factories import EventPageFactory
from tests.subsites.conftest import published

pytestmark = pytest.mark.django_db


@pytest.fixture
def contacts(world):
    return {
        key: ContactPerson.objects.create(
            name=f"Purtător {key}",
            role="Purtător de cuvânt",
            phone="021 000 00 00",
            email=f"presa@{key}.example",
            site=world[key].site,
        )
        for key in ("dgaspc", "politia")
    }


def refused(response) -> bool:
    """Wagtail's admin answers a PermissionDenied with a redirect to the dashboard."""
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def url(name, *args):
    return reverse(f"wagtailsnippets_core_contactperson:{name}", args=args)


def test_an_editor_lists_and_edits_only_the_contacts_of_their_site(client, users, contacts):
    client.force_login(users["dgaspc-editor"])
    listing = client.get(url("list"))
    assert listing.status_code == 200
    assert "Purtător dgaspc" in listing.content.decode()
    assert "Purtător politia" not in listing.content.decode()

    assert client.get(url("edit", contacts["dgaspc"].pk)).status_code == 200
    assert refused(client.get(url("edit", contacts["politia"].pk)))
    assert refused(client.post(url("delete", contacts["politia"].pk)))
    assert ContactPerson.objects.filter(pk=contacts["politia"].pk).exists()


def test_an_editor_files_a_new_contact_under_their_own_site_only(client, users, world):
    client.force_login(users["dgaspc-editor"])
    form = client.get(url("add")).context["form"]
    assert list(form.fields["site"].queryset) == [world["dgaspc"].site]

    response = client.post(url("add"), {"name": "Intrus", "site": world["politia"].site.pk})
    assert response.status_code == 200  # the form again, with the error
    assert not ContactPerson.objects.filter(name="Intrus").exists()
    client.post(url("add"), {"name": "Al nostru", "site": world["dgaspc"].site.pk})
    assert ContactPerson.objects.get(name="Al nostru").site == world["dgaspc"].site


def test_the_central_team_sees_every_sites_contacts(client, users, contacts):
    client.force_login(users["central"])
    listing = client.get(url("list")).content.decode()
    assert "Purtător dgaspc" in listing and "Purtător politia" in listing
    assert client.get(url("edit", contacts["politia"].pk)).status_code == 200


def test_provisioning_lets_editors_manage_contacts(users):
    editor = users["dgaspc-editor"]
    assert editor.has_perm("core.add_contactperson")
    assert editor.has_perm("core.change_contactperson")


def test_a_release_with_a_contact_shows_the_press_contact_and_carries_it_in_the_api(
    client, world, contacts
):
    news = world["dgaspc"].live_news
    news.contact_person = contacts["dgaspc"]
    published(news)
    host = world["dgaspc"].site.hostname

    html = client.get(news.relative_url(world["dgaspc"].site), HTTP_HOST=host).content.decode()
    assert 'class="article__contact"' in html
    assert "Purtător dgaspc" in html and "tel:" in html

    body = client.get(f"/api/v3/news/{news.pk}/", {"site": host}).json()
    assert body["contact_person"] == {
        "name": "Purtător dgaspc",
        "role": "Purtător de cuvânt",
        "email": "presa@dgaspc.example",
        "phone": "021 000 00 00",
    }


def test_an_event_with_a_contact_shows_it_and_carries_it_in_the_api(client, world, contacts):
    site = world["dgaspc"].site
    index = EventIndexPage.objects.child_of(world["dgaspc"].home).get()
    event = EventPageFactory(parent=index, title="Conferință", live=False)
    event.contact_person = contacts["dgaspc"]
    published(event)

    html = client.get(event.relative_url(site), HTTP_HOST=site.hostname).content.decode()
    assert 'class="article__contact"' in html and "Purtător dgaspc" in html

    body = client.get(f"/api/v3/events/{event.pk}/", {"site": site.hostname}).json()
    assert body["contact_person"]["name"] == "Purtător dgaspc"


def test_a_release_without_a_contact_has_no_press_contact_block(client, world):
    news = world["dgaspc"].live_news
    site = world["dgaspc"].site
    html = client.get(news.relative_url(site), HTTP_HOST=site.hostname).content.decode()
    assert 'class="article__contact"' not in html


def test_the_models_permission_policy_keeps_an_editor_to_their_site(users, contacts):
    policy = policy_registry.get_by_type(ContactPerson)
    editor, central = users["dgaspc-editor"], users["central"]
    assert policy.user_has_permission_for_instance(editor, "change", contacts["dgaspc"])
    assert not policy.user_has_permission_for_instance(editor, "change", contacts["politia"])
    assert not policy.user_has_permission_for_instance(editor, "delete", contacts["politia"])
    assert list(policy.instances_user_has_permission_for(editor, "change")) == [contacts["dgaspc"]]
    assert policy.user_has_permission_for_instance(central, "change", contacts["politia"])
