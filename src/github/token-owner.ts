/**
 * Whose token Purple acts with. Events made with a workflow's GITHUB_TOKEN start no workflow runs, and that token
 * may never change workflow files; an App's installation token or a personal token has neither limit. The token's
 * form tells most of it; only an installation token (`ghs_`, the job's or another App's) needs GitHub's word.
 * See docs/decisions.md, "Whose installation token merges".
 */
import type { TokenOwner } from '../core/diagnosis.js'
import type { AuthConfig } from './auth.js'
import type { GitHubClient } from './client.js'

/** What the token's form says: an owner, or 'installation' (`ghs_`) when GitHub has to say whose. */
export type TokenKind = TokenOwner | 'installation'

/**
 * App auth and personal tokens are not the job's token; an installation token (`ghs_`) given as 'github-token'
 * may be the job's or an App's made by an earlier step; any other form is unknown.
 */
export function tokenKindOf(auth: AuthConfig): TokenKind {
  if (auth.kind === 'app') return 'other'
  const token = auth.token.trim()
  if (token.startsWith('ghs_')) return 'installation'
  return /^(ghp_|github_pat_|gho_|ghu_)/.test(token) ? 'other' : 'unknown'
}

/** The login GitHub gives the Actions app's installation tokens, the job's GITHUB_TOKEN among them. */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]'

export const VIEWER_QUERY = 'query PurpleViewer { viewer { login } }'

// One answer per client: the enqueue warning, a never-started message and a diagnosis may all ask.
const asked = new WeakMap<object, Promise<TokenOwner>>()

/**
 * Whose token the client uses: for an installation token one GraphQL `viewer` per client (the Actions bot is
 * the job's GITHUB_TOKEN); 'unknown' when GitHub does not say. Other kinds are answered without a request.
 */
export async function tokenOwner(client: Pick<GitHubClient, 'octokit' | 'tokenKind'>): Promise<TokenOwner> {
  if (client.tokenKind !== 'installation') return client.tokenKind
  let answer = asked.get(client.octokit)
  if (answer === undefined) {
    answer = askViewer(client)
    asked.set(client.octokit, answer)
  }
  return answer
}

async function askViewer(client: Pick<GitHubClient, 'octokit'>): Promise<TokenOwner> {
  try {
    const data = await client.octokit.graphql<{ viewer: { login: string } | null }>(VIEWER_QUERY)
    const login = data.viewer?.login
    return typeof login !== 'string' ? 'unknown' : login === ACTIONS_BOT_LOGIN ? 'actions' : 'other'
  } catch {
    return 'unknown'
  }
}
