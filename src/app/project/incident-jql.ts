/**
 * The project boundary for the admin-supplied incident JQL. The metrics recompute runs
 * `project = KEY AND (<incident JQL>) ORDER BY created DESC` as the app, which may browse every
 * project, so the admin's text must not be able to widen that query (issue #19: the text
 * `issuetype = Incident) OR (project = OPS` closed the parenthesis and read another project).
 *
 * The check is by structure, from Jira's own parser (POST /rest/api/3/jql/parse, strict), never by
 * matching strings:
 * - the incident JQL parsed alone must be valid, have a condition and no ORDER BY — a complete
 *   query, so wrapping it in parentheses keeps it one operand of the AND;
 * - the exact query that will be run is parsed too, and its `where` must be an AND one of whose
 *   conjuncts is `project = KEY` (which bounds every match to the project whatever the rest says),
 *   ordered only by `created DESC`.
 * Results are checked against the project again after the search (incident-history.ts).
 */
import type { JiraPort, JqlClauseTree, ParsedJql } from '../../ports/jira';
import { LIMITS } from '../../domain/limits';
import { AppError } from '../errors';

/**
 * Ballast's own limit: Jira documents no maximum JQL length (platform.v3.json gives none for
 * `jql` or JqlQueriesToParse), and an incident filter is a few conditions. 2,000 characters
 * leaves room for long lists of issue types or labels and keeps the stored document and the search
 * request small (the figure lives with the other stated limits, src/domain/limits.ts).
 */
export const INCIDENT_JQL_MAX_LENGTH = LIMITS.incidentJql.limit;

export type IncidentJqlCheck = { readonly ok: true } | { readonly ok: false; problem: string };

/** The search the recompute runs: the project restriction AND the admin's query, newest first. */
export function incidentSearchJql(projectKey: string, incidentJql: string): string {
  return `project = ${projectKey} AND (${incidentJql}) ORDER BY created DESC`;
}

/** Checks the incident JQL with Jira, as whoever `jira` calls as (the admin at save, the app at recompute). */
export async function checkIncidentJql(
  jira: JiraPort,
  projectKey: string,
  incidentJql: string,
): Promise<IncidentJqlCheck> {
  if (incidentJql.length > INCIDENT_JQL_MAX_LENGTH) {
    return refuse(
      `it is ${incidentJql.length.toLocaleString('en')} characters long; at most ${INCIDENT_JQL_MAX_LENGTH.toLocaleString('en')} are allowed`,
    );
  }
  const composed = incidentSearchJql(projectKey, incidentJql);
  const [alone, whole] = await jira.parseJql([incidentJql, composed]);
  const aloneProblem = problemOfAlone(alone);
  if (aloneProblem !== null) return refuse(aloneProblem);
  if (whole === undefined || (whole.errors ?? []).length > 0 || whole.structure === undefined) {
    return refuse(`Jira refused the search built from it: ${errorsOf(whole)}`);
  }
  if (!restrictsToProject(whole.structure.where, projectKey) || !orderedByCreatedDesc(whole)) {
    return refuse(`it would not keep the search inside project ${projectKey}`);
  }
  return { ok: true };
}

const refuse = (problem: string): IncidentJqlCheck => ({ ok: false, problem });

function errorsOf(parsed: ParsedJql | undefined): string {
  const errors = parsed?.errors ?? [];
  return errors.length > 0 ? errors.join(' ') : 'Jira returned no syntax tree for it.';
}

function problemOfAlone(parsed: ParsedJql | undefined): string | null {
  if (parsed === undefined || (parsed.errors ?? []).length > 0 || parsed.structure === undefined)
    return `Jira refused it: ${errorsOf(parsed)}`;
  if (parsed.structure.where === undefined) return 'it must have a condition';
  if ((parsed.structure.orderBy?.fields ?? []).length > 0)
    return 'it must not have ORDER BY (Ballast lists the incidents newest first)';
  return null;
}

/**
 * True when every issue the clause matches is in the project: the clause is `project = KEY`, or an
 * AND with such a conjunct (an AND matches a subset of each of its conjuncts). OR and NOT never
 * count: they can add issues from anywhere.
 */
function restrictsToProject(clause: JqlClauseTree | undefined, projectKey: string): boolean {
  if (clause === undefined) return false;
  if (isProjectEquals(clause, projectKey)) return true;
  return (
    clause.operator === 'and' &&
    (clause.clauses ?? []).some((inner) => restrictsToProject(inner, projectKey))
  );
}

function isProjectEquals(clause: JqlClauseTree, projectKey: string): boolean {
  if (clause.field?.name.toLowerCase() !== 'project' || clause.operator !== '=') return false;
  const operand = clause.operand as { value?: unknown } | undefined;
  return (
    typeof operand?.value === 'string' && operand.value.toUpperCase() === projectKey.toUpperCase()
  );
}

function orderedByCreatedDesc(parsed: ParsedJql): boolean {
  const fields = parsed.structure?.orderBy?.fields ?? [];
  return (
    fields.length === 1 &&
    fields[0]?.field.name.toLowerCase() === 'created' &&
    fields[0].direction?.toLowerCase() === 'desc'
  );
}

/**
 * At settings save, as the admin: the edited configuration's incident JQL (when it has one; an
 * absent one takes the default) must pass checkIncidentJql, else nothing is saved and the answer is
 * a BAD_REQUEST naming the field and Jira's reason.
 */
export async function requireSafeIncidentJql(
  jira: JiraPort,
  projectKey: string,
  edited: unknown,
): Promise<void> {
  if (typeof edited !== 'object' || edited === null) return;
  const raw = (edited as { incidentJql?: unknown }).incidentJql;
  // Other shapes are refused by the configuration's own validation (project-config.ts).
  if (typeof raw !== 'string' || raw.trim() === '') return;
  const check = await checkIncidentJql(jira, projectKey, raw.trim());
  if (!check.ok) {
    throw new AppError(
      'BAD_REQUEST',
      `The configuration was not saved: field "incidentJql": ${check.problem}.`,
      { field: 'incidentJql' },
    );
  }
}
