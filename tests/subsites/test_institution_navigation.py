"""The city hall's site links to its institutions' sites, from the institutions register."""

import re

from django.utils import translation

from subsites.models import Institution
from subsites.navigation import institution_links

from .conftest import SITES

HOSTS = {key: hostname for key, (_name, _short, hostname, _kind) in SITES.items()}


def footer_links(client, key, path="/") -> dict[str, str]:
    """The institutions' links in the footer of ``path`` on the site ``key``: name → URL."""
    response = client.get(path, HTTP_HOST=HOSTS[key])
    assert response.status_code == 200
    html = response.content.decode()
    section = re.search(
        r'<section[^>]*aria-labelledby="footer-institutions-heading">(.*?)</section>', html, re.S
    )
    if section is None:
        return {}
    return {
        name.strip(): url
        for url, name in re.findall(r'<a href="([^"]+)"[^>]*>(.*?)</a>', section.group(1))
    }


def test_the_city_halls_pages_link_every_institutions_home_page(client, institutions):
    assert footer_links(client, "main") == {
        "DGASPC Sector 6": f"http://{HOSTS['dgaspc']}/",
        "Poliția Locală Sector 6": f"http://{HOSTS['politia']}/",
    }
    # On every page of the site, not only its home page.
    assert footer_links(client, "main", "/stiri/") == footer_links(client, "main")


def test_in_english_the_links_lead_to_the_english_home_pages(client, institutions):
    assert footer_links(client, "main", "/en/") == {
        "DGASPC Sector 6": f"http://{HOSTS['dgaspc']}/en/",
        "Poliția Locală Sector 6": f"http://{HOSTS['politia']}/en/",
    }


def test_an_institutions_site_shows_no_such_block(client, institutions):
    assert footer_links(client, "dgaspc") == {}
    assert footer_links(client, "politia") == {}


def test_a_deactivated_institution_leaves_the_list(client, institutions):
    assert "Poliția Locală Sector 6" in footer_links(client, "main")
    politia = Institution.objects.get(slug="politia-locala")
    politia.is_active = False
    politia.save()
    assert footer_links(client, "main") == {"DGASPC Sector 6": f"http://{HOSTS['dgaspc']}/"}


def test_a_renamed_institution_is_listed_by_its_new_name(client, institutions):
    footer_links(client, "main")  # the links (and the page) are cached
    dgaspc = Institution.objects.get(slug="dgaspc")
    dgaspc.name = "Direcția Generală de Asistență Socială Sector 6"
    dgaspc.save()
    assert "Direcția Generală de Asistență Socială Sector 6" in footer_links(client, "main")


def test_an_institutions_site_on_a_port_is_linked_on_it(client, institutions):
    site = institutions["dgaspc"].site
    site.port = 8123
    site.save()
    assert footer_links(client, "main")["DGASPC Sector 6"] == f"http://{HOSTS['dgaspc']}:8123/"


def test_the_links_are_worked_out_once_per_generation(institutions, django_assert_num_queries):
    main = institutions["main"].site
    with translation.override("ro"):
        first = institution_links(site_id=main.pk, language_code="ro")
        with django_assert_num_queries(0):
            assert institution_links(site_id=main.pk, language_code="ro") == first
