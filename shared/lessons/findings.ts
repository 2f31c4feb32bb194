/** Building a CheckResult one expectation at a time, each with its sentence for either outcome. */
import type { CheckResult } from './types';

export class Findings {
  private readonly confirmed: string[] = [];
  private readonly missing: string[] = [];

  /** Records one expectation; returns it, so a check can skip what depends on it. */
  expect(ok: boolean, whenTrue: string, whenFalse: string): boolean {
    (ok ? this.confirmed : this.missing).push(ok ? whenTrue : whenFalse);
    return ok;
  }

  /** A failure with no counterpart (a precondition that did not hold). */
  fail(sentence: string): false {
    this.missing.push(sentence);
    return false;
  }

  /** A measured fact worth showing whatever the outcome (it joins the confirmations). */
  note(sentence: string): void {
    this.confirmed.push(sentence);
  }

  result(): CheckResult {
    return this.missing.length > 0
      ? { passed: false, findings: [...this.missing] }
      : { passed: true, findings: [...this.confirmed] };
  }
}
