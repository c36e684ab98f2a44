"""GDPR tools of the contacts register: everything held about one person, exported from
every registered source, and erased (anonymised where a register must stay counted)."""

import datetime

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from site_s6.press.models import (
    AccreditationRequest,
    AlertDelivery,
    DistributionList,
    InformationRequest,
    Journalist,
    Outlet,
    Subscriber,
)
from site_s6.press.personal_data import personal_data_sources
from site_s6.press.services import accreditation_submit, request_register
from site_s6.press.services.contacts import person_erase, person_export
from tests.conftest import for_test

from .conftest import build_press_world

EMAIL = "elena.ciobanu@example.ro"
OTHER = "mihai@example.com"


def accreditation(world, email, name):
    return accreditation_submit(
        site=world["sites"]["main"],
        data={
            "name": name,
            "outlet": "Gazeta Vest",
            "role": "reporter",
            "email": email,
            "phone": "0722 000 000",
            "kind": "annual",
        },
        press_card=SimpleUploadedFile("card.pdf", b"%PDF-1.4 card", "application/pdf"),
    )


def build():
    world = build_press_world()
    outlet = Outlet.objects.create(name="Gazeta Vest", kind=Outlet.Kind.PRINT)
    with time_machine.travel(timezone.now() - datetime.timedelta(days=400), tick=False):
        elena = Journalist.objects.create(
            name="Elena Ciobanu", email=EMAIL, outlet=outlet, notes="Sună după ora 10."
        )
        Journalist.objects.create(name="Mihai Stan", email=OTHER, outlet=outlet)
    elena.beats.add("educație")
    DistributionList.objects.create(name="Presa scrisă").members.add(elena)
    # Her own accreditation, with another case of her address: found all the same.
    world["accreditation"] = accreditation(world, "Elena.Ciobanu@Example.ro", "Elena Ciobanu")
    world["other_accreditation"] = accreditation(world, OTHER, "Mihai Stan")
    subscriber = Subscriber.objects.create(
        email=EMAIL,
        site=world["sites"]["main"],
        kinds=["press_release"],
        confirmed_at=timezone.now(),
    )
    subscriber.sites.add(world["sites"]["main"])
    AlertDelivery.objects.create(
        page=world["release"], subscriber=subscriber, sent_at=timezone.now()
    )
    Subscriber.objects.create(email=OTHER, site=world["sites"]["main"], kinds=["news"])
    request_register(
        registry=world["institutions"]["main"],
        data={
            "channel": "email",
            "requester_name": "Elena Ciobanu",
            "requester_email": EMAIL,
            "requester_outlet": "Gazeta Vest",
            "subject": "Bugetul școlilor",
            "institution": world["institutions"]["main"],
        },
    )
    world["elena"] = elena
    return world


@pytest.fixture(scope="module")
def shared_world(module_db):
    return module_db(build)


@pytest.fixture
def world(db, shared_world):
    return for_test(shared_world)


def test_an_accreditation_request_counts_as_the_journalists_activity(world):
    elena = Journalist.objects.get(email=EMAIL)
    assert elena.last_activity_at == world["accreditation"].registered_at
    assert not elena.is_due_for_review


def test_the_export_holds_the_person_from_every_registered_source(world):
    document = person_export(journalist=Journalist.objects.get(email=EMAIL))
    assert document["email"] == EMAIL
    row = document["contacts_register"]
    assert (row["name"], row["outlet"], row["beats"]) == (
        "Elena Ciobanu",
        "Gazeta Vest",
        ["educație"],
    )
    assert row["notes"] == "Sună după ora 10."
    assert row["distribution_lists"] == ["Presa scrisă"]
    sources = document["sources"]
    assert set(sources) == {source.name for source in personal_data_sources()}
    assert {"accreditation_requests", "alert_subscriptions", "information_requests"} <= set(sources)
    assert [row["registration_number"] for row in sources["accreditation_requests"]] == [
        world["accreditation"].registration_number
    ]
    assert sources["alert_subscriptions"][0]["alerts_sent"] == 1
    assert sources["information_requests"][0]["subject"] == "Bugetul școlilor"
    # Nobody else's data.
    assert OTHER not in str(document) and "Mihai" not in str(document)


def test_erasing_removes_the_person_and_anonymises_what_stays_counted(
    world, django_capture_on_commit_callbacks
):
    card = world["accreditation"].press_card
    storage, card_name = card.storage, card.name
    assert storage.exists(card_name)
    accreditations = AccreditationRequest.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        changed = person_erase(journalist=Journalist.objects.get(email=EMAIL))
    assert changed["accreditation_requests"] == 1
    assert changed["alert_subscriptions"] == 1
    assert changed["information_requests"] == 0
    assert not Journalist.objects.filter(email=EMAIL).exists()
    assert not DistributionList.objects.get(name="Presa scrisă").members.exists()
    # The accreditation register keeps its number, without the person.
    assert AccreditationRequest.objects.count() == accreditations
    erased = AccreditationRequest.objects.get(pk=world["accreditation"].pk)
    assert (erased.name, erased.email, erased.phone, erased.press_card.name) == ("—", "", "", "")
    assert not storage.exists(card_name)
    assert not Subscriber.objects.filter(email=EMAIL).exists()
    assert not AlertDelivery.objects.filter(subscriber__email=EMAIL).exists()
    # The register of requests for information is kept by law.
    assert InformationRequest.objects.filter(requester_email=EMAIL).count() == 1
    for source in personal_data_sources():
        if source.name != "information_requests":
            assert source.export(EMAIL) == [], source.name
    # Everyone else is untouched.
    assert Journalist.objects.filter(email=OTHER).exists()
    assert AccreditationRequest.objects.get(pk=world["other_accreditation"].pk).email == OTHER
    assert Subscriber.objects.filter(email=OTHER).exists()
