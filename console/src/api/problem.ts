import type { components } from './generated/contract';

export type Problem = components['schemas']['Problem'];

/** An error to show: the problem+json of the API, or a stand-in for a network failure. */
export class ApiError extends Error {
  constructor(
    readonly problem: Problem,
    readonly status: number,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }

  /** Messages by field name (`reason`, `choice`, `page`…), as the API named them. */
  get fields(): Record<string, string> {
    return fieldErrors(this.problem);
  }
}

export function fieldErrors(problem: Problem | null | undefined): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const e of problem?.errors ?? []) {
    if (!e.field || !e.message) continue;
    // a nested name (`body.reason`, `transition.reason`) is shown at its last part
    const name = e.field.split('.').pop() ?? e.field;
    byField[name] = byField[name] ? `${byField[name]};${e.message}` : e.message;
  }
  return byField;
}

export function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && ('status' in value || 'title' in value || 'type' in value);
}
