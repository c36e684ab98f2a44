"""Country names of django-countries whose Romanian translation upstream is wrong.

django-countries ships a Romanian catalogue; these are the names it gets wrong: cedilla
letters (Franţa, Elveţia), a wrong country (the Republic of the Congo named as the
Democratic Republic), an old name (Swaziland for Eswatini), names it leaves in English
(North Macedonia, Saint Helena) or in a long official form where Romanian uses the short
one. django-countries shows a short common name where it has one (Brunei, Tanzania),
so the msgids below are the names it actually shows.
"""

from django.utils.translation import gettext_noop

COUNTRY_NAMES = (
    gettext_noop("Antigua and Barbuda"),
    gettext_noop("Bosnia and Herzegovina"),
    gettext_noop("Côte d'Ivoire"),
    gettext_noop("Croatia"),
    gettext_noop("France"),
    gettext_noop("French Southern Territories"),
    gettext_noop("Heard Island and McDonald Islands"),
    gettext_noop("Saint Kitts and Nevis"),
    gettext_noop("Saint Pierre and Miquelon"),
    gettext_noop("Saint Vincent and the Grenadines"),
    gettext_noop("Sao Tome and Principe"),
    gettext_noop("South Georgia and the South Sandwich Islands"),
    gettext_noop("Switzerland"),
    gettext_noop("Trinidad and Tobago"),
    gettext_noop("Turks and Caicos Islands"),
    gettext_noop("Wallis and Futuna"),
    gettext_noop("Congo"),
    gettext_noop("Norfolk Island"),
    gettext_noop("Virgin Islands (U.S.)"),
    gettext_noop("Falkland Islands (Malvinas)"),
    gettext_noop("North Macedonia"),
    gettext_noop("Bahamas (The)"),
    gettext_noop("Naoero"),
    gettext_noop("Réunion"),
    gettext_noop("Saint Helena"),
    gettext_noop("Taiwan"),
    gettext_noop("Eswatini"),
    gettext_noop("Czechia"),
)
