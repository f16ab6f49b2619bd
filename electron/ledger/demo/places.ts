// Geography of the demo street and of the places its members come from.

/** The street itself: a fictional 街道 in a district of a Zhejiang city (area code 0571). */
export const STREET = {
  name: '锦澜街道',
  committeeName: '锦澜街道党工委',
  officeAddress: '锦澜街道锦澜路88号',
  officePhone: '0571-86710001',
  areaCode: '0571',
  /** The district's region code: most locally born members carry it in their ID numbers. */
  localRegion: '330108',
} as const;

export type Community = {
  key: string;
  name: string;          // 望江社区
  estates: readonly string[];
  road: string;
  officeAddress: string;
};

export const COMMUNITIES: readonly Community[] = [
  { key: 'wangjiang', name: '望江社区', estates: ['望江花园', '江畔人家', '望江新村'], road: '望江路', officeAddress: '锦澜街道望江路126号' },
  { key: 'wutong', name: '梧桐苑社区', estates: ['梧桐苑', '梧桐北苑', '康桥名邸'], road: '梧桐路', officeAddress: '锦澜街道梧桐路35号' },
  { key: 'xiushui', name: '秀水社区', estates: ['秀水新村', '秀水家园', '枫林湾'], road: '秀水路', officeAddress: '锦澜街道秀水路210号' },
  { key: 'jinhua', name: '锦华社区', estates: ['锦华苑', '锦澜家园', '滨河雅苑'], road: '锦华路', officeAddress: '锦澜街道锦华路57号' },
];

/** ID region codes (GB/T 2260) with the 籍贯 they stand for; weights favour the local city. */
export const REGIONS: readonly { code: string; place: string; weight: number; ethnicity?: string }[] = [
  { code: '330108', place: '浙江杭州', weight: 30 },
  { code: '330106', place: '浙江杭州', weight: 10 },
  { code: '330102', place: '浙江杭州', weight: 8 },
  { code: '330109', place: '浙江杭州', weight: 8 },
  { code: '330183', place: '浙江富阳', weight: 4 },
  { code: '330402', place: '浙江嘉兴', weight: 3 },
  { code: '330602', place: '浙江绍兴', weight: 4 },
  { code: '330702', place: '浙江金华', weight: 3 },
  { code: '330302', place: '浙江温州', weight: 3 },
  { code: '331002', place: '浙江台州', weight: 3 },
  { code: '330521', place: '浙江德清', weight: 1 },
  { code: '340104', place: '安徽合肥', weight: 2 },
  { code: '341202', place: '安徽阜阳', weight: 3 },
  { code: '341502', place: '安徽六安', weight: 2 },
  { code: '360102', place: '江西南昌', weight: 2 },
  { code: '361002', place: '江西抚州', weight: 2 },
  { code: '320102', place: '江苏南京', weight: 1 },
  { code: '320583', place: '江苏昆山', weight: 1 },
  { code: '370102', place: '山东济南', weight: 1 },
  { code: '410105', place: '河南郑州', weight: 2 },
  { code: '411302', place: '河南南阳', weight: 2 },
  { code: '420106', place: '湖北武汉', weight: 1 },
  { code: '430104', place: '湖南长沙', weight: 1 },
  { code: '510107', place: '四川成都', weight: 1 },
  { code: '500101', place: '重庆万州', weight: 1 },
  { code: '610113', place: '陕西西安', weight: 1 },
  { code: '130102', place: '河北石家庄', weight: 1 },
  { code: '230103', place: '黑龙江哈尔滨', weight: 1 },
  { code: '350102', place: '福建福州', weight: 1 },
  { code: '520102', place: '贵州贵阳', weight: 1 },
];

/** Where members of a minority 民族 are likely born (so ID region and 民族 agree). */
export const MINORITY_REGIONS: readonly { ethnicity: string; code: string; place: string; weight: number }[] = [
  { ethnicity: '回族', code: '640104', place: '宁夏银川', weight: 3 },
  { ethnicity: '满族', code: '210102', place: '辽宁沈阳', weight: 3 },
  { ethnicity: '蒙古族', code: '150102', place: '内蒙古呼和浩特', weight: 2 },
  { ethnicity: '壮族', code: '450103', place: '广西南宁', weight: 2 },
  { ethnicity: '土家族', code: '422801', place: '湖北恩施', weight: 2 },
  { ethnicity: '苗族', code: '433101', place: '湖南吉首', weight: 2 },
  { ethnicity: '畲族', code: '331127', place: '浙江景宁', weight: 3 },
];

/** Where 流出 members went to work. */
export const MOBILE_DESTINATIONS: readonly { place: string; units: readonly string[] }[] = [
  { place: '广东省深圳市', units: ['深圳市鹏城电子科技有限公司', '深圳市华润物业服务有限公司'] },
  { place: '上海市浦东新区', units: ['上海浦江物流有限公司', '上海东昌汽车服务有限公司'] },
  { place: '江苏省苏州市', units: ['苏州工业园区精密制造有限公司', '苏州吴中建设工程有限公司'] },
  { place: '北京市朝阳区', units: ['北京朝阳国际物流有限公司'] },
  { place: '浙江省宁波市', units: ['宁波港集装箱服务有限公司', '宁波东海船舶修造有限公司'] },
  { place: '新疆维吾尔自治区阿克苏地区', units: ['援疆指挥部（对口支援）'] },
];

/** Party orgs outside the street: where transfers come from and go to. */
export const OUTSIDE_ORGS = {
  formerEmployers: ['江南机械厂党委', '市第二棉纺织厂党委', '红星丝绸厂党总支', '市第三建筑工程公司党委', '区粮食局机关党支部',
    '市自来水公司党委', '东方化纤厂党委', '市供销合作社党委', '区人民医院党委', '杭州钢铁集团公司炼钢厂党总支', '市第五中学党支部'],
  universities: ['浙江工业大学信息工程学院学生第二党支部', '杭州电子科技大学计算机学院学生党支部', '浙江师范大学教师教育学院学生党支部',
    '浙江中医药大学护理学院学生党支部', '安徽大学经济学院研究生党支部', '郑州大学化工学院学生第一党支部', '南昌大学法学院学生党支部',
    '浙江财经大学会计学院学生党支部'],
  elsewhere: ['滨江区长河街道江一社区党委', '西湖区文新街道党工委机关党支部', '萧山区城厢街道社区党委', '上城区湖滨街道东坡路社区党委',
    '宁波市鄞州区中河街道党工委', '绍兴市越城区府山街道党工委', '阜阳市颍州区清河街道党工委', '余杭区仓前街道社区服务中心党支部',
    '区教育局机关党委', '区卫生健康局机关党支部'],
} as const;

/** Where members who live outside the street live. */
export const OUTSIDE_RESIDENCES = ['滨江区长河街道江南豪园', '滨江区西兴街道星耀城', '西湖区文新街道德加公寓', '萧山区北干街道金色钱塘',
  '上城区笕桥街道黄家社区', '拱墅区祥符街道北城小区', '余杭区五常街道西溪北苑'] as const;

/** 流入 members' home region (ID region code in REGIONS) and the org that keeps their membership. */
export const MOBILE_HOMES: readonly { code: string; place: string; homeOrg: string }[] = [
  { code: '341202', place: '安徽省阜阳市', homeOrg: '阜阳市颍州区三合镇前进村党支部' },
  { code: '341502', place: '安徽省六安市', homeOrg: '六安市金安区木厂镇党委' },
  { code: '411302', place: '河南省南阳市', homeOrg: '南阳市宛城区红泥湾镇党委' },
  { code: '361002', place: '江西省抚州市', homeOrg: '抚州市临川区上顿渡镇党委' },
  { code: '500101', place: '重庆市万州区', homeOrg: '万州区龙都街道党工委' },
];

export function outsideAddress(rng: { int(a: number, b: number): number; pick<T>(xs: readonly T[]): T }): string {
  return `${rng.pick(OUTSIDE_RESIDENCES)}${rng.int(1, 30)}幢${rng.int(1, 3)}单元${rng.int(2, 26)}0${rng.int(1, 4)}室`;
}

export function address(community: Community, rng: { int(a: number, b: number): number; pick<T>(xs: readonly T[]): T }): string {
  const estate = rng.pick(community.estates);
  return `锦澜街道${estate}${rng.int(1, 24)}幢${rng.int(1, 4)}单元${rng.int(1, 18)}0${rng.int(1, 4)}室`;
}

const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '157',
  '158', '159', '177', '180', '181', '182', '183', '186', '187', '188', '189', '191', '198', '199'];

export function mobilePhone(rng: { int(a: number, b: number): number; pick<T>(xs: readonly T[]): T }): string {
  return `${rng.pick(MOBILE_PREFIXES)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
}

export function officePhone(rng: { int(a: number, b: number): number }): string {
  return `${STREET.areaCode}-8${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
}
