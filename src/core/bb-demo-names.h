/* bb-demo-names.h: the word lists of the demo-data generator.
 *
 * Copyright 2026 The Brückenbuch authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Streets, neighbourhoods and postcodes exist in the district named; every organisation and
 * shelter the generator builds from them is made up. */
typedef struct
{
  const char *name;
  int         weight;      /* how many shelters the district has, relatively */
  const char *postcodes[24];
  const char *streets[16];
  const char *kieze[10];
} BbDemoDistrict;

static const BbDemoDistrict bb_demo_districts[] = {
  { "Mitte", 9,
    { "10115", "10117", "10119", "10178", "10179", "10551", "10553", "10555", "10557", "10559",
      "13347", "13349", "13351", "13353", "13355", "13357", "13359", NULL },
    { "Invalidenstraße", "Chausseestraße", "Brunnenstraße", "Müllerstraße", "Seestraße",
      "Turmstraße", "Perleberger Straße", "Badstraße", "Osloer Straße", "Lehrter Straße",
      "Stromstraße", "Gerichtstraße", NULL },
    { "Moabit", "Wedding", "Gesundbrunnen", "Tiergarten", "Soldiner Kiez", NULL } },
  { "Pankow", 10,
    { "10405", "10407", "10409", "10435", "10437", "10439", "13086", "13088", "13089", "13125",
      "13127", "13129", "13156", "13158", "13187", "13189", NULL },
    { "Schönhauser Allee", "Prenzlauer Allee", "Greifswalder Straße", "Blankenburger Straße",
      "Romain-Rolland-Straße", "Buchholzer Straße", "Wiltbergstraße", "Hansastraße",
      "Treskowstraße", "Pasewalker Straße", "Bucher Chaussee", "Am Feld", NULL },
    { "Prenzlauer Berg", "Weißensee", "Heinersdorf", "Buch", "Französisch Buchholz",
      "Niederschönhausen", "Blankenburg", NULL } },
  { "Reinickendorf", 8,
    { "13403", "13405", "13407", "13409", "13435", "13437", "13439", "13465", "13467", "13469",
      "13503", "13505", "13507", "13509", NULL },
    { "Residenzstraße", "Ollenhauerstraße", "Eichborndamm", "Waidmannsluster Damm", "Alt-Tegel",
      "Kopenhagener Straße", "Hermsdorfer Damm", "Wittenauer Straße", "Quickborner Straße",
      "Senftenberger Ring", "Am Nordgraben", "Roedernallee", NULL },
    { "Tegel", "Wittenau", "Märkisches Viertel", "Hermsdorf", "Frohnau", "Lübars",
      "Borsigwalde", NULL } },
  { "Spandau", 9,
    { "13581", "13583", "13585", "13587", "13589", "13591", "13593", "13595", "13597", "13599",
      "14089", NULL },
    { "Falkenseer Chaussee", "Seegefelder Straße", "Klosterstraße", "Heerstraße",
      "Wilhelmstraße", "Pichelsdorfer Straße", "Askanierring", "Hohenzollernring",
      "Schönwalder Allee", "Brunsbütteler Damm", "Daumstraße", "Rohrdamm", NULL },
    { "Staaken", "Siemensstadt", "Haselhorst", "Wilhelmstadt", "Hakenfelde", "Kladow",
      "Falkenhagener Feld", NULL } },
  { "Charlottenburg-Wilmersdorf", 6,
    { "10585", "10587", "10589", "10623", "10625", "10627", "10629", "10707", "10709", "10711",
      "10713", "10715", "10717", "10719", "14050", "14052", "14053", "14055", "14057", "14059",
      "14193", "14197", "14199", NULL },
    { "Kaiserdamm", "Spandauer Damm", "Wilmersdorfer Straße", "Brandenburgische Straße",
      "Hohenzollerndamm", "Mecklenburgische Straße", "Kantstraße", "Mierendorffstraße",
      "Sophie-Charlotten-Straße", "Westendallee", "Rudolstädter Straße", "Messedamm", NULL },
    { "Westend", "Halensee", "Schmargendorf", "Grunewald", "Wilmersdorf", "Charlottenburg-Nord",
      "Klausenerplatz", NULL } },
  { "Steglitz-Zehlendorf", 6,
    { "12157", "12163", "12165", "12167", "12169", "12203", "12205", "12207", "12209", "14109",
      "14129", "14163", "14165", "14167", "14169", "14195", NULL },
    { "Schloßstraße", "Albrechtstraße", "Goerzallee", "Ostpreußendamm", "Clayallee",
      "Potsdamer Chaussee", "Teltower Damm", "Hindenburgdamm", "Lichterfelder Ring",
      "Osdorfer Straße", "Thielallee", "Argentinische Allee", NULL },
    { "Lichterfelde", "Lankwitz", "Dahlem", "Nikolassee", "Wannsee", "Zehlendorf", "Steglitz",
      NULL } },
  { "Tempelhof-Schöneberg", 8,
    { "10777", "10779", "10781", "10783", "10823", "10825", "10827", "10829", "12099", "12101",
      "12103", "12105", "12107", "12109", "12277", "12279", "12305", "12307", "12309", NULL },
    { "Tempelhofer Damm", "Mariendorfer Damm", "Hauptstraße", "Potsdamer Straße",
      "Kolonnenstraße", "Colditzstraße", "Marienfelder Allee", "Lichtenrader Damm",
      "Attilastraße", "Alt-Mariendorf", "Bessemerstraße", "Säntisstraße", NULL },
    { "Mariendorf", "Marienfelde", "Lichtenrade", "Friedenau", "Tempelhof", "Schöneberg",
      "Rote Insel", NULL } },
  { "Friedrichshain-Kreuzberg", 5,
    { "10243", "10245", "10247", "10249", "10961", "10963", "10965", "10967", "10969", "10997",
      "10999", NULL },
    { "Frankfurter Allee", "Warschauer Straße", "Revaler Straße", "Oranienstraße",
      "Skalitzer Straße", "Gitschiner Straße", "Mehringdamm", "Wiener Straße",
      "Boxhagener Straße", "Ohlauer Straße", "Köpenicker Straße", "Rigaer Straße", NULL },
    { "Friedrichshain", "Kreuzberg", "Wrangelkiez", "Bergmannkiez", "Samariterkiez",
      "Graefekiez", NULL } },
  { "Neukölln", 9,
    { "12043", "12045", "12047", "12049", "12051", "12053", "12055", "12057", "12059", "12347",
      "12349", "12351", "12353", "12355", "12357", "12359", NULL },
    { "Sonnenallee", "Karl-Marx-Straße", "Hermannstraße", "Buschkrugallee",
      "Johannisthaler Chaussee", "Rudower Straße", "Gradestraße", "Haarlemer Straße",
      "Neuköllnische Allee", "Britzer Damm", "Lipschitzallee", "Späthstraße", NULL },
    { "Britz", "Buckow", "Rudow", "Gropiusstadt", "Reuterkiez", "Rixdorf", "Schillerkiez",
      NULL } },
  { "Treptow-Köpenick", 9,
    { "12435", "12437", "12439", "12459", "12487", "12489", "12524", "12526", "12527", "12555",
      "12557", "12559", "12587", "12589", NULL },
    { "Adlergestell", "Köpenicker Landstraße", "Glienicker Straße", "Salvador-Allende-Straße",
      "Fürstenwalder Damm", "Dörpfeldstraße", "Schnellerstraße", "Baumschulenstraße",
      "Rudower Chaussee", "Wendenschloßstraße", "Grünauer Straße", "Am Falkenberg", NULL },
    { "Adlershof", "Altglienicke", "Johannisthal", "Oberschöneweide", "Friedrichshagen",
      "Grünau", "Baumschulenweg", NULL } },
  { "Marzahn-Hellersdorf", 10,
    { "12619", "12621", "12623", "12627", "12629", "12679", "12681", "12683", "12685", "12687",
      "12689", NULL },
    { "Märkische Allee", "Blumberger Damm", "Allee der Kosmonauten", "Landsberger Allee",
      "Hellersdorfer Straße", "Zossener Straße", "Cecilienstraße", "Alt-Marzahn",
      "Maxie-Wander-Straße", "Stendaler Straße", "Wuhletalstraße", "Eisenacher Straße", NULL },
    { "Marzahn", "Hellersdorf", "Kaulsdorf", "Mahlsdorf", "Biesdorf", "Marzahn-Nord", NULL } },
  { "Lichtenberg", 11,
    { "10315", "10317", "10318", "10319", "10365", "10367", "10369", "13051", "13053", "13055",
      "13057", "13059", NULL },
    { "Alt-Friedrichsfelde", "Rhinstraße", "Wartenberger Weg", "Konrad-Wolf-Straße",
      "Herzbergstraße", "Siegfriedstraße", "Gehrenseestraße", "Ribnitzer Straße",
      "Zingster Straße", "Plauener Straße", "Weitlingstraße", "Hauptstraße", NULL },
    { "Hohenschönhausen", "Friedrichsfelde", "Karlshorst", "Rummelsburg", "Fennpfuhl",
      "Neu-Hohenschönhausen", "Wartenberg", NULL } },
};

/* Given names with a grammatical gender for pronouns: 'f', 'm' or 'n' (either). */
typedef struct
{
  const char *name;
  char        gender;
} BbDemoGivenName;

static const BbDemoGivenName bb_demo_given_names[] = {
  /* German */
  { "Anna", 'f' }, { "Julia", 'f' }, { "Katrin", 'f' }, { "Sabine", 'f' }, { "Lena", 'f' },
  { "Miriam", 'f' }, { "Ute", 'f' }, { "Franziska", 'f' }, { "Hannah", 'f' }, { "Birgit", 'f' },
  { "Jana", 'f' }, { "Luise", 'f' }, { "Greta", 'f' }, { "Petra", 'f' }, { "Charlotte", 'f' },
  { "Thomas", 'm' }, { "Michael", 'm' }, { "Jonas", 'm' }, { "Stefan", 'm' }, { "Felix", 'm' },
  { "Matthias", 'm' }, { "Jan", 'm' }, { "Lukas", 'm' }, { "Uwe", 'm' }, { "Tobias", 'm' },
  { "Frank", 'm' }, { "Moritz", 'm' }, { "Paul", 'm' }, { "Kai", 'n' }, { "Robin", 'n' },
  { "Kim", 'n' }, { "Sascha", 'n' }, { "Luca", 'n' }, { "Toni", 'n' },
  /* Turkish and Kurdish */
  { "Ayşe", 'f' }, { "Elif", 'f' }, { "Zeynep", 'f' }, { "Derya", 'f' }, { "Emine", 'f' },
  { "Melek", 'f' }, { "Mehmet", 'm' }, { "Can", 'm' }, { "Emre", 'm' }, { "Kemal", 'm' },
  { "Serkan", 'm' }, { "Deniz", 'n' }, { "Rojda", 'f' }, { "Berfin", 'f' }, { "Azad", 'm' },
  { "Şeyma", 'f' },
  /* Arabic */
  { "Fatima", 'f' }, { "Layla", 'f' }, { "Amira", 'f' }, { "Rania", 'f' }, { "Nour", 'n' },
  { "Yasmin", 'f' }, { "Ahmad", 'm' }, { "Omar", 'm' }, { "Khaled", 'm' }, { "Yusuf", 'm' },
  { "Samir", 'm' }, { "Tariq", 'm' }, { "Hadi", 'm' }, { "Rasha", 'f' },
  /* Ukrainian and Russian */
  { "Olena", 'f' }, { "Iryna", 'f' }, { "Oksana", 'f' }, { "Natalija", 'f' }, { "Switlana", 'f' },
  { "Mykola", 'm' }, { "Andrij", 'm' }, { "Taras", 'm' }, { "Bohdan", 'm' }, { "Dmytro", 'm' },
  { "Jewhenija", 'f' }, { "Serhij", 'm' },
  /* Persian and Dari */
  { "Shirin", 'f' }, { "Parisa", 'f' }, { "Maryam", 'f' }, { "Soraya", 'f' }, { "Dariush", 'm' },
  { "Reza", 'm' }, { "Farid", 'm' }, { "Kian", 'm' }, { "Arash", 'm' }, { "Zahra", 'f' },
  /* Vietnamese */
  { "Lan", 'f' }, { "Mai", 'f' }, { "Thu", 'f' }, { "Minh", 'n' }, { "Huong", 'f' },
  { "Tuan", 'm' }, { "Duc", 'm' }, { "Quang", 'm' }, { "Linh", 'n' },
  /* Polish, Tigrinya, Somali, Spanish, French, English */
  { "Agnieszka", 'f' }, { "Katarzyna", 'f' }, { "Piotr", 'm' }, { "Tomasz", 'm' },
  { "Selam", 'f' }, { "Yonas", 'm' }, { "Senait", 'f' }, { "Hodan", 'f' }, { "Abdi", 'm' },
  { "Lucía", 'f' }, { "Mateo", 'm' }, { "Camille", 'n' }, { "Amadou", 'm' }, { "Aminata", 'f' },
  { "Alex", 'n' }, { "Sam", 'n' },
};

static const char * const bb_demo_family_names[] = {
  /* German */
  "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
  "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
  "Braun", "Krüger", "Hartmann", "Lange", "Werner", "Lehmann", "Köhler", "Schulze", "Kaiser",
  "Fuchs", "Scholz", "Möller", "Vogel", "Friedrich", "Günther", "Sommer", "Brandt", "Haas",
  "Lorenz", "Kühn", "Engel", "Pohl", "Winkler", "Albrecht",
  /* Turkish and Kurdish */
  "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Öztürk", "Aydın", "Arslan", "Doğan",
  "Kılıç", "Aslan", "Korkmaz", "Polat", "Bozkurt", "Ekinci",
  /* Arabic */
  "Haddad", "Khalil", "Mansour", "Nasser", "Saleh", "Hamdan", "Aziz", "Darwish", "Kassem",
  "Youssef", "Ibrahim", "Al-Hassan", "Shami", "Qasim",
  /* Ukrainian */
  "Kowalenko", "Schewtschenko", "Bondarenko", "Tkatschenko", "Kowaltschuk", "Melnyk",
  "Moroz", "Lysenko", "Sawtschenko", "Rudenko", "Petrenko",
  /* Persian and Afghan */
  "Ahmadi", "Hosseini", "Karimi", "Rahimi", "Mohammadi", "Rezaei", "Jafari", "Sadeghi",
  "Hashemi", "Nazari", "Safi", "Popal",
  /* Vietnamese */
  "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ",
  /* Polish, Eritrean, Somali, West African, Spanish, French */
  "Nowak", "Wiśniewski", "Kamińska", "Tesfaye", "Haile", "Gebremedhin", "Warsame", "Hassan",
  "Diallo", "Traoré", "García", "Fernández", "Dubois", "Moreau",
};

static const char * const bb_demo_languages[] = {
  "Englisch", "Arabisch", "Türkisch", "Ukrainisch", "Russisch", "Farsi", "Dari", "Französisch",
  "Vietnamesisch", "Kurdisch", "Polnisch", "Tigrinya", "Somali", "Spanisch", "Paschtu",
};

static const char * const bb_demo_pronouns_f[] = { "sie/ihr" };
static const char * const bb_demo_pronouns_m[] = { "er/ihm" };
static const char * const bb_demo_pronouns_n[] = { "they/them", "dey/deren", "keine Pronomen" };

/* Functions of people in organisations that are not shelters. */
static const char * const bb_demo_org_functions[] = {
  "Koordination", "Projektleitung", "Geschäftsführung", "Vorstand", "Beratung",
  "Sprachmittlung", "Öffentlichkeitsarbeit", "Sachbearbeitung", "Referatsleitung",
  "Freiwilligenmanagement", "Ehrenamtskoordination", "Projektmitarbeit", "Bildungsarbeit",
  "Teamleitung", "Sozialberatung",
};

static const char * const bb_demo_volunteer_functions[] = {
  "Ehrenamt", "Ehrenamt – Deutschkurs", "Ehrenamt – Kinderbetreuung", "Ehrenamt – Patenschaft",
  "Ehrenamt – Begleitung", "Ehrenamt – Fahrradwerkstatt", "Ehrenamt – Hausaufgabenhilfe",
  "Ehrenamt – Sprachcafé", "Ehrenamt – Kleiderkammer", "Ehrenamt – Sport",
};

/* Operators: word, place, legal form. */
static const char * const bb_demo_operator_words[] = {
  "Hilfswerk", "Sozialwerk", "Wohnhilfe", "Gemeinwerk", "Nachbarschaftswerk", "Brückenwerk",
  "Heimstatt", "Soziale Dienste", "Obdach und Teilhabe", "Wohnen und Leben", "Ankerplatz",
  "Zuhause auf Zeit",
};
static const char * const bb_demo_operator_places[] = {
  "Spree", "Havel", "Dahme", "Panke", "Wuhle", "Müggelsee", "Barnim", "Teltow", "Tegeler Fließ",
  "Erpe", "Nuthe", "Berlin-Ost", "Berlin-Nord", "Berlin-Süd", "Grunewald", "Plänterwald",
};
static const char * const bb_demo_legal_forms[] = { "gGmbH", "e. V.", "GmbH", "gUG" };

/* Migrant self-organisations: adjective (masculine) + noun + place. */
static const char * const bb_demo_selforg_adjectives[] = {
  "Syrisch-Deutscher", "Afghanischer", "Ukrainischer", "Eritreischer", "Vietnamesischer",
  "Kurdischer", "Iranischer", "Georgischer", "Somalischer", "Irakischer", "Arabischsprachiger",
  "Russischsprachiger", "Türkisch-Deutscher", "Westafrikanischer", "Moldauischer",
};
static const char * const bb_demo_selforg_nouns[] = {
  "Kulturverein", "Frauenverein", "Elternverein", "Jugendverein", "Nachbarschaftsverein",
  "Bildungsverein", "Selbsthilfeverein", "Elternkreis", "Frauenkreis", "Sportverein",
};

static const char * const bb_demo_alliance_patterns[] = {
  "Bündnis %s hilft", "%s hilft", "Willkommensnetz %s", "Runder Tisch Geflüchtete %s",
  "Nachbarschaftskreis %s", "Initiative Offenes %s", "Netzwerk Ankommen in %s",
};

static const char * const bb_demo_project_patterns[] = {
  "Sprachcafé %s", "Patenschaftsprojekt %s", "Lernhilfe %s", "Fahrradwerkstatt %s",
  "Kinderclub %s", "Nähwerkstatt %s", "Frauencafé %s", "Mentoring %s", "Begegnungsgarten %s",
  "Rechtsberatung Asyl %s", "Musikprojekt %s", "Theaterprojekt %s", "Lotsenprojekt %s",
};

static const char * const bb_demo_admin_units[] = {
  "Landesamt für Ankommen und Unterbringung", "Landesstelle für Teilhabe und Integration",
  "Senatsstelle für Integration und Engagement", "Koordinierungsstelle Unterbringung Berlin",
  "Landesstelle für Wohnen und Ankommen",
};
static const char * const bb_demo_admin_sections[] = {
  "Referat I A", "Referat I B", "Referat II A", "Referat II C", "Sachgebiet Qualität",
  "Sachgebiet Belegung", "Team Ehrenamt", "Team Beschwerdemanagement", "Team Gewaltschutz",
  "Stabsstelle Steuerung",
};

static const char * const bb_demo_district_office_units[] = {
  "Integrationsbüro", "Ehrenamtsbüro", "Koordination Flüchtlingsfragen", "Sozialamt",
  "Jugendamt", "Gesundheitsamt", "Schulamt", "Bezirksbeauftragte für Partizipation",
};

static const char * const bb_demo_agency_patterns[] = {
  "Freiwilligenagentur %s", "Ehrenamtsbörse %s", "Engagementbüro %s", "Freiwilligenzentrum %s",
};

static const char * const bb_demo_other_patterns[] = {
  "Stadtteilzentrum %s", "Nachbarschaftshaus %s", "Familienzentrum %s", "Jugendclub %s",
  "Gemeindezentrum %s", "Lebensmittelausgabe %s", "Sportverein Grün-Weiß %s",
  "Stadtteilbibliothek %s", "Kiezladen %s",
};

/* Where meetings take place. */
static const char * const bb_demo_venue_patterns[] = {
  "Stadtteilzentrum %s", "Nachbarschaftshaus %s", "Familienzentrum %s", "Gemeindezentrum %s",
  "Stadtteilbibliothek %s", "Kiezladen %s",
};

static const char * const bb_demo_org_notes[] = {
  "Offene Sprechstunde dienstags und donnerstags.",
  "Räume können für Veranstaltungen angefragt werden.",
  "Vermittelt Ehrenamtliche auch kurzfristig.",
  "Ansprechpartnerin wechselt zum Jahresende.",
  "Newsletter einmal im Monat.",
  "Angebote auch auf Arabisch und Ukrainisch.",
  "Arbeitet eng mit den Unterkünften im Bezirk zusammen.",
};

/* Shelters: the words before a street or neighbourhood, per kind. */
static const char * const bb_demo_shelter_prefixes[6][3] = {
  /* community */ { "GU", "Gemeinschaftsunterkunft", "Wohnheim" },
  /* reception */ { "Ankunftszentrum", "AE", "Aufnahmeeinrichtung" },
  /* emergency */ { "NU", "Notunterkunft", "Notunterkunft" },
  /* muf */       { "MUF", "MUF", "Modulare Unterkunft" },
  /* tempohome */ { "Tempohome", "Tempohome", "Tempohome" },
  /* other */     { "Wohnprojekt", "Apartmenthaus", "Übergangswohnheim" },
};

static const char * const bb_demo_shelter_notes[] = {
  "Ehrenamtsraum im Erdgeschoss, Schlüssel beim Wachschutz.",
  "Anmeldung für Ehrenamtliche am Empfang, Ausweis mitbringen.",
  "Viele Familien mit kleinen Kindern.",
  "Spielplatz und Gemeinschaftsgarten auf dem Gelände.",
  "Barrierefreier Zugang über den Hintereingang.",
  "Kleiderkammer mittwochs geöffnet.",
  "Gute Anbindung an die Tram, lange Wege zu Schulen.",
  "Umbau der Gemeinschaftsküche geplant.",
};

static const char * const bb_demo_topics[] = {
  "Ehrenamtliche gewinnen", "Ehrenamtliche halten", "Deutschkurse", "Kinderbetreuung",
  "Hausaufgabenhilfe", "Freizeitangebote", "Sport", "Begleitung zu Behörden", "Sprachmittlung",
  "Spenden", "Kleiderkammer", "Datenschutz", "Hausordnung", "Konflikte", "Gewaltschutz",
  "Gesundheit", "Psychosoziale Unterstützung", "Wohnungssuche", "Arbeit und Ausbildung",
  "Frauenangebote", "Schule und Kita", "Versicherung und Haftung", "Führungszeugnis",
  "Öffentlichkeitsarbeit", "Nachbarschaft", "Verabschiedung und Anerkennung",
};

/* One or two sentences for each topic above, in the same order. */
static const char * const bb_demo_topic_sentences[G_N_ELEMENTS (bb_demo_topics)][3] = {
  { "Es fehlen Ehrenamtliche für die Nachmittagsangebote; wir haben über Aushänge in der Nachbarschaft und die Freiwilligenagentur gesprochen.",
    "Die Unterkunft möchte neue Ehrenamtliche gewinnen, vor allem für Begleitungen am Vormittag.",
    "Ideen für einen Infoabend für Interessierte aus dem Kiez gesammelt." },
  { "Mehrere langjährige Ehrenamtliche haben sich zurückgezogen; besprochen, wie Anerkennung und regelmäßiger Austausch helfen können.",
    "Die Ehrenamtskoordination plant ein Austauschtreffen für das Team der Ehrenamtlichen.",
    "Über klare Absprachen und feste Ansprechpersonen gesprochen, damit Ehrenamtliche bleiben." },
  { "Der Deutschkurs der Ehrenamtlichen ist überlaufen; ein zweiter Termin am Abend wird gesucht.",
    "Abstimmung zwischen dem ehrenamtlichen Deutschkurs und den Integrationskursen in der Nähe.",
    "Lernmaterial für den Deutschkurs fehlt; Hinweis auf Spendenmöglichkeiten gegeben." },
  { "Die Kinderbetreuung während der Deutschkurse ist nicht mehr gesichert.",
    "Für die Kinderbetreuung werden Ehrenamtliche mit Erfahrung gesucht; Führungszeugnis ist Voraussetzung.",
    "Der Spielraum wird renoviert, die Kinderbetreuung findet vorübergehend im Gemeinschaftsraum statt." },
  { "Die Hausaufgabenhilfe braucht mehr Unterstützung in Mathematik und Deutsch.",
    "Kooperation mit einer Grundschule für die Hausaufgabenhilfe besprochen.",
    "Ruhiger Raum für die Hausaufgabenhilfe fehlt; Lösung mit der Leitung gesucht." },
  { "Ideen für Freizeitangebote in den Ferien gesammelt: Ausflüge, Basteln, Kochabende.",
    "Ausflüge mit Ehrenamtlichen: Fragen zu Fahrkarten und Aufsicht geklärt.",
    "Ein Sommerfest mit der Nachbarschaft ist in Planung." },
  { "Ein Sportverein aus dem Bezirk möchte Trainings für Jugendliche anbieten.",
    "Frauen wünschen sich ein eigenes Sportangebot; Möglichkeiten in der Nähe besprochen.",
    "Hallenzeiten für das Fußballtraining sind knapp." },
  { "Begleitungen zu Behörden und Ärzten werden häufig angefragt; Grenzen des Ehrenamts besprochen.",
    "Für Begleitungen zum Jobcenter wird ein fester Ablauf mit Terminkalender eingeführt.",
    "Ehrenamtliche fühlen sich bei Behördenbegleitungen unsicher; Hinweis auf die Fortbildung BfE – Basis." },
  { "Sprachmittlung für Arabisch und Dari fehlt bei Elternabenden.",
    "Möglichkeiten der ehrenamtlichen Sprachmittlung und ihre Grenzen besprochen.",
    "Pool von Sprachmittelnden aus der Bewohnerschaft wird aufgebaut." },
  { "Sachspenden stapeln sich; ein Lagerkonzept mit festen Annahmezeiten wird erarbeitet.",
    "Geldspenden für Ausflüge: Fragen zur Abrechnung mit dem Träger geklärt.",
    "Spendenaufruf für Schulmaterial zum Schuljahresbeginn abgestimmt." },
  { "Die Kleiderkammer braucht neue Öffnungszeiten und mehr Helfende.",
    "Die Kleiderkammer wird in einen größeren Raum verlegt.",
    "Regeln für die Ausgabe in der Kleiderkammer mit dem Team abgestimmt." },
  { "Fragen zum Datenschutz bei Fotos von Bewohnerinnen und Bewohnern geklärt.",
    "Vorlage für die Einwilligung in die Datenverarbeitung für Ehrenamtliche besprochen.",
    "Ehrenamtliche sollen keine Listen mit Namen privat speichern; Alternativen besprochen." },
  { "Die Hausordnung soll Ehrenamtlichen besser erklärt werden, etwa beim Einführungsgespräch.",
    "Besuchszeiten laut Hausordnung passen nicht zu den Abendangeboten; Gespräch mit der Leitung vereinbart.",
    "Übersetzte Fassungen der Hausordnung werden aktualisiert." },
  { "Es gab Konflikte zwischen Ehrenamtlichen und dem Sicherheitsdienst; ein gemeinsames Gespräch ist geplant.",
    "Konflikte in der Gemeinschaftsküche belasten die Stimmung; Ideen für Absprachen gesammelt.",
    "Über Deeskalation und Rollenklarheit der Ehrenamtlichen gesprochen." },
  { "Gewaltschutzkonzept der Unterkunft vorgestellt; Ehrenamtliche sollen es kennen.",
    "Ansprechpersonen für Gewaltschutz sind den Ehrenamtlichen nicht bekannt; Aushang vereinbart.",
    "Schutzräume für Frauen und Kinder besprochen." },
  { "Fragen zur Gesundheitsversorgung und zu Impfterminen aufgenommen.",
    "Kooperation mit einer Hebammenpraxis im Kiez angeregt.",
    "Ehrenamtliche fragen nach Erste-Hilfe-Kursen." },
  { "Mehrere Bewohnerinnen sind stark belastet; Hinweise auf psychosoziale Beratungsstellen gegeben.",
    "Ehrenamtliche brauchen selbst Entlastung; Supervision wird angefragt.",
    "Über Grenzen der Unterstützung durch Ehrenamtliche gesprochen." },
  { "Wohnungssuche ist ein Dauerthema; ehrenamtliche Wohnungslotsen werden gesucht.",
    "Austausch über Erfahrungen mit Wohnungsbesichtigungen und Vermietern.",
    "Infoveranstaltung zum Wohnberechtigungsschein angeregt." },
  { "Fragen zu Praktika und Ausbildung; Kontakt zu einem Jobcoaching-Projekt empfohlen.",
    "Bewerbungstraining mit Ehrenamtlichen geplant.",
    "Anerkennung ausländischer Abschlüsse: Hinweis auf Beratungsstellen gegeben." },
  { "Ein Frauencafé soll regelmäßig stattfinden; Raum und Kinderbetreuung geklärt.",
    "Angebote nur für Frauen werden gut angenommen und sollen ausgebaut werden.",
    "Schwimmkurs für Frauen in Planung." },
  { "Viele Kinder warten auf einen Kitaplatz; Unterstützung bei Anträgen besprochen.",
    "Schulanmeldung neu angekommener Kinder mit Ehrenamtlichen begleitet.",
    "Elternabende: Sprachmittlung und Begleitung organisiert." },
  { "Fragen zur Unfall- und Haftpflichtversicherung der Ehrenamtlichen geklärt.",
    "Der Träger prüft, ob Ehrenamtliche über die Sammelversicherung abgesichert sind.",
    "Hinweis auf die Ehrenamtsversicherung des Landes gegeben." },
  { "Erweiterte Führungszeugnisse: Ablauf und Kostenbefreiung erklärt.",
    "Einige Ehrenamtliche warten noch auf ihr Führungszeugnis; Übergangsregelung besprochen.",
    "Dokumentation der Führungszeugnisse datensparsam geregelt." },
  { "Die Unterkunft möchte ihre Angebote im Kiez bekannter machen; Flyer und Stadtteilzeitung besprochen.",
    "Umgang mit Presseanfragen und Fotos geklärt.",
    "Beitrag für den Newsletter der Freiwilligenagentur abgestimmt." },
  { "Nachbarinnen und Nachbarn möchten sich engagieren; ein Begegnungsfest ist angedacht.",
    "Beschwerden aus der Nachbarschaft über Lärm besprochen; Gesprächsangebot geplant.",
    "Kontakt zum Stadtteilzentrum hergestellt." },
  { "Verabschiedung langjähriger Ehrenamtlicher geplant; Dankeschön-Abend in Vorbereitung.",
    "Ehrenamtsnachweise und Zertifikate für Ehrenamtliche besprochen.",
    "Die Unterkunft schließt bald; Verabschiedung von Ehrenamtlichen und Bewohnerschaft wird geplant." },
};

static const char * const bb_demo_note_openings[4][3] = {
  /* on-site */ { "Termin vor Ort mit der Ehrenamtskoordination.",
                  "Besuch in der Unterkunft, Rundgang mit der Leitung.",
                  "Vor-Ort-Beratung im Ehrenamtsraum." },
  /* phone */   { "Telefonat mit der Ehrenamtskoordination.",
                  "Kurzes Telefonat auf Nachfrage der Unterkunft.",
                  "Rückruf nach Anfrage per E-Mail." },
  /* video */   { "Videotermin mit der Ehrenamtskoordination.",
                  "Videokonferenz mit Leitung und Sozialarbeit.",
                  "Online-Beratung, Verbindung stabil." },
  /* email */   { "Anfrage per E-Mail beantwortet.",
                  "Austausch per E-Mail.",
                  "Schriftliche Rückfragen per E-Mail geklärt." },
};

static const char * const bb_demo_note_closings[] = {
  "Nächster Termin in etwa vier Wochen.",
  "Weitere Beratung bei Bedarf.",
  "Einladung zum nächsten Jour fixe ausgesprochen.",
  "Material zur Fortbildung BfE – Basis zugeschickt.",
  "Stimmung insgesamt positiv, das Team ist motiviert.",
  "Die Unterkunft meldet sich nach der nächsten Teamsitzung.",
};

static const char * const bb_demo_followups[] = {
  "Kontakt zur Freiwilligenagentur herstellen",
  "Infomaterial Datenschutz schicken",
  "Einladung zum Jour fixe weiterleiten",
  "Vorlage Einwilligungserklärung schicken",
  "Termin für Teamgespräch vereinbaren",
  "Liste mit Sprachmittlungsangeboten schicken",
  "Kontakt zur Kita-Beratung im Bezirk vermitteln",
  "Infos zur Ehrenamtsversicherung schicken",
  "Anmeldung zur Fortbildung BfE – Basis klären",
  "Rückmeldung der Leitung abwarten und nachfragen",
  "Spendenaufruf mit dem Bündnis abstimmen",
  "Vorlage für den Aushang schicken",
  "Kontakt zum Sportverein herstellen",
  "Dankeschön-Abend mit planen",
};

static const char * const bb_demo_workshop_titles[] = {
  "Werkstatt: Datenschutz im Ehrenamt", "Werkstatt: Konflikte im Alltag der Unterkunft",
  "Werkstatt: Ehrenamtliche gewinnen und halten", "Werkstatt: Kinderbetreuung gut organisieren",
  "Werkstatt: Spenden sinnvoll lenken", "Werkstatt: Begleitung zu Behörden",
  "Werkstatt: Freizeitangebote planen", "Werkstatt: Abschied gestalten",
  "Werkstatt: Sprachmittlung im Ehrenamt", "Werkstatt: Öffentlichkeitsarbeit im Kiez",
};

static const char * const bb_demo_training_basic_titles[] = {
  "BfE – Basis: Einführung in die Ehrenamtskoordination",
  "BfE – Basis: Rollen und Grenzen im Ehrenamt",
  "BfE – Basis: Recht, Versicherung, Datenschutz",
};

static const char * const bb_demo_training_advanced_titles[] = {
  "BfE – Aufbau: Ehrenamtliche langfristig binden",
  "BfE – Aufbau: Konfliktmoderation",
  "BfE – Aufbau: Projekte mit der Nachbarschaft",
  "BfE – Aufbau: Diversitätssensibel koordinieren",
};

static const char * const bb_demo_other_event_titles[] = {
  "Fachtag Ehrenamt in Unterkünften", "Dankeschön-Abend für Ehrenamtliche",
  "Jahrestreffen der Ehrenamtlichen", "Austausch mit dem Landesamt",
  "Infoabend für neue Ehrenamtliche",
};

static const char * const bb_demo_event_descriptions[] = {
  "Ankommen und Vorstellungsrunde. Input und Austausch in Kleingruppen. Verabredungen und Ausblick.",
  "Begrüßung. Berichte aus den Unterkünften. Schwerpunktthema. Verschiedenes.",
  "Input durch das BfE, danach Fallbesprechungen aus der Praxis. Bitte eigene Fragen mitbringen.",
  "Kurzer Überblick über aktuelle Entwicklungen, danach offener Austausch.",
};

static const char * const bb_demo_event_minutes[] = {
  "Gute Beteiligung. Themen: Ehrenamtliche gewinnen, Spenden, Datenschutz. Nächstes Treffen wie geplant.",
  "Austausch zu Konflikten und Hausordnung; Material wird nachgeschickt.",
  "Mehrere Unterkünfte berichten von rückläufigem Engagement; Ideen gesammelt.",
  "Vorstellung neuer Ehrenamtskoordinationen; Kontaktliste aktualisiert.",
};

G_END_DECLS
