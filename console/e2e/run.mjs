// End-to-end tests of the console in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core),
// against a running local runtime: node e2e/run.mjs http://127.0.0.1:8080 [screenshots-dir]
// Each flow signs in through the sign-in page as a person would; the data it needs is made through the API first.
import { chromium } from 'playwright-core'
import { unzipSync, zipSync, strFromU8, strToU8 } from 'fflate'
import { mkdirSync, readFileSync } from 'node:fs'
import assert from 'node:assert/strict'

const BASE = process.argv[2] || 'http://127.0.0.1:8080'
const SHOTS = process.argv[3] || new URL('./screenshots/', import.meta.url).pathname
mkdirSync(SHOTS, { recursive: true })
const FIRST_LOAD_LIMIT = 500 * 1024

async function api(method, path, token, body, headers = {}) {
  const r = await fetch(BASE + path, {
    method, headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  })
  const text = await r.text()
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`)
  return text ? JSON.parse(text) : null
}
const token = async (sub, role, extra) => (await api('POST', '/dev/tokens', null, { sub, role, ...extra })).token

// --- data for the flows, through the API ------------------------------------------------------------------------
const run = Date.now().toString(36).toUpperCase()
// the run lives on a set clock, 400 days back, as the demo lives on 2020-09-01: what the console proposes as today or
// this year must be the platform's, not the browser's (an expense dated the browser's today was refused as in the future)
const clockBefore = await api('GET', '/dev/clock')
await api('POST', '/dev/clock', null, { now: new Date(Date.now() - 400 * 86400000).toISOString() })
const clock = new Date((await api('GET', '/dev/clock')).now)
const day = n => new Date(clock.getTime() + n * 86400000)
const date = d => new Date(d.getTime() + 8 * 3600000).toISOString().slice(0, 10)
const year = Number(date(clock).slice(0, 4))
const province = await token('e2e-province', 'PROVINCE_ADMIN', { jurisdiction: '410000' })
const county = await token('e2e-county', 'COUNTY_ADMIN', { jurisdiction: '411523' })
const program = await api('POST', '/programs', province, { year, level: 'PROVINCIAL', name: `E2E 控制台测试计划 ${run}`, jurisdiction: '410000' })
const project = await api('POST', `/programs/${program.id}/projects`, province, {
  code: `E2E-${run}`, name: `乡村骨干教师培训（控制台测试 ${run}）`, category: '乡村教师',
  eligibility: { schoolLocations: ['RURAL', 'TOWN'], minTeachingYears: 5 },
  phases: [{ kind: 'CENTRALIZED', days: 8 }, { kind: 'ONLINE', hours: 30 }], totalHours: 94, classSize: 50, institutionId: 'HENU',
  selectionCutoff: day(30).toISOString().replace(/\.\d+Z$/, 'Z'), startDate: date(day(40)), endDate: date(day(55)),
})
await api('PUT', `/projects/${project.id}/quotas/411500`, province, { seats: 5 })
const eligible = `E2E${run}A`, urban = `E2E${run}B`
for (const [id, name, location] of [[eligible, '王芳', 'RURAL'], [urban, '张伟', 'URBAN']]) {
  await api('POST', '/teachers', county, { id, name, jurisdiction: '411523', stage: 'PRIMARY', subjects: ['语文'], role: 'TEACHER', schoolLocation: location, teachingSince: '2010-09-01' })
}

// --- the browser ------------------------------------------------------------------------------------------------
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
})
const failures = []
const results = []

async function flow(name, body) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true, locale: 'zh-CN' })
  const page = await context.newPage()
  const errors = []
  page.on('pageerror', e => errors.push(`page error: ${e.message}`))
  page.on('console', m => {
    // a refused call shows in Chromium's console as "Failed to load resource ... 4xx": the flows provoke those on purpose
    if (m.type() === 'error' && !/Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())) errors.push(`console: ${m.text()}`)
  })
  const started = Date.now()
  try {
    await body(page)
    assert.deepEqual(errors, [], 'no errors in the browser console')
    results.push(`ok   ${name} (${Date.now() - started} ms)`)
  } catch (e) {
    failures.push(name)
    results.push(`FAIL ${name}: ${e.stack || e}`)
    await page.screenshot({ path: `${SHOTS}/failed-${name}.png`, fullPage: true }).catch(() => {})
  } finally {
    await context.close()
  }
}

/** Signs in through the sign-in page: one of the demo's people (`preset`), or a role chosen from the list with its fields. */
async function signIn(page, preset, fields = {}, role = null) {
  await page.goto(BASE + '/#/sign-in')
  if (preset) await page.getByRole('button', { name: preset }).click()
  if (role) {
    await page.locator('[data-test=role]').click()
    await page.getByRole('option', { name: role }).click()
  }
  for (const [name, value] of Object.entries(fields)) await field(page, name).fill(value)
  await page.locator('[data-test=sign-in]').click()
  // signed in once the console has left the sign-in page for the role's home (a header from an earlier sign-in is no sign)
  await page.waitForURL(url => !new URL(url).hash.startsWith('#/sign-in'))
  await page.locator('[data-test=who]').waitFor()
}

/** An input by its data-test name (Element Plus puts the attribute on the input or on its wrapper). */
const field = (page, name) => page.locator(`input[data-test=${name}], [data-test=${name}] input`).first()

async function openTab(page, tab) {
  await page.goto(`${BASE}/#/projects/${project.id}?tab=${tab}`)
  await page.getByRole('heading', { name: project.name }).waitFor()
}

await flow('first-load-under-500KB', async page => {
  let bytes = 0
  const assets = []
  page.on('response', async r => {
    if (!/\.(js|css)$/.test(new URL(r.url()).pathname)) return
    const length = Number((await r.allHeaders())['content-length'] || (await r.body()).length)
    bytes += length
    assets.push(`${new URL(r.url()).pathname} ${length}`)
  })
  await page.goto(BASE + '/', { waitUntil: 'networkidle' })
  await page.locator('[data-test=sign-in]').waitFor()
  results.push(`     first load: ${(bytes / 1024).toFixed(1)} KB of compressed JavaScript and CSS in ${assets.length} files`)
  assert.ok(bytes > 50 * 1024, `measured the assets (${bytes} bytes)`)
  assert.ok(bytes < FIRST_LOAD_LIMIT, `first load ${bytes} bytes, limit ${FIRST_LOAD_LIMIT}: ${assets.join(', ')}`)
  await page.screenshot({ path: `${SHOTS}/sign-in.png` })
})

await flow('city-admin-allocates-seats-to-a-county', async page => {
  await signIn(page, '信阳市教育局')
  await openTab(page, 'quotas')
  const seats = page.locator('[data-test=seats-411523] input')
  await seats.fill('3')
  await page.locator('[data-test=allocate-411523]').click()
  await page.getByText('已保存').waitFor()
  const quotas = await api('GET', `/projects/${project.id}/quotas`, await token('e2e-city', 'CITY_ADMIN', { jurisdiction: '411500' }))
  assert.equal((quotas.items || quotas).find(q => q.jurisdiction === '411523').seats, 3)
  await page.screenshot({ path: `${SHOTS}/quotas.png` })
})

await flow('county-admin-enrolls-refuses-and-exports', async page => {
  await signIn(page, '新县教育局')
  await page.locator('[data-test=who]').getByText('县级教育行政部门 · 新县 ·').waitFor()   // the unit by its name, its code on hover
  assert.equal(await page.locator('[data-test=who]').getAttribute('title'), '411523')
  await openTab(page, 'selection')
  const teacher = field(page, 'enroll-teacher')
  await teacher.fill(eligible)
  await page.locator('[data-test=check]').click()
  await page.locator('[data-test=eligible]').waitFor()
  await page.locator('[data-test=enroll]').click()
  await page.locator('[data-test=enrollments]').getByText(eligible).waitFor()
  await page.locator('[data-test=enrollments]').getByText('已入选').first().waitFor()
  await page.locator('[data-test=enrollments] tr', { hasText: eligible }).getByText('新县').waitFor()   // the unit by its name

  await teacher.fill(urban)
  await page.locator('[data-test=check]').click()
  const ineligible = await page.locator('[data-test=ineligible]').textContent()
  assert.match(ineligible, /学校所在地/, 'the criterion is named before enrolling')
  await page.locator('[data-test=enroll]').click()
  const refusal = await page.locator('[data-test=refusal]').textContent()
  assert.match(refusal, /学校所在地不符/, refusal)
  assert.match(refusal, /E3/, refusal)
  assert.doesNotMatch(refusal, /\b(URBAN|RURAL|TOWN)\b/, 'no codes inside the Chinese message')
  await page.screenshot({ path: `${SHOTS}/selection.png` })

  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=export-enrollments]').click()])
  assert.match(download.suggestedFilename(), /\.xlsx$/)
  const rows = sheetRows(readFileSync(await download.path()))
  assert.equal(rows[0][0], '教师编号')
  assert.ok(rows[0].includes('状态'), rows[0].join(','))
  const row = rows.find(r => r[0] === eligible)
  assert.ok(row, `the enrolled teacher is in the export: ${JSON.stringify(rows)}`)
  assert.ok(row.includes('王芳') && row.includes('已入选'), row.join(','))
  assert.ok(!rows.some(r => r[0] === urban), 'the refused teacher is not')
})

// 名额到校: the county gives a school one of its seats; the school's admin, signed in with the school's code, sees
// its seats, nominates its own teacher into them, puts another on its own waitlist once they are taken, and is not
// offered the county's withdrawals
await flow('a-school-nominates-its-teacher-within-its-seats', async page => {
  const school = '4115230001', pupil = `E2E${run}S`, reserve = `E2E${run}R`
  await api('PUT', `/projects/${project.id}/quotas/${school}`, county, { seats: 1 })
  for (const [id, name] of [[pupil, '李静'], [reserve, '周婷']]) {
    await api('POST', '/teachers', county, { id, name, jurisdiction: '411523', schoolId: school, stage: 'PRIMARY', subjects: ['数学'], role: 'TEACHER', schoolLocation: 'RURAL', teachingSince: '2012-09-01' })
  }
  const refused = []
  page.on('response', r => { if (r.status() === 403 || r.status() >= 500) refused.push(`${r.status()} ${r.url()}`) })   // a 404 is an answer (an institution not in the registry)
  await signIn(page, null, { jurisdiction: school, sub: 'e2e-school' }, '学校管理员')
  await openTab(page, 'selection')
  await page.locator('[data-test=school-seats]').getByText('本校名额 1，已用 0，剩余 1').waitFor()
  await field(page, 'enroll-teacher').fill(pupil)
  await page.locator('[data-test=enroll]').click()
  await page.locator('[data-test=enrollments]').getByText(pupil).waitFor()
  await page.locator('[data-test=school-seats]').getByText('已用 1，剩余 0').waitFor()
  // the school's seat is taken: its next teacher goes on the school's own waitlist, first in line
  await field(page, 'enroll-teacher').fill(reserve)
  await page.locator('[data-test=waitlist-add]').click()
  await page.locator('[data-test=waitlist] tr', { hasText: reserve }).getByRole('cell', { name: '1', exact: true }).waitFor()
  const listed = (await api('GET', `/projects/${project.id}/waitlist?jurisdiction=${school}`, county)).items
  assert.deepEqual(listed.map(w => [w.teacherId, w.quotaJurisdiction, w.position]), [[reserve, school, 1]], JSON.stringify(listed))
  assert.equal(await page.locator('[data-test=enrollments]').getByRole('button', { name: '退出' }).count(), 0, 'withdrawals are the county\'s')
  // a school owns no program (the county runs school-level ones): 培训项目 offers none to create; 学时达标 lists the
  // school's own teachers, who are registered at the county
  await page.locator('[data-test=menu-projects]').click()
  await page.locator('[data-test=projects]').waitFor()
  assert.equal(await page.locator('[data-test=new-program]').count(), 0, 'a school is offered no program to create')
  await page.locator('[data-test=menu-compliance]').click()
  await page.locator('[data-test=compliance] tr', { hasText: pupil }).waitFor()
  assert.deepEqual(refused, [], 'no call the API forbids a school')
  const stored = (await api('GET', `/projects/${project.id}/enrollments`, county)).items.find(e => e.teacherId === pupil)
  assert.equal(stored.status, 'SELECTED')
})

// 储备库: with the county's seats full, a teacher goes on the waitlist; a trainee withdrawn before the start gives the seat
// to the first on it (E7), and both lists say so
await flow('county-withdraws-a-trainee-and-the-waitlist-fills-the-seat', async page => {
  const [leaving, waiting] = [`E2E${run}W`, `E2E${run}X`]
  for (const [id, name] of [[leaving, '赵敏'], [waiting, '孙丽']]) {
    await api('POST', '/teachers', county, { id, name, jurisdiction: '411523', stage: 'PRIMARY', subjects: ['语文'], role: 'TEACHER', schoolLocation: 'RURAL', teachingSince: '2010-09-01' })
  }
  await signIn(page, '新县教育局')
  await openTab(page, 'selection')
  await field(page, 'enroll-teacher').fill(leaving)
  await page.locator('[data-test=enroll]').click()
  await page.locator('[data-test=enrollments] tr', { hasText: leaving }).getByText('已入选').waitFor()
  const quota = (await api('GET', `/projects/${project.id}/quotas`, county)).find(q => q.jurisdiction === '411523')
  assert.equal(quota.available, 0, `the county's seats are full: ${JSON.stringify(quota)}`)
  await field(page, 'enroll-teacher').fill(waiting)
  await page.locator('[data-test=waitlist-add]').click()
  await page.locator('[data-test=waitlist] tr', { hasText: waiting }).getByText('孙丽').waitFor()   // named, not only coded
  const row = page.locator('[data-test=enrollments] tr', { hasText: leaving })
  await row.getByRole('button', { name: '退出' }).click()
  await page.getByRole('dialog').getByRole('button', { name: /确定|OK/ }).click()
  await page.locator('[data-test=enrollments] tr', { hasText: leaving }).getByText('已退出').waitFor()
  await page.locator('[data-test=enrollments] tr', { hasText: waiting }).getByText('已入选').waitFor()
  const listed = (await api('GET', `/projects/${project.id}/enrollments`, county)).items
  assert.equal(listed.find(e => e.teacherId === waiting)?.status, 'SELECTED')
  assert.equal(listed.find(e => e.teacherId === leaving)?.status, 'WITHDRAWN')
  // the promoted teacher withdraws in turn (the seat back in the pool), and the clerk selects the first one again:
  // a new selection, not the replay of the first one's answer
  await api('DELETE', `/projects/${project.id}/enrollments/${waiting}`, county)
  await field(page, 'enroll-teacher').fill(leaving)
  await page.locator('[data-test=enroll]').click()
  await page.locator('[data-test=enrollments] tr', { hasText: leaving }).getByText('已入选').waitFor()
  const again = (await api('GET', `/projects/${project.id}/enrollments`, county)).items
  assert.equal(again.find(e => e.teacherId === leaving)?.status, 'SELECTED', 'selected again after the withdrawal')
})

// the lifecycle, materials and budget of a project are read by its institution and the admins over its owner (the
// province here): a county or city sees the province's project with its quotas and selection only, and no refusal
await flow('county-and-city-see-a-provincial-project-without-the-owners-tabs', async page => {
  const registered = await api('GET', '/institutions/HENU', county).catch(() => null) ?? await api('PUT', '/institutions/HENU', province,
    { name: '河南大学', categories: ['CENTRALIZED', 'ONLINE'], validFrom: `${year - 1}-01-01`, validUntil: `${year + 1}-12-31` })
  for (const [preset, expected] of [['新县教育局', ['概况', '名额分配', '遴选']], ['信阳市教育局', ['概况', '名额分配', '遴选']], ['河南省教育厅', ['概况', '项目进程', '名额分配', '遴选', '材料提交', '经费预算']]]) {
    await signIn(page, preset)
    await openTab(page, 'overview')
    await page.locator('.el-tabs__item', { hasText: '遴选' }).waitFor()
    if (preset === '河南省教育厅') await page.locator('.el-tabs__item', { hasText: '项目进程' }).waitFor()
    const tabs = (await page.locator('.el-tabs__item').allInnerTexts()).map(s => s.trim())
    assert.deepEqual(tabs, expected, preset)
    await page.locator('.el-descriptions').getByText(`${registered.name}（HENU）`).waitFor()
  }
  // and the projects' list names it too
  await page.locator('[data-test=menu-projects]').click()
  await page.locator('[data-test=projects]').getByText(registered.name).first().waitFor()
})

await flow('institution-uploads-a-pdf-and-sees-it-accepted', async page => {
  await signIn(page, '河南大学（承训机构）')
  await openTab(page, 'deliverables')
  await page.locator('[data-test=upload-APPLICATION]').setInputFiles({ name: '项目申报书.pdf', mimeType: 'application/pdf', buffer: pdf() })
  const verdict = page.locator('[data-test=verdict-APPLICATION]')
  await verdict.getByText('已通过').waitFor({ timeout: 30000 })
  await page.screenshot({ path: `${SHOTS}/deliverables.png` })
})

// a project with seats, so its budget has a ceiling: the province approves the budget, the institution spends against it
const henu = await token('e2e-henu', 'INSTITUTION', { institutionId: 'HENU' })
await api('PUT', `/programs/${program.id}/funding-standards`, province, { standards: [
  { line: 'CENTRALIZED', name: '集中培训', unit: 'PER_PERSON_DAY', rate: 400, phases: ['CENTRALIZED'], categories: ['ACCOMMODATION', 'MEALS', 'VENUE', 'LECTURERS', 'MATERIALS', 'TRANSPORT', 'MANAGEMENT', 'OTHER'], effectiveFrom: '2020-01-01' },
  { line: 'ONLINE', name: '网络研修', unit: 'PER_PERSON_HOUR', rate: 3, phases: ['ONLINE'], categories: ['ONLINE_PLATFORM'], effectiveFrom: '2020-01-01' }] })
const funded = await api('POST', `/programs/${program.id}/projects`, province, {
  code: `FUND-${run}`, name: `乡村教师培训经费（控制台测试 ${run}）`, category: '乡村教师', eligibility: {},
  phases: [{ kind: 'CENTRALIZED', days: 8 }, { kind: 'ONLINE', hours: 30 }], totalHours: 94, classSize: 50, institutionId: 'HENU', seats: 50,
  selectionCutoff: day(30).toISOString().replace(/\.\d+Z$/, 'Z'), startDate: date(day(40)), endDate: date(day(55)),
})
await api('PUT', `/projects/${funded.id}/quotas/411500`, province, { seats: 2 })
await api('PUT', `/projects/${funded.id}/quotas/411523`, await token('e2e-city', 'CITY_ADMIN', { jurisdiction: '411500' }), { seats: 2 })
await api('POST', `/projects/${funded.id}/enrollments`, county, { teacherId: eligible })
await api('PUT', `/projects/${funded.id}/budget`, henu, { lines: [
  { category: 'ACCOMMODATION', amount: 80000, justification: '50人×8天×200元' }, { category: 'MEALS', amount: 60000, justification: '50人×8天×150元' }] })

await flow('province-approves-a-budget', async page => {
  await signIn(page, '河南省教育厅')
  await page.goto(`${BASE}/#/projects/${funded.id}?tab=budget`)
  await page.locator('[data-test=budget-status]').getByText('已提交').waitFor()
  await page.locator('[data-test=approve-budget]').click()
  await page.locator('[data-test=budget-status]').getByText('已批准').waitFor()
  assert.equal((await api('GET', `/projects/${funded.id}/spending`, province)).budgetStatus, 'APPROVED')
})

await flow('institution-spends-with-a-receipt-once-and-records-attendance', async page => {
  await signIn(page, '河南大学（承训机构）')
  await page.goto(`${BASE}/#/projects/${funded.id}?tab=budget`)
  const form = page.locator('[data-test=expense-form]')
  await form.waitFor()
  async function record(amount) {
    await page.locator('[data-test=expense-category]').click()
    await page.getByRole('option', { name: '伙食费' }).click()
    await field(page, 'expense-amount').fill(String(amount))
    await field(page, 'expense-description').fill('第一期学员伙食')
    await page.locator('[data-test=expense-receipt]').setInputFiles({ name: '伙食发票.pdf', mimeType: 'application/pdf', buffer: pdf('RECEIPT') })
    await page.locator('[data-test=record-expense]').click()
  }
  await record(1234.5)
  await page.locator('[data-test=expenses]').getByText('1,234.50').waitFor({ timeout: 30000 })
  await page.locator('[data-test=spending]').getByText('伙食费').waitFor()
  // the same receipt under another amount: refused, and said so in Chinese
  await record(99)
  const refusal = await page.locator('[data-test=expense-error]').textContent({ timeout: 30000 })
  assert.match(refusal, /该票据已用于另一笔支出/, refusal)
  assert.doesNotMatch(refusal, /\bMEALS\b/, 'no codes inside the Chinese message')
  const spending = await api('GET', `/projects/${funded.id}/spending`, henu)
  assert.equal(spending.expenses.length, 1, 'one expense for one receipt')
  assert.equal(spending.spentFen, 123450)

  const days = page.locator(`[data-test=days-${eligible}] input`)
  await days.fill('8')
  await page.locator(`[data-test=hours-${eligible}] input`).fill('30')
  const [saved] = await Promise.all([
    page.waitForResponse(r => r.url().endsWith(`/projects/${funded.id}/attendance`) && r.request().method() === 'PUT'),
    page.locator('[data-test=save-attendance]').click(),
  ])
  assert.equal(saved.status(), 200, await saved.text())
  assert.deepEqual(await api('GET', `/projects/${funded.id}/attendance`, henu), [{ teacherId: eligible, daysAttended: 8, onlineHours: 30 }])
  await page.screenshot({ path: `${SHOTS}/budget.png`, fullPage: true })
})

await flow('institution-applies-and-the-province-approves', async page => {
  await signIn(page, '河南大学（承训机构）')
  await page.goto(`${BASE}/#/projects/${funded.id}?tab=lifecycle`)
  await page.locator('[data-test=lifecycle-none]').waitFor()
  await page.locator('[data-test=apply]').click()
  await page.locator('[data-test=lifecycle-phase]').waitFor()
  // the funding check runs in the project's execution; then it waits for the province
  for (let i = 0; i < 60 && (await api('GET', `/projects/${funded.id}/lifecycle`, henu)).waitingFor !== 'APPROVAL'; i++) await new Promise(r => setTimeout(r, 500))
  await signIn(page, '河南省教育厅')
  await page.goto(`${BASE}/#/projects/${funded.id}?tab=lifecycle`)
  await page.locator('[data-test=lifecycle-phase]').getByText('待省级审批').waitFor()
  await page.locator('[data-test=reject-application]').click()
  assert.match(await page.locator('[data-test=lifecycle-error]').textContent(), /不予批准须填写理由/)
  await page.locator('[data-test=approve-application]').click()
  await page.locator('[data-test=approve-application]').waitFor({ state: 'detached' })
  let after
  for (let i = 0; i < 60; i++) {
    after = await api('GET', `/projects/${funded.id}/lifecycle`, province)
    if (after.phase !== 'AWAITING_APPROVAL') break
    await new Promise(r => setTimeout(r, 500))
  }
  assert.ok(after.history.some(h => h.state === 'Publish quotas and open selection'), JSON.stringify(after.history))
  assert.notEqual(after.phase, 'AWAITING_APPROVAL', JSON.stringify(after))
  await page.locator('[data-test=lifecycle-phase]').getByText('待省级审批').waitFor({ state: 'detached', timeout: 10000 })
  await page.screenshot({ path: `${SHOTS}/lifecycle.png`, fullPage: true })
})

// the approved project, its selection open: the province cancels it (a reason first, then confirmed)
await flow('province-cancels-a-running-project', async page => {
  await signIn(page, '河南省教育厅')
  await page.goto(`${BASE}/#/projects/${funded.id}?tab=lifecycle`)
  await page.locator('[data-test=cancel-project]').click()
  assert.match(await page.locator('[data-test=lifecycle-error]').textContent(), /取消项目须填写理由/)
  await field(page, 'cancel-reason').fill('经费未到位')
  await page.locator('[data-test=cancel-project]').click()
  await page.locator('.el-message-box__btns .el-button--primary').click()
  await page.locator('[data-test=lifecycle-phase]').getByText('已取消').waitFor()
  await page.locator('[data-test=cancel-project]').waitFor({ state: 'detached' })
  const after = await api('GET', `/projects/${funded.id}/lifecycle`, province)
  assert.equal(after.phase, 'CANCELLED')
  assert.equal(after.status, 'ABORTED')
  assert.equal(after.cause, '经费未到位')
  // the project read anew (another screen first): its overview says it was cancelled
  await page.goto(`${BASE}/#/projects`)
  await page.goto(`${BASE}/#/projects/${funded.id}`)
  await page.locator('[data-test=project-cancelled]').getByText('取消').waitFor()
})

await flow('teacher-opens-the-transcript', async page => {
  await signIn(page, null, { teacherId: eligible, jurisdiction: '411523', sub: `e2e-teacher-${run}` }, '教师')
  await page.locator('[data-test=who]').getByText('教师 · 王芳 ·').waitFor()   // the teacher by name
  await page.locator('[data-test=menu-myEnrollments]').click()
  await page.locator('[data-test=my-enrollments]').getByText(project.name).waitFor()   // the project by its name, not its ID
  await page.locator('[data-test=menu-transcript]').click()
  await page.locator('[data-test=transcript-name]').getByText(eligible).waitFor()
  await page.locator('[data-test=requirements]').getByText('360').first().waitFor()
  await page.locator('[data-test=transcript-chart] canvas').waitFor()
  await page.waitForTimeout(600)   // the chart's 300 ms animation
  await page.screenshot({ path: `${SHOTS}/transcript.png` })
  // the cycle before this one, as re-registration reads it: Henan's five-year cycles run 2016–2020, 2021–2025, …
  const from = 2016 + 5 * Math.floor((year - 2016) / 5)
  await page.locator('[data-test=transcript-cycle]').getByText('上一周期').click()
  await page.locator('[data-test=requirements]').getByText(`${from - 5}–${from - 1}`).first().waitFor()
  await page.locator('[data-test=transcript-cycle]').getByText('本周期').click()
  await page.locator('[data-test=requirements]').getByText(`${from}–${from + 4}`).first().waitFor()
})

/** A provincial project of 30 online hours in this run's program, selection open, with one seat for 新县 (through 信阳市). */
async function onlineProjectWithASeatForXinCounty(code, name, extra = {}) {
  const p = await api('POST', `/programs/${program.id}/projects`, province, {
    code, name, category: '乡村教师', ...extra,
    phases: [{ kind: 'ONLINE', hours: 30 }], totalHours: 30, classSize: 50, institutionId: 'HENU',
    selectionCutoff: day(30).toISOString().replace(/\.\d+Z$/, 'Z'), startDate: date(day(40)), endDate: date(day(55)),
  })
  await api('PUT', `/projects/${p.id}/quotas/411500`, province, { seats: 1 })
  await api('PUT', `/projects/${p.id}/quotas/411523`, await token(`e2e-city-${code}`, 'CITY_ADMIN', { jurisdiction: '411500' }), { seats: 1 })
  return p
}

// 提醒: an inbox longer than a page. A teacher selected and withdrawn 11 times over has 22 notices; the console shows 20,
// then the rest on 加载更多. A notice marked read keeps its place, and is not shown twice (the inbox lists unread first, so
// the one read moves behind the cursor and comes again on the next page)
await flow('teacher-reads-an-inbox-longer-than-a-page', async page => {
  const busy = await onlineProjectWithASeatForXinCounty(`E2E-INBOX-${run}`, `通知分页测试项目（控制台测试 ${run}）`)
  const reader = `E2E${run}I`
  await api('POST', '/teachers', county, { id: reader, name: '吴静', jurisdiction: '411523', stage: 'PRIMARY', subjects: ['语文'], role: 'TEACHER', schoolLocation: 'RURAL', teachingSince: '2011-09-01' })
  for (let i = 0; i < 11; i++) {
    await api('POST', `/projects/${busy.id}/enrollments`, county, { teacherId: reader })
    await api('DELETE', `/projects/${busy.id}/enrollments/${reader}`, county)
  }
  await signIn(page, null, { teacherId: reader, jurisdiction: '411523', sub: `e2e-reader-${run}` }, '教师')
  await page.locator('[data-test=menu-notifications]').click()
  const rows = page.locator('[data-test=notifications] .el-table__body tr')
  await page.locator('[data-test=notifications-more]').waitFor()
  assert.equal(await rows.count(), 20, 'the first page')
  await rows.first().getByRole('button', { name: '标为已读' }).click()
  await page.locator('[data-test=notifications-more]').click()
  await page.locator('[data-test=notifications-more]').waitFor({ state: 'detached' })
  assert.equal(await rows.count(), 22, 'the rest after 加载更多')
  assert.equal(await page.locator('[data-test=notifications]').getByText('入选已撤销').count(), 11)
  assert.equal(await rows.first().getByRole('button', { name: '标为已读' }).count(), 0, 'read where it stands')
})

// 自主选学 (E9): a teacher applies to a project open to applications from 我的培训, sees it awaiting the county, and the
// county's approval in the project's selection tab books the seat; the teacher then reads the seat and the decision
await flow('teacher-applies-and-the-county-approves-into-a-seat', async page => {
  const chosen = await onlineProjectWithASeatForXinCounty(`E2E-APPLY-${run}`, `教师自主选学培训（控制台测试 ${run}）`, { openToApplications: true })
  const applicant = `E2E${run}P`
  await api('POST', '/teachers', county, { id: applicant, name: '周红', jurisdiction: '411523', stage: 'PRIMARY', subjects: ['数学'], role: 'TEACHER', schoolLocation: 'RURAL', teachingSince: '2011-09-01' })
  const asTeacher = async () => {
    await signIn(page, null, { teacherId: applicant, jurisdiction: '411523', sub: `e2e-applicant-${run}` }, '教师')
    await page.locator('[data-test=menu-myEnrollments]').click()
  }
  await asTeacher()
  await page.locator(`[data-test=apply-${chosen.code}]`).click()
  await page.locator('[data-test=my-applications]').getByText(chosen.name).waitFor()
  await page.locator('[data-test=my-applications]').getByText('待审核').waitFor()
  assert.equal(await page.locator(`[data-test=apply-${chosen.code}]`).count(), 0, 'an application made is not offered again')

  await signIn(page, '新县教育局')
  await page.goto(`${BASE}/#/projects/${chosen.id}?tab=selection`)
  await page.getByRole('heading', { name: chosen.name }).waitFor()
  await page.locator('[data-test=applications] tr', { hasText: applicant }).getByRole('button', { name: '同意', exact: true }).click()
  await page.locator('[data-test=enrollments] tr', { hasText: applicant }).getByText('已入选').waitFor()

  await asTeacher()
  await page.locator('[data-test=my-enrollments]').getByText(chosen.name).waitFor()
  await page.locator('[data-test=my-applications]').getByText('已同意').waitFor()
})

await flow('county-admin-adds-a-teacher-after-a-refused-form', async page => {
  await signIn(page, '新县教育局')
  await page.locator('[data-test=menu-teachers]').click()
  await page.locator('[data-test=teachers]').waitFor()
  await page.locator('[data-test=add-teacher]').click()
  await field(page, 'new-teacher-id').fill(`E2E${run}C`)
  await field(page, 'new-teacher-name').fill('李娜')
  await page.locator('[data-test=save-teacher]').click()
  assert.match(await page.locator('[data-test=teacher-error]').textContent(), /从教时间/, 'the form is checked before it is sent')
  await field(page, 'new-teacher-since').fill('2011-09-01')
  await page.keyboard.press('Enter')
  await page.locator('[data-test=save-teacher]').click()
  await page.getByText('已保存').waitFor()
  const saved = await api('GET', `/teachers/E2E${run}C`, county)
  assert.equal(saved.name, '李娜')
})

await flow('county-admin-imports-teachers-from-an-excel-workbook', async page => {
  // a workbook as Excel saves one: the code a number, the date a date cell (its day number), a row with a stage no one has
  const cell = v => typeof v === 'number' ? `<c><v>${v}</v></c>` : `<c t="inlineStr"><is><t>${v}</t></is></c>`
  const rows = [['教师编号', '姓名', '行政区划代码', '学段', '岗位', '学校所在地', '从教时间'],
    [`E2E${run}X`, '周敏', 411523, '小学', '教师', '乡村', 40422],
    [`E2E${run}Y`, '吴刚', 411523, '大学', '教师', '乡村', 40422]]
  const sheet = `<worksheet><sheetData>${rows.map((r, i) => `<row r="${i + 1}">${r.map(cell).join('')}</row>`).join('')}</sheetData></worksheet>`
  const workbook = Buffer.from(zipSync({ 'xl/worksheets/sheet1.xml': strToU8(sheet) }))
  await signIn(page, '新县教育局')
  await page.locator('[data-test=menu-teachers]').click()
  await page.locator('[data-test=teachers]').waitFor()
  await page.locator('[data-test=import]').setInputFiles({ name: '教师名单.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: workbook })
  const report = page.locator('[data-test=import-report]')
  await report.getByText('导入 1 人，未导入 1 行').waitFor()
  assert.match(await page.locator('[data-test=import-rejected]').textContent(), /第 3 行：学段：未知的取值：大学/)
  const imported = await api('GET', `/teachers/E2E${run}X`, county)
  assert.equal(imported.teachingSince, '2010-09-01', 'the date cell read as the date Excel shows')
})

await flow('county-reads-who-falls-short-of-a-cycle-requirement', async page => {
  await signIn(page, '新县教育局')
  await page.locator('[data-test=menu-compliance]').click()
  // the requirements are the unit's own, as the API lists them, not a list built into the console
  const { requirements, year } = await api('GET', '/requirements?jurisdiction=411523', county)
  const [first, second] = requirements.filter(r => r.anchorYear)
  await page.locator('[data-test=requirement]').getByText(first.name).waitFor()
  await page.locator('[data-test=compliance]').getByText(String(first.minHours)).first().waitFor()
  assert.equal(await page.locator('[data-test=first-year]').count(), 0, 'a common cycle has no first year to choose')
  await page.locator('[data-test=requirement]').click()
  const listed = page.waitForResponse(r => r.url().includes(`/compliance?requirement=${encodeURIComponent(second.id)}`))
  await page.getByRole('option', { name: second.name }).click()
  await page.locator('[data-test=requirement]').getByText(second.name).waitFor()
  assert.equal((await listed).status(), 200, 'the list of the second requirement')

  // a new teacher's first-year requirement: the teachers who began this year, and what each still lacks by category
  const newTeacher = requirements.find(r => !r.anchorYear)
  assert.ok(newTeacher, 'the demo has a first-year requirement')
  await api('POST', '/teachers', county, { id: `E2E${run}F`, name: '钱新', jurisdiction: '411523', stage: 'PRIMARY', subjects: ['语文'],
    role: 'TEACHER', schoolLocation: 'RURAL', teachingSince: `${year}-01-01` })
  await page.locator('[data-test=requirement]').click()
  await page.getByRole('option', { name: newTeacher.name }).click()
  await page.locator('[data-test=first-year]').getByText(`${year} 年入职`).waitFor()
  const row = page.locator('[data-test=compliance] tr', { hasText: `E2E${run}F` })
  await row.waitFor()
  assert.match(await row.textContent(), new RegExp(`${year}–${year}.*100.*校本研修 50`), 'short by all 100 hours, 50 of them school-based')
  const lastYear = page.waitForResponse(r => r.url().includes(`firstYear=${year - 1}`))
  await page.locator('[data-test=first-year]').click()
  await page.getByRole('option', { name: `${year - 1} 年入职` }).click()
  assert.equal((await lastYear).status(), 200, 'last year\'s new teachers')
  await row.waitFor({ state: 'detached' })
})

await flow('english-on-request', async page => {
  await signIn(page, '新县教育局')
  await page.getByRole('button', { name: 'English' }).click()
  await page.locator('[data-test=menu-projects]').getByText('Projects').waitFor()
  await openTab(page, 'selection')
  await field(page, 'enroll-teacher').fill(urban)
  await page.locator('[data-test=enroll]').click()
  assert.match(await page.locator('[data-test=refusal]').textContent(), /school location/i, 'the API answers in English too')
  // the overview's lists and the institution's code in English punctuation
  await openTab(page, 'overview')
  const overview = await page.locator('.el-descriptions').innerText()
  assert.match(overview, /\w, \w/, overview)
  assert.doesNotMatch(overview, /[、（）]/, overview)
})

await flow('province-reads-the-yearly-results', async page => {
  await signIn(page, '河南省教育厅')
  await page.locator('[data-test=menu-results]').click()
  await page.locator('[data-test=results]').getByText('信阳市').first().waitFor()
  await page.locator('[data-test=shares]').getByText('信阳市').first().waitFor()
  await page.screenshot({ path: `${SHOTS}/results.png`, fullPage: true })
})

// T2: a community of this run in 新县, a backbone's activity waiting for the county (data through the API)
const [master, backbone, newcomer] = [`E2E${run}M`, `E2E${run}G`, `E2E${run}N`]
for (const [id, name, location, since] of [[master, '周名师', 'TOWN', '2000-09-01'], [backbone, '吴骨干', 'TOWN', '2010-09-01'], [newcomer, '郑新', 'RURAL', `${year - 1}-09-01`]]) {
  await api('POST', '/teachers', county, { id, name, jurisdiction: '411523', stage: 'PRIMARY', subjects: ['数学'], role: 'TEACHER', schoolLocation: location, teachingSince: since })
}
const community = await api('POST', '/mentoring-communities', county, { name: `新县名师工作室 ${run}`, jurisdiction: '411523', year, masterTeacherId: master })
await api('POST', `/mentoring-communities/${community.id}/backbones`, county, { teacherId: backbone })
await api('POST', `/mentoring-communities/${community.id}/backbones/${backbone}/new-teachers`, county, { teacherId: newcomer })
const backboneToken = await token(`e2e-${backbone}`, 'TEACHER', { teacherId: backbone, jurisdiction: '411523' })
await api('POST', `/mentoring-communities/${community.id}/activities`, backboneToken, {
  activityId: `A-${run}`, backboneId: backbone, title: '课例研磨', date: date(clock), category: 'ONLINE', attendees: [{ teacherId: newcomer, hours: 6 }],
})

await flow('county-approves-mentoring-hours', async page => {
  await signIn(page, '新县教育局')
  await page.locator('[data-test=menu-mentoring]').click()
  await field(page, 'mentoring-year').fill(String(year))
  await field(page, 'mentoring-year').press('Tab')
  await page.locator('[data-test=mentoring-search]').click()
  await page.locator('[data-test=communities]').getByText(community.name).waitFor()
  await page.locator('[data-test=mentoring-pending]').getByText('郑新').waitFor()   // the county decides on names, not codes
  await page.screenshot({ path: `${SHOTS}/mentoring.png`, fullPage: true })
  await page.locator(`[data-test=approve-${newcomer}]`).click()
  await page.locator(`[data-test=approve-${newcomer}]`).waitFor({ state: 'detached' })
  const transcript = await api('GET', `/teachers/${newcomer}/transcript`, county)
  assert.equal(transcript.hoursByYear[String(year)].ONLINE, 6, 'the approved hours are on the ledger')
  // the new teacher's own transcript names the hours' topic, not its ID (MENTORING)
  await signIn(page, null, { teacherId: newcomer, jurisdiction: '411523', sub: `e2e-${newcomer}` }, '教师')
  await page.locator('[data-test=menu-transcript]').click()
  const entries = page.locator('[data-test=transcript-entries]')
  await entries.getByText('名师工作室研修（1+10+100）').waitFor()
  assert.ok(!(await entries.innerText()).includes('MENTORING'), 'no topic ID on the screen')
})

await flow('province-publishes-a-program-and-a-project', async page => {
  const name = `E2E 新建计划 ${run}`
  await signIn(page, '河南省教育厅')
  await page.locator('[data-test=menu-projects]').click()
  await page.locator('[data-test=new-program]').click()
  await field(page, 'program-year').fill(String(year))
  await field(page, 'program-name').fill(name)
  await page.locator('[data-test=create-program]').click()
  await page.locator('[data-test=create-program]').waitFor({ state: 'hidden' })
  const created = (await api('GET', `/programs?year=${year}&limit=100`, province)).items.find(p => p.name === name)
  assert.ok(created, 'the program is stored')
  assert.equal(created.level, 'PROVINCIAL')
  assert.equal(created.jurisdiction, '410000')

  // its funding standards (F1), from the Henan 2020 preset
  await page.locator('[data-test=funding-standards]').click()
  await page.locator('[data-test=standards-program]').click()
  await page.getByRole('option', { name: `${year} ${name}` }).click()
  await page.locator('[data-test=standards-henan-2020]').click()
  await page.screenshot({ path: `${SHOTS}/funding-standards.png` })
  await page.locator('[data-test=save-standards]').click()
  await page.locator('[data-test=save-standards]').waitFor({ state: 'hidden' })
  const standards = await api('GET', `/programs/${created.id}/funding-standards`, province)
  assert.deepEqual(standards.standards.map(x => [x.line, x.unit, x.rateFen]), [['CENTRALIZED', 'PER_PERSON_DAY', 40000], ['ONLINE', 'PER_PERSON_HOUR', 300]])

  await page.locator('[data-test=new-project]').click()
  await page.locator('[data-test=project-program]').click()
  await page.getByRole('option', { name: `${year} ${name}` }).click()
  await field(page, 'project-code').fill(`NEW-${run}`)
  await field(page, 'project-name').fill(`新建项目（控制台测试 ${run}）`)
  await field(page, 'project-institution').fill('HENU')
  await field(page, 'project-total-hours').fill('40')
  await field(page, 'phase-days-0').fill('5')
  await page.locator('[data-test=create-project]').click()
  assert.match(await page.locator('[data-test=project-error]').textContent(), /请选择遴选截止时间/, 'checked before sending')
  await field(page, 'project-cutoff').fill(`${date(day(20))} 23:59:59`)
  await field(page, 'project-cutoff').press('Enter')
  await field(page, 'project-start').fill(date(day(30)))
  await field(page, 'project-start').press('Enter')
  await field(page, 'project-end').fill(date(day(34)))
  await field(page, 'project-end').press('Enter')
  await page.locator('[data-test=eligibility-stages]').click()
  await page.getByRole('option', { name: '小学' }).click()
  await page.keyboard.press('Escape')
  await field(page, 'eligibility-years').fill('3')
  await page.screenshot({ path: `${SHOTS}/new-project.png` })
  await page.locator('[data-test=create-project]').click()
  await page.getByRole('heading', { name: `新建项目（控制台测试 ${run}）` }).waitFor()
  const stored = (await api('GET', `/programs/${created.id}/projects`, province)).items.find(p => p.code === `NEW-${run}`)
  assert.ok(stored, 'the project is stored')
  assert.deepEqual(stored.phases, [{ kind: 'CENTRALIZED', days: 5 }])
  assert.deepEqual(stored.eligibility.stages, ['PRIMARY'])
  assert.equal(stored.eligibility.minTeachingYears, 3)
  assert.equal(stored.selectionCutoff, `${date(day(20))}T15:59:59Z`, 'the cutoff is 23:59:59 in Beijing time')
  assert.equal(stored.startDate, date(day(30)))
  assert.equal(stored.institutionId, 'HENU')
})

await flow('province-reads-an-institution-ranking', async page => {
  await signIn(page, '河南省教育厅')
  await page.locator('[data-test=menu-ranking]').waitFor()
  await page.goto(`${BASE}/#/ranking?program=${program.id}`)
  // this run's project has no completion yet: the ranking is provisional and says so
  await page.getByText(`${project.code}（河南大学）：尚未结业认定`).waitFor()
  await page.screenshot({ path: `${SHOTS}/ranking.png`, fullPage: true })
  // a city reads the ranking its province published, and is told when there is none yet (not refused, and not
  // asking for the province's working ranking first)
  await signIn(page, '信阳市教育局')
  const refused = []
  page.on('response', r => { if (r.status() === 403) refused.push(r.url()) })
  await page.goto(`${BASE}/#/ranking?program=${program.id}`)
  await page.locator('[data-test=ranking-notice]').getByText('尚未公布').waitFor()
  assert.equal(await page.locator('[data-test=ranking-error]').count(), 0)
  assert.deepEqual(refused, [], 'no call the API refuses a city')
})

await flow('dashboard-of-the-province', async page => {
  await signIn(page, '河南省教育厅')
  await page.locator('[data-test=rates-chart] canvas').waitFor()
  // the teachers short of the province's own cycle requirement, as the API counts them (a first page of 100)
  const cycle = (await api('GET', '/requirements?jurisdiction=410000', province)).requirements.find(r => r.appliesTo === 'ALL' && !r.topic)
  const short = await api('GET', `/jurisdictions/410000/compliance?requirement=${cycle.id}&limit=100`, province)
  assert.equal(await page.locator('[data-test=short-teachers]').textContent(), `${short.items.length}${short.nextCursor ? '+' : ''}`)
  // this run's project, whose seats went to 信阳市: its rates by city
  await page.locator('[data-test=units-project]').click()
  await page.getByRole('option', { name: project.code }).click()
  await page.locator('[data-test=units-chart] canvas').waitFor()
  await page.waitForTimeout(1500)   // both charts loaded and animated (300 ms each)
  await page.screenshot({ path: `${SHOTS}/dashboard.png`, fullPage: true })
})

// last, as it moves the platform's clock to the class start and back
await flow('institution-registers-a-trainee-at-the-class-start', async page => {
  await signIn(page, '河南大学（承训机构）')
  await openTab(page, 'completion')
  await page.locator(`[data-test=register-${eligible}]`).click()
  const early = await page.locator('[data-test=register-error]').textContent()
  assert.match(early, /报到/, early)
  assert.match(early, /E8/, early)
  try {
    await api('POST', '/dev/clock', null, { now: `${project.startDate}T08:00:00+08:00` })
    await signIn(page, '河南大学（承训机构）')   // a token minted before the clock moved has expired
    await openTab(page, 'completion')
    await page.locator(`[data-test=register-${eligible}]`).click()
    await page.locator('[data-test=registrations]').getByText('已报到').waitFor()
    const enrollment = (await api('GET', `/projects/${project.id}/enrollments`, await token('e2e-henu-late', 'INSTITUTION', { institutionId: 'HENU' })))
      .items.find(e => e.teacherId === eligible)
    assert.equal(enrollment.status, 'REGISTERED')
    await page.screenshot({ path: `${SHOTS}/registration.png`, fullPage: true })
  } finally {
    await api('POST', '/dev/clock', null, { now: clock.toISOString() })
  }
})

// 学员网络匿名评价 (P1): from the training's first day a trainee rates it in 我的培训, once; before it, nothing to rate
await flow('a-trainee-rates-the-training-once-from-its-first-day', async page => {
  await signIn(page, null, { teacherId: eligible, jurisdiction: '411523', sub: `e2e-rater-${run}` }, '教师')
  await page.locator('[data-test=menu-myEnrollments]').click()
  await page.locator('[data-test=my-enrollments]').getByText(project.name).waitFor()
  assert.equal(await page.locator(`[data-test=rate-${project.id}]`).count(), 0, 'a training not yet begun is not offered for rating')
  // the page's reads all answered before the clock moves (a read still out would meet its token expired): 我的培训 is
  // loaded when its loading mask is gone
  await page.waitForFunction(() => [...document.querySelectorAll('.page > .el-loading-mask')].every(m => getComputedStyle(m).display === 'none'))
  try {
    await api('POST', '/dev/clock', null, { now: `${project.startDate}T18:00:00+08:00` })
    await signIn(page, null, { teacherId: eligible, jurisdiction: '411523', sub: `e2e-rater-${run}` }, '教师')
    await page.locator('[data-test=menu-myEnrollments]').click()
    await page.locator(`[data-test=rate-${project.id}]`).click()
    await page.locator('[data-test=rating-submit]').click()
    assert.match(await page.locator('[data-test=rating-error]').textContent(), /请选择/)
    await page.locator('[data-test=rating-score] .el-rate__item').nth(3).click()
    await page.locator('textarea[data-test=rating-comment], [data-test=rating-comment] textarea').first().fill('课程实用，返岗实践指导到位')
    await page.screenshot({ path: `${SHOTS}/rating.png` })
    await page.locator('[data-test=rating-submit]').click()
    await page.getByText('已匿名提交评价').waitFor()
    // once: a second rating is refused in words
    await page.locator(`[data-test=rate-${project.id}]`).click()
    await page.locator('[data-test=rating-score] .el-rate__item').nth(0).click()
    await page.locator('[data-test=rating-submit]').click()
    assert.match(await page.locator('[data-test=rating-error]').textContent(), /已评价过/)
  } finally {
    await api('POST', '/dev/clock', null, { now: clock.toISOString() })
  }
})

const absent = `E2E${run}N`, excused = `E2E${run}M`   // the no-shows of the next flow; the English one signs in as the first
// E4 and E4a: two teachers enrolled in an approved project never register at its start: no-shows on record, banned for
// three years. One appeals in the console with a file of evidence; the county excuses the other with a file of its own
// (the ban lifts at once). Both wait on the province's queue, where the province reads the appeal's evidence and lifts
// that record: its ban ends. The project is its own (the funded one is
// cancelled above), taken through its lifecycle by the API; the clock moves past its first day and back.
await flow('no-shows-one-appealed-one-excused-the-province-lifts-the-appealed', async page => {
  const city = await token('e2e-city', 'CITY_ADMIN', { jurisdiction: '411500' })
  const trial = await api('POST', `/programs/${program.id}/projects`, province, {
    code: `NOSHOW-${run}`, name: `乡村教师培训（诚信记录测试 ${run}）`, category: '乡村教师', eligibility: {},
    phases: [{ kind: 'CENTRALIZED', days: 8 }, { kind: 'ONLINE', hours: 30 }], totalHours: 94, classSize: 50, institutionId: 'HENU', seats: 50,
    selectionCutoff: day(30).toISOString().replace(/\.\d+Z$/, 'Z'), startDate: date(day(40)), endDate: date(day(55)),
  })
  await api('PUT', `/projects/${trial.id}/quotas/411500`, province, { seats: 2 })
  await api('PUT', `/projects/${trial.id}/quotas/411523`, city, { seats: 2 })
  for (const [id, name] of [[absent, '陈明'], [excused, '刘洋']]) {
    await api('POST', '/teachers', county, { id, name, jurisdiction: '411523', stage: 'PRIMARY', subjects: ['语文'], role: 'TEACHER', schoolLocation: 'RURAL', teachingSince: '2010-09-01' })
    await api('POST', `/projects/${trial.id}/enrollments`, county, { teacherId: id })
  }
  await api('PUT', `/projects/${trial.id}/budget`, henu, { lines: [{ category: 'ACCOMMODATION', amount: 80000, justification: '50人×8天×200元' }] })
  await api('POST', `/projects/${trial.id}/application`, henu)
  for (let i = 0; i < 120 && (await api('GET', `/projects/${trial.id}/lifecycle`, henu)).waitingFor !== 'APPROVAL'; i++) await new Promise(r => setTimeout(r, 500))
  await api('POST', `/projects/${trial.id}/application/decision`, province, { approved: true })
  try {
    await api('POST', '/dev/clock', null, { now: new Date(Date.parse(`${trial.startDate}T00:10:00+08:00`) + 86400000).toISOString() })
    const late = await token('e2e-city-late', 'CITY_ADMIN', { jurisdiction: '411500' })   // minted on the moved clock
    let noShows = []
    for (let i = 0; i < 120 && noShows.filter(e => [absent, excused].includes(e.teacherId)).length < 2; i++) {
      await new Promise(r => setTimeout(r, 500))
      noShows = (await api('GET', `/projects/${trial.id}/enrollments?status=NO_SHOW`, late)).items
    }
    assert.equal(noShows.filter(e => [absent, excused].includes(e.teacherId)).length, 2, 'the trainees never registered are no-shows')
  } finally {
    await api('POST', '/dev/clock', null, { now: clock.toISOString() })
  }
  const teacher = await token(`e2e-appellant-${run}`, 'TEACHER', { teacherId: absent, jurisdiction: '411523' })
  const [record] = (await api('GET', `/teachers/${absent}/integrity-records`, teacher)).items.filter(r => r.projectId === trial.id)
  assert.equal(record.banning, true)

  // the teacher was told of the record in their inbox (通知到人), with the ban's end and the recourse
  await signIn(page, null, { teacherId: absent, jurisdiction: '411523', sub: `e2e-appellant-${run}` }, '教师')
  await page.locator('[data-test=menu-notifications]').click()
  await page.getByText('诚信记录：无故未参训').first().waitFor()
  await page.getByText(`${record.bannedUntil} 前不能参加省级及以上培训项目`).first().waitFor()

  // the teacher appeals, with a hospital's certificate as evidence
  await page.locator('[data-test=menu-myEnrollments]').click()
  await page.locator('[data-test=my-integrity] td').getByText('无故未参训', { exact: true }).waitFor()
  await page.locator(`[data-test=appeal-${record.recordId}]`).click()
  await page.locator('[data-test=recourse-submit]').click()
  assert.match(await page.locator('[data-test=recourse-error]').textContent(), /请填写理由/)
  await page.locator('textarea[data-test=recourse-reason], [data-test=recourse-reason] textarea').first().fill('开班当日因病住院，附医院证明')
  await page.locator('[data-test=recourse-evidence]').setInputFiles({ name: '住院证明.pdf', mimeType: 'application/pdf', buffer: pdf('HOSPITAL') })
  await page.locator('[data-test=recourse-submit]').click()
  await page.locator(`[data-test=recourse-${record.recordId}]`).getByText('申诉待省级决定').waitFor()
  await page.screenshot({ path: `${SHOTS}/integrity-appeal.png`, fullPage: true })

  // the county excuses the other one in its teachers' list: evidence required, then the ban lifts at once
  const [other] = (await api('GET', `/teachers/${excused}/integrity-records`, county)).items.filter(r => r.projectId === trial.id)
  await signIn(page, '新县教育局')
  await page.locator('[data-test=menu-teachers]').click()
  await page.getByPlaceholder('教师编号 / 姓名').fill(excused)
  await page.getByPlaceholder('教师编号 / 姓名').press('Enter')
  await page.locator('[data-test=teachers]').getByRole('button', { name: excused }).click()
  await page.locator(`[data-test=excuse-${other.recordId}]`).click()
  await page.locator('textarea[data-test=recourse-reason], [data-test=recourse-reason] textarea').first().fill('开班当日参加县抗洪抢险，有乡政府证明')
  await page.locator('[data-test=recourse-submit]').click()
  assert.match(await page.locator('[data-test=recourse-error]').textContent(), /须附证明材料/)
  await page.locator('[data-test=recourse-evidence]').setInputFiles({ name: '乡政府证明.pdf', mimeType: 'application/pdf', buffer: pdf('FLOOD') })
  await page.locator('[data-test=recourse-submit]').click()
  await page.locator(`[data-test=recourse-${other.recordId}]`).getByText('已由县区认定有正当理由').waitFor()
  await page.locator('.el-drawer .el-tag', { hasText: '限制中' }).waitFor({ state: 'detached' })

  // the province finds it on its queue, reads the evidence and lifts the record
  await signIn(page, '河南省教育厅')
  await page.locator('[data-test=menu-integrityQueue]').click()
  const queued = id => page.locator('[data-test=integrity-queue] tr', { hasText: id })   // this run's teachers (a runtime may hold others')
  await queued(absent).getByText('陈明').waitFor()
  await queued(excused).getByText('刘洋').waitFor()
  await page.locator('[data-test=queue-filter]').getByText('已由县区认定有正当理由').click()
  await queued(absent).waitFor({ state: 'detached' })
  await queued(excused).waitFor()
  await page.locator('[data-test=queue-filter]').getByText('全部').click()
  await page.locator(`[data-test=open-${absent}]`).click()
  const drawer = page.locator('.el-drawer')
  await drawer.locator('.el-table__expand-icon').first().click()
  const [linked] = await Promise.all([
    page.waitForResponse(r => r.url().includes(`/integrity-records/${encodeURIComponent(record.recordId)}/evidence/`)),
    drawer.locator('[data-test=open-evidence]').click(),
  ])
  assert.equal(linked.status(), 200)
  const evidence = Buffer.from(await (await fetch((await linked.json()).url)).arrayBuffer())
  assert.ok(evidence.equals(pdf('HOSPITAL')), 'the evidence read back is the file the teacher uploaded')
  await drawer.locator(`[data-test=decision-${record.recordId}]`).click()
  await drawer.locator('[data-test=decision-lift]').getByText('撤销记录（解除限制）').click()
  await drawer.locator('textarea[data-test=recourse-reason], [data-test=recourse-reason] textarea').first().fill('住院证明属实，撤销该记录')
  await drawer.locator('[data-test=recourse-submit]').click()
  await drawer.locator(`[data-test=recourse-${record.recordId}]`).getByText('已撤销').waitFor()
  await drawer.locator('.el-tag', { hasText: '限制中' }).waitFor({ state: 'detached' })   // the ban ends with the record
  await page.locator(`[data-test=integrity-queue] [data-test=open-${absent}]`).waitFor({ state: 'detached' })
  await page.screenshot({ path: `${SHOTS}/integrity-decision.png`, fullPage: true })
  const [after] = (await api('GET', `/teachers/${absent}/integrity-records`, teacher)).items.filter(r => r.recordId === record.recordId)
  assert.equal(after.recourse, 'LIFTED')
  assert.equal(after.banning, false)
  assert.deepEqual(after.steps.map(s => s.action), ['APPEAL', 'DECISION'])
  const [excuse] = (await api('GET', `/teachers/${excused}/integrity-records`, county)).items.filter(r => r.recordId === other.recordId)
  assert.equal(excuse.recourse, 'EXCUSED')
  assert.equal(excuse.banning, false)
})

// every heading of a column, label of a field or a figure, placeholder, button, tab and menu entry: words of the console,
// never data, so none may stay Chinese once a person has asked for English (names of units, projects and people may)
await flow('anyone-checks-a-certificate-code-as-typed-from-the-paper', async page => {
  // lower case, in groups: read as the code it stands for (none here, so the answer names the code it looked for)
  await page.goto(`${BASE}/#/verify`)
  await page.locator('input').fill('abcd-efgh ２３４５ 6789')
  await page.locator('input').press('Enter')
  await page.getByText('没有这个证书验证码：ABCDEFGH23456789').waitFor()
})

await flow('the-console-in-english-throughout', async page => {
  const chinese = async where => {
    const left = await page.evaluate(() => [...document.querySelectorAll(
      'th, .el-form-item__label, .el-descriptions__label, button:not([data-test=language]), .el-tabs__item, .el-menu-item, input[placeholder], textarea[placeholder]')]
      .filter(el => el.offsetParent !== null)
      .map(el => (el.placeholder ?? el.innerText).trim())
      .filter(text => /[\u4e00-\u9fff]/.test(text)))
    return left.map(text => `${where}: ${text}`)
  }
  const left = []
  // the teacher first: the role is chosen by its name, which is Chinese until English is asked for (then kept for the tab)
  const people = [
    // the teacher with a no-show on record (the flow above), so that their integrity file is read in English too
    ['teacher', () => signIn(page, null, { teacherId: absent, jurisdiction: '411523', sub: `e2e-teacher-en-${run}` }, '教师'), []],
    ...[['河南省教育厅', [project, funded]], ['新县教育局', [project]], ['河南大学（承训机构）', [project, funded]]].map(([preset, projects]) => [preset, () => signIn(page, preset), projects]),
  ]
  for (const [preset, signedIn, projects] of people) {
    await signedIn()
    if (await page.getByRole('button', { name: 'English' }).count()) await page.getByRole('button', { name: 'English' }).click()
    const menus = await page.locator('[data-test^=menu-]').evaluateAll(els => els.map(e => e.getAttribute('data-test')))
    for (const menu of menus) {
      await page.locator(`[data-test=${menu}]`).first().click()
      await page.waitForLoadState('networkidle')
      left.push(...await chinese(`${preset} ${menu}`))
    }
    for (const p of projects) {
      await page.goto(`${BASE}/#/projects/${p.id}`)
      await page.getByRole('heading', { name: p.name }).waitFor()
      for (const tab of await page.locator('.el-tabs__item').evaluateAll(els => els.map(e => e.id))) {
        await page.locator('#' + tab).click()
        await page.waitForLoadState('networkidle')
        left.push(...await chinese(`${preset} ${p.code} ${tab}`))
      }
    }
  }
  assert.deepEqual(left, [], 'words of the console left in Chinese')
})

await browser.close()
await api('POST', '/dev/clock', null, { now: new Date(Date.now() + clockBefore.offsetSeconds * 1000).toISOString() })
console.log(results.join('\n'))
if (failures.length) {
  console.error(`${failures.length} console flow(s) failed: ${failures.join(', ')}`)
  process.exit(1)
}

/** The rows of the first sheet of an XLSX (inline strings and numbers, as the API writes them). */
function sheetRows(bytes) {
  const files = unzipSync(new Uint8Array(bytes))
  const xml = strFromU8(files['xl/worksheets/sheet1.xml'])
  const unescape = s => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')
  return [...xml.matchAll(/<row[^>]*>(.*?)<\/row>/g)].map(([, row]) =>
    [...row.matchAll(/<c[^>]*?(?:\/>|>(.*?)<\/c>)/g)].map(([, cell]) => {
      if (!cell) return ''
      const t = /<t[^>]*>(.*?)<\/t>/.exec(cell) || /<v>(.*?)<\/v>/.exec(cell)
      return t ? unescape(t[1]) : ''
    }))
}

/** A small, well-formed one-page PDF showing `text` (ASCII). */
function pdf(text = 'E2E') {
  const content = `BT /F1 24 Tf 72 720 Td (${text}) Tj ET`
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>', `<< /Length ${content.length} >>\nstream\n${content}\nendstream`]
  let out = '%PDF-1.4\n'
  const offsets = []
  objects.forEach((o, i) => { offsets.push(out.length); out += `${i + 1} 0 obj\n${o}\nendobj\n` })
  const xref = out.length
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` + offsets.map(o => `${String(o).padStart(10, '0')} 00000 n \n`).join('')
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(out, 'latin1')
}
