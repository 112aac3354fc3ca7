/** Shapes of the customer endpoints (profile, identities, timeline, consent, custom fields) as the web UI uses them. */

export const CUSTOMER_KINDS = ['person', 'company'] as const;
export type CustomerKind = (typeof CUSTOMER_KINDS)[number];
export const CUSTOMER_TYPES = ['consumer', 'reseller', 'business'] as const;
export const GENDERS = ['female', 'male', 'other', 'unspecified'] as const;
export const INCOME_BANDS = ['lt15k', '15k_30k', '30k_50k', '50k_100k', 'gt100k'] as const;
export const COMPANY_SIZES = ['1_10', '11_50', '51_200', '201_1000', 'gt1000'] as const;
export const SOURCES = ['walk_in', 'line_oa', 'facebook', 'website', 'referral', 'phone', 'import'] as const;
export const IDENTITY_KINDS = ['email', 'phone', 'line', 'facebook', 'pos', 'external'] as const;
export type IdentityKind = (typeof IDENTITY_KINDS)[number];
export const IDENTITY_STATUSES = ['ok', 'invalid', 'bounced', 'unreachable'] as const;
export const ADDRESS_LABELS = ['home', 'work', 'billing', 'shipping', 'other'] as const;
export const CONTACT_ROLES = ['decision_maker', 'influencer', 'buyer', 'user', 'gatekeeper'] as const;
export const LOGGABLE_KINDS = ['note', 'call', 'meeting'] as const;
export type LoggableKind = (typeof LOGGABLE_KINDS)[number];
export const TIMELINE_KINDS = [
  'note',
  'call',
  'meeting',
  'email',
  'message',
  'consent',
  'identity_match',
  'merge',
  'import',
  'order',
  'deal',
  'ticket',
  'system',
] as const;
export const CALL_OUTCOMES = ['connected', 'no_answer', 'busy', 'voicemail', 'wrong_number'] as const;
export const CONSENT_CHANNELS = ['email', 'sms', 'line', 'phone', 'any'] as const;
export const CONSENT_STATUSES = ['granted', 'withdrawn', 'denied'] as const;
export const LAWFUL_BASES = [
  'consent',
  'contract',
  'legal_obligation',
  'vital_interest',
  'public_task',
  'legitimate_interest',
] as const;
export const SORTS = ['created_desc', 'created_asc', 'name_asc', 'updated_desc'] as const;
export type CustomerSort = (typeof SORTS)[number];
export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'select', 'multi_select'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export interface CustomerProfile {
  id: string;
  kind: string;
  customerType?: string;
  status?: string;
  displayName: string;
  firstName: string | null;
  lastName: string | null;
  firstNameEn: string | null;
  lastNameEn: string | null;
  nickname: string | null;
  gender?: string | null;
  birthday?: string | null;
  language?: string | null;
  occupation?: string | null;
  incomeBand?: string | null;
  interests?: string[];
  email: string | null;
  phone: string | null;
  lineId: string | null;
  addressLine: string | null;
  subDistrict?: string | null;
  district: string | null;
  province: string | null;
  postcode: string | null;
  taxId?: string | null;
  industry?: string | null;
  companySize?: string | null;
  website?: string | null;
  source: string | null;
  tags: string[];
  customFields?: Record<string, unknown>;
  referredById?: string | null;
  mergedIntoId?: string | null;
  ownerId: string | null;
  teamId: string | null;
  lastContactedAt?: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What the create/edit form sends: every field optional; "" or null clears one. */
export type CustomerInput = Partial<
  Omit<CustomerProfile, 'id' | 'status' | 'mergedIntoId' | 'teamId' | 'lastContactedAt' | 'createdAt' | 'updatedAt'>
>;

export interface CustomerListQuery {
  q?: string;
  tag?: string[];
  ownerId?: string;
  kind?: string;
  customerType?: string;
  province?: string;
  source?: string;
  createdFrom?: string;
  createdTo?: string;
  consent?: string;
  /** Scores of the last analytics recompute. */
  valueGrade?: string;
  rfmSegment?: string;
  churnRisk?: string;
  /** RFM recency and frequency scores, '1'–'5' (a cell of the dashboard's R×F grid). */
  rfmR?: string;
  rfmF?: string;
  sort?: CustomerSort;
  customFields?: Record<string, string>;
  limit?: number;
  cursor?: string | null;
}

export interface Identity {
  id: string;
  customerId?: string;
  kind: string;
  system: string;
  value: string;
  isPrimary: boolean;
  status: string;
  statusReason: string | null;
  createdAt: string;
  lastSeenAt?: string;
}

export interface Address {
  id: string;
  label: string;
  addressLine: string | null;
  subDistrict: string | null;
  district: string | null;
  province: string | null;
  postcode: string | null;
  country: string;
}
export type AddressInput = Omit<Address, 'id'>;

export interface CustomerSummary {
  id: string;
  displayName: string;
  kind?: string;
  email?: string | null;
  phone?: string | null;
}

/** One buying-centre link as seen from one side: `customer` is the other side (a person of a company, or a company of a person). */
export interface CompanyContact {
  customer: CustomerSummary;
  role: string;
  jobTitle: string | null;
  createdAt: string;
}

export interface CompanyContacts {
  kind: 'company' | 'person';
  items: CompanyContact[];
  /** Links to profiles the caller may not see. */
  hidden: number;
}

export interface Referrals {
  referredBy: CustomerSummary | null;
  referredByHidden: boolean;
  referred: { items: CustomerSummary[]; nextCursor: string | null };
  count: number;
}

export interface TimelineEntry {
  id: string;
  kind: string;
  occurredAt: string;
  subject: string | null;
  body: string | null;
  direction: string | null;
  channel: string | null;
  durationMinutes: number | null;
  outcome: string | null;
  refType: string | null;
  refId: string | null;
  data: Record<string, unknown>;
  actorUserId?: string | null;
  actorName: string | null;
  /** One readable line, in English and Thai, written by the module that recorded the entry. */
  summary?: { en: string; th: string } | null;
}

export interface ActivityInput {
  kind: LoggableKind;
  subject?: string;
  body?: string;
  occurredAt?: string;
  direction?: string;
  durationMinutes?: number;
  outcome?: string;
}

export interface ConsentPurpose {
  code: string;
  nameTh: string;
  nameEn: string;
  currentVersion?: number;
  lawfulBasis?: string;
  active?: boolean;
}

export interface ConsentCell {
  status: string;
  lawfulBasis: string;
  textVersion: number | null;
  recordId: string;
  updatedAt: string;
}

/** One purpose of a customer's consent matrix: the latest decision per channel (null: none yet). */
export interface CustomerConsentPurpose extends ConsentPurpose {
  channels: Partial<Record<string, ConsentCell | null>>;
  contact?: Partial<Record<string, { allowed: boolean; reason: string }>>;
}

export interface ConsentRecord {
  id: string;
  purpose: string;
  channel: string;
  status: string;
  lawfulBasis: string;
  source: string;
  textVersion: number | null;
  note: string | null;
  actorUserId: string | null;
  recordedAt: string;
}

export interface CustomerConsents {
  customerId: string;
  purposes: CustomerConsentPurpose[];
  history: ConsentRecord[];
}

export interface ConsentInput {
  purpose: string;
  channel: string;
  status: string;
  lawfulBasis?: string;
  source: string;
  note?: string;
}

export interface CustomFieldOption {
  value: string;
  th: string;
  en: string;
}

export interface CustomFieldDefinition {
  id: string;
  key: string;
  labelTh: string;
  labelEn: string;
  type: string;
  options: CustomFieldOption[];
  appliesTo: string;
  required: boolean;
  position: number;
  archivedAt: string | null;
  createdAt?: string;
}

export type CustomFieldInput = Partial<Omit<CustomFieldDefinition, 'id' | 'archivedAt' | 'createdAt'>>;

export interface UserOption {
  id: string;
  name: string;
}
