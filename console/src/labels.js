// The names of the platform's codes, from the API's one table (GET /labels): the console never shows a code.
import { reactive } from 'vue'
import { config, session } from './session.js'

const table = reactive({ loaded: false, types: {} })

export async function loadLabels() {
  if (table.loaded) return
  const r = await fetch(config.apiBase + '/labels')
  if (r.ok) { table.types = await r.json(); table.loaded = true }
}

/** The name of `code` of `type` (e.g. label('EnrollmentStatus', 'SELECTED') → 已入选), in the console's language. */
export function label(type, code) {
  if (code === null || code === undefined || code === '') return ''
  const names = table.types[type]?.[code]
  if (!names) return code
  return session.lang === 'en' ? names.en : names.zh
}

/** The hours still short of each category a requirement names ({SCHOOL_BASED: 50}): "校本研修 50 学时、…", or ''. */
export function categoriesShort(shortByCategory) {
  return Object.entries(shortByCategory || {})
    .map(([c, h]) => session.lang === 'en' ? `${label('CreditCategory', c)}: ${h}` : `${label('CreditCategory', c)} ${h} 学时`)
    .join(session.lang === 'en' ? ', ' : '、')
}

/** [{value, label}] of every code of a type, for selects. */
export function options(type) {
  return Object.entries(table.types[type] || {}).map(([value, names]) => ({ value, label: session.lang === 'en' ? names.en : names.zh }))
}
