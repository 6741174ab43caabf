// Sign-in in AWS: the OIDC authorization-code flow with PKCE against the configured issuer (Cognito).
// The verifier and state wait in this tab's sessionStorage; the code is exchanged at the token endpoint,
// and the address bar is cleaned before anything else runs, so no token or code stays in a URL.
import { config, signIn } from './session.js'

const b64url = bytes => btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')

async function endpoints() {
  const r = await fetch(config.issuer.replace(/\/$/, '') + '/.well-known/openid-configuration')
  if (!r.ok) throw new Error('OIDC discovery failed: ' + r.status)
  return r.json()
}

export async function startSignIn() {
  const verifier = b64url(crypto.getRandomValues(new Uint8Array(32)))
  const state = b64url(crypto.getRandomValues(new Uint8Array(16)))
  const challenge = b64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)))
  sessionStorage.setItem('pkce', JSON.stringify({ verifier, state }))
  const { authorization_endpoint } = await endpoints()
  const q = new URLSearchParams({
    response_type: 'code', client_id: config.clientId, redirect_uri: redirectUri(), scope: 'openid',
    state, code_challenge: challenge, code_challenge_method: 'S256',
  })
  location.assign(`${authorization_endpoint}?${q}`)
}

/** On return from the issuer: true when a code was exchanged for a token. */
export async function finishSignIn() {
  const q = new URLSearchParams(location.search)
  if (!q.has('code')) return false
  history.replaceState(null, '', location.pathname + location.hash)
  const saved = JSON.parse(sessionStorage.getItem('pkce') || 'null')
  sessionStorage.removeItem('pkce')
  if (!saved || saved.state !== q.get('state')) throw new Error('OIDC state mismatch')
  const { token_endpoint } = await endpoints()
  const r = await fetch(token_endpoint, {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: config.clientId, code: q.get('code'),
      redirect_uri: redirectUri(), code_verifier: saved.verifier }),
  })
  if (!r.ok) throw new Error('token exchange failed: ' + r.status)
  const tokens = await r.json()
  signIn(tokens.id_token)
  return true
}

const redirectUri = () => config.redirectUri || location.origin + '/'
