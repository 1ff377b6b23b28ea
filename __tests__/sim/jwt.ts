/**
 * The simulated GitHub App's key pair and RS256 JWT verification for the installation endpoints
 * (the client mints installation tokens with @octokit/auth-app; the simulator checks the JWT
 * the way GitHub does: RS256 signature, `iss` the app id, `exp` in the future and at most 10 minutes out).
 */
import { createVerify, generateKeyPairSync, type KeyObject } from 'node:crypto'

export interface AppKeys {
  /** `-----BEGIN RSA PRIVATE KEY-----`, the format GitHub hands out. */
  privateKeyPkcs1: string
  privateKeyPkcs8: string
  publicKey: KeyObject
}

let cached: AppKeys | undefined

/** One RSA key pair per test process (generation costs ~50 ms; no key is committed). */
export function appKeys(): AppKeys {
  if (!cached) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    cached = {
      privateKeyPkcs1: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
      privateKeyPkcs8: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      publicKey
    }
  }
  return cached
}

export type JwtCheck = { ok: true; iss: string } | { ok: false; message: string }

function b64urlJson(part: string): unknown {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'))
}

/** The simulated App's client id (`Iv1.` + 16 hex digits), as GitHub shows it. */
export function appClientId(appId: number): string {
  return `Iv1.${appId.toString(16).padStart(16, '0')}`
}

/** True when the credential looks like a JWT (three base64url parts, header first). */
export function looksLikeJwt(token: string): boolean {
  return /^eyJ[\w-]*\.[\w-]+\.[\w-]+$/.test(token)
}

/** Verifies an app JWT against the app's public key; `nowSec` is real time (the client signs with real time). */
export function verifyAppJwt(token: string, keys: AppKeys, appId: number, nowSec: number, clientId = appClientId(appId)): JwtCheck {
  const parts = token.split('.')
  if (parts.length !== 3) return { ok: false, message: 'A JSON web token could not be decoded' }
  const [h, p, sig] = parts as [string, string, string]
  let header: { alg?: string; typ?: string }
  let payload: { iat?: unknown; exp?: unknown; iss?: unknown }
  try {
    header = b64urlJson(h) as typeof header
    payload = b64urlJson(p) as typeof payload
  } catch {
    return { ok: false, message: 'A JSON web token could not be decoded' }
  }
  if (header.alg !== 'RS256') return { ok: false, message: 'A JSON web token could not be decoded' }
  const verifier = createVerify('RSA-SHA256')
  verifier.update(`${h}.${p}`)
  if (!verifier.verify(keys.publicKey, Buffer.from(sig, 'base64url'))) {
    return { ok: false, message: 'A JSON web token could not be decoded' }
  }
  if (typeof payload.exp !== 'number' || payload.exp <= nowSec || payload.exp > nowSec + 600 + 60) {
    return {
      ok: false,
      message:
        "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires"
    }
  }
  if (typeof payload.iat !== 'number' || payload.iat > nowSec + 60) {
    return { ok: false, message: "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued" }
  }
  // GitHub accepts the app id or the app's client id as issuer.
  if (String(payload.iss) !== String(appId) && payload.iss !== clientId) {
    return { ok: false, message: `Integration not found` }
  }
  return { ok: true, iss: String(payload.iss) }
}
