/**
 * Classroom 50's own acceptance rules for a `result.json`, ported from its score collector
 * (foundation50/classroom50, cli/gh-teacher/skeleton/dotgithub/scripts/collect_scores.py,
 * `validate_result`): a result it rejects is recorded as nothing, so every export must pass them.
 * Python's `isinstance(x, int)` (which excludes bool here) is `Number.isInteger`.
 */

/** The identity the collector expects: from the repository name `<classroom>-<assignment>-<owner>`. */
export interface Classroom50Identity {
  classroom: string;
  assignment: string;
  username: string;
  isGroup: boolean;
}

const requiredStrings = ['submission', 'commit', 'release', 'review', 'datetime'] as const;

const nonNegativeInteger = (value: unknown): boolean => typeof value === 'number' && Number.isInteger(value) && value >= 0;

/**
 * Why Classroom 50 would refuse `payload` for `expected`, or undefined when it accepts it (the
 * first problem only, as the collector raises on the first).
 *
 * @example classroom50Refusal({ ...result, score: 94, 'max-score': 92 }, identity) → 'score (94) > max-score (92)'
 */
export function classroom50Refusal(payload: unknown, expected: Classroom50Identity): string | undefined {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload))
    return `top-level value must be an object, got ${Array.isArray(payload) ? 'list' : typeof payload}`;
  const p = payload as Record<string, unknown>;
  if (p.schema !== 'classroom50/result/v1') return `schema = ${JSON.stringify(p.schema)}, want 'classroom50/result/v1'`;
  if (p.classroom !== expected.classroom) return `classroom = ${JSON.stringify(p.classroom)}, want '${expected.classroom}'`;
  if (p.assignment !== expected.assignment) return `assignment = ${JSON.stringify(p.assignment)}, want '${expected.assignment}'`;
  if (typeof p.owner !== 'string' || p.owner === '') return `owner must be a non-empty string, got ${JSON.stringify(p.owner)}`;
  if (p.owner.toLowerCase() !== expected.username.toLowerCase()) return `owner = '${p.owner}', want '${expected.username}' (derived from the repo name)`;
  const type = expected.isGroup ? 'group' : 'individual';
  if (p.assignment_type !== type) return `assignment_type = ${JSON.stringify(p.assignment_type)}, want '${type}'`;
  if (typeof p.submission !== 'string' || !p.submission.startsWith('submit/'))
    return `submission must start with 'submit/', got ${JSON.stringify(p.submission)}`;
  for (const field of requiredStrings)
    if (typeof p[field] !== 'string' || p[field] === '') return `${field} must be a non-empty string, got ${JSON.stringify(p[field])}`;
  if (!nonNegativeInteger(p.score)) return `score must be a non-negative integer, got ${JSON.stringify(p.score)}`;
  if (!nonNegativeInteger(p['max-score'])) return `max-score must be a non-negative integer, got ${JSON.stringify(p['max-score'])}`;
  if ((p.score as number) > (p['max-score'] as number)) return `score (${p.score}) > max-score (${p['max-score']})`;
  if (!Array.isArray(p.tests)) return `tests must be a list, got ${typeof p.tests}`;
  for (const [i, test] of p.tests.entries()) {
    if (test === null || typeof test !== 'object' || Array.isArray(test)) return `tests[${i}] must be an object`;
    const t = test as Record<string, unknown>;
    if (typeof t['test-name'] !== 'string' || t['test-name'] === '') return `tests[${i}].test-name must be a non-empty string`;
    if (typeof t.passed !== 'boolean') return `tests[${i}].passed must be a boolean`;
    for (const field of ['score', 'max-score'])
      if (!nonNegativeInteger(t[field])) return `tests[${i}].${field} must be a non-negative integer, got ${JSON.stringify(t[field])}`;
    if ((t.score as number) > (t['max-score'] as number)) return `tests[${i}].score (${t.score}) > tests[${i}].max-score (${t['max-score']})`;
  }
  const by = p.submitted_by;
  if (by !== undefined && by !== null) {
    if (typeof by !== 'object' || Array.isArray(by)) return 'submitted_by must be an object';
    const { username, id } = by as Record<string, unknown>;
    if (typeof username !== 'string' || username === '') return 'submitted_by.username must be a non-empty string';
    if (id !== undefined && id !== null && !Number.isInteger(id)) return `submitted_by.id must be an integer or null, got ${JSON.stringify(id)}`;
  }
  return undefined;
}
