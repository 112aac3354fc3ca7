import {
  CUSTOMER_SOURCES,
  CUSTOMER_TAGS,
  DEMO_BUSINESS,
  DEMO_STAFF,
  DEMO_TEAMS,
  type DemoBusiness,
  type DemoStaff,
  TEAM_BANGKOK,
  TEAM_CHIANG_MAI,
} from './demo-business.ts';
import { Random } from './random.ts';
import {
  COMPANIES,
  FEMALE_FIRST_NAMES,
  FEMALE_NICKNAMES,
  MALE_FIRST_NAMES,
  MALE_NICKNAMES,
  SURNAMES,
} from './thai-names.ts';
import { THAI_PLACES, type ThaiPlace } from './thai-places.ts';

export interface DemoCustomer {
  kind: 'person' | 'company';
  displayName: string;
  firstName: string | null;
  lastName: string | null;
  firstNameEn: string | null;
  lastNameEn: string | null;
  nickname: string | null;
  gender: 'female' | 'male' | null;
  /** YYYY-MM-DD */
  birthday: string | null;
  customerType: 'consumer' | 'reseller' | 'business';
  interests: string[];
  email: string | null;
  /** E.164 */
  phone: string;
  lineId: string | null;
  province: string | null;
  district: string | null;
  postcode: string | null;
  addressLine: string | null;
  source: string;
  tags: string[];
  /** Email of the demo sales person who owns the customer. */
  ownerEmail: string;
  createdAt: Date;
}

export interface DemoData {
  seed: number;
  business: DemoBusiness;
  teams: readonly string[];
  staff: readonly DemoStaff[];
  customers: DemoCustomer[];
}

export interface GenerateDemoOptions {
  seed: number;
  customers: number;
  /** The end of the 3-year span customers joined in. Defaults to the start of today (UTC). */
  now?: Date;
}

const DAY_MS = 24 * 3600 * 1000;
const SPAN_MS = 3 * 365 * DAY_MS;
const NEW_CUSTOMER_MS = 90 * DAY_MS;
const MOBILE_PREFIXES = ['61', '62', '63', '64', '65', '80', '81', '82', '83', '84', '85', '86', '87', '88', '89'];
const MOBILE_PREFIXES_9 = ['90', '91', '92', '93', '94', '95', '96', '97', '98', '99'];
/** What a bakery's customers say they like (a few each). */
const INTERESTS = ['เค้ก', 'กาแฟ', 'ขนมไทย', 'ช็อกโกแลต', 'เบเกอรี่โฮลวีต', 'งานเลี้ยง', 'ของขวัญ', 'ชาไทย'] as const;
const EMAIL_DOMAINS: readonly (readonly [string, number])[] = [
  ['gmail.com', 60],
  ['hotmail.com', 20],
  ['yahoo.com', 8],
  ['outlook.co.th', 7],
  ['icloud.com', 5],
];

function startOfTodayUtc(): Date {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

function uniquePhone(random: Random, taken: Set<string>): string {
  for (;;) {
    const prefix = random.chance(0.55) ? random.pick(MOBILE_PREFIXES) : random.pick(MOBILE_PREFIXES_9);
    const phone = `+66${prefix}${random.digits(7)}`;
    if (!taken.has(phone)) {
      taken.add(phone);
      return phone;
    }
  }
}

function address(random: Random, place: ThaiPlace): string {
  const house = `${random.int(1, 999)}${random.chance(0.4) ? `/${random.int(1, 199)}` : ''}`;
  const soi = random.chance(0.5) ? ` ซอย ${random.int(1, 60)}` : '';
  return `${house}${soi} ${place.road}`;
}

function ownerFor(random: Random, place: ThaiPlace | undefined, sales: Record<string, DemoStaff[]>): string {
  const team = place?.region === 'north' ? TEAM_CHIANG_MAI : TEAM_BANGKOK;
  return random.pick(sales[team] ?? []).email;
}

function person(random: Random, createdAt: number, now: number) {
  const female = random.chance(0.55);
  const [firstName, firstNameEn] = random.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
  const [lastName, lastNameEn] = random.pick(SURNAMES);
  const [nickname, nickLatin] = random.pick(female ? FEMALE_NICKNAMES : MALE_NICKNAMES);
  const first = firstNameEn.toLowerCase();
  const last = lastNameEn.toLowerCase();
  const year = String(random.int(1965, 2005)).slice(2);
  const email = random.chance(0.6)
    ? `${random.pick([`${first}.${last.slice(0, 2)}`, `${first}${year}`, `${nickLatin}.${first}`, `${first}_${last}`])}${
        random.chance(0.3) ? random.int(1, 99) : ''
      }@${random.weighted(EMAIL_DOMAINS)}`
    : null;
  const lineId = random.chance(0.7)
    ? random.pick([
        `${nickLatin}${year}`,
        `${first}.${last[0]}`,
        `${nickLatin}_${first}`,
        `${nickLatin}${random.int(1, 999)}`,
      ])
    : null;
  const hasNickname = random.chance(0.85);
  return {
    kind: 'person' as const,
    gender: female ? ('female' as const) : ('male' as const),
    displayName: `${firstName} ${lastName}`,
    firstName,
    lastName,
    firstNameEn,
    lastNameEn,
    nickname: hasNickname ? nickname : null,
    email,
    lineId: lineId?.slice(0, 20) ?? null,
    tags: tagsFor(random, createdAt, now),
  };
}

function company(random: Random) {
  const [name, slug] = random.pick(COMPANIES);
  return {
    kind: 'company' as const,
    gender: null,
    displayName: name,
    firstName: null,
    lastName: null,
    firstNameEn: null,
    lastNameEn: null,
    nickname: null,
    email: `${random.pick(['contact', 'admin', 'hr', 'purchasing'])}@${slug}.co.th`,
    lineId: random.chance(0.5) ? `@${slug}` : null,
    tags: ['ลูกค้าองค์กร', ...random.some(['สั่งเค้กวันเกิด', 'ลูกค้าประจำ', 'VIP'], 2)],
  };
}

function tagsFor(random: Random, createdAt: number, now: number): string[] {
  const tags = new Set<string>();
  const count = random.weighted([
    [0, 35],
    [1, 40],
    [2, 20],
    [3, 5],
  ] as const);
  for (let i = 0; i < count; i += 1) tags.add(random.weighted(CUSTOMER_TAGS));
  // "new customer" only for those who joined in the last 90 days
  if (tags.has('ลูกค้าใหม่') && createdAt < now - NEW_CUSTOMER_MS) tags.delete('ลูกค้าใหม่');
  return [...tags];
}

function profileDetails(random: Random, kind: 'person' | 'company') {
  if (kind === 'company') return { birthday: null, customerType: 'business' as const, interests: [] };
  const birthday = random.chance(0.7)
    ? `${random.int(1960, 2005)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`
    : null;
  return {
    birthday,
    customerType: random.chance(0.06) ? ('reseller' as const) : ('consumer' as const),
    interests: random.some(INTERESTS, 3),
  };
}

/**
 * The demo customers one by one, so a loader can stream a million of them in batches.
 * Pure and deterministic: the same seed, count and `now` give the same customers; they
 * joined over the 3 years before `now`, more of them recently (the business grew).
 */
export function* demoCustomers(options: GenerateDemoOptions): Generator<DemoCustomer> {
  const random = new Random(options.seed);
  const now = (options.now ?? startOfTodayUtc()).getTime();
  const sales: Record<string, DemoStaff[]> = {};
  for (const s of DEMO_STAFF) {
    if (s.role === 'sales' && s.team) sales[s.team] = [...(sales[s.team] ?? []), s];
  }
  const places = THAI_PLACES.map((p) => [p, p.weight] as const);
  const phones = new Set<string>();
  // A second stream for the profile details, so adding them left the first stream's
  // customers (names, phones, owners) exactly as they were.
  const details = new Random(options.seed + 0x5eed);
  for (let i = 0; i < options.customers; i += 1) {
    const createdAt = now - Math.floor(SPAN_MS * (1 - Math.sqrt(random.float())));
    const base = random.chance(0.04) ? company(random) : person(random, createdAt, now);
    const place = random.chance(0.9) ? random.weighted(places) : undefined;
    const withAddress = place !== undefined && random.chance(0.75);
    yield {
      ...base,
      phone: uniquePhone(random, phones),
      province: place?.province ?? null,
      district: place?.district ?? null,
      postcode: place?.postcode ?? null,
      addressLine: withAddress && place ? address(random, place) : null,
      source:
        base.kind === 'company' ? random.pick(['referral', 'phone', 'website']) : random.weighted(CUSTOMER_SOURCES),
      ownerEmail: ownerFor(random, place, sales),
      createdAt: new Date(createdAt),
      ...profileDetails(details, base.kind),
    };
  }
}

/** The whole demo business as plain data (see demoCustomers for the customers). */
export function generateDemo(options: GenerateDemoOptions): DemoData {
  return {
    seed: options.seed,
    business: DEMO_BUSINESS,
    teams: DEMO_TEAMS,
    staff: DEMO_STAFF,
    customers: [...demoCustomers(options)],
  };
}
