import { THESAURUS } from '@app/domain';
import { detectLanguages, termReader, type TextLanguages } from './text-analysis';

// TF-IDF vectors and cosine similarity over offer titles and descriptions (DESIGN §6.3, text relevance).
// Tokens are runs of Unicode letters and digits, so Latin, Cyrillic (Russian, Mongolian) and mixed text all
// work; stop words and stems come from text-analysis.ts (the `stopword` lists and the Snowball stemmers).

const DIGITS = /^\p{N}+$/u;
const LATIN = ['en', 'fr', 'es'] as const;

// Word characters are Unicode letters, marks and digits. ASCII is decided inline; anything else once per code
// unit and remembered (0 = not yet known, 1 = word, 2 = not).
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const nonAsciiClass = new Uint8Array(65536);

function isWordUnit(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  let k = nonAsciiClass[c];
  if (k === 0) {
    // Surrogates (astral letters) count as word units so a supplementary-plane letter stays inside its token.
    k = (c >= 0xd800 && c <= 0xdfff) || WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
    nonAsciiClass[c] = k;
  }
  return k === 1;
}

/** Calls `emit` with each kept token of `text`, stemmed, and the word as written (lower-cased), in text order. */
function scan(text: string, emit: (term: string, word: string) => void, languages?: TextLanguages): void {
  let s = text.normalize('NFKC').toLowerCase();
  const term = termReader(languages ?? detectLanguages(s));
  if (s.includes('ё')) s = s.replace(/ё/g, 'е');
  const n = s.length;
  let start = -1;
  for (let i = 0; i <= n; i++) {
    const word = i < n && isWordUnit(s.charCodeAt(i));
    if (word) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      const raw = s.slice(start, i);
      const t = term(raw);
      if (t !== null) emit(t, raw);
      start = -1;
    }
  }
}

/** Lower-cased, stop-word-free, stemmed tokens in text order. Single letters are dropped, digits are kept. */
export function tokenize(text: string, languages?: TextLanguages): string[] {
  const out: string[] = [];
  scan(text, (t) => out.push(t), languages);
  return out;
}

// Concepts of the 1540 thesaurus (libs/domain): each phrase of a concept, in any of its four languages, read as
// word tokens the way texts are; a text that contains one gets the concept's token too. The token starts with a
// character the tokenizer never emits, so it cannot collide with a word.
const CONCEPT_PREFIX = '§';

interface Phrase {
  words: readonly string[];
  concept: string;
}

let phrasesByFirstWord: Map<string, Phrase[]> | null = null;
/** Per concept token, every word of its phrases: an explanation does not name them again beside the concept. */
const conceptWords = new Map<string, Set<string>>();

function phraseTable(): Map<string, Phrase[]> {
  if (phrasesByFirstWord) return phrasesByFirstWord;
  const table = new Map<string, Phrase[]>();
  for (const concept of THESAURUS) {
    const seen = new Set<string>();
    // Each phrase read in every language of its script: a French text read as English (few stop words) still
    // finds the French phrase.
    const readings = (Object.keys(concept.terms) as Array<keyof typeof concept.terms>).flatMap((language) =>
      concept.terms[language].flatMap((term) =>
        language === 'ru' ? [tokenize(term, { latin: 'en', cyrillic: 'ru' })] : LATIN.map((latin) => tokenize(term, { latin, cyrillic: 'ru' })),
      ),
    );
    for (const words of readings) {
      const key = words.join(' ');
      if (words.length === 0 || seen.has(key)) continue;
      seen.add(key);
      const list = table.get(words[0]) ?? [];
      const token = `${CONCEPT_PREFIX}${concept.id}`;
      list.push({ words, concept: token });
      table.set(words[0], list);
      const known = conceptWords.get(token) ?? new Set<string>();
      for (const w of words) known.add(w);
      conceptWords.set(token, known);
    }
  }
  // Longest first, so "national control list" is taken before "control" alone would be.
  for (const list of table.values()) list.sort((a, b) => b.words.length - a.words.length);
  phrasesByFirstWord = table;
  return table;
}

/**
 * The thesaurus concepts a token sequence mentions, once per mention: overlapping phrases of one concept
 * ("national control list", "control list") count once.
 */
export function conceptsOf(tokens: readonly string[]): string[] {
  const table = phraseTable();
  const out: string[] = [];
  const coveredUntil = new Map<string, number>();
  for (let i = 0; i < tokens.length; i++) {
    const phrases = table.get(tokens[i]);
    if (!phrases) continue;
    for (const { words, concept } of phrases) {
      if ((coveredUntil.get(concept) ?? -1) > i) continue;
      let k = 1;
      while (k < words.length && tokens[i + k] === words[k]) k++;
      if (k < words.length) continue;
      out.push(concept);
      coveredUntil.set(concept, i + words.length);
    }
  }
  return out;
}

const provisionsByConcept = new Map(THESAURUS.map((c) => [c.id, c.provisions]));

/** The provisions the thesaurus ties to these concepts (ids, as `TextIndex.read` gives them), each once. */
export function provisionsOfConcepts(concepts: readonly string[]): string[] {
  return [...new Set(concepts.flatMap((id) => provisionsByConcept.get(id) ?? []))];
}

function conceptLabel(token: string): string {
  const id = token.slice(CONCEPT_PREFIX.length);
  return THESAURUS.find((c) => c.id === id)?.terms.en[0] ?? id;
}

/** What the text index counts: the words, then the concepts they mention. */
export function indexTerms(text: string): string[] {
  const words = tokenize(text);
  return words.concat(conceptsOf(words));
}

// Term clusters: the term ids hashed into TEXT_CLUSTERS groups. A vector keeps the Euclidean norm of its weights
// within each group, and Cauchy–Schwarz group by group bounds a similarity without finding the shared terms:
//   cos(q, d) = Σ_c Σ_{t ∈ c} q_t · d_t ≤ Σ_c ‖q_c‖ · ‖d_c‖
// — small when two texts put their weight in different groups (see clusterSimilarityBound).
export const TEXT_CLUSTERS = 32;

function clusterOf(termId: number): number {
  return Math.imul(termId, 0x9e3779b1) >>> 27;
}

/** Writes the per-cluster norms of a vector's weights into `out`. */
function clusterNorms(ids: Int32Array, weights: Float64Array, out: Float64Array): void {
  out.fill(0);
  for (let k = 0; k < ids.length; k++) out[clusterOf(ids[k])] += weights[k] * weights[k];
  for (let c = 0; c < TEXT_CLUSTERS; c++) out[c] = Math.sqrt(out[c]);
}

/** A unit-length sparse vector: term ids ascending, weights aligned with them, norms by term cluster. */
export interface TextVector {
  readonly ids: Int32Array;
  readonly weights: Float64Array;
  readonly clusterNorms: Float64Array;
}

export const EMPTY_TEXT_VECTOR: TextVector = {
  ids: new Int32Array(0),
  weights: new Float64Array(0),
  clusterNorms: new Float64Array(TEXT_CLUSTERS),
};

interface DocumentEntry {
  ids: Int32Array;
  /** Term frequency with the title's occurrences counted TITLE_WEIGHT times. */
  tf: Float64Array;
  /** The document's length in the same units (Σ tf): BM25 normalises by it. */
  length: number;
  /** Per term, the index of the language it was read in (-1: none), and the document's languages as bits. */
  termLanguages: Int8Array;
  languages: number;
  /** Per term, as the document first writes it (a concept: its English label), for explanations. */
  surface: readonly string[];
  /** Per term, how an explanation names it: CONCEPT, WORD, or SKIPPED (numbers, words of three letters or fewer). */
  kinds: Uint8Array;
  /** Shared with callers; weights and norms are rewritten in place when corpus statistics change. */
  vector: TextVector;
}

const SKIPPED = 0;
const WORD = 1;
const CONCEPT = 2;

interface Shared {
  k: number;
  share: number;
}

/**
 * Orders a pair's shared terms in place: concepts first, then words; each by its share of the similarity, ties by
 * name. An insertion sort, stable as Array.prototype.sort is: a pair shares a handful of terms, and ten pairs per
 * request made the comparator calls of `sort` a visible part of explaining (docs/performance.md, Matching).
 */
function rankShared(found: Shared[], kinds: Uint8Array, surface: readonly string[]): void {
  for (let a = 1; a < found.length; a++) {
    const x = found[a];
    let b = a;
    for (; b > 0; b--) {
      const y = found[b - 1];
      const first =
        kinds[x.k] > kinds[y.k] ||
        (kinds[x.k] === kinds[y.k] && (x.share > y.share || (x.share === y.share && surface[x.k] < surface[y.k])));
      if (!first) break;
      found[b] = y;
    }
    found[b] = x;
  }
}

// Text similarity is rounded so that an engine rebuilt from the same offers in another order (and so with
// other term ids and another summation order) gives the same score to the last digit that matters.
const SIMILARITY_GRID = 1e12;

/** Cosine of two unit vectors, in [0, 1]. */
export function cosineSimilarity(a: TextVector, b: TextVector): number {
  const ai = a.ids;
  const bi = b.ids;
  const aw = a.weights;
  const bw = b.weights;
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < ai.length && j < bi.length) {
    const x = ai[i];
    const y = bi[j];
    if (x === y) {
      dot += aw[i] * bw[j];
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  const rounded = Math.round(dot * SIMILARITY_GRID) / SIMILARITY_GRID;
  return rounded <= 0 ? 0 : rounded >= 1 ? 1 : rounded;
}

/**
 * `cosineSimilarity` with the query scattered into a dense array indexed by term id (zero elsewhere). Products
 * are added in the document's id order, the order the merge uses, so both give the same bits; this one just
 * avoids the merge's unpredictable branches.
 */
export function denseCosineSimilarity(dense: Float64Array, b: TextVector): number {
  const ids = b.ids;
  const w = b.weights;
  let dot = 0;
  // Adding the +0 products of absent terms leaves every partial sum unchanged, so no branch is needed.
  for (let j = 0; j < ids.length; j++) dot += dense[ids[j]] * w[j];
  const rounded = Math.round(dot * SIMILARITY_GRID) / SIMILARITY_GRID;
  return rounded <= 0 ? 0 : rounded >= 1 ? 1 : rounded;
}

/**
 * An upper bound on `cosineSimilarity(a, b)` from the cluster norms alone: Σ_c ‖a_c‖ · ‖b_c‖, plus headroom for
 * rounding (the similarity is rounded to 1e-12, the norms and the sum carry ~1e-16 relative error). Costs
 * TEXT_CLUSTERS multiplications whatever the vectors' lengths.
 */
export function clusterSimilarityBound(a: TextVector, b: TextVector): number {
  return clusterNormsBound(a.clusterNorms, b.clusterNorms, 0);
}

/** `clusterSimilarityBound` with the second vector's norms at `offset` of a flat array (one row per document). */
export function clusterNormsBound(x: Float64Array, y: Float64Array, offset: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let c = 0; c < TEXT_CLUSTERS; c += 4) {
    s0 += x[c] * y[offset + c];
    s1 += x[c + 1] * y[offset + c + 1];
    s2 += x[c + 2] * y[offset + c + 2];
    s3 += x[c + 3] * y[offset + c + 3];
  }
  return s0 + s1 + (s2 + s3) + 1e-9;
}

/** A record's text by field: the title says what the programme or the need is, the description the rest. */
export interface TextFields {
  title: string;
  description: string;
}

// BM25 term frequencies (Robertson and Zaragoza, "The Probabilistic Relevance Framework: BM25 and Beyond", 2009)
// with fields as in BM25F: a title occurrence counts TITLE_WEIGHT times, frequencies saturate (K1) and long
// documents are normalised towards the corpus' average length (B). The weights then form unit vectors, so the
// similarity stays a cosine in [0, 1] with the bounds the candidate index relies on. K1 and B were chosen on
// libs/matching/eval among a handful of settings around the textbook 1.2 / 0.75 (docs/architecture.md, Matching).
export const TITLE_WEIGHT = 2;
const K1 = 2;
const B = 0.5;

// Language-aware idf. A word is rare or common among the documents that could have used it: those with text in
// its language. Counted over every document, a word of a language few offers are written in ("appui", "mise",
// "nacionales", "национальных") looks as rare as a technical term, and two texts in that language meet on their
// boilerplate ahead of offers that share the request's subject in another language. So each word carries the
// language it was read in (the bit below), each document the set of its languages, and a word's idf counts its
// documents against the documents sharing one of its languages. Concepts (the thesaurus, in every language) and
// numbers belong to no language and count against every document.
const LANGUAGE_BITS = { en: 1, fr: 2, es: 4, ru: 8, mn: 16 } as const;
const LANGUAGE_COUNT = 5;
const LANGUAGE_MASKS = 1 << LANGUAGE_COUNT;
const CYRILLIC_WORD = /[\u0400-\u04ff]/;

/** The language bit of a word as `scan` emits it (0 for a number). */
function languageBit(word: string, languages: TextLanguages): number {
  if (DIGITS.test(word)) return 0;
  return CYRILLIC_WORD.test(word) ? LANGUAGE_BITS[languages.cyrillic] : LANGUAGE_BITS[languages.latin];
}

function bitIndex(bit: number): number {
  return 31 - Math.clz32(bit);
}

function fieldsOf(text: string | TextFields): TextFields {
  return typeof text === 'string' ? { title: '', description: text } : text;
}

/**
 * The terms of each field, words then the concepts they mention (a phrase does not run from the title into the
 * description), counted with the title's weight. `onWord`, when given, sees every word term with the word as
 * written and the text's languages: a document keeps how it first writes each term, a query needs none of that.
 */
function countFields(
  fields: TextFields,
  onWord?: (term: string, word: string, languages: TextLanguages) => void,
): Map<string, number> {
  const languages = detectLanguages(`${fields.title}\n${fields.description}`.toLowerCase());
  const counts = new Map<string, number>();
  for (const [text, weight] of [
    [fields.title, TITLE_WEIGHT],
    [fields.description, 1],
  ] as const) {
    if (!text) continue;
    const words: string[] = [];
    scan(
      text,
      (t, word) => {
        words.push(t);
        onWord?.(t, word, languages);
      },
      languages,
    );
    for (const t of words.concat(conceptsOf(words))) counts.set(t, (counts.get(t) ?? 0) + weight);
  }
  return counts;
}

/** BM25's saturated frequency: tf·(K1+1) / (tf + K1·(1 − B + B·length/average)). */
function saturate(tf: number, lengthRatio: number): number {
  return (tf * (K1 + 1)) / (tf + K1 * (1 - B + B * lengthRatio));
}

/**
 * BM25-weighted vectors over a corpus of documents (the offers): saturated, length-normalised field frequency ×
 * BM25 idf, so every weight is positive and every cosine lies in [0, 1]. Adding or removing a document changes
 * every idf and the average length; weights are recomputed lazily, once, before the next query.
 */
export class TextIndex {
  private readonly vocabulary = new Map<string, number>();
  private df = new Int32Array(256);
  /** Per term and language (term id × LANGUAGE_COUNT + language index): documents using the term in it. */
  private languageDf = new Int32Array(256 * LANGUAGE_COUNT);
  /** Documents by their set of languages. */
  private readonly documentsByLanguages = new Int32Array(LANGUAGE_MASKS);
  private idf = new Float64Array(256);
  /** Per term, its largest weight in any document: bounds a query's similarity to every document at once. */
  private maxWeight = new Float64Array(256);
  private readonly documents = new Map<string, DocumentEntry>();
  /** Term by id. */
  private readonly terms: string[] = [];
  /** Σ of the documents' lengths, for BM25's average length. */
  private totalLength = 0;
  private stale = true;
  private refreshes = 0;

  /** Counts refreshes: document weights and norms are rewritten in place when this changes. */
  get generation(): number {
    return this.refreshes;
  }

  get documentCount(): number {
    return this.documents.size;
  }

  get vocabularySize(): number {
    return this.vocabulary.size;
  }

  /** Adds or replaces a document (a plain string is read as a description) and returns its vector, kept current. */
  upsert(id: string, text: string | TextFields): TextVector {
    this.remove(id);
    // Per term, the word as the text first writes it and the language bit it was read in (0: a number).
    const written = new Map<string, string>();
    const language = new Map<string, number>();
    const counts = countFields(fieldsOf(text), (t, word, languages) => {
      if (written.has(t)) return;
      written.set(t, word);
      language.set(t, languageBit(word, languages));
    });
    const terms = [...counts.entries()].map(([term, n]) => ({ id: this.termId(term), n, term }));
    terms.sort((x, y) => x.id - y.id);
    const ids = Int32Array.from(terms, (t) => t.id);
    const tf = Float64Array.from(terms, (t) => t.n);
    let length = 0;
    for (const t of terms) length += t.n;
    this.totalLength += length;
    for (const termId of ids) this.df[termId]++;
    const termLanguages = Int8Array.from(terms, (t) => {
      const bit = language.get(t.term) ?? 0;
      return bit === 0 ? -1 : bitIndex(bit);
    });
    let languages = 0;
    for (let k = 0; k < ids.length; k++) {
      if (termLanguages[k] < 0) continue;
      languages |= 1 << termLanguages[k];
      this.languageDf[ids[k] * LANGUAGE_COUNT + termLanguages[k]]++;
    }
    this.documentsByLanguages[languages]++;
    const vector = { ids, weights: new Float64Array(ids.length), clusterNorms: new Float64Array(TEXT_CLUSTERS) };
    const surface = terms.map((t) => written.get(t.term) ?? conceptLabel(t.term));
    const kinds = Uint8Array.from(terms, (t, k) =>
      t.term.startsWith(CONCEPT_PREFIX) ? CONCEPT : surface[k].length > 3 && !DIGITS.test(surface[k]) ? WORD : SKIPPED,
    );
    this.documents.set(id, { ids, tf, length, termLanguages, languages, vector, surface, kinds });
    this.stale = true;
    return vector;
  }

  remove(id: string): boolean {
    const entry = this.documents.get(id);
    if (!entry) return false;
    for (const termId of entry.ids) this.df[termId]--;
    for (let k = 0; k < entry.ids.length; k++) {
      if (entry.termLanguages[k] >= 0) this.languageDf[entry.ids[k] * LANGUAGE_COUNT + entry.termLanguages[k]]--;
    }
    this.documentsByLanguages[entry.languages]--;
    this.totalLength -= entry.length;
    this.documents.delete(id);
    this.stale = true;
    return true;
  }

  vector(id: string): TextVector | undefined {
    this.refresh();
    return this.documents.get(id)?.vector;
  }

  /**
   * The vector of a query (a request's text; a plain string is read as a description) under the current corpus
   * statistics. Its frequencies saturate like a document's, without length normalisation; terms no offer uses
   * only add to the norm.
   */
  query(text: string | TextFields): TextVector {
    return this.read(text).vector;
  }

  /** `query`, with the ids of the thesaurus concepts the text mentions (read from the same tokens). */
  read(text: string | TextFields): { vector: TextVector; concepts: string[] } {
    this.refresh();
    const counts = countFields(fieldsOf(text));
    const concepts: string[] = [];
    for (const t of counts.keys()) if (t.startsWith(CONCEPT_PREFIX)) concepts.push(t.slice(CONCEPT_PREFIX.length));
    return { vector: this.vectorOf(counts), concepts };
  }

  private vectorOf(counts: ReadonlyMap<string, number>): TextVector {
    if (counts.size === 0) return EMPTY_TEXT_VECTOR;
    const unseenIdf = this.idfOf(0);
    const known: Array<{ id: number; w: number }> = [];
    let norm2 = 0;
    for (const [t, n] of counts) {
      const id = this.vocabulary.get(t);
      if (id !== undefined && this.df[id] > 0) known.push({ id, w: saturate(n, 1) * this.idf[id] });
      else norm2 += (saturate(n, 1) * unseenIdf) ** 2;
    }
    known.sort((x, y) => x.id - y.id);
    const distinct = known.length;
    const outIds = new Int32Array(distinct);
    const weights = new Float64Array(distinct);
    for (let k = 0; k < distinct; k++) {
      outIds[k] = known[k].id;
      weights[k] = known[k].w;
      norm2 += known[k].w * known[k].w;
    }
    const norm = Math.sqrt(norm2);
    for (let k = 0; k < distinct; k++) weights[k] /= norm;
    const norms = new Float64Array(TEXT_CLUSTERS);
    clusterNorms(outIds, weights, norms);
    return { ids: outIds, weights, clusterNorms: norms };
  }

  /**
   * An upper bound on the query's similarity to any document: Σ q_t · max_d w_{d,t} ≥ Σ q_t · w_{d,t} for every d
   * (capped at 1, plus slack for rounding). Valid until the documents change.
   */
  similarityBound(query: TextVector): number {
    this.refresh();
    let bound = 0;
    for (let k = 0; k < query.ids.length; k++) bound += query.weights[k] * this.maxWeight[query.ids[k]];
    return Math.min(1, bound + 1e-9);
  }

  /**
   * What a query and a held document have in common, for an explanation: the thesaurus concepts both mention (by
   * their English term), then the words both use as the document writes them (numbers and words of three letters
   * or fewer left out, and the words of a concept already named), each group by its share of the similarity,
   * largest first; at most `limit`. Reads the two vectors only (or the query scattered, `dense`): no text is
   * tokenized again.
   */
  sharedTerms(query: TextVector, documentId: string, limit = 5, dense: Float64Array | null = null): string[] {
    const entry = this.documents.get(documentId);
    if (!entry) return [];
    const { ids, surface, kinds } = entry;
    const weights = entry.vector.weights;
    const found: Shared[] = [];
    if (dense) {
      // The query scattered by term id (TextScatter): one read per document term.
      for (let k = 0; k < ids.length; k++) {
        if (kinds[k] !== SKIPPED && dense[ids[k]] > 0) found.push({ k, share: dense[ids[k]] * weights[k] });
      }
    } else {
      for (let i = 0, k = 0; i < query.ids.length && k < ids.length;) {
        if (query.ids[i] < ids[k]) i++;
        else if (query.ids[i] > ids[k]) k++;
        else {
          if (kinds[k] !== SKIPPED) found.push({ k, share: query.weights[i] * weights[k] });
          i++;
          k++;
        }
      }
    }
    rankShared(found, kinds, surface);
    const out: string[] = [];
    const named: Array<ReadonlySet<string>> = [];
    for (const { k } of found) {
      if (out.length >= limit) break;
      const term = this.terms[ids[k]];
      if (kinds[k] === CONCEPT) named.push(conceptWords.get(term) ?? new Set<string>());
      else if (named.some((words) => words.has(term)) || out.includes(surface[k])) continue;
      out.push(surface[k]);
    }
    return out;
  }

  /** Recomputes idf and every document's weights if documents changed since the last call. */
  refresh(): void {
    if (!this.stale) return;
    const n = this.documents.size;
    const size = this.vocabulary.size;
    // Documents sharing at least one language with each set of languages.
    const reach = new Int32Array(LANGUAGE_MASKS);
    for (let set = 1; set < LANGUAGE_MASKS; set++) {
      for (let d = 1; d < LANGUAGE_MASKS; d++) if (set & d) reach[set] += this.documentsByLanguages[d];
    }
    for (let t = 0; t < size; t++) {
      let set = 0;
      for (let l = 0; l < LANGUAGE_COUNT; l++) if (this.languageDf[t * LANGUAGE_COUNT + l] > 0) set |= 1 << l;
      this.idf[t] = this.idfOf(this.df[t], set === 0 ? n : reach[set]);
    }
    const average = n > 0 ? this.totalLength / n : 1;
    this.maxWeight.fill(0);
    for (const entry of this.documents.values()) {
      const { ids, tf } = entry;
      const ratio = average > 0 ? entry.length / average : 1;
      const weights = entry.vector.weights;
      let norm2 = 0;
      for (let k = 0; k < ids.length; k++) {
        const w = saturate(tf[k], ratio) * this.idf[ids[k]];
        weights[k] = w;
        norm2 += w * w;
      }
      const norm = Math.sqrt(norm2);
      if (norm > 0) for (let k = 0; k < ids.length; k++) weights[k] /= norm;
      clusterNorms(ids, weights, entry.vector.clusterNorms);
      for (let k = 0; k < ids.length; k++) if (weights[k] > this.maxWeight[ids[k]]) this.maxWeight[ids[k]] = weights[k];
    }
    this.stale = false;
    this.refreshes++;
  }

  /**
   * Smoothed idf, ln((N + 1) / (df + 1)) + 1: positive for every term, largest for the rarest. N is every document
   * for a concept or a number, the documents sharing one of a word's languages for a word (see LANGUAGE_BITS). BM25's own idf was
   * measured too and ranked loosely tagged requests worse (docs/architecture.md, Matching).
   */
  private idfOf(df: number, documents = this.documents.size): number {
    return Math.log((documents + 1) / (df + 1)) + 1;
  }

  private termId(term: string): number {
    let id = this.vocabulary.get(term);
    if (id === undefined) {
      id = this.vocabulary.size;
      this.vocabulary.set(term, id);
      this.terms.push(term);
      if (id >= this.df.length) {
        const df = new Int32Array(this.df.length * 2);
        df.set(this.df);
        this.df = df;
        const languageDf = new Int32Array(df.length * LANGUAGE_COUNT);
        languageDf.set(this.languageDf);
        this.languageDf = languageDf;
        this.idf = new Float64Array(df.length);
        this.maxWeight = new Float64Array(df.length);
      }
    }
    return id;
  }
}

/**
 * One reusable dense array for the query being scored: scatter a query in, score many documents, clear it.
 * Clearing touches only the query's own ids, so a pass costs O(query), not O(vocabulary).
 */
export class TextScatter {
  private dense = new Float64Array(1024);
  private held: TextVector | null = null;

  scatter(query: TextVector, vocabularySize: number): Float64Array {
    this.clear();
    if (this.dense.length < vocabularySize)
      this.dense = new Float64Array(Math.max(vocabularySize, this.dense.length * 2));
    for (let k = 0; k < query.ids.length; k++) this.dense[query.ids[k]] = query.weights[k];
    this.held = query;
    return this.dense;
  }

  clear(): void {
    if (!this.held) return;
    for (const id of this.held.ids) this.dense[id] = 0;
    this.held = null;
  }
}
