import type { Role } from '../../core/auth/roles.ts';

/**
 * The demo business: a Thai café and bakery chain with branches in Bangkok and Chiang Mai.
 * Teams and staff are fixed (independent of the seed), so loading the demo again finds
 * them by name and email instead of adding more.
 */

/** The password of every demo staff account. Demo data is for trying Sampan, never production. */
export const DEMO_PASSWORD = 'sampan-demo';
export const DEMO_EMAIL_DOMAIN = 'demo.sampan.local';

export interface DemoBranch {
  name: string;
  nameEn: string;
  province: string;
  district: string;
}

export interface DemoBusiness {
  name: string;
  nameEn: string;
  description: string;
  branches: readonly DemoBranch[];
}

export const DEMO_BUSINESS: DemoBusiness = {
  name: 'บ้านขนมสัมพันธ์',
  nameEn: 'Baan Khanom Sampan',
  description: 'ร้านกาแฟและเบเกอรี่ 4 สาขา กรุงเทพฯ และเชียงใหม่ / a café and bakery chain with 4 branches',
  branches: [
    { name: 'สาขาสยามสแควร์', nameEn: 'Siam Square', province: 'กรุงเทพมหานคร', district: 'ปทุมวัน' },
    { name: 'สาขาอารีย์', nameEn: 'Ari', province: 'กรุงเทพมหานคร', district: 'พญาไท' },
    { name: 'สาขาทองหล่อ', nameEn: 'Thong Lo', province: 'กรุงเทพมหานคร', district: 'วัฒนา' },
    { name: 'สาขานิมมาน', nameEn: 'Nimman', province: 'เชียงใหม่', district: 'เมืองเชียงใหม่' },
  ],
};

export const TEAM_BANGKOK = 'ทีมขายกรุงเทพ';
export const TEAM_CHIANG_MAI = 'ทีมขายเชียงใหม่';
export const TEAM_SERVICE = 'ฝ่ายบริการลูกค้า';
export const TEAM_MARKETING = 'ฝ่ายการตลาด';
export const DEMO_TEAMS: readonly string[] = [TEAM_BANGKOK, TEAM_CHIANG_MAI, TEAM_SERVICE, TEAM_MARKETING];

export interface DemoStaff {
  email: string;
  name: string;
  nameEn: string;
  role: Role;
  team: string | null;
}

function staff(local: string, name: string, nameEn: string, role: Role, team: string | null): DemoStaff {
  return { email: `${local}@${DEMO_EMAIL_DOMAIN}`, name, nameEn, role, team };
}

/** One of each role besides the owner (the person who loads the demo); five sales people. */
export const DEMO_STAFF: readonly DemoStaff[] = [
  staff('somsak.w', 'สมศักดิ์ วงศ์ใหญ่', 'Somsak Wongyai', 'manager', TEAM_BANGKOK),
  staff('wanphen.s', 'วันเพ็ญ ศรีสุข', 'Wanphen Sisuk', 'manager', TEAM_CHIANG_MAI),
  staff('somchai.s', 'สมชาย แสงทอง', 'Somchai Saengthong', 'sales', TEAM_BANGKOK),
  staff('natthida.b', 'ณัฐธิดา บุญมา', 'Natthida Bunma', 'sales', TEAM_BANGKOK),
  staff('thanakon.t', 'ธนากร ทองดี', 'Thanakon Thongdi', 'sales', TEAM_BANGKOK),
  staff('kanchana.i', 'กาญจนา อินทร์แก้ว', 'Kanchana Inkaeo', 'sales', TEAM_CHIANG_MAI),
  staff('anucha.p', 'อนุชา พรหมมา', 'Anucha Phromma', 'sales', TEAM_CHIANG_MAI),
  staff('piyanut.r', 'ปิยะนุช รุ่งเรือง', 'Piyanut Rungrueang', 'service', TEAM_SERVICE),
  staff('kitti.w', 'กิตติ วัฒนกุล', 'Kitti Watthanakun', 'marketing', TEAM_MARKETING),
  staff('mali.s', 'มาลี สมบูรณ์', 'Mali Sombun', 'viewer', null),
];

export const CUSTOMER_TAGS: readonly (readonly [string, number])[] = [
  ['ลูกค้าประจำ', 30],
  ['ลูกค้าใหม่', 20],
  ['ชอบกาแฟ', 20],
  ['สายหวาน', 15],
  ['สั่งเค้กวันเกิด', 10],
  ['VIP', 6],
  ['แพ้ถั่ว', 4],
  ['มังสวิรัติ', 4],
];

export const CUSTOMER_SOURCES: readonly (readonly [string, number])[] = [
  ['walk_in', 35],
  ['line_oa', 25],
  ['facebook', 15],
  ['website', 10],
  ['referral', 10],
  ['phone', 5],
];
