/**
 * Real districts with their postcodes (Thailand Post, district-level codes) and a main
 * road, for demo addresses. `weight` makes Bangkok and Chiang Mai, where the demo business
 * has branches, the most common.
 */
export interface ThaiPlace {
  province: string;
  district: string;
  postcode: string;
  road: string;
  /** Northern provinces are served by the Chiang Mai sales team. */
  region: 'bangkok' | 'north' | 'other';
  weight: number;
}

const BKK = 'กรุงเทพมหานคร';

export const THAI_PLACES: readonly ThaiPlace[] = [
  { province: BKK, district: 'ปทุมวัน', postcode: '10330', road: 'ถนนพระรามที่ 1', region: 'bangkok', weight: 5 },
  { province: BKK, district: 'บางรัก', postcode: '10500', road: 'ถนนสีลม', region: 'bangkok', weight: 4 },
  { province: BKK, district: 'สาทร', postcode: '10120', road: 'ถนนสาทรใต้', region: 'bangkok', weight: 4 },
  { province: BKK, district: 'วัฒนา', postcode: '10110', road: 'ถนนสุขุมวิท', region: 'bangkok', weight: 6 },
  { province: BKK, district: 'คลองเตย', postcode: '10110', road: 'ถนนพระรามที่ 4', region: 'bangkok', weight: 4 },
  { province: BKK, district: 'จตุจักร', postcode: '10900', road: 'ถนนพหลโยธิน', region: 'bangkok', weight: 5 },
  { province: BKK, district: 'ห้วยขวาง', postcode: '10310', road: 'ถนนรัชดาภิเษก', region: 'bangkok', weight: 4 },
  { province: BKK, district: 'บางกะปิ', postcode: '10240', road: 'ถนนลาดพร้าว', region: 'bangkok', weight: 3 },
  { province: BKK, district: 'ลาดพร้าว', postcode: '10230', road: 'ถนนลาดพร้าว', region: 'bangkok', weight: 3 },
  { province: BKK, district: 'บางนา', postcode: '10260', road: 'ถนนบางนา-ตราด', region: 'bangkok', weight: 3 },
  { province: BKK, district: 'พญาไท', postcode: '10400', road: 'ถนนพหลโยธิน', region: 'bangkok', weight: 5 },
  { province: BKK, district: 'ราชเทวี', postcode: '10400', road: 'ถนนเพชรบุรี', region: 'bangkok', weight: 3 },
  { province: BKK, district: 'ดินแดง', postcode: '10400', road: 'ถนนวิภาวดีรังสิต', region: 'bangkok', weight: 3 },
  { province: BKK, district: 'บางซื่อ', postcode: '10800', road: 'ถนนประชาราษฎร์ สาย 2', region: 'bangkok', weight: 2 },
  { province: BKK, district: 'ธนบุรี', postcode: '10600', road: 'ถนนอิสรภาพ', region: 'bangkok', weight: 2 },
  { province: BKK, district: 'บางแค', postcode: '10160', road: 'ถนนเพชรเกษม', region: 'bangkok', weight: 2 },
  { province: BKK, district: 'ดอนเมือง', postcode: '10210', road: 'ถนนสรงประภา', region: 'bangkok', weight: 2 },
  { province: BKK, district: 'มีนบุรี', postcode: '10510', road: 'ถนนรามอินทรา', region: 'bangkok', weight: 2 },
  { province: BKK, district: 'สวนหลวง', postcode: '10250', road: 'ถนนพัฒนาการ', region: 'bangkok', weight: 2 },
  { province: BKK, district: 'พระนคร', postcode: '10200', road: 'ถนนราชดำเนินกลาง', region: 'bangkok', weight: 2 },
  {
    province: 'เชียงใหม่',
    district: 'เมืองเชียงใหม่',
    postcode: '50000',
    road: 'ถนนนิมมานเหมินท์',
    region: 'north',
    weight: 8,
  },
  { province: 'เชียงใหม่', district: 'สันทราย', postcode: '50210', road: 'ถนนเชียงใหม่-พร้าว', region: 'north', weight: 2 },
  { province: 'เชียงใหม่', district: 'หางดง', postcode: '50230', road: 'ถนนเชียงใหม่-ฮอด', region: 'north', weight: 2 },
  { province: 'เชียงใหม่', district: 'สารภี', postcode: '50140', road: 'ถนนเชียงใหม่-ลำพูน', region: 'north', weight: 1 },
  { province: 'เชียงใหม่', district: 'แม่ริม', postcode: '50180', road: 'ถนนโชตนา', region: 'north', weight: 1 },
  {
    province: 'เชียงใหม่',
    district: 'สันกำแพง',
    postcode: '50130',
    road: 'ถนนเชียงใหม่-สันกำแพง',
    region: 'north',
    weight: 1,
  },
  { province: 'เชียงราย', district: 'เมืองเชียงราย', postcode: '57000', road: 'ถนนพหลโยธิน', region: 'north', weight: 2 },
  { province: 'ลำปาง', district: 'เมืองลำปาง', postcode: '52000', road: 'ถนนบุญวาทย์', region: 'north', weight: 1 },
  {
    province: 'พิษณุโลก',
    district: 'เมืองพิษณุโลก',
    postcode: '65000',
    road: 'ถนนบรมไตรโลกนาถ',
    region: 'north',
    weight: 1,
  },
  { province: 'นนทบุรี', district: 'เมืองนนทบุรี', postcode: '11000', road: 'ถนนรัตนาธิเบศร์', region: 'other', weight: 3 },
  { province: 'นนทบุรี', district: 'ปากเกร็ด', postcode: '11120', road: 'ถนนแจ้งวัฒนะ', region: 'other', weight: 3 },
  { province: 'นนทบุรี', district: 'บางบัวทอง', postcode: '11110', road: 'ถนนกาญจนาภิเษก', region: 'other', weight: 2 },
  { province: 'ปทุมธานี', district: 'ธัญบุรี', postcode: '12110', road: 'ถนนรังสิต-นครนายก', region: 'other', weight: 2 },
  { province: 'ปทุมธานี', district: 'คลองหลวง', postcode: '12120', road: 'ถนนพหลโยธิน', region: 'other', weight: 2 },
  {
    province: 'สมุทรปราการ',
    district: 'เมืองสมุทรปราการ',
    postcode: '10270',
    road: 'ถนนสุขุมวิท',
    region: 'other',
    weight: 2,
  },
  { province: 'สมุทรปราการ', district: 'บางพลี', postcode: '10540', road: 'ถนนเทพารักษ์', region: 'other', weight: 2 },
  { province: 'ชลบุรี', district: 'บางละมุง', postcode: '20150', road: 'ถนนพัทยาสาย 2', region: 'other', weight: 2 },
  { province: 'ชลบุรี', district: 'ศรีราชา', postcode: '20110', road: 'ถนนสุขุมวิท', region: 'other', weight: 1 },
  { province: 'ชลบุรี', district: 'เมืองชลบุรี', postcode: '20000', road: 'ถนนสุขุมวิท', region: 'other', weight: 1 },
  { province: 'ระยอง', district: 'เมืองระยอง', postcode: '21000', road: 'ถนนสุขุมวิท', region: 'other', weight: 1 },
  {
    province: 'พระนครศรีอยุธยา',
    district: 'พระนครศรีอยุธยา',
    postcode: '13000',
    road: 'ถนนโรจนะ',
    region: 'other',
    weight: 1,
  },
  { province: 'นครปฐม', district: 'เมืองนครปฐม', postcode: '73000', road: 'ถนนเพชรเกษม', region: 'other', weight: 1 },
  { province: 'กาญจนบุรี', district: 'เมืองกาญจนบุรี', postcode: '71000', road: 'ถนนแสงชูโต', region: 'other', weight: 1 },
  { province: 'ประจวบคีรีขันธ์', district: 'หัวหิน', postcode: '77110', road: 'ถนนเพชรเกษม', region: 'other', weight: 1 },
  {
    province: 'นครราชสีมา',
    district: 'เมืองนครราชสีมา',
    postcode: '30000',
    road: 'ถนนมิตรภาพ',
    region: 'other',
    weight: 1,
  },
  { province: 'นครราชสีมา', district: 'ปากช่อง', postcode: '30130', road: 'ถนนมิตรภาพ', region: 'other', weight: 1 },
  { province: 'ขอนแก่น', district: 'เมืองขอนแก่น', postcode: '40000', road: 'ถนนมิตรภาพ', region: 'other', weight: 1 },
  { province: 'อุดรธานี', district: 'เมืองอุดรธานี', postcode: '41000', road: 'ถนนโพศรี', region: 'other', weight: 1 },
  {
    province: 'อุบลราชธานี',
    district: 'เมืองอุบลราชธานี',
    postcode: '34000',
    road: 'ถนนชยางกูร',
    region: 'other',
    weight: 1,
  },
  { province: 'ภูเก็ต', district: 'เมืองภูเก็ต', postcode: '83000', road: 'ถนนเทพกษัตรีย์', region: 'other', weight: 1 },
  { province: 'ภูเก็ต', district: 'กะทู้', postcode: '83120', road: 'ถนนราษฎร์อุทิศ 200 ปี', region: 'other', weight: 1 },
  { province: 'ภูเก็ต', district: 'ถลาง', postcode: '83110', road: 'ถนนเทพกษัตรีย์', region: 'other', weight: 1 },
  { province: 'สุราษฎร์ธานี', district: 'เกาะสมุย', postcode: '84140', road: 'ถนนทวีราษฎร์ภักดี', region: 'other', weight: 1 },
  {
    province: 'สุราษฎร์ธานี',
    district: 'เมืองสุราษฎร์ธานี',
    postcode: '84000',
    road: 'ถนนตลาดใหม่',
    region: 'other',
    weight: 1,
  },
  { province: 'กระบี่', district: 'เมืองกระบี่', postcode: '81000', road: 'ถนนอุตรกิจ', region: 'other', weight: 1 },
  { province: 'สงขลา', district: 'หาดใหญ่', postcode: '90110', road: 'ถนนเพชรเกษม', region: 'other', weight: 2 },
  { province: 'สงขลา', district: 'เมืองสงขลา', postcode: '90000', road: 'ถนนราชดำเนิน', region: 'other', weight: 1 },
  {
    province: 'นครศรีธรรมราช',
    district: 'เมืองนครศรีธรรมราช',
    postcode: '80000',
    road: 'ถนนราชดำเนิน',
    region: 'other',
    weight: 1,
  },
];
