/**
 * Capitalised words that name no one and nowhere a study could identify:
 * months, weekdays and holidays, languages, peoples and nationalities,
 * countries.
 * English writes all of them with a capital, Norwegian some. Months,
 * weekdays, languages and countries come from the runtime's own CLDR data
 * (`Intl`), in English, Bokmål and Nynorsk, so no list is kept by hand;
 * nationalities that are not also a language's name are listed below.
 */

import { capitalised } from './prose.js';

const LOCALES = ['en', 'nb', 'nn'];


/** A month's and a weekday's date in 2024, each as `Intl` formats it (1 January 2024 was a Monday). */
const MONTH_DATES = Array.from({ length: 12 }, (_, month) => new Date(Date.UTC(2024, month, 15)));
const WEEKDAY_DATES = Array.from({ length: 7 }, (_, day) => new Date(Date.UTC(2024, 0, day + 1)));

/** The months' and weekdays' names in a language, in the runtime's words (`januar`, `mandag`; `Dé Luain`). */
function monthsAndWeekdays(locale: string): string[] {
  const months = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
  const days = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  return [...MONTH_DATES.map((date) => months.format(date)), ...WEEKDAY_DATES.map((date) => days.format(date))];
}

function calendarWords(): string[] {
  const words: string[] = [];
  for (const locale of LOCALES) {
    const shortMonths = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
    words.push(...monthsAndWeekdays(locale), ...MONTH_DATES.map((date) => shortMonths.format(date).replace(/\.$/, '')));
  }
  // English weekdays as e-mail headers and calendars shorten them (`On Tue, 12 Mar`); Norwegian's short forms are names (`Tor`).
  const shortDays = new Intl.DateTimeFormat('en', { weekday: 'short', timeZone: 'UTC' });
  words.push(...WEEKDAY_DATES.map((date) => shortDays.format(date)));
  words.push('Tues', 'Weds', 'Thur', 'Thurs');
  // (And September as British and Norwegian notes shorten it, which the runtime's `Sep` leaves out: `12 Sept`.)
  words.push('Sept');
  // Months and weekdays in Irish and Welsh, as the studies with Irish and Welsh partners write them (`Dé Luain`, `Dydd Llun`,
  // `Eanáir`, `Ionawr`): each word of them, since a name is read word by word.
  for (const locale of ['ga', 'cy']) for (const name of monthsAndWeekdays(locale)) words.push(...name.split(' '));
  // The days a chat app stamps its messages with (`sniperbaba04 — Today at 14:11`), as the runtime words them; only those of
  // one word (`i dag` is two, and `Dag` a name).
  for (const locale of LOCALES) {
    const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    for (const offset of [-1, 0, 1]) if (!relative.format(offset, 'day').includes(' ')) words.push(capitalised(relative.format(offset, 'day')));
  }
  return words;
}

/** The world's parts by their UN M.49 codes (`Africa`, `Øst-Europa`, `Sørøst-Asia`, `Latin-Amerika`): their names come from `Intl`. Not the Caribbean (029), an adjective that starts names (`Caribbean Queen Patties`). */
const WORLD_AREAS = '002 005 009 011 013 014 015 017 018 019 021 030 034 035 039 053 054 057 061 142 143 145 150 151 154 155 202 419';

/** The names `Intl` gives the codes in each of the notes' languages. */
function namesOfCodes(type: 'region' | 'script', codes: string): string[] {
  const names: string[] = [];
  for (const locale of LOCALES) {
    const table = new Intl.DisplayNames([locale], { type, fallback: 'none' });
    for (const code of codes.split(' ')) {
      const name = table.of(code);
      if (name) names.push(name);
    }
  }
  return names;
}

/** Every two-letter code a display-name table knows (ISO 639-1 languages, ISO 3166 regions). */
function displayNames(type: 'language' | 'region', upper: boolean): string[] {
  const names: string[] = [];
  for (const locale of LOCALES) {
    const table = new Intl.DisplayNames([locale], { type, fallback: 'none' });
    for (let a = 97; a <= 122; a++) {
      for (let b = 97; b <= 122; b++) {
        const code = String.fromCharCode(a, b);
        try {
          const name = table.of(upper ? code.toUpperCase() : code);
          if (name) names.push(name);
        } catch {
          // a code the table does not take
        }
      }
    }
  }
  return names;
}

/** The writing systems notes name beside a name written in them (ISO 15924 codes): their names come from `Intl`. */
const SCRIPTS = 'Arab Armn Beng Cyrl Deva Ethi Geor Grek Gujr Guru Hang Hebr Hira Kana Khmr Knda Laoo Latn Mlym Mong Mymr Orya Sinh Syrc Taml Telu Tfng Thaa Thai Tibt Jpan Kore';

/** The scripts' names (`Cyrillic`, `kyrillisk`, `Ethiopic`); not a short one that is also a word or a name (`Han`). */
function scriptNames(): string[] {
  return namesOfCodes('script', SCRIPTS).filter((name) => name.length > 3 && !name.includes(' '));
}

/**
 * Faiths and denominations as English capitalises them (`Muslim`, `Pentecostal`, `Sunni`): no one's name, as a people's is
 * none. Not those that are names too (`Christian`, `Ahmadi`, `Sufi`).
 */
const FAITHS = `
  Muslim, Muslims, Islamic, Sunni, Shia, Shiite, Christians, Catholic, Catholics, Roman Catholic,
  Protestant, Protestants, Lutheran, Lutherans, Orthodox, Pentecostal, Pentecostals, Evangelical, Evangelicals, Baptist, Baptists, Methodist,
  Methodists, Anglican, Anglicans, Presbyterian, Adventist, Adventists, Mormon, Mormons, Quaker, Quakers, Coptic, Jewish, Jew, Jews, Hindu, Hindus,
  Buddhist, Buddhists, Sikh, Sikhs, Bahá'í, Baha'i, Jehovah's Witness, Jehovah's Witnesses, Atheist, Humanist
`;

/** Nationalities and peoples in English whose word is no language's name (those come from `Intl`). */
const NATIONALITIES = `
  Bhutanese, Nepalese, South Sudanese, Malian, Zambian, Malawian, Mozambican, Bolivian, Ecuadorian, Dominican, Haitian, Indian, Arab,
  Afghan, Algerian, American, Angolan, Argentinian, Australian, Austrian, Bangladeshi, Belgian, Bosnian, Brazilian, British, Bulgarian,
  Burundian, Sierra Leonean, Liberian, Gambian, Guinean, Ivorian, Cameroonian, Canadian, Chilean, Colombian, Congolese, Cuban, Cypriot, Egyptian, Eritrean, Ethiopian, Filipino, Filipina, Philippine, Ghanaian, Cymraeg, Gaeilge, Gàidhlig, Kernewek, Sámegiella, Davvisámegiella,
  Iranian, Iraqi, Irish, Jamaican, Jordanian, Kenyan, Kosovar, Kuwaiti, Lebanese, Libyan, Mexican, Moroccan, Nigerian, Pakistani,
  Palestinian, Peruvian, Qatari, Rwandan, Saudi, Scottish, Senegalese, Sri Lankan, Sudanese, Syrian, Tanzanian, Tunisian, Ugandan,
  Venezuelan, Welsh, Yemeni, Zimbabwean, European, African, Asian, Scandinavian, Nordic, Middle Eastern, Latin American,
  Norwegians, Swedes, Danes, Finns, Somalis, Syrians, Afghans, Eritreans, Poles, Lithuanians, Ukrainians, Americans, Europeans,
  Scots, Sami, Sámi, North Sami, Northern Sami, Bokmål, Nynorsk, Kven, Romani, Sorani, Kurmanji, Badini, Farsi, Dari, Tigrinja, Tigrinya,
  Amharisk, Oromo, Pashto, Urdu, Punjabi, Tamil, Tagalog, Bisaya, Cebuano, Hiligaynon, Ilocano, Ilokano, Waray, Kapampangan, Twi, Ewe, Yoruba,
  Igbo, Hausa, Wolof, Lingala, Kinyarwanda, Kirundi, Hazara, Hazaras, Pashtun, Pashtuns, Tajik, Uzbek, Amhara, Tigrayan, Kurd, Kurds,
  Rohingya, Yazidi, Yezidi, Assyrian, Chaldean, Druze, Amazigh, Berber, Tuareg, Fulani, Ashanti, Akan, Hmong, Roma, Tater, Romanifolk,
  Gaelic, Doric, Ulster Scots, Traveller, Travellers, Midwestern
`;

/** Norway's parts (landsdeler), the American states and the Canadian provinces, and other regions too broad to identify anyone, counted with the countries (not `New York` or `Washington`, cities too). */
const BROAD_REGIONS = `Vestlandet, Østlandet, Sørlandet, Nord-Norge, Midt-Norge, Nordvestlandet, Sør-Norge, Nordkalotten, Sápmi, Skandinavia, Norden,
  Kurdistan, Tsjetsjenia, Chechnya, Kongo, Congo, Darfur, Balkan, Midtøsten, Kaukasus, UK, USA, US, UAE, Nord-Amerika, North America,
  Alabama, Alaska, Arizona, Arkansas, California, Colorado, Connecticut, Delaware, Florida, Georgia, Hawaii, Idaho, Illinois, Indiana,
  Iowa, Kansas, Kentucky, Louisiana, Maine, Maryland, Massachusetts, Michigan, Minnesota, Mississippi, Missouri, Montana, Nebraska,
  Nevada, New Hampshire, New Jersey, New Mexico, North Carolina, North Dakota, Ohio, Oklahoma, Oregon, Pennsylvania, Rhode Island,
  South Carolina, South Dakota, Tennessee, Texas, Utah, Vermont, Virginia, West Virginia, Wisconsin, Wyoming, Midwest, Midtvesten,
  Ontario, Quebec, Québec, British Columbia, Alberta, Manitoba, Saskatchewan, Nova Scotia, New Brunswick, Newfoundland, Nunavut, Yukon`;

/** Holidays, feasts and the daily prayers' names, in English and Norwegian: times, never anyone's name. */
const HOLIDAYS = `
  Christmas, Easter, Whitsun, Pentecost, Advent, Lent, Ramadan, Eid, Hanukkah, Diwali, Halloween, Midsummer, Thanksgiving, Newroz, Nowruz,
  Jul, Julaften, Påske, Påsken, Pinse, Pinsen, Sankthans, Nyttår, Nyttårsaften, Romjul, Romjula, Romjulen,
  Kristi, Himmelfartsdag, Samefolkets, Skjærtorsdag, Langfredag, Påskeaften, Pinseaften, Grunnlovsdagen, Frigjøringsdagen,
  Sankthansaften, Allehelgensdag, Valentinsdag, Farsdag, Morsdag, Boxing, Hogmanay,
  Tết, Tet, Iftar, Suhoor, Sehri, Maghrib, Fajr, Dhuhr, Jummah, Jumu'ah, Shabbat, Sabbath, Pesach, Passover, Vesak, Holi, Lunar New Year
`;

/**
 * Large cities abroad: the runtime's time-zone cities (`Europe/Lisbon`,
 * `Africa/Accra`), with the cities conferences and studies abroad bring
 * that no zone is named after, and Norwegian spellings.
 */
const MORE_CITIES = `
  Gothenburg, Göteborg, Gøteborg, Malmö, Malmø, Uppsala, Aarhus, Århus, Odense, Turku, Tampere, Glasgow, Edinburgh, Manchester,
  Birmingham, Liverpool, Leeds, Bristol, Cambridge, Oxford, Barcelona, Milan, Milano, Munich, München, Hamburg, Frankfurt, Cologne, Köln,
  Geneva, Genève, Rotterdam, Utrecht, Kraków, Krakow, Montréal, Toronto, Boston, Washington, San Francisco, Seattle, Melbourne,
  København, Lisboa, Roma, Aten, Athens, Praha, Warszawa, Wien, Brussel, Beograd, Moskva, Kyiv, Zürich, Stockholm, Helsinki, Reykjavik
`;

function worldCities(): Set<string> {
  const cities = new Set(Intl.supportedValuesOf('timeZone').map((zone) => zone.slice(zone.lastIndexOf('/') + 1).replace(/_/g, ' ')));
  for (const city of MORE_CITIES.split(',')) if (city.trim()) cities.add(city.trim());
  return cities;
}

let cities: Set<string> | undefined;

/** A large city abroad (`Lisbon`, `Accra`, `Gothenburg`), by its English or Norwegian name. */
export function isWorldCity(name: string): boolean {
  return (cities ??= worldCities()).has(name);
}

function build(): { calendar: Set<string>; holidays: Set<string>; peoples: Set<string>; countries: Set<string> } {
  const holidays = new Set(HOLIDAYS.split(',').map((h) => h.trim()).filter(Boolean).map(capitalised));
  const calendar = new Set([...calendarWords().map(capitalised), ...holidays]);
  const peoples = new Set<string>();
  for (const name of [...displayNames('language', false), ...scriptNames(), ...NATIONALITIES.split(',').map((n) => n.trim()), ...FAITHS.split(',').map((n) => n.trim())]) {
    if (name) peoples.add(capitalised(name));
  }
  // The nations of the United Kingdom, which have no region code.
  const countries = new Set([...displayNames('region', true), ...namesOfCodes('region', WORLD_AREAS), 'England', 'Scotland', 'Wales', 'Northern Ireland', ...BROAD_REGIONS.split(',').map((r) => r.trim())].map(capitalised));
  return { calendar, holidays, peoples, countries };
}

let lists: ReturnType<typeof build> | undefined;

/** A month, a weekday or a holiday, in English or Norwegian (`Monday`, `Mai`, `Easter`), capitalised as at a sentence start. */
export function isCalendarWord(word: string): boolean {
  return (lists ??= build()).calendar.has(word);
}

/** A holiday (`Easter`, `Påske`): unlike a month (`May`), never a name, even where a list has it as one. */
export function isHoliday(word: string): boolean {
  return (lists ??= build()).holidays.has(word);
}

/** A language, people, nationality or faith (`Somali`, `Polish`, `Norwegian Bokmål`, `Eritrean`, `Pentecostal`): never identifying alone. */
export function isPeopleOrLanguage(word: string): boolean {
  const { peoples } = (lists ??= build());
  // A people in the plural (`Latvians`, `Somalis`), where the lists have the singular.
  return peoples.has(word) || (word.endsWith('s') && peoples.has(word.slice(0, -1)));
}

/** A country or territory, in English or Norwegian (`Eritrea`, `Polen`, `the United Kingdom` as `United Kingdom`). */
export function isCountryName(word: string): boolean {
  return (lists ??= build()).countries.has(word);
}
