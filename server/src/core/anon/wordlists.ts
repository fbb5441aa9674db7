/**
 * The checker's knowledge of Norwegian usage, written by hand: which
 * capitalised words are not identifying (public bodies, countries,
 * programmes), which words around a name say what it is, and which names
 * are also ordinary words. Kept apart from the name and place lists
 * (`data/`), which come from Statistics Norway.
 */

const set = (words: string) => new Set(words.trim().split(/\s*\n\s*|\s*,\s*/).filter(Boolean));

/**
 * Public institutions, agencies and services: naming them identifies no
 * one. Matched on the word (or its first hyphen part: `NAV-kontoret`).
 */
export const INSTITUTIONS = set(`
  Aetat, Trygdeetaten, Senterpartiet, Sp, Arbeiderpartiet, Ap, Høyre, Fremskrittspartiet, Frp, FrP, Venstre, Rødt, MDG, KrF, SV, Tories, SNP,
  Plaid, Sinn, Fianna, Democrats, Republicans,
  NAV, Nav, NAV-kontoret, Kontor, Kontoret, Bydel, Bydelen, Oppfølgingstjenesten, OT, PPT, PP-tjenesten, BUP, DPS, BUF, Bufetat, Bufdir, KS, Statsforvalteren, Fylkesmannen,
  Forsvaret, Politiet, Barnevernet, Barneverntjenesten, Helsestasjonen, Skolehelsetjenesten, Ungdomshelsestasjonen, Kommunen, Fylkeskommunen,
  Stortinget, Regjeringen, Storting, Regjering, Helsedirektoratet, Udir, Utdanningsdirektoratet, Arbeids, Velferdsdirektoratet, Arbeids-
  Kunnskapsdepartementet, Arbeidsdepartementet, Helsedepartementet, Barne-, Justisdepartementet, Departementet, Direktoratet,
  Lånekassen, Skatteetaten, Folkeregisteret, Husbanken, GDPR, Statped, Forskningsrådet, Forskingsrådet, Brønnøysundregistrene, Foretaksregisteret,
  Enhetsregisteret, Prosjektbanken, Lovdata, Trygderetten, Klageinstans, Høyesterett, Lagmannsretten, Eurostat, OECD, UNHCR,
  Highers, GCSE, GCSEs, EMA, PIP, ESA, JSA, Leaving Cert, Junior Cert, Sametinget, Samediggi, Diskrimineringsombudet, Arbeidsretten, Kriminalomsorgen, Konfliktrådet, Sivilombudet, Barneombudet, Likestillingsombudet,
  Arbeidstilsynet, Datatilsynet, Sikt, NSD, REK, FHI, Folkehelseinstituttet, SSB, Statistisk, NOU, Meld, St, Prop, Ot.prp, NOVA, OsloMet, Fafo,
  IMDi, UDI, Utlendingsdirektoratet, Introduksjonsprogrammet, Kvalifiseringsprogrammet, KVP, AAP, Ungdomsgarantien, Jobbsjansen, Fritidskortet, Fritidskort,
  Ungdomsløftet, Tiltaksgarantien, Arbeidsmarkedstiltak, Sosialtjenesten, Sosialtjenesteloven, Barnevernsloven, Opplæringsloven,
  Arbeidsmiljøloven, Folketrygdloven, Grunnloven, Forvaltningsloven, Helsenorge, Altinn, BankID, MinID, Vipps, Ruter, Vy, Finn, Finn.no,
  Facebook, Snapchat, Instagram, TikTok, Teams, Zoom, Messenger, WhatsApp, Google, YouTube, Discord, Excel, Word, PowerPoint, Outlook,
  Snap, Insta, Tiktok, Whatsapp, Youtube, FaceTime, Facetime, BeReal, Reddit, Twitch, Steam, Fortnite, Roblox, Minecraft, PlayStation,
  Playstation, Xbox, Nintendo, ChatGPT, Copilot, Wikipedia, Vigo, Fieldnotes, Sámediggi, Statsforvaltaren, Fylkesmannen,
  Signal, Telegram, Viber, Skype, Spotify, Netflix, Vimeo, LinkedIn, Twitter, Gmail, iPhone, Android, Uber, Bolt, Hertz, Avis, Widerøe,
  SAS, Flytoget, Posten, Bring, Digipost, Modia, Gosys, Arena, Aa-registeret, Kolumbus, Skyss, AtB, Entur, Microsoft, Apple, Samsung,
  Slack, Trello, Notion, Miro, Padlet, Mentimeter, Planner, Asana, Spond, Visma, NVivo, ATLAS.ti, MAXQDA, QualCoder, Taguette, Nettskjema, Zotero, EndNote, Dictaphone, Webex, Whereby, Kahoot,
  Canvas, Itslearning, Vigilo, Transponder, SharePoint, OneDrive, Dropbox, Hotmail, Yahoo, Elkjøp, Circle K, Oria, Vinmonopolet,
  YAML, JSON, CSV, PDF, IPS, APA, Harvard, Vancouver, Chicago, SMS, MMS, Jobcentre, NHS,
  Foodora, Wolt, Tise, Google Photos, Photos, iCloud, FileSender, Filesender, Ungdata, Arendalsuka, Kickstart, UiB, UiO, UiT, NTNU, OsloMet,
  Intreo, Tusla, Youthreach, JobPath, SOLAS, HSE, Garda, Gardaí, Samaritans, Barnardos, Foróige, DWP, HMRC, Ofsted, CAMHS, Childline, Eircode,
  Jobcenter, Jobcentret, Jobcentre, Arbetsförmedlingen, Arbetsförmedlare, Försäkringskassan, Komvux, Skatteverket, Migrationsverket,
  Socialstyrelsen, Socialtjänsten, CSN, SFI, Skat, Udbetaling Danmark, Borger.dk, STAR, Beskæftigelsesministeriet, Kommunen, Kommun,
  Socialförsäkringsbalken, Skollagen, Socialtjänstlagen, Beskæftigelsesloven, Aktivloven, Routledge,
  Raudekrossen, Røde Kors, Redd Barna, Kirkens Bymisjon, Fagbokforlaget, Universitetsforlaget, Gyldendal, Cappelen Damm, Cappelen, Aschehoug, Sage, Palgrave, Springer, Elsevier, Wiley, Emerald,
  Aftenposten, VG, Dagbladet, NRK, Klassekampen, Adresseavisen, Dagsavisen, BBC, Guardian, Khrono, Forskning.no,
  Nike, Adidas, Puma, Moncler, Canada Goose, North Face, Helly Hansen, Bergans, Norrøna, Levi's, Tetris, FIFA, GTA, Valorant, Duolingo,
  DeepL, Google Translate, Translate, Tinder, Vinted, Temu, Shein, Klarna, Hurtigruten, Flixbus, Ryanair, Norwegian Air, Visma, InSchool,
  Visma InSchool, Biedronka, Żabka, Jollibee, Pret, Costa, Nando's, Tesla, Volvo, Toyota, PlayStation 5, Netflix's, Wikipedia's,
  Covid, Covid-19, Korona, FN, EU, EØS, OECD, WHO, Unicef, Røde, Kors, Kirkens, Bymisjon, Frelsesarmeen, Blå, Kors,
  Universitetet, Høgskolen, Sykehuset, Helse, Nord, Sør, Øst, Vest, Midt, Norden, Skandinavia, Europa, Afrika, Asia, Amerika,
  Jul, Julen, Påske, Påsken, Pinse, Nyttår, Ramadan, Eid, Gud, Jesus, Allah,
`);

/**
 * Shop, hotel, café and petrol chains, in Norway and the UK, by their own
 * words: a chain named in general (`jobber på Kiwi`) identifies no one; a
 * shop of it named by its place (`Kiwi Fuglset`, `Rema 1000 Bergmo`,
 * `Coop Extra Hjelset`) is a workplace. Chains whose name is a first name
 * (`Max`) are left out: the name would be lost.
 */
export const CHAINS = set(`
  Kiwi, Rema, Rema 1000, Joker, Bunnpris, Coop, Coop Extra, Coop Prix, Coop Mega, Coop Obs, Extra, Prix, Obs, Meny, Spar, Eurospar, Europris,
  Elkjøp, Expert, XXL, Intersport, Mekonomen, Biltema, Jula, Byggmakker, Maxbo, Montér, Jernia, Plantasjen, Vitusapotek, Apotek 1, Boots,
  Narvesen, 7-Eleven, Circle K, Esso, Shell, Uno-X, YX, McDonald's, McDonalds, Burger King, Peppes, Egon, Starbucks, Kaffebrenneriet,
  Espresso House, Scandic, Norlandia, Espira, Cubus, Dressmann, KappAhl, Lindex, Bik Bok, Gina Tricot, Nille, Jysk, Ikea, IKEA, Clas Ohlson,
  Lidl, Tesco, Asda, Aldi, Morrisons, Sainsbury's, Greggs, Primark, Subway, KFC, River Island, Celtic, Rangers, Rusta, Deli de Luca, Thon Hotel, McDonald, Normal, Flying Tiger,
  H&M, Zara, Power, Komplett, Fretex, Netto, Føtex, Bilka, ICA, ICA Kvantum, ICA Maxi, Coop Forum, Willys, Hemköp, Rema 1000 Danmark
`);

/** Public bodies by the way their names end (`Sametinget`, `Skatteetaten`, `Arbeidstilsynet`). */
export const INSTITUTION_ENDINGS = /(tinget|direktoratet|styrelsen|kassan|förmedlingen|balken|myndigheten|verket|ministeriet|departementet|etaten|tilsynet|ombudet|tjenesten|tjenesta|tenesta|tenesten|vesenet|verket|nemnda|nemnden|rådet|forvaltningen|forvaltninga|kommunen|kommuna|fylkeskommunen|regjeringen|retten|domstolen|lagmannsretten|politiet|politidistrikt|universitetet|høgskolen|høgskulen|telefonen|programmet|garantien|ordningen|ordninga|planen|portalen|loven|lova|forskriften|rundskrivet|sekretariatet|utvalget|utvalet|innsatsen|reformen|reforma|meldingen|meldinga|banen)$/;

/** Whole multi-word institutions, matched before single words. */
export const INSTITUTION_PHRASES = [
  'Arbeids- og velferdsdirektoratet',
  'Arbeids- og inkluderingsdepartementet',
  'Barne-, ungdoms- og familiedirektoratet',
  'Statens vegvesen',
  'Statens pensjonskasse',
  'Røde Kors',
  'Ny GIV',
  'Blå Kors',
  'Kirkens Bymisjon',
  'Meld. St.',
  'NAV Kontaktsenter',
  'NAV Klage og anke',
  'NAV Internasjonalt',
  'NAV Kontroll',
  'NAV Økonomitjeneste',
  'NAV Familie- og pensjonsytelser',
  'Bergens Tidende',
  'Dagens Næringsliv',
  'TV 2',
];

/**
 * Politicians and others in public roles whom a transcript may quote or
 * mention as such, and the placeholder names that stand for anyone (`Ola
 * Nordmann`, `John Doe`). Not identifying, and never an informant's
 * pseudonym.
 */
export const PUBLIC_FIGURES = set(`
  Erna Solberg, Jonas Gahr Støre, Jens Stoltenberg, Kjell Magne Bondevik, Gro Harlem Brundtland, Thorbjørn Jagland,
  Tonje Brenna, Marte Mjøs Persen, Hadia Tajik, Anniken Hauglie, Torbjørn Røe Isaksen, Guri Melby, Kari Nessa Nordtun,
  Trygve Slagsvold Vedum, Sylvi Listhaug, Siv Jensen, Audun Lysbakken, Kirsti Bergstø, Bjørnar Moxnes, Marie Sneve Martinussen,
  Abid Raja, Jan Christian Vestre, Ingvild Kjerkol, Emilie Enger Mehl, Bent Høie, Kjersti Toppe, Henrik Asheim, Iselin Nybø,
  Jan Tore Sanner, Robert Eriksson, Hanne Bjurstrøm, Dagfinn Høybråten, Bjarne Håkon Hanssen, Karita Bekkemellem, Kristin Halvorsen,
  Kong Harald, Dronning Sonja, Kronprins Haakon, Kronprinsesse Mette-Marit, Mette-Marit,
  Hans Christian Holte, Ola Nordmann, Kari Nordmann, John Doe, Jane Doe,
  Erling Haaland, Erling Braut Haaland, Martin Ødegaard, Magnus Carlsen, Karsten Warholm, Jakob Ingebrigtsen, Ada Hegerberg,
  Therese Johaug, Marit Bjørgen, Petter Northug, Johannes Høsflot Klæbo, Kygo, Alan Walker, Sigrid Solbakk Raabe,
  Inga Bejer Engh, Marte Gerhardsen, Tonje Brenna, Anne Lindboe, Karianne Tung, Cecilie Myrseth, Lubna Jaffery, Ole Petter Ottersen,
  Curt Rice, Svein Stølen, Sunniva Whittaker, Rishi Sunak, Keir Starmer, Boris Johnson, Theresa May, Liz Truss, David Cameron,
  Gordon Brown, Tony Blair, Margaret Thatcher, Micheál Martin, Leo Varadkar, Simon Harris, Heather Humphreys, Mary Lou McDonald,
  Joe Biden, Donald Trump, Barack Obama, Kamala Harris, Mette Frederiksen, Ulf Kristersson, Magdalena Andersson, Stefan Löfven,
  Mark Drakeford, Vaughan Gething, Eluned Morgan, Nicola Sturgeon, Humza Yousaf, John Swinney, Mari Boine, Ella Marie Hætta Isaksen, Sofia Jannok, Aurora Aksnes, Greta Thunberg, Malala Yousafzai, Angela Merkel, Emmanuel Macron, Volodymyr Zelensky, Volodymyr Zelenskyj, Vladimir Putin,
  Olaf Scholz, Ursula von der Leyen, Recep Tayyip Erdoğan, Recep Tayyip Erdogan
`);

/** Public figures a note names by the surname alone, no Norwegian's surname (`Zelensky sa i går`, `Putins krig`). */
export const PUBLIC_SURNAMES = set(`Zelensky, Zelenskyj, Zelenskyy, Zelenskij, Putin, Trump, Obama, Biden, Merkel, Macron, Thunberg, Erdoğan, Erdogan, Scholz, Starmer, Sunak`);

/** A role written before a name that makes it public, not private (`statsminister Erna Solberg`). */
export const PUBLIC_ROLE =
  /^(stats(minister|råd|sekretær)|\p{L}*minister|stortingsrepresentant|kong|kongen|dronning|kronprins(esse)?|prinsesse|biskop|\p{L}*president|ordfører|fylkesordfører|velferdsdirektør|nav-direktør|helsedirektør|utdanningsdirektør|skattedirektør|utlendingsdirektør|barneombud|likestillingsombud|sivilombud|riksrevisor|mayor)$/iu;

/**
 * Words just before a name that say it is a person: titles, roles and
 * kin (`rektor Berg`, `fastlege Dahl`, `sønnen Tobias`), and verbs of
 * naming (`heter Bo`, `alle kalte Bamsen`).
 */
export const PERSON_CUES_BEFORE = set(`
  heter, het, hette, kalt, kalte, kalles, kaller, navnet, kallenavnet, oppkalt, kjælenavnet, kjælenavn, kjælenamnet, kallenamnet, nickname,
  fastlege, fastlegen, lege, legen, rektor, rektoren, lærer, læreren, kontaktlærer, kontaktlæreren, rådgiver, rådgiveren, veileder, veilederen,
  helsesykepleier, helsesykepleieren, helsesøster, sykepleier, psykolog, psykologen, miljøarbeider, miljøterapeut, sosionom, saksbehandler,
  saksbehandleren, trener, treneren, sjef, sjefen, leder, lederen, avdelingsleder, enhetsleder, kollega, kollegaen, kollegene, assistent, tolk, tolken, interpreter,
  mor, mora, moren, mamma, far, faren, pappa, sønn, sønnen, datter, datteren, dattera, bror, broren, lillebror, storebror, søster, søsteren,
  lillesøster, storesøster, onkel, onkelen, tante, tanta, tanten, bestemor, bestefar, farmor, farfar, mormor, morfar, kusine, fetter, søskenbarn,
  kona, kone, mann, mannen, ektemann, samboer, samboeren, kjæreste, kjæresten, venn, vennen, venninne, venninna, nabo, naboen,
  gutt, gutten, jente, jenta, jenten, eleven, elev, ungdommen, klienten, brukeren, deltakeren, informanten, ansatt, medarbeider,
  utleier, utleieren, huseier, huseieren, husvert, husverten, arbeidsgiver, arbeidsgiveren, arbeidsgjevar, arbeidsgjevaren, landlord,
  herr, fru, frøken, dr, professor, mr, mrs, ms, miss, mx, prof, sir, tita, tito, lola, lolo, kuya, ate, auntie, aunty,
  heiter, heitte, kalla, kallar, son, sonen, dotter, dottera, syster, systera, kona, mannen, guten, jenta, læraren, rektoren, venen, venninna,
  named, called, nicknamed, mother, father, mum, mom, dad, daughter, brother, sister, aunt, uncle, cousin, grandmother, grandfather, gran,
  granny, grandma, grandpa, wife, husband, partner, boyfriend, girlfriend, friend, neighbour, neighbor, colleague, teacher, headteacher,
  principal, counsellor, counselor, caseworker, nurse, doctor, coach, manager, boss, stepfather, stepmother, stepdad, stepmum, nephew, niece,
  trenar, trenaren, rådgjevar, rådgjevaren, leiar, leiaren, kollegaen, mayor, councillor, moderator, mod, facilitator, fasilitator, ordstyrer, ordstyrar,
  hooyo, aabo, aabbe, ayeeyo, awoowe, abti, eedo, walaal, mama, mami, papa, baba, babcia, dziadek, ciocia, wujek, mamusia, tėtis, močiutė,
  nanay, tatay, inay, itay, anak, mẹ, bố, má, bà, ông, ummi, abi, teta, jiddo, khala, amo, dayik, bavo, mamo, tato, babusia, бабушка, мама, папа,
  áhkku, áddjá, eadni, áhčči, oabbá, viellja, aahka, aajja, tjidtjie, aehtjie, mummo, vaari, äiti, isä, mummu, pappa, ukki
`);

/** Verbs after a sentence-initial surname that make it a person (`Moen ringte`), where the name alone would not. */
export const PERSON_VERBS_AFTER = set(`
  sa, sier, ringte, ringer, spurte, spør, svarte, svarer, fortalte, forteller, mente, mener, skrev, skriver, kom, kommer, hadde, har,
  jobber, jobbet, tok, tar, ga, gir, fikk, får, ville, vil, kunne, kan, skulle, skal, var, er, begynte, sluttet, lurte, trodde, tror, synes,
  syntes, møtte, sendte, sender, snakket, snakker, hjalp, hjelper, ordnet, foreslo, forklarte, nevnte, smilte, lo, gråt, husker, husket,
  said, says, told, tells, asked, asks, rang, rings, phoned, wrote, writes, thinks, thought, felt, feels, came, comes, went, goes, lives, lived,
  moved, works, worked, started, stopped, left, wants, wanted, knows, knew, has, had, was, is, got, gets, turned, dropped, finished,
  kjem, seier, svarar, fortel, ringjer, meiner, trur, fekk, tek, gjev, vart, bur, budde, kaller, kallar, kalte, kalla, calls
`);

/** Verbs of saying and thinking: after a word at a sentence start, they make it a person even when it is also a place (`Moen ringte`). */
export const HUMAN_VERBS = set(`
  sa, sier, ringte, ringer, spurte, spør, svarte, svarer, fortalte, forteller, mente, mener, skrev, skriver, lurte, trodde, tror, synes, syntes,
  smilte, lo, gråt, husker, husket, foreslo, forklarte, nevnte, snakket, snakker, sendte, møtte, hjalp, jobber, jobbet, ville, vil,
  bodde, bor, flyttet, fylte, fyller, giftet, tenkte, følte, sluttet, begynte, gikk, løp, grein, ropte, skrek, nikket, fortsatte, ønsket, håpet,
  lovet, lovte, lova, sa, sei, seier, spurde, svara, fortel, fortalde, meiner, meinte, trur, trudde, ringde, skreiv, hugsar, snakka, jobbar, bur, budde, dro, reiste,
  said, says, told, tells, asked, asks, rang, phoned, wrote, thinks, thought, felt, feels, smiled, laughed, cried, nodded, replied, answered,
  explained, mentioned, lives, lived, moved, works, worked, wanted, hoped, shouted, agreed, refused, admitted, complained, insisted, promised,
  nemnde, nemner, nevner, roper, smiler, ler, gråter, nikker, skriker, lurer, ropar, smiler, græt, nikkar
`);

/** The keys of e-mail headers and minutes, before a colon (`Re: SV: …`, `**Time:** 10.05`): labels, though some are places (`Re`, `Time`). */
export const FIELD_LABELS = set(`
  Re, RE, Sv, SV, Vs, VS, Fw, FW, Fwd, Emne, Subject, Time, Date, Dato, Tid, Sted, Venue, Place, Location, Til, Fra, From, To, Cc, Bcc, Kopi,
  Sent, Sendt, Present, Absent, Attendees, Tilstede, Forfall, Agenda, Referent, Minutes, Deltakere, Deltakarar, Møteleder, Chair, By
`);

/**
 * Verbs a memo or a task opens with, before the person it concerns (`Spør
 * Liv Marit om …`, `Ring Kari`, `Ask Grace about …`), and a log's verbs in
 * the past that open it so (`Ringde Hilde frå hotellet`): not part of the name.
 */
export const IMPERATIVES = set(`
  Spør, Spørre, Ring, Ringe, Send, Sende, Sjekk, Sjekke, Hør, Høre, Møt, Møte, Minn, Minne, Følg, Følge, Kontakt, Kontakte, Skriv, Skrive,
  Snakk, Snakke, Be, Gi, Ta, Husk, Avklar, Avklare, Finn, Inviter, Invitere, Mail, Maile, Meld, Takk, Takke, Purr, Purre, Tekst, Sms,
  Kall, Varsle, Varsl, Informer, Informere, Orienter, Booke, Book, Avtal, Avtale, Få, Hent, Hente, Besøk, Besøke, Intervju, Intervjue,
  Bruk, Bruke, Erstatt, Erstatte, Bytt, Bytte, Kall, Nevn, Nemn, Skift, Use, Replace, Rename, Name,
  Ask, Call, Email, E-mail, Text, Remind, Check, Message, Meet, Tell, Follow, Contact, Invite, Thank, Phone, Ring, Chase, Visit, Interview,
  Brief, Update, Inform, Collect, Get, Book, Se, Sjå, Les, Lese, Spørj, Spørje, Ringje, Høyr, Hugs, Sjekk, See, Read, Ping, Send, Write,
  Ringte, Ringde, Ringa, Ringet, Møtte, Spurte, Spurde, Sendte, Traff, Besøkte, Snakket, Snakka, Hjalp, Intervjuet, Intervjua, Mailet, Maila
`);

/** One-word replies that are not names (`Akkurat.`), for the rule that a name may stand alone as an answer (`Rojda.`). */
export const REPLIES = set(`
  Akkurat, Nettopp, Absolutt, Riktig, Stemmer, Sant, Klart, Sikkert, Kanskje, Tja, Mm, Mhm, Hmm, Eh, Ehm, Jepp, Niks, Javisst, Jada, Neida,
  Selvfølgelig, Definitivt, Gjerne, Takk, Flott, Bra, Fint, Supert, Interessant, Nja, Jaså, Oi, Huff, Uff, Skjønner, Forstår, Enig, Uenig, Godt,
  Greit, Ok, Okei, Ja, Nei, Jo, Vel, Altså, Nemlig, Sikkert, Garantert, Aldri, Alltid, Ofte, Sjelden, Iblant, Noen, Ingen, Begge, Alle,
  Jf, Jfr, Ca, Dvs, Mvh, Evt, Osv, Obs, Nb, Ps, Tlf, Kl, Nr, Vedr, Ref, Red, Bl, Etc, Mht, Iht, Pga,
  Stille, Herregud, Jøss, Wow, Æsj, Hæ, Hei, Hallo, Ha, Kjempebra, Nydelig, Ærlig, Ingenting, Sikker, Tusen,
  Sjølvsagt, Sjølvsagd, Visst, Heilt, Greitt, Kjekt, Nett, Nemleg, Sant, Kanskje, Trongt, Vanskeleg, Kjedeleg, Gjerne, Nokså,
  Wallah, Walla, Wollah, Yalla, Jalla, Habibi, Inshallah, Insha, Mashallah, Bismillah, Hamdulillah, Alhamdulillah, Wesh, Bro, Bruh, Sheesh,
  Lol, Omg, Wtf, Xd, Haha, Hahaha,
  Yes, No, Yeah, Yep, Nope, Okay, Sure, Right, Exactly, Absolutely, Definitely, Maybe, Perhaps, Probably, Never, Always, Sometimes,
  Nobody, Nothing, Everyone, Everybody, Somebody, Someone, Anyone, None, Thanks, Sorry, Please, Brilliant, Great, Fine, Good, Lovely,
  Quiet, Silence, Really, Seriously, Honestly, Wait, Well, Hm, Uh, Um, Oh, Ah, Cheers, Indeed, Agreed, Correct, True, Nah
`);

/** Verbs of naming: the word after them is a name, wherever it stands (`alle kalte «Tuppen»`, `Gutten heter Bo`). */
export const NAMING_CUES = set(`heter, het, hette, kalt, kalte, kalles, kaller, navnet, kallenavnet, kjælenavnet, kjælenavn, kjælenamnet, oppkalt, heiter, heitte, kalla, kallar, namnet, kallenamnet, named, called, calls, call, nicknamed, nickname`);

/** Prepositions that make even a surname a place (`fra Egge`): farm names became surnames, and the other way round. */
export const STRONG_PLACE_CUES = set(`i, på, fra, ved, utenfor, nær, innenfor, in, from, near, outside`);

/** Prepositions before a capitalised word that make it a place (`på Tøyen`, `i Molde`). */
export const PLACE_CUES_BEFORE = set(`i, på, fra, til, ved, nær, utenfor, rundt, mot, over, gjennom, innenfor, langs, nord, sør, øst, vest, bort, inn, ut, opp, ned, in, from, near, outside, around, towards`);

/** A capitalised word before these is a street (`Kongens gate 40`), when a number follows. */
export const STREET_WORDS = set(`gate, gata, gaten, vei, veien, veg, vegen, allé, alle, plass, plassen, torg, torget, stien, bakken, svingen, løkka, brygga, kaia, terrasse`);

/** Place-name endings, for places missing from the lists (villages, islands, neighbourhoods). */
export const PLACE_ENDINGS = /(øy|øya|øyene|vik|vika|viken|dal|dalen|dalsøra|fjord|fjorden|sund|sundet|nes|neset|stad|heim|byen|rud|strand|øra|møre|land|landet|mark|marka|åsen|haugen|bakken|holmen|sjøen|vann|vatnet|elva|kollen|toppen|lia|bygd|bygda|grend|setra|sætra|vågen|våg|hamn|havn|hamna|fyr|eid|ly|tun|gård|gården|jordet|voll|vollen)$/u;

/** Compounds naming a local model or project after its place (`Moldemodellen`, `Larvikprosjektet`). */
export const PLACE_COMPOUND_ENDINGS = /^(\p{Lu}[\p{L}-]*?)-?(modellen|modell|prosjektet|prosjekt|satsingen|satsinga|satsing|ordningen|ordninga|metoden|samarbeidet|nettverket|teamet|tiltaket|løftet|dagen|dagene|konferansen|veien|skolen)$/u;

/** Company forms, and words that end the names of businesses and clubs (`Salten Bil AS`, `Greåker Bokseklubb`, `Raufoss Bakeri og Konditori`). */
const ORG_FORMS = new Set(['AS', 'ASA', 'ANS', 'DA', 'SA', 'BA', 'IL', 'IF', 'FK', 'BK', 'SK', 'IK', 'TIL', 'AIL', 'ENK', 'NUF']);
const ORG_WORD_ENDINGS =
  /(klubb|klubben|idrettslag|idrettslaget|lag|laget|forening|foreningen|senter|senteret|bryggeri|bryggeriet|bakeri|bakeriet|konditori|sveis|montasje|sparebank|bank|banken|kro|kroa|hotel|hotell|hotellet|kafé|kafe|cafe|kirke|menighet|service|transport|bygg|elektro|rør|regnskap|eiendom|handel|verksted|industri|fisk|sjømat|gård|frisør|apotek|butikk|marked|dekk|felg|bil|auto|kiosk|restaurant|pizza|pizzeria|kebab|grill|sykkel|sport|data|media|consult|consulting|partner|gruppen|group|invest|holding|vekst|produksjon|maskin|entreprenør|mek|snekkeri|møbler|interiør|blomster|optikk|tannlege|klinikk|fysioterapi|trafikkskole)$/;

/** English schools' words after their names (`Tremorfa High School`, `St Saviour's Primary`, `Craigton Academy`, `Strode College`). */
const SCHOOL_WORDS = new Set(['School', 'Academy', 'College', 'Coleg', 'Primary', 'Secondary', 'High', 'Grammar', 'Gaelscoil', 'Gaelcholáiste', 'Ysgol']);

/** Whether a word ends an English school's name (`School`, `College`, `Academy`). */
export function isSchoolWord(word: string): boolean {
  return SCHOOL_WORDS.has(word);
}

/** A word that makes a run of capitalised words an organisation. */
export function isOrgWord(word: string): boolean {
  return ORG_FORMS.has(word) || SCHOOL_WORDS.has(word) || ORG_WORD_ENDINGS.test(word.toLowerCase());
}

/** Lower-case words after a capitalised name that make it a school or institution of a place (`Bryn ungdomsskole`). */
export const ORG_FOLLOWERS = /^(videregående skole|vidaregåande skule|videregående|vidaregåande|vgs|joatkkaskuvla|skuvla|ungdomsskule|barneskule|skule|ungdomsskole|barneskole|skole|barnehage|oppvekstsenter|kulturskole|folkehøgskole|fritidsklubb|ungdomsklubb|idrettslag|sykehjem|legekontor|legesenter|bibliotek|helsestasjon|menighet|kirke)\b/u;

/**
 * Names and places that are also ordinary words. At the start of a
 * sentence they are read as words unless something else says they are
 * names (`Per i dag ...`, `Liv og røre ...`, `Bo hjemme ...`).
 */
export const AMBIGUOUS = set(`
  Per, Liv, Bo, Dag, Tor, Ask, Eik, Lind, Sol, Stein, Bjørn, Rune, Mai, Vår, Ung, Frank, Fin, Hell, Sand, Strand, Berg, Dal, Li, Lie, Vik,
  Haug, Holm, Lund, Bakke, Bakken, Eng, Foss, Hage, Hagen, Haugen, Dalen, Lien, Viken, Berget, Skog, Skogen, Moe, Moen, Nes, Brekke,
  Bø, Ski, Moss, Vang, Sande, Stord, Os, Nord, Sør, Øst, Vest, Mo, Ål, Å, Hov, Bryne, Fjell, Dale, Elv, Ly, Tun, Grønn, Svart, Hvit,
  Rød, Brun, Lang, Storm, Vinter, Sommer, Høst, Kristen, Konge, Kongen, Prest, Skole, Borg, Hus, By, Land, Sjø, Havn, Ende, Alle, Ingen,
  Noen, Mange, Mens, Men, Når, Hvis, Selv, Også, Bare, Kun, Helt, Veldig, Ellers, Faktisk, Egentlig, Likevel, Heldigvis, Dessverre, Jo, Nei, Ja,
  Rett, Sterk, Glad, Snill, Trygg, Frisk, Solid, Sikker, Ærlig, Tidlig, Sent, Ny, Gammel, Kai, Laks, Torsk, Ørn, Rev, Elg,
  Sel, Hval, Ravn, Fugl, Fisk, Bonde, Smed, Kokk, Fisker, Snekker, Bakker, Møller, Skipper, Hammer, Kniv, Krok, Mann, Kvinne, Venn, Ro, Fred,
  Hjem, Heim, Vang, Vik, Mo, Bru, Bro, Kirk, Kirke, Tveit, Myr, Myren, Rud, Sæter, Seter, Stue, Stuen, Vold, Voll, Ås, Åsen, Flaten, Flat,
  Lunde, Haga, Aas, Nesse, Lia, Lii, Bakk, Tangen, Tange, Nygård, Nyland, Nordby, Sørby, Østby, Vestby,
  Are, Arve, Ben, Brede, Bror, Endre, Finn, Gard, Gro, Gry, Helga, Helle, Iver, Lene, Line, Live, Lykke, Roman, Sanne, Sanna,
  Siv, Stig, Tale, Tine, Tone, Tore, Tom, Vera, Vegar, Vilje, Vetle, Hauk, Falk, Varg, Saga, Marina, Tilde, Rikke, Edel, Frid,
  Annar, Inga, Klara, Lyder, Rene, Sina, Vilja, Vilde, Lina, Luka, Juni, Tim, Une, Unn, Vida, Ane, Mila, Nok
`);

/**
 * First names that are common words in lower case only, and whose capital
 * says nothing of which (`anna` is Nynorsk for `annen`; `Anna` at a
 * sentence start is mostly the name).
 */
export const WORDS_IN_LOWER_CASE = set(`anna, annan`);

/** Weekdays, months and words for them: lower case in Norwegian, but capitalised at a sentence start. */
export const CALENDAR = set(`
  Mandag, Tirsdag, Onsdag, Torsdag, Fredag, Lørdag, Søndag, Januar, Februar, Mars, April, Mai, Juni, Juli, August, September, Oktober, November, Desember,
  Spring, Summer, Autumn, Winter
`);

/** Roles the study uses as pseudonyms (`NAV-leder 12`, `Rådgiver 5`, `Veileder D`, `Veileder 39D`): a role followed by a number or a capital letter, or both. */
export const PSEUDONYM = /^(\p{Lu}[\p{L}-]*)[ -](\d+\p{Lu}?|\p{Lu})$/u;

/**
 * Pronouns, conjunctions, adverbs and other words that are never names,
 * though some are spelled like one somewhere (`Nå` is a village, `Andre` a
 * first name): never flagged, never confirmed as a name.
 */
export const NEVER_NAMES = set(`
  Jeg, Du, Han, Hun, Den, Det, Vi, Dere, De, Meg, Deg, Ham, Henne, Oss, Dem, Seg, Min, Mitt, Mine, Din, Ditt, Dine, Hans, Hennes, Vår, Vårt, Våre,
  Deres, Sin, Sitt, Sine, Og, Eller, Men, For, Så, At, Om, Som, Når, Da, Hvis, Fordi, Selv, Enn, Både, Verken, Hverken, Enten, Mens, Siden, Før, Etter,
  Nå, Her, Der, Hit, Dit, Ikke, Aldri, Alltid, Ofte, Ja, Nei, Jo, Vel, Kanskje, Også, Bare, Heller, Likevel, Dessuten, Altså, Derfor,
  Hva, Hvem, Hvor, Hvordan, Hvorfor, Hvilken, Hvilket, Hvilke, Er, Var, Har, Hadde, Blir, Ble, Kan, Kunne, Skal, Skulle, Vil, Ville, Må, Måtte, Får, Fikk,
  En, Ei, Et, Noen, Noe, Ingen, Ingenting, Alle, Alt, Hver, Hvert, Mange, Mye, Flere, Fleste, Få, Lite, Andre, Annen, Annet, Samme, Egen, Eget, Egne,
  Første, Siste, Neste, Forrige, Hele, Halve, Begge, Slik, Sånn, Sånt, Sånne, Slike, Dette, Disse, Denne, Hei, Takk, Ok, Okei, Greit, Vel, Altså,
  I, På, Til, Fra, Med, Av, Ved, Uten, Under, Over, Mellom, Mot, Hos, Gjennom, Rundt, Blant, Innen, Utenfor, Inne, Ute, Oppe, Nede, Borte, Hjemme,
  Eg, Ho, Me, Dei, Dykk, Dykkar, Ikkje, Kva, Kven, Korleis, Kvifor, Kor, Då, No, Berre, Difor, Frå, Utan, Mykje, Nokon, Noko, Ingen, Alle, Òg, Sjølv, Heile,
  Sendt, Emne, Kopi, Blindkopi, Vedlegg, Dato, Subject, Sent, Cc, Bcc, Attachments, Ekstern, Gjest, Folk, Folka,
  I'm, I've, I'd, I'll, I’m, I’ve, I’d, I’ll,
  Kiitos, Giitu, Moi, Terve, Buorre, Hyvää, Diolch, Cofion, Helo, Hwyl, Shwmae, Ffôn, Symudol, Slán, Sláinte,
  Dia, Dhuit, Duit, Daoibh, Craic, Conas, Maith, Agat, Agaibh, Chairde, Cairde, Iawn, Croeso, Bore, Noswaith, Prynhawn, Gŵyl, Gwyl, Fhéile, Féile, Santes,
  Hi, Hey, Hello, Hallo, Heisann, Dear, Kjære, Videresendt, Forwarded, Fwd, Fw, Mvh, Hilsen, Regards, Besøksadresse, Postadresse, Adresse, Mob, Mobil, Tlf, Telefon, Tel, Sentralbord,
  Elles, Ellers, Deichman, Medan, Sidan, Etterpå, Framleis, Enno, Saman, Kvar, Kvart, Nokre, Eit, Ein, Dette, Desse, Denne, Korfor, Likevel, Dessutan, Sjølvsagt, Særleg, Særlig, Spesielt, Især, Iallfall, Uansett, Derimot,
  Mum, Mom, Dad, Nan, Nana, Granny, Grandma, Grandpa, Auntie, Mamma, Pappa, Mormor, Morfar, Farmor, Farfar, Bestemor, Bestefar,
  Bruker, Brukeren, Brukar, Brukaren, Klient, Klienten, Pasient, Pasienten, Deltaker, Deltakeren, Deltakar, Deltakaren, Arbeidssøker, Arbeidssøkeren,
  Utleier, Utleieren, Huseier, Husvert,
  PhD, Ph.D, MSc, BSc, MPhil, DPhil, MBA, LLM, EdD, PsyD, MEd, BEd, MSW, BSW, MRes, PGCE,
  Tre, Fire, Fem, Seks, Sju, Syv, Åtte, Elleve, Tolv, Tretten, Fjorten, Femten, Seksten, Sytten, Atten, Nitten, Tjue, Tretti, Førti, Femti,
  Trettan, Fjortan, Femtan, Sekstan, Syttan, Attan, Nittan
`);

/** Titles before a name, never a name themselves (`Mrs Okafor`, `Dr. Lie`), also those by which kin and elders are called (`Tita Marisol`, `Auntie Grace`, `Kuya Jun`). */
export const TITLES = set(`Mr, Mrs, Ms, Miss, Mx, Dr, Prof, Sir, Dame, Fru, Frøken, Herr, Tita, Tito, Lola, Lolo, Kuya, Ate, Auntie, Aunty, Uncle, Mama, Papa, Baba, Hajji, Haji, Sheikh, Imam, Pastor, Rev, Reverend, Rabbi`);

/** The last word of an English public body's, law's, programme's or publisher's name: such a run names no one (`the Social Services Act`, `Harvard University Press`). */
export const PUBLIC_BODY_HEADS = set(`
  Act, Acts, Programme, Program, Guarantee, Administration, Directorate, Ministry, Minister, Service, Services,
  Agency, Authority, Inspectorate, Ombud, Ombudsman, Parliament, Government, Court, Tribunal, Regulations, Reform, Strategy, Plus,
  Allowance, Benefit, Credit, Scheme, Payment, Cert, Certificate, Press
`);
