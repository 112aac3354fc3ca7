import { asciiDigits } from './thai-phone.ts';

const THAI = /[\u0E00-\u0E7F]/;
/** What PostgreSQL's 'simple' parser keeps whole in a word, on both databases. */
const NOT_KEPT = /[^a-z0-9\u0E01-\u0E4E]/g;
const segmenter = new Intl.Segmenter('th', { granularity: 'word' });

/**
 * Word-breaking is the costly part of search text (an import spends most of its own CPU
 * here), and names repeat: each distinct Thai run is broken once, then remembered. The
 * memo is bounded; when full it starts again.
 */
const SEGMENT_MEMO_LIMIT = 100_000;
const segmentMemo = new Map<string, readonly string[]>();

function thaiSegments(part: string): readonly string[] {
  let words = segmentMemo.get(part);
  if (words) return words;
  const found: string[] = [];
  for (const seg of segmenter.segment(part)) {
    const w = seg.segment.replace(NOT_KEPT, '');
    if (w) found.push(w);
  }
  words = found;
  if (segmentMemo.size >= SEGMENT_MEMO_LIMIT) segmentMemo.clear();
  segmentMemo.set(part, words);
  return words;
}

/** Lower-case, accents removed (é → e), Thai digits to ASCII; Thai letters kept as they are. */
export function foldText(text: string): string {
  return asciiDigits(
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase(),
  );
}

/**
 * The words of a text as search indexes them: Thai runs word-broken by Intl.Segmenter
 * (Thai is written without spaces), everything else split on non-letters/digits.
 * Only [a-z0-9] and Thai letters survive, so PostgreSQL's 'simple' parser keeps each
 * word whole on both PGlite and PostgreSQL.
 */
export function searchWords(text: string): string[] {
  const words: string[] = [];
  for (const part of foldText(text).split(/[^a-z0-9\u0E00-\u0E7F]+/)) {
    if (!part) continue;
    if (!THAI.test(part)) {
      words.push(part);
      continue;
    }
    words.push(...thaiSegments(part));
  }
  return words;
}

/**
 * A Thai name from each of its word boundaries to its end, spaces removed: "สมศักดิ์ ศรีสุข"
 * gives สมศักดิ์ศรีสุข and ศักดิ์ศรีสุข (ศรีสุข is already a word). A Thai search term is
 * matched as one prefix of these, with no word-breaking of its own: Intl.Segmenter may
 * break a longer run differently ("สม|ศักดิ์ศรี|สุข"), and one long prefix is cheap for
 * the GIN index where a short one ("สม:*") gathers a large part of the table.
 */
export function thaiNameSuffixes(text: string): string[] {
  const segments: string[] = [];
  for (const part of foldText(text).split(/[^a-z0-9\u0E00-\u0E7F]+/)) {
    if (!part || !THAI.test(part)) continue;
    segments.push(...thaiSegments(part));
  }
  const out: string[] = [];
  for (let i = 0; i < segments.length - 1; i++) out.push(segments.slice(i).join(''));
  return out;
}

/** Phone search forms: national ("0812345678"), international digits, and reversed national (for "last digits"). */
export function phoneWords(e164: string): string[] {
  const digits = e164.replace(/\D/g, '');
  if (!digits.startsWith('66')) return [digits, [...digits].reverse().join('')];
  const national = `0${digits.slice(2)}`;
  return [national, digits, [...national].reverse().join('')];
}

export interface SearchableProfile {
  displayName: string;
  firstName?: string | null;
  lastName?: string | null;
  firstNameEn?: string | null;
  lastNameEn?: string | null;
  nickname?: string | null;
  tags?: readonly string[] | null;
  taxId?: string | null;
}

export interface SearchableIdentifier {
  kind: string;
  value: string;
}

/**
 * The search_text stored on a customer: every name word, tag, email (whole and in parts),
 * LINE/Facebook/POS/external ids and phone forms, de-duplicated. Computed in code because
 * Thai word-breaking needs Intl.Segmenter; indexed with to_tsvector('simple', …).
 */
export function customerSearchText(profile: SearchableProfile, identifiers: readonly SearchableIdentifier[]): string {
  const words = new Set<string>();
  const add = (text: string | null | undefined) => {
    if (text) for (const w of searchWords(text)) words.add(w);
  };
  add(profile.displayName);
  for (const w of thaiNameSuffixes(profile.displayName)) words.add(w);
  for (const w of thaiNameSuffixes(`${profile.firstName ?? ''} ${profile.lastName ?? ''}`)) words.add(w);
  add(profile.firstName);
  add(profile.lastName);
  add(profile.firstNameEn);
  add(profile.lastNameEn);
  add(profile.nickname);
  add(profile.taxId);
  for (const tag of profile.tags ?? []) add(tag);
  for (const id of identifiers) {
    if (id.kind === 'phone') {
      for (const w of phoneWords(id.value)) words.add(w);
    } else if (id.kind === 'email') {
      add(id.value);
      words.add(foldText(id.value).replace(/[^a-z0-9]/g, ''));
    } else {
      add(id.value);
    }
  }
  return [...words].join(' ');
}

/**
 * A search box's text as a to_tsquery('simple', …) expression: every word must match as a
 * prefix ("สมชายใจ" finds "สมชาย ใจดี", "ศักดิ์ศรี" finds "สมศักดิ์ ศรีสุข"; "somc" finds
 * "Somchai"). A phone-like term
 * searches national, international and last-digits forms; an email-like term its compact
 * form. Undefined when nothing is left.
 */
export function searchQuery(q: string): string | undefined {
  const text = q.trim();
  if (!text) return undefined;
  const compact = asciiDigits(text).replace(/[\s\-.()]/g, '');
  if (/^\+?\d{3,}$/.test(compact)) {
    let digits = compact.replace(/\D/g, '');
    if (digits.startsWith('00')) digits = digits.slice(2);
    const forms = new Set([digits, [...digits].reverse().join('')]);
    if (digits.startsWith('66')) forms.add(`0${digits.slice(2)}`);
    if (digits.startsWith('0')) forms.add(`66${digits.slice(1)}`);
    return [...forms].map((f) => `${f}:*`).join(' | ');
  }
  // An email (or its start, "somchai.j@gm") is one word of search_text with its punctuation
  // removed; searched as that single prefix it hits a few rows, where its parts ("gmail",
  // "com") would each match most of the table.
  if (/^\S+@\S*$/.test(text)) {
    const compact = foldText(text).replace(/[^a-z0-9]/g, '');
    if (compact) return `${compact}:*`;
  }
  // A Thai word is kept whole, as typed (see thaiNameSuffixes); others are words already.
  const words = foldText(text)
    .split(/[^a-z0-9\u0E00-\u0E7F]+/)
    .map((part) => part.replace(NOT_KEPT, ''))
    .filter((w) => w !== '');
  if (words.length === 0) return undefined;
  return words.map((w) => `${w}:*`).join(' & ');
}
