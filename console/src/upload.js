// A file handed to the platform as a submission of a project: the browser asks the API for a presigned URL, PUTs the
// file straight to S3, then waits for the submission check's verdict (docs/submissions.md).
import { call, get } from './session.js'
import { tr } from './i18n.js'

export async function sha256(file) {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer())
  return [...new Uint8Array(digest)].map(b => b.toString(16).padStart(2, '0')).join('')
}

/** PUTs `file` straight to storage by a presigned `upload` the API gave ({url, headers}); throws, with the status, when refused. */
export async function putFile(upload, file, contentType = file.type) {
  const put = await fetch(upload.url, { method: 'PUT', headers: upload.headers || { 'Content-Type': contentType }, body: file })
  if (!put.ok) throw new Error(tr(`上传到存储失败（HTTP ${put.status}）`, `The upload to storage failed (HTTP ${put.status})`))
}

/**
 * Submits `file` as a submission of `kind` (with `extra` fields such as `classNo`) and returns the submission once
 * checked: status ACCEPTED or REJECTED, or still AWAITING_UPLOAD after 20 s. The same file asked again is the
 * submission that stands, with nothing to upload.
 */
export async function submitFile(projectId, kind, file, extra = {}) {
  const base = `/projects/${projectId}`
  const contentType = file.type || 'application/octet-stream'
  const asked = await call('POST', `${base}/submissions`, {
    kind, ...extra, fileName: file.name.slice(0, 200), size: file.size, contentType, sha256: await sha256(file),
  })
  if (asked.upload) await putFile(asked.upload, file, contentType)
  for (let i = 0; i < 40; i++) {
    const s = await get(`${base}/submissions/${asked.submission.id}`)
    if (s.status !== 'AWAITING_UPLOAD') return s
    await new Promise(r => setTimeout(r, 500))
  }
  return { ...asked.submission, status: 'AWAITING_UPLOAD' }
}
