"""Demo content of the practice database, written for the demo.

Texts are plain: lines within a paragraph are joined, paragraphs are separated by an empty
line. The municipalities are real; what the entries say about them is illustration, and
every address is a functional one on an example domain (see practices/demo.py).

Each "applied in" entry is (municipality, province, mailbox, how they do it, partners); the
mailbox gives the functional address <mailbox>@<municipality>.example and the website, or
None for an entry without contact data.
"""

VB = "vlaams-brabant"
ANT = "antwerpen"
OVL = "oost-vlaanderen"
WVL = "west-vlaanderen"
LIM = "limburg"

CATEGORIES = [
    ("onthaalbeleid", "Onthaalbeleid",
     "Hoe een gemeente nieuwe inwoners verwelkomt en wegwijs maakt."),
    ("instroom-en-monitoring", "Instroom en monitoring",
     "Cijfers over wie er nieuw komt wonen en wat de gemeente daaruit leert."),
    ("taal-en-oefenkansen", "Taal en oefenkansen",
     "Nederlands leren en vooral: het buiten de les kunnen oefenen."),
    ("toeleiding-en-ketenaanpak", "Toeleiding en ketenaanpak",
     "Mensen bij de juiste dienst of partner brengen en hen daarna opvolgen."),
    ("participatie-en-vrije-tijd", "Participatie en vrije tijd",
     "Meedoen in verenigingen, sport, cultuur en het buurtleven."),
    ("samenwerking-tussen-gemeenten", "Samenwerking tussen gemeenten",
     "Gemeenten die personeel, kennis of materiaal delen."),
]

POLICY_DOMAINS = [
    ("burgerzaken", "Burgerzaken"),
    ("onderwijs", "Onderwijs"),
    ("taal", "Taal"),
    ("vrije-tijd", "Vrije tijd"),
    ("wonen", "Wonen"),
    ("werk", "Werk"),
    ("welzijn", "Welzijn"),
    ("gezondheid", "Gezondheid"),
    ("integratie", "Integratie"),
]

TARGET_GROUPS = [
    ("nieuwe-inwoners-buitenlandse-herkomst", "Nieuwe inwoners van buitenlandse herkomst"),
    ("anderstalige-gezinnen-met-kinderen", "Anderstalige gezinnen met kinderen"),
    ("nieuwkomers-uit-brussel", "Nieuwkomers uit Brussel"),
    ("werkzoekende-nieuwkomers", "Werkzoekende nieuwkomers"),
    ("baliemedewerkers-en-partners", "Baliemedewerkers en partners"),
    ("beleidsmakers", "Beleidsmakers en lokale besturen"),
]

# Dates are counted back from the day the demo is loaded, so the listing always has recent
# and older fiches and the review reminder always has work (reviewed more than 365 days ago,
# or never and published long ago).
FICHES = [
    {
        "slug": "instroommeting",
        "title": "Instroommeting: elke maand zicht op wie er komt wonen",
        "intro": """
            De gemeente haalt elke maand een lijst van alle nieuwe inwoners uit het
            Rijksregister. Die lijst levert cijfers voor het beleid en is meteen de
            contactlijst van de toeleiders.""",
        "category": "instroom-en-monitoring",
        "domains": ["burgerzaken", "integratie"],
        "groups": ["nieuwe-inwoners-buitenlandse-herkomst", "nieuwkomers-uit-brussel"],
        "start_year": 2015,
        "published_days_ago": 1405,
        "updated_days_ago": 410,
        "reviewed_days_ago": 430,
        "image": True,
        "goals": """
            Weten hoeveel mensen er elke maand bijkomen, met welke leeftijd, nationaliteit
            en herkomst.

            Elke nieuwe inwoner snel uitnodigen, zonder te wachten tot die zelf de weg vindt.""",
        "description": """
            Burgerzaken trekt elke maand een lijst van wie zich de voorbije maand in de
            gemeente vestigde: datum van aankomst, leeftijd, geslacht, nationaliteit,
            herkomst en contactgegevens. Vooraf is vastgelegd wie de lijst mag inzien en
            hoelang ze bewaard blijft.

            De integratiedienst berekent er het aandeel nieuwe inwoners met een andere
            nationaliteit en met een buitenlandse herkomst uit, per maand en per
            deelgemeente. Dezelfde lijst gaat naar de toeleiders. Zij sturen een brief,
            bellen wie niet reageert en spreken mensen aan als ze aan de balie komen.""",
        "success_factors": """
            Een vaste afspraak met burgerzaken: wie trekt de lijst, en op welke dag.

            Een eenvoudig sjabloon, zodat de maanden vergelijkbaar blijven.

            Een duidelijke bewaartermijn: de contactgegevens verdwijnen, de tellingen blijven.""",
        "challenges": """
            Herkomst zegt niets over taal. De lijst toont wie er komt, niet wie
            ondersteuning nodig heeft; dat blijkt pas in het gesprek.""",
        "results": """
            In een gemeente van 40.000 inwoners staan er elke maand 120 tot 180 namen op de
            lijst, ongeveer de helft van buitenlandse herkomst. Elke nieuwe inwoner krijgt
            nu binnen vier weken een uitnodiging.""",
        "applied_in": [
            ("Dilbeek", VB, "integratie",
             "Maandelijkse lijst, die dezelfde week nog naar de twee toeleiders gaat.",
             "Burgerzaken, ICT-dienst"),
            ("Leuven", VB, "onthaal",
             "Cijfers per wijk, twee keer per jaar besproken met de partners.",
             "Burgerzaken, Agentschap Integratie en Inburgering"),
            ("Mechelen", ANT, "diversiteit",
             "De lijst voedt ook een jaarlijks overzicht voor de gemeenteraad.", "Burgerzaken"),
            ("Ninove", OVL, "welkom",
             "Nieuwe inwoners komen automatisch op de belijst van de toeleider.",
             "Burgerzaken, Sociaal Huis"),
            ("Vilvoorde", VB, None,
             "Telt apart wie uit Brussel verhuist.", "Burgerzaken"),
            ("Herentals", ANT, "wegwijzer",
             "De lijst van zeven gemeenten komt samen bij het gedeelde team.",
             "Grobbendonk, Olen, Vorselaar, Kasterlee, Lille, Herenthout"),
        ],
        "related": ["beleidssignalen-schepencollege", "welkomstbrief-en-pakket",
                    "gedeelde-toeleiders-cluster"],
    },
    {
        "slug": "onthaalgesprekken",
        "title": "Onthaalgesprekken voor nieuwe inwoners",
        "intro": """
            Een gratis, vrijwillig gesprek van een uur met een toeleider. Nieuwe inwoners
            krijgen er antwoord op hun vragen en worden meteen doorverwezen naar wie hen
            verder helpt.""",
        "category": "onthaalbeleid",
        "domains": ["integratie", "taal", "welzijn", "werk"],
        "groups": ["nieuwe-inwoners-buitenlandse-herkomst", "anderstalige-gezinnen-met-kinderen",
                   "werkzoekende-nieuwkomers"],
        "start_year": 2014,
        "published_days_ago": 1290,
        "updated_days_ago": 95,
        "reviewed_days_ago": 95,
        "image": True,
        "goals": """
            Elke nieuwe inwoner die het wil, een persoonlijk gesprek aanbieden in een taal
            die hij begrijpt.

            Zo veel mogelijk mensen naar lessen en oefenkansen Nederlands leiden.""",
        "description": """
            Het gesprek vindt plaats in het gemeentehuis, aan huis of in een lokaal van een
            partner. De toeleider overloopt vaste thema's: Nederlands leren en oefenen,
            administratie, werk, kinderopvang en school, vrije tijd. Op vraag komen ook
            wonen, gezondheid, afval of rechten en plichten aan bod.

            Vaak opent een concreet probleem het gesprek, zoals een brief die iemand niet
            begrijpt. De toeleider helpt, maakt afspraken bij partners en noteert de vragen
            zonder namen, voor de beleidssignalen.""",
        "success_factors": """
            Eén vast aanspreekpunt dat mensen later terug kunnen bellen.

            Gesprekken in klare taal of met een tolk, en duidelijk zeggen dat hulp in de
            eigen taal tijdelijk is.""",
        "challenges": """
            Wie werkt, heeft overdag weinig tijd: avondmomenten zijn nodig.""",
        "results": """
            Na twee jaar houden de toeleiders zo'n 30 gesprekken per maand. Negen op de tien
            deelnemers gaan naar lessen of oefenkansen Nederlands.""",
        "applied_in": [
            ("Affligem", VB, "onthaal", "Gesprekken op afspraak in het Sociaal Huis.",
             "Sociaal Huis"),
            ("Liedekerke", VB, "onthaal", "Gesprek aan huis voor gezinnen met jonge kinderen.",
             "Huis van het Kind"),
            ("Beersel", VB, "integratie",
             "Na zes maanden plant de toeleider altijd een opvolggesprek.",
             "Huis van het Nederlands, VDAB"),
            ("Halle", VB, "welkom", "Ook op zaterdagvoormiddag.", "Bibliotheek"),
            ("Machelen", VB, None, "Gesprekken met een tolk via de telefoon.", ""),
            ("Maldegem", OVL, "onthaal", "Gekoppeld aan de welkomstbrief.", "OCMW"),
            ("Ternat", VB, "onthaal", "Ook voor wie uit Brussel komt.", "Sociaal Huis"),
        ],
        "related": ["keten-van-onthaal", "onthaal-in-contacttalen", "oefenkansen-nederlands"],
    },
    {
        "slug": "keten-van-onthaal",
        "title": "Keten van onthaal: van inschrijving tot opvolging",
        "intro": """
            Alle diensten die een nieuwkomer ontmoet, spreken samen af wie wat doet: van
            de inschrijving aan de balie tot de opvolging na een doorverwijzing. Zo valt
            niemand tussen twee stoelen.""",
        "category": "toeleiding-en-ketenaanpak",
        "domains": ["burgerzaken", "integratie", "welzijn", "werk"],
        "groups": ["nieuwe-inwoners-buitenlandse-herkomst", "baliemedewerkers-en-partners"],
        "start_year": 2016,
        "published_days_ago": 1180,
        "updated_days_ago": 240,
        "reviewed_days_ago": 240,
        "image": False,
        "goals": """
            Eén duidelijke weg voor elke nieuwkomer, met vaste schakels en vaste
            verantwoordelijken.""",
        "description": """
            De keten heeft zes schakels. De gemeente meet elke maand de instroom. De balies
            verwijzen door met afgesproken indicatoren. De toeleider voert het
            onthaalgesprek. Daarna volgt een actieve toeleiding naar partners: het
            Agentschap Integratie en Inburgering, het Huis van het Nederlands, VDAB of het
            Sociaal Huis. De toeleider volgt op of de afspraak doorging. Tot slot bundelt de
            dienst de vragen tot beleidssignalen.

            In een lokaal plan van aanpak staat per schakel welke dienst of partner
            verantwoordelijk is.""",
        "success_factors": """
            Een stuurgroep met alle partners die twee keer per jaar samenkomt.

            Korte lijnen: elke partner heeft een vaste contactpersoon voor de toeleider.""",
        "challenges": """
            Partners tellen elk op hun eigen manier. Afspraken over wat je telt, zijn nodig
            voor je resultaten kunt vergelijken.

            Personeelswissels aan de balie: de afspraken moeten telkens opnieuw uitgelegd
            worden.""",
        "results": """
            Het aandeel doorverwijzingen waarvan de toeleider weet of ze gelukt zijn, steeg
            in twee jaar van ongeveer 40 naar 85 procent.""",
        "applied_in": [
            ("Sint-Pieters-Leeuw", VB, "integratie",
             "Volledige keten, uitgeschreven in het lokaal plan van aanpak.",
             "Agentschap Integratie en Inburgering, VDAB, Sociaal Huis"),
            ("Dilbeek", VB, "integratie",
             "Keten met vaste opvolging na drie maanden.", "Huis van het Nederlands"),
            ("Asse", VB, "onthaal",
             "Start met de schakels balie en onthaalgesprek.", "OCMW, wijkagenten"),
        ],
        "related": ["doorverwijsindicatoren-balie", "toeleider-zitdagen-burgerzaken",
                    "onthaalgesprekken"],
    },
    {
        "slug": "toeleider-zitdagen-burgerzaken",
        "title": "Toeleider met zitdagen aan de balie van burgerzaken",
        "intro": """
            Op vaste dagen zit een toeleider naast de balie van burgerzaken. Wie zich komt
            inschrijven, maakt meteen kennis, zonder extra afspraak of brief.""",
        "category": "toeleiding-en-ketenaanpak",
        "domains": ["burgerzaken", "integratie"],
        "groups": ["nieuwe-inwoners-buitenlandse-herkomst", "baliemedewerkers-en-partners"],
        "start_year": 2015,
        "published_days_ago": 1100,
        "updated_days_ago": 520,
        "reviewed_days_ago": 520,
        "image": True,
        "goals": """
            Nieuwkomers bereiken op het moment dat ze toch al in het gemeentehuis zijn.

            De drempel naar een onthaalgesprek zo laag mogelijk maken.""",
        "description": """
            De toeleider heeft een eigen tafel in de wachtruimte van burgerzaken, drie
            halve dagen per week. Baliemedewerkers stellen de toeleider voor aan wie
            ondersteuning kan gebruiken. Vaak volgt meteen een kort gesprek; anders wordt
            een afspraak gemaakt.

            Voordien kregen nieuwe inwoners alleen een brief. Eerst kwamen er telefoontjes
            bij, later de zitdagen.""",
        "success_factors": """
            Een plaats die zichtbaar is, maar waar toch rustig gepraat kan worden.

            Baliemedewerkers die de toeleider persoonlijk kennen.""",
        "challenges": """
            Op drukke dagen is er te weinig tijd voor wie blijft wachten. Een tweede
            toeleider op maandagvoormiddag lost dat deels op.""",
        "results": """
            In Sint-Pieters-Leeuw steeg het aantal gesprekken in november van 7 (2014) naar
            39 (2015) en in december van 6 naar 33, na de telefoontjes vanaf januari en de
            zitdagen vanaf november 2015.

            Van januari tot juli 2016 bereikte de dienst 370 mensen, van wie 304 via de
            zitdagen en 66 via een brief. In mei alleen al waren het er 99.""",
        "applied_in": [
            ("Sint-Pieters-Leeuw", VB, "integratie",
             "Drie halve dagen per week in de wachtruimte van burgerzaken.",
             "Burgerzaken, vreemdelingendienst"),
            ("Halle", VB, "welkom", "Op dinsdag en donderdag, aansluitend bij de inschrijvingen.",
             "Burgerzaken"),
            ("Vilvoorde", VB, "onthaal", "Zitdag in het loket van de vreemdelingendienst.",
             "Vreemdelingendienst, Sociaal Huis"),
        ],
        "related": ["keten-van-onthaal", "doorverwijsindicatoren-balie"],
    },
    {
        "slug": "oefenkansen-nederlands",
        "title": "Taalcafé en praatgroepen: Nederlands oefenen buiten de les",
        "intro": """
            Wekelijkse praatmomenten waar anderstaligen in een ontspannen sfeer Nederlands
            spreken met vrijwilligers. Wie les volgt, oefent er wat in de klas geleerd is.""",
        "category": "taal-en-oefenkansen",
        "domains": ["taal", "vrije-tijd"],
        "groups": ["nieuwe-inwoners-buitenlandse-herkomst", "anderstalige-gezinnen-met-kinderen",
                   "werkzoekende-nieuwkomers"],
        "start_year": 2012,
        "published_days_ago": 980,
        "updated_days_ago": 30,
        "reviewed_days_ago": 30,
        "image": True,
        "goals": """
            Meer gelegenheid geven om Nederlands te spreken, naast de lessen.

            Nieuwkomers en inwoners met elkaar laten kennismaken.""",
        "description": """
            Het taalcafé vindt elke week plaats in de bibliotheek, op een vaste avond.
            Deelnemers zitten in kleine tafels met telkens één vrijwilliger. Er is een
            thema, zoals de markt, de dokter of de school, maar het gesprek mag afwijken.

            Daarnaast zijn er praatgroepen overdag voor ouders, terwijl de kinderen in de
            klas zitten, en een wandelgroep in de zomer. Iedereen is welkom, ook wie geen
            les volgt.""",
        "success_factors": """
            Vrijwilligers die een korte opleiding krijgen: traag spreken, niet verbeteren,
            vragen stellen.

            Een vaste plaats en een vast uur, ook tijdens de vakanties.""",
        "challenges": """
            Genoeg vrijwilligers vinden, zeker voor de groepen overdag.

            Beginners en gevorderden aan dezelfde tafel: werk met niveaus.""",
        "results": """
            Per avond komen er 12 tot 18 deelnemers en 5 vrijwilligers. Een kwart van de
            deelnemers komt langer dan een jaar.""",
        "applied_in": [
            ("Leuven", VB, "taalpunt",
             "Taalcafé in de bibliotheek en een praatgroep voor ouders.",
             "Bibliotheek, Huis van het Nederlands"),
            ("Mechelen", ANT, "taalpunt", "Praatgroepen in drie buurthuizen.",
             "Buurtwerk, vrijwilligers"),
            ("Genk", LIM, "taal", "Wandelgroep in de zomer, taalcafé in de winter.",
             "Sportdienst, bibliotheek"),
            ("Kortrijk", WVL, "taal", "Taalcafé op zaterdagochtend.", "Bibliotheek"),
            ("Beersel", VB, None, "Praatgroep na de schooluren.", "Scholen"),
        ],
        "related": ["onthaalgesprekken", "vrijetijdspas-verenigingen"],
    },
    {
        "slug": "welkomstbrief-en-pakket",
        "title": "Welkomstbrief en welkomstpakket voor nieuwe inwoners",
        "intro": """
            Elke nieuwe inwoner krijgt een brief in eenvoudig Nederlands met een uitnodiging
            voor een onthaalgesprek. Wie langskomt, krijgt een pakket met praktische
            informatie en enkele kortingsbonnen.""",
        "category": "onthaalbeleid",
        "domains": ["burgerzaken", "integratie", "vrije-tijd"],
        "groups": ["nieuwe-inwoners-buitenlandse-herkomst", "nieuwkomers-uit-brussel"],
        "start_year": 2018,
        "published_days_ago": 860,
        "updated_days_ago": 860,
        "reviewed_days_ago": None,
        "image": False,
        "goals": """
            Iedereen laten weten dat de gemeente hen verwelkomt en waar ze terechtkunnen.

            Meer mensen naar een onthaalgesprek halen.""",
        "description": """
            De brief vertrekt elke maand, op basis van de lijst van nieuwe inwoners. Hij is
            kort, in klare taal, met pictogrammen en een QR-code naar het onthaalportaal in
            meerdere talen. Onderaan staat een datum en uur voor een gesprek, dat met één
            telefoontje of online verzet kan worden.

            Het pakket bevat een plan van de gemeente, de afvalkalender, de
            openingsuren van de diensten, een bon voor de bibliotheek en een gratis beurt
            in het zwembad.""",
        "success_factors": """
            Een concrete afspraak in de brief werkt beter dan een algemene uitnodiging.

            Testlezers uit de doelgroep die de brief vooraf nalezen.""",
        "challenges": """
            Brieven komen niet aan bij wie nog geen naam op de bus heeft. Bellen of de
            balie vangen dat op.""",
        "results": """
            Met een vaste afspraak in de brief kwam ongeveer een op de vijf aangeschreven
            inwoners naar het gesprek; met de oude, algemene brief was dat een op de
            twintig.""",
        "applied_in": [
            ("Ternat", VB, "onthaal", "Brief met afspraak en een pakket van lokale handelaars.",
             "Middenstandsraad"),
            ("Lier", ANT, "welkom", "Brief met QR-code naar de website in zes talen.",
             "Communicatiedienst"),
            ("Roeselare", WVL, "welkom", "Pakket met een bon voor de bibliotheek.",
             "Bibliotheek, zwembad"),
        ],
        "related": ["instroommeting", "infomarkt-onthaalavond"],
    },
    {
        "slug": "brugfiguren-in-scholen",
        "title": "Brugfiguren in de basisschool",
        "intro": """
            Een brugfiguur verbindt school, ouders en buurt. Anderstalige ouders vinden zo
            sneller hun weg in het onderwijs en naar hulp buiten de school.""",
        "category": "toeleiding-en-ketenaanpak",
        "domains": ["onderwijs", "taal", "welzijn"],
        "groups": ["anderstalige-gezinnen-met-kinderen"],
        "start_year": 2010,
        "published_days_ago": 760,
        "updated_days_ago": 150,
        "reviewed_days_ago": 150,
        "image": False,
        "goals": """
            Ouders betrekken bij de schoolloopbaan van hun kinderen.

            Gezinnen met vragen over opvoeding, geld of huisvesting tijdig doorverwijzen.""",
        "description": """
            De brugfiguur staat 's ochtends en na school aan de schoolpoort en is
            aanspreekbaar voor ouders. Hij of zij helpt bij inschrijvingen, legt brieven
            van de school uit, organiseert koffiemomenten en gaat mee naar
            oudercontacten als dat nodig is.

            De gemeente stelt de brugfiguren aan en verdeelt hen over de scholen met de
            meeste anderstalige leerlingen. Ze overleggen elke maand met de toeleiders.""",
        "success_factors": """
            Elke dag zichtbaar zijn aan de schoolpoort.

            Een duidelijke taakverdeling met de zorgcoördinator van de school.""",
        "challenges": """
            Een brugfiguur voor drie scholen heeft te weinig tijd per school.

            Ouders verwachten soms dat de brugfiguur alles oplost.""",
        "results": """
            Op de scholen met een brugfiguur kwam 80 procent van de anderstalige ouders naar
            het oudercontact, tegenover ongeveer de helft op scholen zonder.""",
        "applied_in": [
            ("Vilvoorde", VB, "onderwijs", "Brugfiguren op acht basisscholen.",
             "Scholen, Huis van het Kind"),
            ("Gent", OVL, "onderwijs", "Brugfiguren per wijk, ook voor kleuterscholen.",
             "Scholen, CLB"),
            ("Sint-Niklaas", OVL, None, "Brugfiguur die ook de inschrijvingen begeleidt.",
             "Scholen"),
        ],
        "related": ["kinderopvang-huis-van-het-kind", "onthaal-in-contacttalen"],
    },
    {
        "slug": "gedeelde-toeleiders-cluster",
        "title": "Gedeelde toeleiders in een intergemeentelijke samenwerking",
        "intro": """
            Kleinere gemeenten delen een team van toeleiders. Elke gemeente behoudt haar
            eigen onthaal en cijfers, maar de kennis en de methode zijn gemeenschappelijk.""",
        "category": "samenwerking-tussen-gemeenten",
        "domains": ["integratie", "welzijn"],
        "groups": ["nieuwe-inwoners-buitenlandse-herkomst", "baliemedewerkers-en-partners"],
        "start_year": 2017,
        "published_days_ago": 690,
        "updated_days_ago": 690,
        "reviewed_days_ago": 690,
        "image": True,
        "goals": """
            Ook in kleine gemeenten een volwaardig onthaal aanbieden.

            Werkwijze, brieven en registratie op elkaar afstemmen.""",
        "description": """
            Zeven gemeenten stellen samen drie toeleiders aan. Elke toeleider heeft vaste
            dagen in enkele gemeenten, met een zitdag aan de balie en tijd voor gesprekken
            en huisbezoeken. De instroomlijst van elke gemeente komt bij het gedeelde team,
            maar elke gemeente ziet alleen haar eigen inwoners en cijfers.

            Een coördinator bewaakt de werkwijze en brengt elk halfjaar verslag uit aan de
            zeven colleges.""",
        "success_factors": """
            Eén werkwijze en één registratie voor alle gemeenten.

            Een overeenkomst die ook de verwerking van persoonsgegevens regelt.""",
        "challenges": """
            Elke gemeente wil zich herkennen in het werk; lokale partners verschillen.

            Verplaatsingstijd tussen de gemeenten.""",
        "results": """
            Samen bereikt het team zo'n 600 nieuwe inwoners per jaar. Drie van de zeven
            gemeenten hadden vroeger geen enkel onthaalgesprek.""",
        "applied_in": [
            ("Herentals", ANT, "wegwijzer", "Thuisbasis van het gedeelde team.",
             "Agentschap Integratie en Inburgering"),
            ("Grobbendonk", ANT, None, "Zitdag op woensdag.", ""),
            ("Olen", ANT, None, "Zitdag op maandag.", ""),
            ("Vorselaar", ANT, None, "Gesprekken op afspraak.", ""),
            ("Kasterlee", ANT, None, "Zitdag op donderdag.", ""),
            ("Lille", ANT, None, "Gesprekken in het Sociaal Huis.", "Sociaal Huis"),
            ("Herenthout", ANT, None, "Gesprekken op afspraak.", ""),
        ],
        "related": ["instroommeting", "toeleider-zitdagen-burgerzaken"],
    },
    {
        "slug": "doorverwijsindicatoren-balie",
        "title": "Doorverwijsindicatoren afgesproken met de baliemedewerkers",
        "intro": """
            Aan de hand van enkele eenvoudige vragen weten baliemedewerkers wanneer ze
            iemand naar de toeleider sturen. Dat maakt doorverwijzen minder afhankelijk van
            wie er toevallig aan de balie staat.""",
        "category": "toeleiding-en-ketenaanpak",
        "domains": ["burgerzaken", "integratie"],
        "groups": ["baliemedewerkers-en-partners"],
        "start_year": 2016,
        "published_days_ago": 600,
        "updated_days_ago": 380,
        "reviewed_days_ago": 380,
        "image": False,
        "goals": """
            Iedereen die ondersteuning kan gebruiken, naar de toeleider verwijzen.

            Baliemedewerkers een houvast geven, zonder extra administratie.""",
        "description": """
            De indicatoren zijn samen met de baliemedewerkers opgesteld. Verloopt het
            gesprek in het Nederlands moeilijk of helemaal niet, of komt iemand met een
            tolk? Werkt de persoon? Zijn er kinderen in het gezin? Daarnaast noteert de
            medewerker de taal en de contactgegevens.

            Bij één ja op de eerste vraag of bij kinderen in het gezin biedt de medewerker
            een gesprek aan. Met toestemming gaan de gegevens naar de toeleider, die binnen
            de week belt.""",
        "success_factors": """
            Vragen die kort zijn en passen in een gewoon baliegesprek.

            Terugkoppeling: de balie hoort wat er met hun doorverwijzingen gebeurde.""",
        "challenges": """
            Een drukke balie laat weinig tijd. Een kaartje met de vragen naast het scherm
            helpt.""",
        "results": """
            Het aantal doorverwijzingen door de balie verdrievoudigde in het eerste jaar,
            van gemiddeld 6 naar 19 per maand.""",
        "applied_in": [
            ("Sint-Pieters-Leeuw", VB, "integratie",
             "Indicatoren op een kaartje naast elk baliescherm.", "Burgerzaken"),
            ("Zaventem", VB, "onthaal", "Indicatoren verwerkt in het afsprakensysteem.",
             "Burgerzaken, ICT-dienst"),
        ],
        "related": ["keten-van-onthaal", "toeleider-zitdagen-burgerzaken"],
    },
    {
        "slug": "onthaal-in-contacttalen",
        "title": "Onthaal in contacttalen en met tolken",
        "intro": """
            Wie nog geen Nederlands spreekt, wordt in het begin in een contacttaal of met
            een tolk geholpen. Zo begrijpt iedereen zijn rechten, plichten en kansen vanaf
            de eerste dag.""",
        "category": "onthaalbeleid",
        "domains": ["integratie", "taal", "gezondheid"],
        "groups": ["nieuwe-inwoners-buitenlandse-herkomst", "anderstalige-gezinnen-met-kinderen"],
        "start_year": 2019,
        "published_days_ago": 520,
        "updated_days_ago": 60,
        "reviewed_days_ago": 60,
        "image": True,
        "goals": """
            Belangrijke informatie overbrengen, ook zonder gemeenschappelijke taal.

            Tegelijk duidelijk maken dat Nederlands leren de bedoeling blijft.""",
        "description": """
            De toeleiders spreken samen Frans, Engels, Arabisch, Turks en Roemeens. Voor
            andere talen boeken zij een tolk ter plaatse of via telefoon of video. Brieven
            en folders bestaan in klare taal met pictogrammen.

            Elk gesprek start met uitleg over de lessen en oefenkansen Nederlands. De
            toeleider zegt er altijd bij dat ondersteuning in een andere taal tijdelijk
            is.""",
        "success_factors": """
            Een vast budget voor tolken, zodat niemand hoeft te twijfelen.

            Medewerkers die weten hoe je met een tolk werkt.""",
        "challenges": """
            Voor sommige talen is er moeilijk een tolk te vinden op korte termijn.

            Sommige collega's zien contacttalen als een rem op het Nederlands leren.""",
        "results": """
            Bijna een derde van de gesprekken verloopt met een tolk. Klachten over
            misverstanden bij de eerste inschrijving daalden merkbaar.""",
        "applied_in": [
            ("Gent", OVL, "onthaal", "Toeleiders die samen zeven talen spreken.",
             "Tolkendienst, Agentschap Integratie en Inburgering"),
            ("Machelen", VB, "onthaal", "Videotolken voor gesprekken aan de balie.",
             "Tolkendienst"),
            ("Halle", VB, None, "Folders in klare taal met pictogrammen.", ""),
        ],
        "related": ["onthaalgesprekken", "brugfiguren-in-scholen"],
    },
    {
        "slug": "infomarkt-onthaalavond",
        "title": "Meertalige infomarkt en onthaalavond",
        "intro": """
            Eén keer per jaar nodigt de gemeente alle nieuwe inwoners uit voor een avond
            met standen van diensten, verenigingen en partners. Vrijwilligers vertalen
            waar nodig.""",
        "category": "participatie-en-vrije-tijd",
        "domains": ["vrije-tijd", "integratie", "werk"],
        "groups": ["nieuwe-inwoners-buitenlandse-herkomst", "nieuwkomers-uit-brussel",
                   "werkzoekende-nieuwkomers"],
        "start_year": 2019,
        "published_days_ago": 410,
        "updated_days_ago": 410,
        "reviewed_days_ago": None,
        "image": False,
        "goals": """
            Nieuwe inwoners op één avond laten kennismaken met de belangrijkste diensten
            en verenigingen.

            Het aanbod van de gemeente zichtbaar maken.""",
        "description": """
            In het cultuurcentrum staan een twintigtal standen: burgerzaken, het Sociaal
            Huis, VDAB, het Huis van het Nederlands, de bibliotheek, sportclubs en
            jeugdbewegingen. De burgemeester verwelkomt iedereen kort. Vrijwilligers met
            een badge met hun talen lopen rond om te vertalen.

            Kinderen kunnen knutselen en er is een eenvoudige maaltijd. Wie nog vragen heeft,
            kan ter plaatse een onthaalgesprek inplannen.""",
        "success_factors": """
            Een persoonlijke uitnodiging aan alle nieuwe inwoners van het voorbije jaar.

            Opvang voor kinderen.""",
        "challenges": """
            Veel voorbereiding voor één avond. Verenigingen moeten op tijd aangesproken
            worden.""",
        "results": """
            De laatste editie trok 140 bezoekers. Er werden 25 onthaalgesprekken ingepland en
            achttien kinderen schreven zich in bij een club.""",
        "applied_in": [
            ("Asse", VB, "welkom", "Infomarkt in het cultuurcentrum in oktober.",
             "Cultuurcentrum, VDAB"),
            ("Grimbergen", VB, "welkom", "Onthaalavond met een rondleiding door de gemeente.",
             "Toerisme, verenigingen"),
            ("Hasselt", LIM, "onthaal", "Infomarkt op zaterdag, met kinderopvang.",
             "Vrijetijdsdienst, Huis van het Kind"),
        ],
        "related": ["vrijetijdspas-verenigingen", "welkomstbrief-en-pakket"],
    },
    {
        "slug": "vrijetijdspas-verenigingen",
        "title": "Vrijetijdspas en kennismaking met verenigingen",
        "intro": """
            Met een vrijetijdspas betalen gezinnen minder voor sport, cultuur en
            jeugdwerking. Een kennismakingsaanbod helpt nieuwkomers de eerste stap naar een
            vereniging te zetten.""",
        "category": "participatie-en-vrije-tijd",
        "domains": ["vrije-tijd", "welzijn"],
        "groups": ["anderstalige-gezinnen-met-kinderen", "nieuwe-inwoners-buitenlandse-herkomst"],
        "start_year": 2017,
        "published_days_ago": 330,
        "updated_days_ago": 45,
        "reviewed_days_ago": 45,
        "image": True,
        "goals": """
            Kinderen en volwassenen laten deelnemen aan het vrijetijdsaanbod, ongeacht hun
            inkomen.

            Verenigingen openstellen voor nieuwe leden.""",
        "description": """
            De toeleider bespreekt in het onthaalgesprek de vrije tijd en vraagt meteen de
            pas aan als het gezin daar recht op heeft. De pas geeft korting op lidgelden,
            kampen en voorstellingen.

            Verenigingen bieden drie gratis proeflessen aan. Een vrijwilliger gaat de
            eerste keer mee. Clubs die nieuwkomers verwelkomen, krijgen een kleine
            toelage.

            De vrijetijdsdienst houdt een lijst bij van clubs die nog plaats hebben, zodat
            de toeleider meteen een concreet voorstel kan doen.""",
        "success_factors": """
            De pas aanvragen tijdens het gesprek, niet achteraf.

            De eerste keer samen gaan.""",
        "challenges": """
            Lange wachtlijsten bij sommige clubs.

            Materiaal en kledij kosten ook geld: een uitleendienst helpt.""",
        "results": """
            Het aantal kinderen met een vrijetijdspas dat bij een club aansloot, verdubbelde
            in drie jaar tot ruim 200.""",
        "applied_in": [
            ("Sint-Truiden", LIM, "vrijetijd",
             "Pas met korting en een uitleendienst voor materiaal.", "Sportdienst, jeugddienst"),
            ("Aalst", OVL, "vrijetijd", "Proeflessen in twintig clubs.", "Sportclubs"),
            ("Oostende", WVL, "vrijetijd", "Vrijwilligers die de eerste keer meegaan.",
             "Vrijwilligerspunt"),
            ("Turnhout", ANT, None, "Toelage voor clubs die nieuwkomers opvangen.",
             "Sportraad"),
        ],
        "related": ["infomarkt-onthaalavond", "oefenkansen-nederlands"],
    },
    {
        "slug": "kinderopvang-huis-van-het-kind",
        "title": "Begeleiding naar kinderopvang en het Huis van het Kind",
        "intro": """
            Gezinnen met jonge kinderen vinden vaak moeilijk de weg naar kinderopvang en
            consultatiebureau. De toeleider gaat samen met het Huis van het Kind op zoek
            naar een plaats.""",
        "category": "toeleiding-en-ketenaanpak",
        "domains": ["onderwijs", "welzijn", "gezondheid"],
        "groups": ["anderstalige-gezinnen-met-kinderen"],
        "start_year": 2020,
        "published_days_ago": 240,
        "updated_days_ago": 240,
        "reviewed_days_ago": 240,
        "image": False,
        "goals": """
            Jonge kinderen een plaats in de opvang geven, zodat ouders Nederlands kunnen
            leren of werken.

            Gezinnen in contact brengen met het consultatiebureau.""",
        "description": """
            In het onthaalgesprek vraagt de toeleider naar de kinderen en hun leeftijd. Voor
            kinderen onder drie jaar volgt een afspraak bij het Huis van het Kind. Daar
            helpt een medewerker het gezin om zich in te schrijven bij het lokaal loket
            kinderopvang en legt uit hoe het consultatiebureau werkt.

            Lessen Nederlands met kinderopvang krijgen voorrang, zodat ouders meteen kunnen
            starten.""",
        "success_factors": """
            Een warme overdracht: de toeleider komt mee naar de eerste afspraak.

            Afspraken met de opvang over voorrang.""",
        "challenges": """
            Te weinig plaatsen in de opvang. Occasionele opvang biedt soms een tijdelijke
            oplossing.""",
        "results": """
            Twee op de drie doorverwezen gezinnen vonden binnen zes maanden opvang.""",
        "applied_in": [
            ("Genk", LIM, "gezin", "Vaste wekelijkse overdracht naar het Huis van het Kind.",
             "Huis van het Kind, Kind en Gezin"),
            ("Beringen", LIM, "gezin", "Occasionele opvang tijdens de taallessen.",
             "Huis van het Nederlands, kinderopvang"),
            ("Liedekerke", VB, "onthaal", "Huisbezoek samen met een medewerker van Kind en Gezin.",
             "Kind en Gezin"),
        ],
        "related": ["brugfiguren-in-scholen", "onthaalgesprekken"],
    },
    {
        "slug": "woonbegeleiding-nieuwkomers",
        "title": "Woonbegeleiding voor nieuwkomers",
        "intro": """
            Nieuwkomers huren vaak te duur of te slecht. Een woonbegeleider helpt bij het
            zoeken, het huurcontract en de inschrijving voor een sociale woning.""",
        "category": "toeleiding-en-ketenaanpak",
        "domains": ["wonen", "welzijn"],
        "groups": ["nieuwe-inwoners-buitenlandse-herkomst", "nieuwkomers-uit-brussel"],
        "start_year": 2021,
        "published_days_ago": 150,
        "updated_days_ago": 20,
        "reviewed_days_ago": 20,
        "image": True,
        "goals": """
            Nieuwkomers helpen een betaalbare en veilige woning te vinden.

            Misbruik bij verhuur sneller opsporen.""",
        "description": """
            De toeleider verwijst door naar het woonloket, waar een woonbegeleider
            spreekuren houdt. De begeleider legt uit hoe huren in België werkt: de
            huurwaarborg, de plaatsbeschrijving, de registratie van het contract. Samen
            vullen ze de aanvraag voor een sociale woning in.

            Bij een woning die ongezond lijkt, volgt een conformiteitsonderzoek. Een
            infosessie over huren vindt twee keer per jaar plaats, met een tolk voor de
            talen die het vaakst gevraagd worden.""",
        "success_factors": """
            Een vast spreekuur in het woonloket, zonder afspraak.

            Samenwerking met de sociale huisvestingsmaatschappij.""",
        "challenges": """
            Het tekort aan betaalbare woningen los je met begeleiding niet op.""",
        "results": """
            In het eerste jaar begeleidde het woonloket 85 gezinnen; 40 van hen schreven zich
            in voor een sociale woning.""",
        "applied_in": [
            ("Vilvoorde", VB, "wonen", "Spreekuur voor nieuwkomers in het woonloket.",
             "Woonloket, sociale huisvestingsmaatschappij"),
            ("Brugge", WVL, "wonen", "Infosessies over huren in klare taal.", "Woonloket, CAW"),
            ("Lokeren", OVL, None, "Huisbezoek bij vragen over de woningkwaliteit.",
             "Woonloket"),
        ],
        "related": ["keten-van-onthaal", "onthaalgesprekken"],
    },
    {
        "slug": "beleidssignalen-schepencollege",
        "title": "Monitoring en beleidssignalen voor het schepencollege",
        "intro": """
            De vragen uit de onthaalgesprekken worden zonder namen geteld en gebundeld. Twee
            keer per jaar krijgt het college een overzicht met cijfers en voorstellen.""",
        "category": "instroom-en-monitoring",
        "domains": ["integratie", "welzijn", "burgerzaken"],
        "groups": ["beleidsmakers", "baliemedewerkers-en-partners"],
        "start_year": 2018,
        "published_days_ago": 60,
        "updated_days_ago": 10,
        "reviewed_days_ago": 10,
        "image": False,
        "goals": """
            Beleid baseren op wat nieuwkomers echt vragen.

            Tekorten in het aanbod zichtbaar maken en opvolgen.""",
        "description": """
            Na elk gesprek registreert de toeleider de thema's, de doorverwijzingen en de
            vragen waarop geen antwoord was. De integratiedienst telt die per halfjaar,
            samen met de cijfers van de instroommeting en het aantal bereikte mensen per
            kanaal: zitdag, brief, telefoon, partner of online aanvraag.

            Het overzicht gaat naar het college, met bij elk signaal een voorstel en een
            verantwoordelijke dienst. Het volgende overzicht meldt wat ermee gebeurde.""",
        "success_factors": """
            Weinig en vaste categorieën, zodat de registratie snel gaat.

            Elk signaal koppelen aan een voorstel.""",
        "challenges": """
            Tellingen mogen niet terug te voeren zijn op personen. Kleine aantallen worden
            daarom samengevoegd.""",
        "results": """
            De vaakst gehoorde vragen gingen over lessen Nederlands, de juiste dienst vinden
            en hulp bij dossiers. Het college besliste daarop tot een extra praatgroep en een
            zitdag van het woonloket.""",
        "applied_in": [
            ("Mechelen", ANT, "diversiteit", "Halfjaarlijks rapport aan het college.",
             "Stedelijke diensten"),
            ("Dilbeek", VB, "integratie", "Signalen gekoppeld aan het lokaal plan van aanpak.",
             "Sociaal Huis"),
            ("Ninove", OVL, "welkom", "Jaarlijks overzicht met de partners besproken.",
             "Partnerorganisaties"),
        ],
        "related": ["instroommeting", "keten-van-onthaal"],
    },
]

# A fiche sent through the public form, waiting in the moderators' workflow.
NEW_SUBMISSION = {
    "submission_key": "3f0c6a52-6f1e-4d6b-9a55-1d1c2f6e7a01",
    "days_ago": 2,
    "sender_name": "Noor Voorbeeld",
    "municipality_name": "Linderode",
    "province": LIM,
    "email": "integratie@linderode.example",
    "fiche": {
        "slug": "fietsles-voor-volwassen-nieuwkomers",
        "title": "Fietsles voor volwassen nieuwkomers",
        "intro": """
            Volwassenen die nooit leerden fietsen, krijgen tien lessen op een afgesloten
            terrein en daarna in het verkeer. Zo raken ze zelfstandig op het werk en in de
            les.""",
        "category": "participatie-en-vrije-tijd",
        "domains": ["vrije-tijd", "werk"],
        "groups": ["nieuwe-inwoners-buitenlandse-herkomst", "werkzoekende-nieuwkomers"],
        "start_year": 2023,
        "goals": """
            Nieuwkomers zelfstandig laten verplaatsen.

            Onder het fietsen Nederlands oefenen.""",
        "description": """
            Vrijwilligers geven de lessen op zaterdag, in groepjes van vier. De gemeente
            leent fietsen en helmen uit. Eerst leren de deelnemers evenwicht houden en
            remmen, daarna oefenen ze in rustige straten en leren ze de belangrijkste
            verkeersborden.

            De laatste les is een tocht naar de bibliotheek en het Huis van het
            Nederlands, zodat iedereen de weg kent.""",
        "success_factors": """
            Geduldige vrijwilligers en genoeg fietsen in verschillende maten.

            Lessen op een vast uur, met kinderopvang in de buurt.""",
        "challenges": """
            In de winter liggen de lessen stil. Een tweedehands fiets kopen blijkt voor
            sommige deelnemers te duur.""",
        "results": """
            Van de 24 deelnemers van het eerste jaar fietsen er nu 19 zelfstandig naar het
            werk of de les.""",
        "applied_in": [
            ("Linderode", LIM, "integratie", "Lessen op de speelplaats van de gemeenteschool.",
             "Vrijwilligers, sportdienst"),
        ],
    },
}

# Proposals from the public on published fiches, waiting for a moderator.
PROPOSALS = [
    {
        "submission_key": "3f0c6a52-6f1e-4d6b-9a55-1d1c2f6e7a02",
        "kind": "adoption",
        "fiche": "oefenkansen-nederlands",
        "days_ago": 4,
        "sender_name": "Jonas Proef",
        "municipality_name": "Heidebeek",
        "province": LIM,
        "email": "onthaal@heidebeek.example",
        "description": "Elke woensdagavond een taalcafé in het ontmoetingscentrum.",
        "partners": "Bibliotheek, vrijwilligerspunt",
        "website": "https://www.example.org/heidebeek/taalcafe",
        "contact_email": "taalpunt@heidebeek.example",
    },
    {
        "submission_key": "3f0c6a52-6f1e-4d6b-9a55-1d1c2f6e7a03",
        "kind": "change",
        "fiche": "instroommeting",
        "days_ago": 9,
        "sender_name": "Ilse Staal",
        "municipality_name": "Linderode",
        "province": LIM,
        "email": "welkom@linderode.example",
        "section": "resultaten",
        "message": """
            De resultaten zijn intussen enkele jaren oud. Kunnen jullie vermelden dat de
            lijst ook helpt om te zien hoeveel mensen na een jaar opnieuw verhuizen? Bij
            ons was dat bijna een op de vier.""",
    },
]
