import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Catalogue, flatten } from './icu';
import { LOCALES, type Locale } from './locales';

type Translated = Exclude<Locale, 'en'>;
type Term = { row: number; term: string; en: RegExp; forms: Record<Translated, RegExp> };

// The glossary's terms a machine can check (docs/glossary.md, "Terms", by row): where an English message uses the
// term, the same key's message in each locale uses that locale's glossary term. docs/glossary.md is the source;
// this table follows it, and the first test below holds each pattern to the glossary's own cell, so a term changed
// there fails here until the table says the same. Every pattern is matched case-insensitively; a locale's pattern
// is a stem or allows the inflections its language writes (cases, plurals, the Arabic article and construct state,
// a Mongolian suffix); a `.` in French stands for either apostrophe (' ’). Left out: terms a language words
// differently by context (provider, match, delivery, the verbs).
const TERMS: Term[] = [
  {
    row: 1,
    term: 'resolution 1540',
    en: /\bresolution 1540\b/,
    forms: {
      mn: /1540 .*тогтоол/,
      ru: /резолюци\S* 1540/,
      fr: /résolution 1540/,
      es: /resolución 1540/,
      ar: /قرار .*1540|القرار 1540/,
      zh: /第1540.*号决议/,
    },
  },
  {
    row: 2,
    term: 'Security Council',
    en: /\bSecurity Council\b/,
    forms: {
      mn: /Аюулгүйн Зөвлөл/,
      ru: /Совет\S* Безопасности/,
      fr: /Conseil de sécurité/,
      es: /Consejo de Seguridad/,
      ar: /مجلس الأمن/,
      zh: /安全理事会|安理会/,
    },
  },
  {
    row: 3,
    term: 'the 1540 Committee',
    en: /\bCommittee\b/,
    forms: { mn: /хороо/, ru: /Комитет/, fr: /Comité/, es: /Comité/, ar: /لجن/, zh: /委员会/ },
  },
  {
    row: 5,
    term: 'operative paragraph',
    en: /\boperative paragraphs?\b/,
    forms: {
      mn: /тогтоох хэсгийн заалт/,
      ru: /пункт\S* постановляющей части/,
      fr: /paragraphes? du dispositif/,
      es: /párrafos? dispositivos?/,
      ar: /فقر\S* (من )?(ال)?منطوق/,
      zh: /执行段落/,
    },
  },
  {
    row: 7,
    term: 'note verbale',
    en: /\bnotes? verbales?\b/,
    forms: {
      mn: /аман нот/,
      ru: /вербальн\S* нот/,
      fr: /notes? verbales?/,
      es: /notas? verbal/,
      ar: /مذكر\S* (ال)?شفوي/,
      zh: /普通照会/,
    },
  },
  {
    row: 8,
    term: 'point of contact',
    en: /\bpoints? of contact\b/,
    forms: {
      mn: /холбоо барих цэг/,
      ru: /контактн\S* (лиц|центр)/,
      fr: /points? de contact/,
      es: /puntos? de contacto/,
      ar: /جه\S* (ال)?اتصال/,
      zh: /联络点/,
    },
  },
  {
    row: 9,
    term: 'national coordinator',
    en: /\bnational coordinators?\b/,
    forms: {
      mn: /үндэсний зохицуулагч/,
      ru: /национальн\S* координатор/,
      fr: /coordonnat\S* nationa/,
      es: /coordinador\S* nacional/,
      ar: /(ال)?منسق (ال)?وطني/,
      zh: /国家协调员/,
    },
  },
  {
    // Only the full name: English's shorter "national action plan" is not the glossary's term.
    row: 10,
    term: 'national implementation action plan',
    en: /\bnational implementation action plans?\b/,
    forms: {
      mn: /хэрэгжүүлэх үндэсний төлөвлөгөө/,
      ru: /национальн\S* план\S* действий по осуществлению/,
      fr: /plans? d.action nationa\S* de mise en œuvre/,
      es: /plan(es)? de acción nacional(es)? de aplicación/,
      ar: /خط\S* (ال)?عمل (ال)?وطنية (\S+ )?لل?تنفيذ/,
      zh: /国家执行行动计划/,
    },
  },
  {
    row: 11,
    term: 'national report',
    en: /\bnational reports?\b/,
    forms: {
      mn: /үндэсний илтгэл/,
      ru: /национальн\S* доклад/,
      fr: /rapports? nationa/,
      es: /informes? nacional/,
      ar: /(ال)?تقرير (ال)?وطني|(ال)?تقارير (ال)?وطنية/,
      zh: /国家报告/,
    },
  },
  {
    row: 12,
    term: 'dual-use items',
    en: /\bdual-use\b/,
    forms: {
      mn: /давхар зориулалттай/,
      ru: /двойного назначения/,
      fr: /à double usage/,
      es: /de doble uso/,
      ar: /ذات الاستخدام المزدوج/,
      zh: /两用/,
    },
  },
  {
    row: 13,
    term: 'control list',
    en: /\bcontrol lists?\b/,
    forms: {
      mn: /хяналтын жагсаалт/,
      ru: /контрольн\S* спис/,
      fr: /listes? (nationales? )?de contrôle/,
      es: /listas? (nacional(es)? )?de control/,
      ar: /(قائمة|قوائم) (ال)?مراقبة/,
      zh: /管制清单/,
    },
  },
  {
    row: 14,
    term: 'export control',
    en: /\bexport controls?\b/,
    forms: {
      mn: /экспортын хяналт/,
      ru: /экспортн\S* контрол/,
      fr: /contrôles? des exportations/,
      es: /control(es)? de (las )?exportaciones/,
      ar: /مراقبة الصادرات/,
      zh: /出口管制/,
    },
  },
  {
    row: 16,
    term: 'biosafety level 3 (BSL-3) laboratory',
    en: /\bBSL-3\b/,
    forms: {
      mn: /биоаюулгүй байдлын 3/,
      ru: /3-го уровня биобезопасности/,
      fr: /sécurité biologique de niveau 3/,
      es: /nivel de bioseguridad 3/,
      ar: /المستوى 3 للسلامة البيولوجية/,
      zh: /生物安全三级实验室/,
    },
  },
  {
    row: 17,
    term: 'means of delivery',
    en: /\bmeans of delivery\b/,
    forms: {
      mn: /хүргэх хэрэгс/,
      ru: /средств\S* (\S+ )?доставки/,
      fr: /vecteurs/,
      es: /sistemas vectores/,
      ar: /وسائل (ال)?إيصال/,
      zh: /运载工具/,
    },
  },
  {
    row: 17,
    term: 'non-State actors',
    en: /\bnon-State actors?\b/,
    forms: {
      mn: /төрийн бус этгээд/,
      ru: /негосударственн\S* субъект/,
      fr: /acteurs? non étatiques?/,
      es: /agentes? no estatal(es)?/,
      ar: /جه\S* من غير الدول/,
      zh: /非国家行为者/,
    },
  },
  {
    row: 21,
    term: 'requesting State',
    en: /\brequesting States?\b/,
    forms: {
      mn: /хүсэлт гаргагч улс/,
      ru: /запрашивающ\S* государств/,
      fr: /États? demandeurs?/,
      es: /Estados? solicitantes?/,
      ar: /(ال)?دول\S* (ال)?طالبة/,
      zh: /请求国/,
    },
  },
  {
    row: 26,
    term: 'target institution',
    en: /\btarget institutions?\b/,
    forms: {
      mn: /хамрагдах байгууллаг/,
      ru: /учреждени\S*-получател/,
      fr: /institutions? bénéficiaires?/,
      es: /instituci\S* destinatari/,
      ar: /(ال)?مؤسس\S* (ال)?مستهدفة/,
      zh: /受援机构/,
    },
  },
  {
    row: 27,
    term: 'objection window',
    en: /\bobjection windows?\b/,
    forms: {
      mn: /эсэргүүцэл гаргах хугацаа/,
      ru: /срок\S* для возражений/,
      fr: /délais? d.objection/,
      es: /plazos? para objeciones/,
      ar: /مهل\S* (ال)?اعتراض/,
      zh: /异议期/,
    },
  },
  {
    row: 29,
    term: 'clarification',
    en: /\bclarifications?\b/,
    forms: { mn: /тодруул/, ru: /разъяснени/, fr: /éclaircissement/, es: /aclaraci/, ar: /توضيح/, zh: /澄清/ },
  },
  {
    row: 33,
    term: 'matching engine',
    en: /\bmatching engine\b/,
    forms: {
      mn: /тохируулгын систем/,
      ru: /механизм\S* подбора/,
      fr: /moteur de mise en relation/,
      es: /motor de vinculación/,
      ar: /محرك المطابقة/,
      zh: /匹配引擎/,
    },
  },
  {
    row: 34,
    term: 'suggestion',
    en: /\bsuggestions?\b/,
    forms: { mn: /зөвлөмж/, ru: /рекомендаци/, fr: /suggestion/, es: /sugerencia/, ar: /اقتراح/, zh: /推荐/ },
  },
  {
    row: 45,
    term: 'weight',
    en: /\bweights?\b/,
    forms: { mn: /жин/, ru: /вес/, fr: /pondération/, es: /ponderaci/, ar: /وزن|أوزان/, zh: /权重/ },
  },
  {
    row: 45,
    term: 'threshold',
    en: /\bthresholds?\b/,
    forms: { mn: /босго/, ru: /порог/, fr: /seuil/, es: /umbral/, ar: /عتب/, zh: /阈值/ },
  },
  {
    row: 46,
    term: 'allocation plan',
    en: /\ballocation plans?\b/,
    forms: {
      mn: /хуваарилалтын төлөвлөгөө/,
      ru: /план\S* распределения/,
      fr: /plans? d.attribution/,
      es: /plan(es)? de asignación/,
      ar: /خط\S* (ال)?توزيع/,
      zh: /分配方案/,
    },
  },
  {
    row: 47,
    term: 'rescore',
    en: /\brescor(e|es|ed|ing)\b/,
    forms: {
      mn: /дахин үнэл/,
      ru: /пересч[её]т|пересчит/,
      fr: /recalcul/,
      es: /recálculo|recalcul/,
      ar: /(إعادة|يعيد|تعيد) (\S+ )?(ال)?حساب/,
      zh: /重新评分/,
    },
  },
  {
    row: 48,
    term: 'review queue',
    en: /\breview queues?\b/,
    forms: {
      mn: /хянах дараал/,
      ru: /очеред\S* на рассмотрение/,
      fr: /files? d.examen/,
      es: /colas? de examen/,
      ar: /قائمة الاستعراض/,
      zh: /待审队列/,
    },
  },
  {
    row: 49,
    term: 'public register',
    en: /\bpublic registers?\b/,
    forms: {
      mn: /нийтэд нээлттэй бүртгэл/,
      ru: /открыт\S* реестр/,
      fr: /registres? publics?/,
      es: /registros? públicos?/,
      ar: /(ال)?سجل (ال)?عام/,
      zh: /公开登记册/,
    },
  },
  {
    row: 50,
    term: 'roundtable',
    en: /\bround-?tables?\b/,
    forms: {
      mn: /дугуй ширээний уулзалт/,
      ru: /кругл\S* стол/,
      fr: /tables? rondes?/,
      es: /mesas? redondas?/,
      ar: /(ال)?(مائدة|موائد) (ال)?مستديرة/,
      zh: /圆桌会议/,
    },
  },
  {
    row: 51,
    term: 'information note',
    en: /\binformation notes?\b/,
    forms: {
      mn: /мэдээллийн тэмдэглэл/,
      ru: /информационн\S* записк/,
      fr: /notes? d.information/,
      es: /notas? informativas?/,
      ar: /مذكر\S* (ال)?إعلامي/,
      zh: /情况说明/,
    },
  },
  {
    row: 53,
    term: 'daily digest',
    en: /\bdaily digests?\b/,
    forms: {
      mn: /өдрийн тойм/,
      ru: /ежедневн\S* сводк/,
      fr: /récapitulatifs? quotidiens?/,
      es: /res[uú]men(es)? diarios?/,
      ar: /موجز\S* (ال)?يومي/,
      zh: /每日摘要/,
    },
  },
];

// Where English uses a term's words in another sense, by key and term, with the reason.
const EXCEPTIONS: { key: string; term: string; why: string }[] = [
  {
    key: 'offerForm.help.programme',
    term: 'export control',
    why: 'the example is a programme’s name, “EU P2P Export Control Programme”, kept as it is (glossary rules)',
  },
];

const matches = (pattern: RegExp, text: string) => new RegExp(pattern.source, 'iu').test(text);
const excepted = (key: string, term: string) => EXCEPTIONS.some((e) => e.key === key && e.term === term);

/** Every message of `other` whose English uses a term without the locale's glossary form, one line each. */
const glossaryProblems = (
  terms: Term[],
  english: Map<string, string>,
  other: Map<string, string>,
  locale: Translated,
): string[] =>
  [...english].flatMap(([key, message]) =>
    terms
      .filter((t) => matches(t.en, message) && !excepted(key, t.term))
      .filter((t) => !matches(t.forms[locale], other.get(key) ?? ''))
      .map((t) => `${key} (${locale}): “${t.term}” should read /${t.forms[locale].source}/`),
  );

const TRANSLATED = LOCALES.filter((l): l is Translated => l !== 'en');

// The glossary's table, row number → the cells by column (English first, then the locales in LOCALES' order).
const glossaryRows = (): Map<number, string[]> => {
  const text = readFileSync(join(__dirname, '../../../docs/glossary.md'), 'utf8');
  const rows = new Map<number, string[]>();
  for (const line of text.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    if (/^\d+$/.test(cells[1] ?? '')) rows.set(Number(cells[1]), cells.slice(2, 2 + LOCALES.length));
  }
  return rows;
};

describe('the glossary table of this check', () => {
  const rows = glossaryRows();

  it.each(TERMS.map((t) => [t.term, t] as const))('“%s” follows docs/glossary.md', (_, term) => {
    const row = rows.get(term.row);
    if (!row) throw new Error(`docs/glossary.md has no row ${term.row}`);
    const [english, ...cells] = row;
    const unlike = TRANSLATED.filter((locale, i) => !matches(term.forms[locale], cells[i]));
    expect({ english: matches(term.en, english), unlike }).toEqual({ english: true, unlike: [] });
  });
});

describe('glossaryProblems', () => {
  const note = TERMS.filter((t) => t.term === 'note verbale');

  it('names the key, locale, term and expected form of every message that lacks the term, inflected or not', () => {
    const english = new Map([
      ['a', 'Send a note verbale'],
      ['b', '{count, plural, one {# note verbale} other {# notes verbales}}'],
      ['c', 'Two notes verbales'],
      ['d', 'Nothing to check'],
    ]);
    const russian = new Map([
      ['a', 'Отправить вербальную ноту'],
      ['b', '{count, plural, one {# письмо} few {# письма} many {# писем} other {# письма}}'],
      ['c', 'Две ноты'],
      ['d', 'Нечего проверять'],
    ]);
    expect(glossaryProblems(note, english, russian, 'ru')).toEqual([
      'b (ru): “note verbale” should read /вербальн\\S* нот/',
      'c (ru): “note verbale” should read /вербальн\\S* нот/',
    ]);
  });

  it('skips an excepted key for its term only', () => {
    const english = new Map([['offerForm.help.programme', 'e.g. “EU P2P Export Control Programme”, by note verbale']]);
    const french = new Map([['offerForm.help.programme', 'par ex. « EU P2P Export Control Programme », par lettre']]);
    expect(glossaryProblems(TERMS, english, french, 'fr')).toEqual([
      'offerForm.help.programme (fr): “note verbale” should read /notes? verbales?/',
    ]);
  });
});

const FOLDERS = {
  web: join(__dirname, '../../../apps/web/src/i18n'),
  server: join(__dirname, 'locales'),
};
const read = (folder: string, locale: string) =>
  flatten(JSON.parse(readFileSync(join(folder, `${locale}.json`), 'utf8')) as Catalogue);

describe.each(Object.entries(FOLDERS))('the %s catalogues', (_, folder) => {
  const english = read(folder, 'en');

  it.each(TRANSLATED)('%s uses the glossary’s terms where English uses them', (locale) => {
    expect(glossaryProblems(TERMS, english, read(folder, locale), locale)).toEqual([]);
  });
});

describe('the English catalogues', () => {
  it('use every term of the table, so none is checked against nothing', () => {
    const english = Object.values(FOLDERS).flatMap((folder) => [...read(folder, 'en').values()]);
    expect(TERMS.filter((t) => !english.some((message) => matches(t.en, message))).map((t) => t.term)).toEqual([]);
  });

  it('still use each exception’s term at its key, so no exception outlives its reason', () => {
    const english = new Map(Object.values(FOLDERS).flatMap((folder) => [...read(folder, 'en')]));
    const stale = EXCEPTIONS.filter(({ key, term }) => {
      const pattern = TERMS.find((t) => t.term === term)?.en;
      return !pattern || !matches(pattern, english.get(key) ?? '');
    });
    expect(stale).toEqual([]);
  });
});
