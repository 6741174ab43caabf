// Who is signed in, and every call to the API. The token lives in this tab's sessionStorage (the origin's
// own, gone when the tab closes): never in a URL, never in localStorage.
import { reactive } from 'vue'

export const config = reactive({ mode: 'dev', apiBase: '', issuer: '', clientId: '', redirectUri: '' })
export const session = reactive({ token: null, claims: null, lang: sessionStorage.getItem('lang') || 'zh' })

export async function loadConfig() {
  try {
    const r = await fetch('/console-config.json', { cache: 'no-store' })
    if (r.ok) Object.assign(config, await r.json())
  } catch { /* the defaults: the local runtime at the same origin */ }
  await followPlatformClock()
  const saved = sessionStorage.getItem('token')
  if (saved) signIn(saved)
}

/** The local runtime's clock may be set, and moved (the demo runs on 2020-09-01): dates the console proposes follow it. */
async function followPlatformClock() {
  if (config.mode !== 'dev') return
  try {
    const r = await fetch(`${config.apiBase}/dev/clock`, { cache: 'no-store' })
    if (r.ok) platformClock.offsetMs = Date.parse((await r.json()).now) - Date.now() || 0
  } catch { /* real time */ }
}

export function signIn(token) {
  const claims = normalise(decode(token))
  // expiry is the API's to judge (its clock may be set, as the local runtime's is for the demo): a 401 signs out
  if (!claims) return signOut()
  followPlatformClock()   // read again at each sign-in: the clock may have moved since the console was opened
  session.token = token
  session.claims = claims
  sessionStorage.setItem('token', token)
}

export function signOut() {
  session.token = null
  session.claims = null
  sessionStorage.removeItem('token')
}

export function setLanguage(lang) {
  session.lang = lang
  sessionStorage.setItem('lang', lang)
}

/** Cognito carries the platform's claims as custom attributes (custom:role, ...): the console reads either. */
function normalise(claims) {
  if (!claims) return null
  for (const name of ['role', 'jurisdiction', 'institutionId', 'teacherId']) claims[name] ??= claims[`custom:${name}`]
  return claims
}

function decode(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(part), c => c.charCodeAt(0))))
  } catch { return null }
}

/** A refused call: the API's problem+json, its detail in the signed-in language. */
export class Refused extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`)
    this.status = status
    this.problem = problem || {}
  }
}

/** What to show a person for a failed call: the API's words, with the rule they rest on (a refusal's `rule`). */
export function refusalText(e) {
  if (!(e instanceof Refused)) return String(e?.message || e)
  return withRule(e.message, e.problem.rule)
}

/** A refusal's words with the rule they rest on, if any. */
export const withRule = (text, rule) => (!rule ? text : session.lang === 'en' ? `${text} (rule ${rule})` : `${text}（规则 ${rule}）`)

/**
 * A fresh Idempotency-Key for one attempt at a write: kept while that attempt is retried (a lost answer), replaced once
 * it succeeded, so a later write with the same body (the same teacher selected again after a withdrawal) is a new request
 * and not the replay of the first one.
 */
export const idempotencyKey = () => crypto.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`

export async function call(method, path, body, { headers = {}, raw = false } = {}) {
  const h = { 'Accept-Language': session.lang === 'en' ? 'en' : 'zh-CN', ...headers }
  if (session.token) h.Authorization = `Bearer ${session.token}`
  let payload = body
  if (body !== undefined && !(body instanceof Blob) && typeof body !== 'string') {
    h['Content-Type'] = 'application/json'
    payload = JSON.stringify(body)
  }
  const r = await fetch(config.apiBase + path, { method, headers: h, body: payload })
  if (r.status === 401) signOut()
  if (!r.ok) {
    let problem = null
    try { problem = await r.json() } catch { /* not JSON */ }
    throw new Refused(r.status, problem)
  }
  if (raw) return r
  const text = await r.text()
  return text ? JSON.parse(text) : null
}

export const get = (path) => call('GET', path)

/** Every page of a listing (`items`, `nextCursor`), up to `max` items. */
export async function all(path, max = 2000) {
  const items = []
  let cursor = null
  do {
    const sep = path.includes('?') ? '&' : '?'
    const page = await get(path + (cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ''))
    items.push(...(page.items || []))
    cursor = page.nextCursor
  } while (cursor && items.length < max)
  return items
}

/** Downloads what the API exports (`?format=xlsx|csv`) as a file named by the API. */
export async function download(path, fallbackName) {
  const r = await call('GET', path, undefined, { raw: true })
  const blob = await r.blob()
  const disposition = r.headers.get('Content-Disposition') || ''
  const m = /filename\*=UTF-8''([^;]+)/.exec(disposition)
  const a = document.createElement('a')
  a.href = URL.createObjectURL(blob)
  a.download = m ? decodeURIComponent(m[1]) : fallbackName
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(a.href), 10000)
}

export const role = () => session.claims?.role
export const unit = () => session.claims?.jurisdiction
export const isAdmin = () => ['PROVINCE_ADMIN', 'CITY_ADMIN', 'COUNTY_ADMIN', 'SCHOOL_ADMIN'].includes(role())
// the units that own programs and their funding standards: a school nominates within its seats, it owns no program
export const ownsPrograms = () => ['PROVINCE_ADMIN', 'CITY_ADMIN', 'COUNTY_ADMIN'].includes(role())

/**
 * Whether the signed-in province, city or county admin's unit is `code` or above it, read up the unit tree
 * (`GET /jurisdictions/{code}`, at most a unit's few ancestors): what the API asks of the admins who read and decide a
 * project's lifecycle, materials and budget (the admins over its owner).
 */
export async function isOverUnit(code) {
  const mine = unit()
  if (!['PROVINCE_ADMIN', 'CITY_ADMIN', 'COUNTY_ADMIN'].includes(role()) || !mine || !code) return false
  for (let at = code, depth = 0; at && depth < 5; depth++) {
    if (at === mine) return true
    at = (await get(`/jurisdictions/${encodeURIComponent(at)}`).catch(() => null))?.jurisdiction?.parent
  }
  return false
}

/** A name asked of the API once per code and kept for the tab; the code itself where none is found. */
function namedOnce(names, path, nameOf) {
  return code => {
    if (!names.has(code)) names.set(code, get(path(encodeURIComponent(code))).then(x => nameOf(x) || code, () => code))
    return names.get(code)
  }
}
/** An institution's name from the registry (`GET /institutions/{id}`). */
export const institutionName = namedOnce(new Map(), id => `/institutions/${id}`, i => i?.name)
/** A unit's name from the unit tree (`GET /jurisdictions/{code}`): 新县 for 411523; a school's is its code. */
export const unitName = namedOnce(new Map(), code => `/jurisdictions/${code}`, j => j?.jurisdiction?.name)
/** A teacher's name (`GET /teachers/{id}`), for admins over the teacher. */
export const teacherName = namedOnce(new Map(), id => `/teachers/${id}`, x => x?.name)
/** A project's name (`GET /projects/{id}`). */
export const projectName = namedOnce(new Map(), id => `/projects/${id}`, p => p?.name)

/** How far the platform's clock is from this browser's: 0 in AWS; the local runtime's offset (`/dev/clock`) locally. */
const platformClock = reactive({ offsetMs: 0 })
/** The platform's "now", which is what the API judges "not in the future" and "this year" by. */
export const platformNow = () => new Date(Date.now() + platformClock.offsetMs)
/** Today's date in China (Asia/Shanghai, UTC+8, no daylight saving) on the platform's clock: 2020-09-01. */
export const today = () => when(platformNow()).slice(0, 10)
/** The current year in China on the platform's clock. */
export const thisYear = () => Number(today().slice(0, 4))

/** An instant as people in China read it: 2020-09-01 09:00 (Asia/Shanghai). */
export function when(instant) {
  if (!instant) return ''
  const d = new Date(instant)
  if (isNaN(d)) return String(instant)
  return new Date(d.getTime() + 8 * 3600000).toISOString().slice(0, 16).replace('T', ' ')
}
