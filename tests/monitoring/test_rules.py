"""The press review's small rules: folded phrase matching, canonical URLs, OPML."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from site_s6.monitoring.canonical import canonical_url
from site_s6.monitoring.matching import phrase_matches
from site_s6.monitoring.models import Clipping, Source
from site_s6.monitoring.opml import OPMLError, parse_opml


@pytest.mark.parametrize(
    "text",
    [
        "Primăria Sectorului 6 anunță",
        "PRIMARIA SECTORULUI 6 anunta",
        "primăria  sectorului\n6, ieri",
        "Comunicat (Primăria Sectorului 6)",
    ],
)
def test_a_phrase_matches_in_any_spelling(text):
    assert phrase_matches("Primăria Sectorului 6", text)


def test_cedilla_and_comma_below_letters_are_one_letter():
    assert phrase_matches("Poliția Locală", "Poliţia Locală a intervenit")
    assert phrase_matches("Poliţia Locală", "POLIȚIA LOCALĂ a intervenit")
    assert phrase_matches("Școala Gimnazială", "Şcoala gimnazială nr. 1")


@pytest.mark.parametrize(
    "text", ["Sectorul 61 are alegeri", "Subsectorul 6", "ADPS6", "Sectorul-6x"]
)
def test_a_phrase_matches_whole_words_only(text):
    assert not phrase_matches("Sectorul 6", text)
    assert not phrase_matches("ADP", "ADPS anunță")


def test_canonical_url_drops_tracking_and_fragment():
    assert (
        canonical_url("HTTPS://Ziar.Example/a/b?utm_source=fb&id=3&fbclid=x&UTM_Campaign=y#top")
        == "https://ziar.example/a/b?id=3"
    )
    assert canonical_url("https://ziar.example") == "https://ziar.example/"


@pytest.mark.django_db
def test_one_clipping_per_canonical_url():
    Clipping.objects.create(url="https://ziar.example/a?utm_medium=rss", title="A")
    assert Clipping.objects.get().url == "https://ziar.example/a"


OPML = """<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>Presa</title></head><body>
  <outline text="Naționale">
    <outline type="rss" text="Ziarul Național" xmlUrl="https://national.example/rss"
      htmlUrl="https://national.example/"/>
    <outline type="link" text="A plain link" url="https://link.example/"/>
  </outline>
  <outline text="Locale" title="Știri din Sectorul 6" xmlUrl="https://local.example/feed"/>
  <outline type="rss" text="FTP" xmlUrl="ftp://files.example/feed"/>
</body></opml>""".encode()

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<opml version="2.0"><body><outline text="&lol2;" xmlUrl="https://x.example/"/></body></opml>"""


def test_opml_lists_feeds_at_any_depth():
    assert parse_opml(OPML) == [
        {
            "name": "Ziarul Național",
            "feed_url": "https://national.example/rss",
            "site_url": "https://national.example/",
        },
        {"name": "Știri din Sectorul 6", "feed_url": "https://local.example/feed", "site_url": ""},
        {"name": "FTP", "feed_url": "ftp://files.example/feed", "site_url": ""},
    ]


@pytest.mark.parametrize("data", [BILLION_LAUGHS, b"<opml><body>", b"<html></html>"])
def test_opml_refuses_entities_and_what_is_not_opml(data):
    with pytest.raises(OPMLError):
        parse_opml(data)


@pytest.mark.django_db
def test_press_monitor_imports_and_exports_opml(tmp_path):
    Source.objects.create(name="Vechi", feed_url="https://local.example/feed", active=False)
    opml_file = tmp_path / "feeds.opml"
    opml_file.write_bytes(OPML)
    out, err = io.StringIO(), io.StringIO()

    # The report is translated; read it in English.
    with translation.override("en"):
        call_command("press_monitor", "--import-opml", str(opml_file), stdout=out, stderr=err)
        call_command("press_monitor", "--import-opml", str(opml_file), stdout=out, stderr=err)

    assert "1 added, 1 updated, 1 skipped" in out.getvalue()
    assert "0 added, 2 updated, 1 skipped" in out.getvalue()
    assert "ftp://files.example/feed" in err.getvalue()
    assert sorted(Source.objects.values_list("feed_url", "name", "site_url", "active")) == [
        ("https://local.example/feed", "Știri din Sectorul 6", "", True),
        ("https://national.example/rss", "Ziarul Național", "https://national.example/", True),
    ]

    exported = tmp_path / "out.opml"
    call_command("press_monitor", "--export-opml", str(exported), stdout=io.StringIO())
    # In the database's order of names, which depends on its collation.
    assert sorted(parse_opml(exported.read_bytes()), key=lambda feed: feed["feed_url"]) == [
        {"name": "Știri din Sectorul 6", "feed_url": "https://local.example/feed", "site_url": ""},
        {
            "name": "Ziarul Național",
            "feed_url": "https://national.example/rss",
            "site_url": "https://national.example/",
        },
    ]


@pytest.mark.django_db
def test_press_monitor_refuses_a_bad_file(tmp_path):
    bad = tmp_path / "bad.opml"
    bad.write_bytes(BILLION_LAUGHS)
    with pytest.raises(CommandError):
        call_command("press_monitor", "--import-opml", str(bad))
    with pytest.raises(CommandError):
        call_command("press_monitor")
    assert not Source.objects.exists()


def test_chart_coordinates_are_whole_numbers():
    from site_s6.monitoring.coverage import CoverageRow, chart

    rows = [CoverageRow("release", pk, "T" * 50, pk, 0, 0, 0) for pk in (7, 3, 1)]
    geometry = chart(rows)

    # A decimal written by the admin's locale ("15,4") would be two SVG coordinates.
    numbers = [value for bar in geometry["bars"] for key, value in bar.items() if key != "row"]
    assert all(isinstance(value, int) for value in numbers if not isinstance(value, str))
    assert [bar["width"] for bar in geometry["bars"]] == sorted(
        (bar["width"] for bar in geometry["bars"]), reverse=True
    )
    assert all(len(bar["label"]) <= 32 for bar in geometry["bars"])
