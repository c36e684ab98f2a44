"""Words and phrases the generated pages are made of, in Romanian with English alongside.

Every entry is a ``(romanian, english)`` pair, so that a page and its English translation
say the same thing. The phrases are written for this generator; none are taken from the
department's own texts.
"""

from subsites.models import Institution

# The institutions of the load-test tree: (name, short name, hostname prefix, kind).
INSTITUTIONS = [
    ("Primăria Sectorului 6", "Primăria S6", "primarie6", Institution.Kind.CITY_HALL),
    (
        "Direcția Generală de Asistență Socială și Protecția Copilului Sector 6",
        "DGASPC Sector 6",
        "dgaspc6",
        Institution.Kind.SUBORDINATE,
    ),
    ("Poliția Locală Sector 6", "Poliția Locală S6", "politia6", Institution.Kind.SUBORDINATE),
    (
        "Administrația Domeniului Public Sector 6",
        "ADP Sector 6",
        "adp6",
        Institution.Kind.SUBORDINATE,
    ),
    ("Centrul Cultural Sector 6", "Cultura S6", "cultura6", Institution.Kind.SUBORDINATE),
    (
        "Direcția de Impozite și Taxe Locale Sector 6",
        "DITL Sector 6",
        "taxe6",
        Institution.Kind.SUBORDINATE,
    ),
    (
        "Direcția Generală de Evidență a Persoanelor Sector 6",
        "DGEP Sector 6",
        "evidenta6",
        Institution.Kind.SUBORDINATE,
    ),
    ("Administrația Piețelor Sector 6", "Piețe S6", "piete6", Institution.Kind.SUBORDINATE),
    (
        "Administrația Unităților de Învățământ Sector 6",
        "Școli S6",
        "scoli6",
        Institution.Kind.SUBORDINATE,
    ),
    ("Complexul Sportiv Sector 6", "Sport S6", "sport6", Institution.Kind.SUBORDINATE),
    (
        "Direcția de Sănătate Publică Sector 6",
        "Sănătate S6",
        "sanatate6",
        Institution.Kind.SUBORDINATE,
    ),
    ("Direcția de Urbanism Sector 6", "Urbanism S6", "urbanism6", Institution.Kind.SUBORDINATE),
]

PLACES = [
    ("Drumul Taberei", "Drumul Taberei"),
    ("Militari", "Militari"),
    ("Crângași", "Crângași"),
    ("Giulești", "Giulești"),
    ("Ghencea", "Ghencea"),
    ("Regie", "Regie"),
    ("Grozăvești", "Grozăvești"),
    ("Lujerului", "Lujerului"),
    ("Gorjului", "Gorjului"),
    ("Pacii", "Pacii"),
    ("Preciziei", "Preciziei"),
    ("Virtuții", "Virtuții"),
    ("Valea Ialomiței", "Valea Ialomiței"),
    ("Apusului", "Apusului"),
    ("Moinești", "Moinești"),
    ("Brâncuși", "Brâncuși"),
]

THINGS = [
    ("parcul", "the park"),
    ("locul de joacă", "the playground"),
    ("piața agroalimentară", "the food market"),
    ("biblioteca de cartier", "the neighbourhood library"),
    ("trotuarele", "the pavements"),
    ("iluminatul public", "the street lighting"),
    ("centrul de zi pentru vârstnici", "the day centre for older people"),
    ("grădinița", "the kindergarten"),
    ("școala gimnazială", "the secondary school"),
    ("parcarea de reședință", "the residents' car park"),
    ("pista de biciclete", "the cycle lane"),
    ("stația de autobuz", "the bus stop"),
    ("spațiile verzi", "the green spaces"),
    ("sala de sport", "the sports hall"),
    ("dispensarul", "the clinic"),
    ("bazinul de înot", "the swimming pool"),
    ("centrul de tineret", "the youth centre"),
    ("cantina socială", "the social canteen"),
    ("adăpostul de urgență", "the emergency shelter"),
    ("aleile pietonale", "the footpaths"),
]

SERVICES = [
    ("colectare selectivă", "separate waste collection"),
    ("vaccinare antigripală", "flu vaccination"),
    ("consiliere pentru părinți", "advice for parents"),
    ("îngrijire la domiciliu", "home care"),
    ("patrulare de proximitate", "neighbourhood patrols"),
    ("deszăpezire", "snow clearing"),
    ("plantare de arbori", "tree planting"),
    ("alfabetizare digitală", "digital skills"),
    ("tabere de vară", "summer camps"),
    ("sprijin pentru persoanele vârstnice", "support for older people"),
    ("prevenire a abandonului școlar", "school drop-out prevention"),
    ("eliberare a actelor de identitate", "identity card issuing"),
    ("plată online a taxelor locale", "online payment of local taxes"),
    ("screening medical gratuit", "free health screening"),
    ("activități sportive pentru copii", "sports for children"),
    ("ateliere de lectură", "reading workshops"),
]

# News titles: {thing}, {place}, {service}, {institution} are filled in.
NEWS_TITLES = [
    ("Încep lucrările la {thing} din {place}", "Works begin on {thing} in {place}"),
    ("{institution} modernizează {thing} din {place}", "{institution} upgrades {thing} in {place}"),
    ("Consultare publică privind {thing} din {place}", "Public consultation on {thing} in {place}"),
    ("Program nou de {service} în {place}", "A new {service} programme in {place}"),
    ("Se redeschide {thing} din {place}", "{thing_cap} in {place} reopens"),
    ("Program extins de {service} în tot sectorul", "{service_cap} extended across the sector"),
    (
        "Rezultatele campaniei de {service} din {place}",
        "Results of the {service} campaign in {place}",
    ),
    ("Investiție nouă: {thing} din {place}", "New investment: {thing} in {place}"),
    ("Restricții temporare de circulație în {place}", "Temporary traffic restrictions in {place}"),
    ("Înscrieri deschise pentru {service}", "Registration open for {service}"),
    ("Acțiune de control în {place}", "Inspection operation in {place}"),
    ("Voluntari pentru {thing} din {place}", "Volunteers for {thing} in {place}"),
]

EVENT_TITLES = [
    ("press_conference", "Conferință de presă: {service}", "Press conference: {service}"),
    (
        "briefing",
        "Briefing de presă despre {thing} din {place}",
        "Press briefing on {thing} in {place}",
    ),
    ("interview", "Interviu despre {service}", "Interview on {service}"),
    ("public_event", "Zi deschisă la {thing} din {place}", "Open day at {thing} in {place}"),
    ("public_event", "Festivalul cartierului {place}", "The {place} neighbourhood festival"),
    ("ceremony", "Inaugurarea: {thing} din {place}", "Opening of {thing} in {place}"),
    ("other", "Dezbatere publică: {service}", "Public debate: {service}"),
]

VENUES = [
    ("Sala de consiliu a Primăriei Sectorului 6", "Calea Plevnei 147-149"),
    ("Centrul Cultural Sector 6", "Bulevardul Iuliu Maniu 15"),
    ("Parcul Drumul Taberei", "Strada Brașov 1"),
    ("Parcul Crângași", "Calea Crângași 52"),
    ("Biblioteca de cartier Militari", "Bulevardul Uverturii 30"),
    ("Complexul Sportiv Sector 6", "Strada Valea Cascadelor 2"),
    ("Piața Gorjului", "Bulevardul Iuliu Maniu 92"),
]

CAMPAIGN_NAMES = [
    ("Sector 6 curat", "A clean Sector 6"),
    ("Mergi pe bicicletă", "Ride a bike"),
    ("Vaccinează-te", "Get vaccinated"),
    ("Reciclează în cartierul tău", "Recycle in your neighbourhood"),
    ("Siguranță pe drumul spre școală", "Safe way to school"),
    ("Vecini buni", "Good neighbours"),
    ("Plătește online", "Pay online"),
    ("Citește cu copilul tău", "Read with your child"),
    ("Un copac pentru fiecare bloc", "A tree for every block"),
    ("Iarnă fără griji", "A worry-free winter"),
]

KEY_MESSAGES = [
    ("Fiecare gest contează.", "Every gesture counts."),
    ("Informațiile complete sunt pe site-ul instituției.", "Full details are on our website."),
    ("Participarea este gratuită.", "Taking part is free."),
    ("Sună la numărul unic pentru detalii.", "Call the single number for details."),
    ("Împreună facem cartierul mai bun.", "Together we make the neighbourhood better."),
    ("Programul se desfășoară în toate cartierele.", "The programme runs in every district."),
]

VISIT_CITIES = [
    # (city ro, city en, country code, organisation)
    ("Chișinău", "Chișinău", "MD", "Primăria Municipiului Chișinău"),
    ("Sofia", "Sofia", "BG", "Municipalitatea Sofia"),
    ("Budapesta", "Budapest", "HU", "Primăria Budapesta"),
    ("Viena", "Vienna", "AT", "Districtul Penzing"),
    ("Varșovia", "Warsaw", "PL", "Primăria Varșovia"),
    ("Lyon", "Lyon", "FR", "Métropole de Lyon"),
    ("Torino", "Turin", "IT", "Comune di Torino"),
    ("Atena", "Athens", "GR", "Municipalitatea Atena"),
    ("Praga", "Prague", "CZ", "Praha 6"),
    ("Cluj-Napoca", "Cluj-Napoca", "RO", "Primăria Cluj-Napoca"),
    ("Iași", "Iași", "RO", "Primăria Iași"),
    ("Timișoara", "Timișoara", "RO", "Primăria Timișoara"),
    ("Brașov", "Brașov", "RO", "Primăria Brașov"),
    ("Constanța", "Constanța", "RO", "Primăria Constanța"),
]

FIRST_NAMES = [
    "Andrei", "Elena", "Mihai", "Ioana", "Cristian", "Maria", "Alexandru", "Ana", "Bogdan",
    "Raluca", "Dan", "Irina", "Florin", "Simona", "Gabriel", "Oana", "Radu", "Laura",
]  # fmt: skip
LAST_NAMES = [
    "Popescu", "Ionescu", "Dumitrescu", "Stan", "Stoica", "Gheorghe", "Marin", "Tudor",
    "Constantin", "Dinu", "Munteanu", "Lazăr", "Florea", "Neagu", "Ene", "Barbu",
]  # fmt: skip
ROLES = [
    ("primar", "mayor"),
    ("viceprimar", "deputy mayor"),
    ("consilier local", "local councillor"),
    ("director general", "director general"),
    ("purtător de cuvânt", "spokesperson"),
    ("arhitect-șef", "chief architect"),
]

# Sentences of the leads and bodies; {n} is a small number.
SENTENCES = [
    (
        "Lucrările vor dura {n} săptămâni și sunt finanțate din bugetul local.",
        "The works will take {n} weeks and are paid for from the local budget.",
    ),
    (
        "Locuitorii pot trimite propuneri timp de {n} zile.",
        "Residents can send proposals for {n} days.",
    ),
    (
        "Proiectul face parte din programul de dezvoltare a sectorului.",
        "The project is part of the sector's development programme.",
    ),
    (
        "Echipele instituției vor fi prezente pe teren în fiecare zi lucrătoare.",
        "The institution's teams will be on site every working day.",
    ),
    (
        "Accesul se face pe bază de programare, de luni până vineri.",
        "Access is by appointment, Monday to Friday.",
    ),
    (
        "Până acum au beneficiat de program peste {n} de familii.",
        "More than {n} families have benefited from the programme so far.",
    ),
    (
        "Detaliile sunt afișate la sediul instituției și pe site.",
        "Details are posted at the institution's offices and on the website.",
    ),
    (
        "Circulația rutieră va fi deviată pe străzile din apropiere.",
        "Traffic will be diverted through the nearby streets.",
    ),
    (
        "Activitățile sunt gratuite și deschise tuturor locuitorilor.",
        "The activities are free and open to every resident.",
    ),
    (
        "Rezultatele vor fi prezentate într-o ședință publică.",
        "The results will be presented at a public meeting.",
    ),
    (
        "Au fost montate {n} de bănci noi și coșuri de gunoi.",
        "{n} new benches and bins have been installed.",
    ),
    (
        "Solicitările se depun la registratura generală sau online.",
        "Requests can be filed at the general registry or online.",
    ),
]

TAGS = [
    "parcuri", "școli", "transport", "mediu", "sănătate", "asistență socială", "cultură",
    "sport", "siguranță publică", "investiții", "consultare publică", "taxe locale",
    "tineret", "vârstnici", "copii", "iluminat", "reciclare", "trafic", "voluntariat",
    "digitalizare", "urbanism", "piețe", "biblioteci", "evenimente", "deszăpezire",
    "spații verzi", "locuri de joacă", "biciclete", "energie", "buget",
]  # fmt: skip
