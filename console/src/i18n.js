// The console's own words, Chinese first. Names of codes come from labels.js, messages of refusals from the API.
import { session } from './session.js'

const words = {
  appName: ['教师培训管理平台', 'Teacher training platform'],
  signIn: ['登录', 'Sign in'], signOut: ['退出', 'Sign out'], language: ['English', '中文'],
  dashboard: ['工作台', 'Dashboard'], results: ['年度考核', 'Yearly results'], ranking: ['承训机构排名', 'Institution ranking'], rankingNotPublished: ['该计划的承训机构排名尚未公布。', 'The ranking of this program has not been published yet.'],
  mentoring: ['名师工作室', 'Mentoring communities'], projects: ['培训项目', 'Projects'], teachers: ['教师', 'Teachers'],
  compliance: ['学时达标', 'Compliance'], notifications: ['提醒', 'Reminders'], cityReports: ['市级汇总报告', 'City summaries'],
  myEnrollments: ['我的培训', 'My training'], transcript: ['学时档案', 'Transcript'], verify: ['证书查验', 'Verify a certificate'],
  scoring: ['评审项目', 'Projects to score'], integrity: ['诚信记录', 'Integrity records'], integrityQueue: ['诚信申诉', 'Appeals and excuses'],
  role: ['角色', 'Role'], unit: ['单位', 'Unit'], account: ['账号', 'Account'], teacherId: ['教师编号', 'Teacher ID'],
  institutionId: ['承训机构代码', 'Institution ID'], year: ['年度', 'Year'], program: ['培训计划', 'Program'],
  search: ['查询', 'Search'], refresh: ['刷新', 'Refresh'], save: ['保存', 'Save'], cancel: ['取消', 'Cancel'],
  exportXlsx: ['导出 Excel', 'Export Excel'], exportCsv: ['导出 CSV', 'Export CSV'], loadMore: ['加载更多', 'Load more'],
  code: ['项目编号', 'Code'], name: ['名称', 'Name'], personName: ['姓名', 'Name'], title: ['标题', 'Title'], time: ['时间', 'Time'], category: ['类别', 'Category'], institution: ['承训机构', 'Institution'],
  cutoff: ['遴选截止', 'Selection cutoff'], dates: ['培训日期', 'Dates'], phase: ['阶段', 'Phase'], seats: ['名额', 'Seats'],
  allocated: ['已下达', 'Passed on'], used: ['已使用', 'Used'], enrolled: ['已入选', 'Enrolled'], available: ['剩余', 'Available'],
  quotas: ['名额分配', 'Quotas'], selection: ['遴选', 'Selection'], waitlist: ['储备库', 'Waitlist'], applications: ['自主报名', 'Applications'],
  deliverables: ['材料提交', 'Deliverables'], budget: ['经费预算', 'Budget'], settlement: ['结算', 'Settlement'], overview: ['概况', 'Overview'], lifecycle: ['项目进程', 'Lifecycle'],
  classes: ['班次与课程', 'Classes'], completion: ['报到与结业', 'Registration and completion'], reportRates: ['报到率', 'Report rates'],
  enroll: ['录取', 'Enroll'], checkEligibility: ['检查资格', 'Check eligibility'], withdraw: ['退出', 'Withdraw'],
  eligible: ['符合条件，可以录取', 'Eligible'], status: ['状态', 'Status'], teacher: ['教师', 'Teacher'], school: ['学校', 'School'],
  allocate: ['分配', 'Allocate'], stage: ['学段', 'Stage'], subjects: ['学科', 'Subjects'], location: ['学校所在地', 'School location'],
  teachingSince: ['从教时间', 'Teaching since'], addTeacher: ['新增教师', 'Add a teacher'], importTeachers: ['导入名单', 'Import'],
  project: ['项目', 'Project'], startDate: ['开班日期', 'Starts'], selectedAt: ['入选时间', 'Selected'], appliedAwaiting: ['已报名，等待县区审核', 'Applied; awaiting the county'],
  upload: ['上传', 'Upload'], due: ['截止日期', 'Due'], required: ['应交', 'Required'], requiredHours: ['应修', 'Required'], accepted: ['已通过', 'Accepted'],
  file: ['文件', 'File'], kind: ['材料', 'Kind'], requirement: ['学时要求', 'Requirement'], earned: ['已修', 'Earned'],
  shortBy: ['还差', 'Short by'], hours: ['学时', 'Hours'], none: ['暂无数据', 'Nothing yet'], read: ['已读', 'Read'],
  markRead: ['标为已读', 'Mark read'], certificate: ['证书', 'Certificate'], verifyCode: ['证书编号', 'Certificate code'],
  loading: ['加载中…', 'Loading…'], saved: ['已保存', 'Saved'], refused: ['未能完成', 'Refused'], total: ['合计', 'Total'],
  open: ['可报名', 'Open'], apply: ['报名', 'Apply'], decide: ['审核', 'Decide'], approve: ['同意', 'Approve'], decline: ['不同意', 'Decline'],
  fillRate: ['名额使用率', 'Fill rate'], reportRate: ['报到率', 'Report rate'], completionRate: ['结业率', 'Completion rate'],
  shortTeachers: ['学时未达标教师', 'Teachers short of hours'], deadlines: ['临近截止', 'Deadlines coming'],
  line: ['开支项目', 'Line'], amount: ['金额（元）', 'Amount (yuan)'], justification: ['测算依据', 'Justification'], check: ['校验', 'Check'],
  // shared by several screens
  colon: ['：', ': '], delete: ['删除', 'Delete'], date: ['日期', 'Date'], projectCount: ['项目数', 'Projects'], target: ['目标', 'Target'], days: ['天数', 'Days'], months: ['月数', 'Months'], start: ['开始', 'Start'], end: ['结束', 'End'], cycle: ['周期', 'Cycle'], unitCode: ['代码', 'Code'], pricingUnit: ['计价单位', 'Unit'],
  badTeacherId: ['教师编号须为 1–64 位字母、数字或 - _ .', 'A teacher ID is 1–64 letters, digits or - _ .'],
  submit: ['提交', 'Submit'], verdict: ['检查结果', 'Verdict'], score: ['评分', 'Score'], publicVerify: ['公开查验', 'Public verification'],
}

/** A phrase used in one place, given in both languages where it is used: `tr('删除', 'Delete')`. */
export function tr(zh, en) {
  return session.lang === 'en' ? en : zh
}

/** A text the API gives in both languages (`{zh, en}`), in the person's. */
/** A list as the language writes one: 乡村、乡镇 in Chinese, "Rural, Town" in English. */
export function listed(items) {
  return items.join(tr('、', ', '))
}

export function inLanguage(x) {
  return x == null ? '' : session.lang === 'en' ? x.en : x.zh
}

export function t(key) {
  const w = words[key]
  if (!w) return key
  return session.lang === 'en' ? w[1] : w[0]
}
