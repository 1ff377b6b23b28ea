/**
 * Renders simulator state in GitHub's REST response shapes. Every builder here is checked against the
 * committed OpenAPI slice (openapi.test.ts), so a missing or mistyped field fails a test.
 */
import { appClientId } from './jwt.js'
import type {
  PermissionSet,
  SimApp,
  SimBranch,
  SimCheckRun,
  SimJob,
  SimPull,
  SimRepository,
  SimRule,
  SimRuleset,
  SimState,
  SimStatus,
  SimWorkflowRun
} from './state.js'

const WEB = 'https://github.com'
const EPOCH = '2024-01-01T00:00:00Z'

/** A `simple-user` object (user, bot or organization). */
export function simpleUser(api: string, login: string, id: number, type: 'User' | 'Bot' | 'Organization' = 'User') {
  const u = `${api}/users/${encodeURIComponent(login)}`
  return {
    login,
    id,
    node_id: `U_${id}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '',
    url: u,
    html_url: `${WEB}/${encodeURIComponent(login)}`,
    followers_url: `${u}/followers`,
    following_url: `${u}/following{/other_user}`,
    gists_url: `${u}/gists{/gist_id}`,
    starred_url: `${u}/starred{/owner}{/repo}`,
    subscriptions_url: `${u}/subscriptions`,
    organizations_url: `${u}/orgs`,
    repos_url: `${u}/repos`,
    events_url: `${u}/events{/privacy}`,
    received_events_url: `${u}/received_events`,
    type,
    user_view_type: 'public',
    site_admin: false
  }
}

function userId(login: string): number {
  let h = 7
  for (const c of login) h = (h * 31 + c.charCodeAt(0)) % 9_000_000
  return 1_000_000 + h
}

/** The repository object (`full-repository` for GET /repos, `repository` inside pulls). */
export function repositoryShape(api: string, r: SimRepository) {
  const full = `${r.owner}/${r.name}`
  const u = `${api}/repos/${full}`
  return {
    id: r.id,
    node_id: `R_${r.id}`,
    name: r.name,
    full_name: full,
    private: r.private,
    owner: simpleUser(api, r.owner, userId(r.owner), 'Organization'),
    html_url: `${WEB}/${full}`,
    description: 'Purple demo repository (simulated)',
    fork: false,
    url: u,
    archive_url: `${u}/{archive_format}{/ref}`,
    assignees_url: `${u}/assignees{/user}`,
    blobs_url: `${u}/git/blobs{/sha}`,
    branches_url: `${u}/branches{/branch}`,
    collaborators_url: `${u}/collaborators{/collaborator}`,
    comments_url: `${u}/comments{/number}`,
    commits_url: `${u}/commits{/sha}`,
    compare_url: `${u}/compare/{base}...{head}`,
    contents_url: `${u}/contents/{+path}`,
    contributors_url: `${u}/contributors`,
    deployments_url: `${u}/deployments`,
    downloads_url: `${u}/downloads`,
    events_url: `${u}/events`,
    forks_url: `${u}/forks`,
    git_commits_url: `${u}/git/commits{/sha}`,
    git_refs_url: `${u}/git/refs{/sha}`,
    git_tags_url: `${u}/git/tags{/sha}`,
    git_url: `git://github.com/${full}.git`,
    issue_comment_url: `${u}/issues/comments{/number}`,
    issue_events_url: `${u}/issues/events{/number}`,
    issues_url: `${u}/issues{/number}`,
    keys_url: `${u}/keys{/key_id}`,
    labels_url: `${u}/labels{/name}`,
    languages_url: `${u}/languages`,
    merges_url: `${u}/merges`,
    milestones_url: `${u}/milestones{/number}`,
    notifications_url: `${u}/notifications{?since,all,participating}`,
    pulls_url: `${u}/pulls{/number}`,
    releases_url: `${u}/releases{/id}`,
    ssh_url: `git@github.com:${full}.git`,
    stargazers_url: `${u}/stargazers`,
    statuses_url: `${u}/statuses/{sha}`,
    subscribers_url: `${u}/subscribers`,
    subscription_url: `${u}/subscription`,
    tags_url: `${u}/tags`,
    teams_url: `${u}/teams`,
    trees_url: `${u}/git/trees{/sha}`,
    clone_url: `${WEB}/${full}.git`,
    mirror_url: null,
    hooks_url: `${u}/hooks`,
    svn_url: `${WEB}/${full}`,
    homepage: null,
    language: 'TypeScript',
    forks_count: 0,
    forks: 0,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    size: 100,
    default_branch: r.default_branch,
    open_issues_count: 0,
    open_issues: 0,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: false,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: r.private ? 'private' : 'public',
    pushed_at: EPOCH,
    created_at: EPOCH,
    updated_at: EPOCH,
    allow_rebase_merge: r.allow_rebase_merge,
    allow_squash_merge: r.allow_squash_merge,
    allow_merge_commit: r.allow_merge_commit,
    allow_auto_merge: r.allow_auto_merge,
    delete_branch_on_merge: r.delete_branch_on_merge,
    allow_update_branch: false,
    allow_forking: false,
    web_commit_signoff_required: false,
    license: null
  }
}

/** GET /repos/{o}/{r}: the full repository with the caller's permissions and counts. */
export function fullRepositoryShape(api: string, r: SimRepository, permissions: PermissionSet) {
  return {
    ...repositoryShape(api, r),
    permissions: {
      admin: permissions.administration === 'write',
      maintain: false,
      push: permissions.contents === 'write',
      triage: false,
      pull: true
    },
    organization: simpleUser(api, r.owner, userId(r.owner), 'Organization'),
    network_count: 0,
    subscribers_count: 0,
    squash_merge_commit_title: 'COMMIT_OR_PR_TITLE',
    squash_merge_commit_message: 'COMMIT_MESSAGES',
    merge_commit_title: 'MERGE_MESSAGE',
    merge_commit_message: 'PR_TITLE'
  }
}

/** GET /repos/{o}/{r}/pulls/{n}. */
export function pullShape(api: string, r: SimRepository, p: SimPull) {
  const full = `${r.owner}/${r.name}`
  const u = `${api}/repos/${full}`
  const user = simpleUser(api, p.user, userId(p.user))
  const repo = repositoryShape(api, r)
  const ownerUser = simpleUser(api, r.owner, userId(r.owner), 'Organization')
  const href = (h: string) => ({ href: h })
  return {
    url: `${u}/pulls/${p.number}`,
    id: p.id,
    node_id: `PR_${p.id}`,
    html_url: `${WEB}/${full}/pull/${p.number}`,
    diff_url: `${WEB}/${full}/pull/${p.number}.diff`,
    patch_url: `${WEB}/${full}/pull/${p.number}.patch`,
    issue_url: `${u}/issues/${p.number}`,
    commits_url: `${u}/pulls/${p.number}/commits`,
    review_comments_url: `${u}/pulls/${p.number}/comments`,
    review_comment_url: `${u}/pulls/comments{/number}`,
    comments_url: `${u}/issues/${p.number}/comments`,
    statuses_url: `${u}/statuses/${p.head.sha}`,
    number: p.number,
    state: p.state,
    locked: false,
    title: p.title,
    user,
    body: null,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: p.created_at,
    updated_at: p.updated_at,
    closed_at: p.state === 'closed' ? (p.merged_at ?? p.updated_at) : null,
    merged_at: p.merged_at,
    merge_commit_sha: p.merge_commit_sha,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: { label: `${r.owner}:${p.head.ref}`, ref: p.head.ref, sha: p.head.sha, user: ownerUser, repo },
    base: { label: `${r.owner}:${p.base.ref}`, ref: p.base.ref, sha: p.base.sha, user: ownerUser, repo },
    _links: {
      self: href(`${u}/pulls/${p.number}`),
      html: href(`${WEB}/${full}/pull/${p.number}`),
      issue: href(`${u}/issues/${p.number}`),
      comments: href(`${u}/issues/${p.number}/comments`),
      review_comments: href(`${u}/pulls/${p.number}/comments`),
      review_comment: href(`${u}/pulls/comments{/number}`),
      commits: href(`${u}/pulls/${p.number}/commits`),
      statuses: href(`${u}/statuses/${p.head.sha}`)
    },
    author_association: 'MEMBER',
    auto_merge: null,
    draft: p.draft,
    merged: p.merged,
    mergeable: p.mergeable,
    rebaseable: p.mergeable,
    mergeable_state: p.mergeable_state,
    merged_by: p.merged ? simpleUser(api, 'github-actions[bot]', 41898282, 'Bot') : null,
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: 1,
    additions: 1,
    deletions: 0,
    changed_files: 1
  }
}

/** The `required_status_checks` object of classic protection (admin endpoint shape). */
export function statusCheckPolicyShape(api: string, r: SimRepository, b: SimBranch) {
  const rsc = b.protection?.required_status_checks
  const u = `${api}/repos/${r.owner}/${r.name}/branches/${b.name}/protection/required_status_checks`
  return {
    url: u,
    strict: rsc?.strict ?? false,
    contexts: rsc?.contexts ?? [],
    contexts_url: `${u}/contexts`,
    checks: (rsc?.checks ?? []).map((c) => ({ context: c.context, app_id: c.app_id }))
  }
}

/** GET /repos/{o}/{r}/branches/{b}/protection (admin endpoint). */
export function protectionShape(api: string, r: SimRepository, b: SimBranch) {
  const u = `${api}/repos/${r.owner}/${r.name}/branches/${b.name}/protection`
  const p = b.protection
  return {
    url: u,
    ...(p?.required_status_checks ? { required_status_checks: statusCheckPolicyShape(api, r, b) } : {}),
    ...(p?.required_approving_review_count != null
      ? {
          required_pull_request_reviews: {
            url: `${u}/required_pull_request_reviews`,
            dismiss_stale_reviews: false,
            require_code_owner_reviews: false,
            require_last_push_approval: false,
            required_approving_review_count: p.required_approving_review_count
          }
        }
      : {}),
    enforce_admins: { url: `${u}/enforce_admins`, enabled: p?.enforce_admins ?? false },
    required_linear_history: { enabled: false },
    allow_force_pushes: { enabled: false },
    allow_deletions: { enabled: false },
    block_creations: { enabled: false },
    required_conversation_resolution: { enabled: false },
    required_signatures: { url: `${u}/required_signatures`, enabled: false },
    lock_branch: { enabled: false },
    allow_fork_syncing: { enabled: false }
  }
}

/** GET /repos/{o}/{r}/branches/{b}: readable with read access; carries the required checks of classic protection. */
export function branchShape(api: string, r: SimRepository, b: SimBranch) {
  const full = `${r.owner}/${r.name}`
  const u = `${api}/repos/${full}`
  const rsc = b.protection?.required_status_checks
  const author = { name: 'Octo Cat', email: 'octocat@example.com', date: EPOCH }
  return {
    name: b.name,
    commit: {
      sha: b.sha,
      node_id: `C_${b.sha.slice(0, 12)}`,
      url: `${u}/commits/${b.sha}`,
      html_url: `${WEB}/${full}/commit/${b.sha}`,
      comments_url: `${u}/commits/${b.sha}/comments`,
      commit: {
        author,
        committer: author,
        message: 'Simulated commit',
        tree: { sha: b.sha, url: `${u}/git/trees/${b.sha}` },
        url: `${u}/git/commits/${b.sha}`,
        comment_count: 0,
        verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null }
      },
      author: simpleUser(api, 'octocat', userId('octocat')),
      committer: simpleUser(api, 'web-flow', 19864447),
      parents: []
    },
    _links: { self: `${u}/branches/${b.name}`, html: `${WEB}/${full}/tree/${b.name}` },
    protected: b.protection !== null,
    protection: {
      enabled: b.protection !== null,
      required_status_checks: {
        enforcement_level: rsc ? (b.protection?.enforce_admins ? 'everyone' : 'non_admins') : 'off',
        contexts: rsc?.contexts ?? [],
        checks: (rsc?.checks ?? []).map((c) => ({ context: c.context, app_id: c.app_id }))
      }
    },
    protection_url: `${u}/branches/${b.name}/protection`
  }
}

/** One item of GET /repos/{o}/{r}/rules/branches/{b}. */
export function branchRuleShape(rule: SimRule, rs: SimRuleset) {
  return {
    ...rule,
    ruleset_source_type: rs.source_type,
    ruleset_source: rs.source,
    ruleset_id: rs.id
  }
}

/** The `head_commit` of a workflow run or check suite. */
function headCommitShape(sha: string, message: string, at: string) {
  return {
    id: sha,
    tree_id: sha,
    message,
    timestamp: at,
    author: { name: 'Octo Cat', email: 'octocat@example.com' },
    committer: { name: 'GitHub', email: 'noreply@github.com' }
  }
}

/** A GitHub App (`integration`) object as embedded in check runs. */
export function appShape(api: string, app: SimApp) {
  return {
    id: app.id,
    slug: app.slug,
    node_id: `A_${app.id}`,
    client_id: appClientId(app.id),
    owner: simpleUser(api, 'github', 9919, 'Organization'),
    name: app.name,
    description: '',
    external_url: `https://example.invalid/${app.slug}`,
    html_url: `${WEB}/apps/${app.slug}`,
    created_at: EPOCH,
    updated_at: EPOCH,
    permissions: { checks: 'write', metadata: 'read' },
    events: []
  }
}

/** One check run (GET /commits/{ref}/check-runs item). */
export function checkRunShape(api: string, s: SimState, c: SimCheckRun) {
  const full = `${s.repository.owner}/${s.repository.name}`
  const app = s.apps.find((a) => a.id === c.app_id) ?? { id: c.app_id, slug: `app-${c.app_id}`, name: `App ${c.app_id}` }
  const html = c.html_url ?? `${WEB}/${full}/runs/${c.id}`
  return {
    id: c.id,
    head_sha: c.head_sha,
    node_id: `CR_${c.id}`,
    external_id: String(c.id),
    url: `${api}/repos/${full}/check-runs/${c.id}`,
    html_url: html,
    details_url: html,
    status: c.status,
    conclusion: c.conclusion,
    started_at: c.started_at,
    completed_at: c.completed_at,
    output: {
      title: null,
      summary: null,
      text: null,
      annotations_count: 0,
      annotations_url: `${api}/repos/${full}/check-runs/${c.id}/annotations`
    },
    name: c.name,
    check_suite: { id: c.check_suite_id },
    app: appShape(api, app),
    pull_requests: []
  }
}

/** One commit status, as in /statuses (with creator) or inside the combined status (without). */
export function statusShape(api: string, s: SimState, st: SimStatus, withCreator: boolean) {
  const full = `${s.repository.owner}/${s.repository.name}`
  return {
    url: `${api}/repos/${full}/statuses/${st.sha}`,
    avatar_url: 'https://avatars.githubusercontent.com/u/9919?v=4',
    id: st.id,
    node_id: `SC_${st.id}`,
    state: st.state,
    description: st.description,
    target_url: st.target_url,
    context: st.context,
    created_at: st.created_at,
    updated_at: st.updated_at,
    ...(withCreator ? { creator: simpleUser(api, 'ci-bot', userId('ci-bot'), 'Bot') } : {})
  }
}

/** One workflow job (GET /actions/runs/{id}/jobs item). */
export function jobShape(api: string, s: SimState, j: SimJob) {
  const full = `${s.repository.owner}/${s.repository.name}`
  return {
    id: j.id,
    run_id: j.run_id,
    run_url: `${api}/repos/${full}/actions/runs/${j.run_id}`,
    run_attempt: j.run_attempt,
    node_id: `CR_${j.id}`,
    head_sha: j.head_sha,
    url: `${api}/repos/${full}/actions/jobs/${j.id}`,
    html_url: `${WEB}/${full}/actions/runs/${j.run_id}/job/${j.id}`,
    status: j.status,
    conclusion: j.conclusion,
    created_at: j.started_at,
    started_at: j.started_at,
    completed_at: j.completed_at,
    name: j.name,
    steps: [],
    check_run_url: `${api}/repos/${full}/check-runs/${j.check_run_id}`,
    labels: ['ubuntu-latest'],
    runner_id: 1,
    runner_name: j.runner_name ?? 'GitHub Actions 1',
    runner_group_id: 1,
    runner_group_name: 'GitHub Actions',
    workflow_name: j.workflow_name,
    head_branch: j.head_branch
  }
}

/** GET /repos/{o}/{r}/installation. */
export function installationShape(api: string, s: SimState) {
  const i = s.installation
  return {
    id: i.id,
    account: simpleUser(api, s.repository.owner, userId(s.repository.owner), 'Organization'),
    repository_selection: 'selected',
    access_tokens_url: `${api}/app/installations/${i.id}/access_tokens`,
    repositories_url: `${api}/installation/repositories`,
    html_url: `${WEB}/organizations/${s.repository.owner}/settings/installations/${i.id}`,
    app_id: i.app_id,
    app_slug: i.app_slug,
    client_id: appClientId(i.app_id),
    target_id: userId(s.repository.owner),
    target_type: 'Organization',
    permissions: i.permissions,
    events: [],
    created_at: EPOCH,
    updated_at: EPOCH,
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: null,
    suspended_at: null
  }
}

/** One rate-limit bucket. */
export function rateShape(limit: number, used: number, resetSec: number) {
  return { limit, used, remaining: Math.max(0, limit - used), reset: resetSec }
}

/** One workflow run (GET /repos/{o}/{r}/actions/runs item). */
export function workflowRunShape(api: string, s: SimState, w: SimWorkflowRun) {
  const full = `${s.repository.owner}/${s.repository.name}`
  const u = `${api}/repos/${full}/actions/runs/${w.id}`
  const workflowId = 161335
  return {
    id: w.id,
    name: w.name,
    node_id: `WFR_${w.id}`,
    check_suite_id: w.check_suite_id,
    check_suite_node_id: `CS_${w.check_suite_id}`,
    head_branch: w.head_branch,
    head_sha: w.head_sha,
    path: w.path,
    run_number: w.id % 1000,
    run_attempt: 1,
    display_title: w.name,
    event: w.event,
    status: w.status,
    conclusion: w.conclusion,
    workflow_id: workflowId,
    url: u,
    html_url: `${WEB}/${full}/actions/runs/${w.id}`,
    pull_requests: [],
    created_at: w.created_at,
    updated_at: w.updated_at,
    run_started_at: w.created_at,
    jobs_url: `${u}/jobs`,
    logs_url: `${u}/logs`,
    check_suite_url: `${api}/repos/${full}/check-suites/${w.check_suite_id}`,
    artifacts_url: `${u}/artifacts`,
    cancel_url: `${u}/cancel`,
    rerun_url: `${u}/rerun`,
    workflow_url: `${api}/repos/${full}/actions/workflows/${workflowId}`,
    head_commit: headCommitShape(w.head_sha, 'Merge group', w.created_at),
    repository: repositoryShape(api, s.repository),
    head_repository: repositoryShape(api, s.repository)
  }
}

/** One check suite (GET /repos/{o}/{r}/commits/{ref}/check-suites item). */
export function checkSuiteShape(
  api: string,
  s: SimState,
  suite: { id: number; head_sha: string; head_branch: string | null; app_id: number; status: string; conclusion: string | null; runs: number; at: string }
) {
  const full = `${s.repository.owner}/${s.repository.name}`
  const app = s.apps.find((a) => a.id === suite.app_id) ?? { id: suite.app_id, slug: `app-${suite.app_id}`, name: `App ${suite.app_id}` }
  return {
    id: suite.id,
    node_id: `CS_${suite.id}`,
    head_branch: suite.head_branch,
    head_sha: suite.head_sha,
    status: suite.status,
    conclusion: suite.conclusion,
    url: `${api}/repos/${full}/check-suites/${suite.id}`,
    before: null,
    after: suite.head_sha,
    pull_requests: [],
    app: appShape(api, app),
    repository: repositoryShape(api, s.repository),
    created_at: suite.at,
    updated_at: suite.at,
    head_commit: headCommitShape(suite.head_sha, 'Commit', suite.at),
    latest_check_runs_count: suite.runs,
    check_runs_url: `${api}/repos/${full}/check-suites/${suite.id}/check-runs`,
    rerequestable: true,
    runs_rerequestable: true
  }
}

/** A `commit` object (as in a branch or a comparison). */
export function commitShape(api: string, r: SimRepository, sha: string) {
  return branchShape(api, r, { name: 'commit', sha, protection: null }).commit
}

/** GET /repos/{o}/{r}/compare/{base}...{head}: `commits` lists what head has that base lacks. */
export function comparisonShape(api: string, r: SimRepository, base: string, baseSha: string, head: string, headCommits: string[], behindBy: number) {
  const full = `${r.owner}/${r.name}`
  const aheadBy = headCommits.length
  const status = aheadBy > 0 && behindBy > 0 ? 'diverged' : aheadBy > 0 ? 'ahead' : behindBy > 0 ? 'behind' : 'identical'
  return {
    url: `${api}/repos/${full}/compare/${base}...${head}`,
    html_url: `${WEB}/${full}/compare/${base}...${head}`,
    permalink_url: `${WEB}/${full}/compare/${r.owner}:${baseSha.slice(0, 7)}...${r.owner}:${head.slice(0, 7)}`,
    diff_url: `${WEB}/${full}/compare/${base}...${head}.diff`,
    patch_url: `${WEB}/${full}/compare/${base}...${head}.patch`,
    base_commit: commitShape(api, r, baseSha),
    merge_base_commit: commitShape(api, r, baseSha),
    status,
    ahead_by: aheadBy,
    behind_by: behindBy,
    total_commits: aheadBy,
    commits: headCommits.map((sha) => commitShape(api, r, sha)),
    files: []
  }
}

/** GET /repos/{o}/{r}/rulesets/{id}: a ruleset as a reader without write access to it sees it (no bypass actors). */
export function rulesetShape(api: string, r: SimRepository, rs: SimRuleset) {
  const full = `${r.owner}/${r.name}`
  return {
    id: rs.id,
    name: rs.name,
    target: 'branch',
    source_type: rs.source_type,
    source: rs.source,
    enforcement: rs.enforcement,
    current_user_can_bypass: 'never',
    node_id: `RRS_${rs.id}`,
    _links: { self: { href: `${api}/repos/${full}/rulesets/${rs.id}` }, html: { href: `${WEB}/${full}/rules/${rs.id}` } },
    conditions: { ref_name: { include: rs.include, exclude: rs.exclude } },
    rules: rs.rules,
    created_at: EPOCH,
    updated_at: EPOCH
  }
}
