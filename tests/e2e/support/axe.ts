import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

const AXE_PATH = path.resolve(import.meta.dirname, '../../../node_modules/axe-core/axe.min.js');
/** WCAG 2.0, 2.1 and 2.2, levels A and AA. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const BLOCKING = new Set(['serious', 'critical']);

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** CSS targets of the first few offending nodes, for the failure message. */
  targets: string[];
  nodes: number;
}

export interface AxeTotal {
  label: string;
  /** Offending nodes per impact (minor, moderate, serious, critical). */
  byImpact: Record<string, number>;
  violations: AxeViolation[];
}

/**
 * Every axe result of this worker process since accessibility.spec.ts emptied it, in order: the spec prints
 * them as a table at the end.
 */
export const axeTotals: AxeTotal[] = [];

let axeSource: Promise<string> | undefined;

/**
 * Runs axe-core (WCAG 2.x A and AA rules) on the page as it is now; injects axe once per document. Evaluated
 * through the DevTools protocol rather than a script tag, which the app's Content-Security-Policy refuses
 * (rightly: the policy stays as it is in production).
 */
export async function runAxe(page: Page, label: string): Promise<AxeTotal> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(await (axeSource ??= readFile(AXE_PATH, 'utf8')));
  const violations = await page.evaluate(async (tags) => {
    const axe = (
      window as unknown as { axe: { run: (context: Document, options: RunOptions) => Promise<AxeResults> } }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      targets: violation.nodes
        .slice(0, 4)
        .map((node) => `${node.target.join(' ')} ${node.failureSummary ?? ''}`),
      nodes: violation.nodes.length,
    }));
  }, TAGS);
  const byImpact: Record<string, number> = {};
  for (const violation of violations) {
    const impact = violation.impact ?? 'unknown';
    byImpact[impact] = (byImpact[impact] ?? 0) + violation.nodes;
  }
  const total = { label, byImpact, violations };
  axeTotals.push(total);
  return total;
}

/** Fails (with the offending rules and elements) when axe finds a serious or critical violation. */
export async function expectNoSeriousAxe(page: Page, label: string): Promise<void> {
  const { violations } = await runAxe(page, label);
  const blocking = violations.filter((violation) => BLOCKING.has(violation.impact ?? ''));
  if (blocking.length === 0) return;
  const detail = blocking
    .map(
      (violation) =>
        `- ${violation.id} (${violation.impact}, ${violation.nodes}×): ${violation.help}\n    ${violation.targets.join('\n    ')}`,
    )
    .join('\n');
  throw new Error(`axe: serious or critical violations on ${label}:\n${detail}`);
}

/** One line per page: nodes by impact, for the report. */
export function axeSummary(totals: readonly AxeTotal[] = axeTotals): string {
  return totals
    .map((total) => {
      const counts = ['critical', 'serious', 'moderate', 'minor']
        .map((impact) => `${impact[0]}${total.byImpact[impact] ?? 0}`)
        .join(' ');
      const rules = total.violations.map((violation) => `${violation.id}×${violation.nodes}`).join(', ');
      return `${total.label.padEnd(44)} ${counts}${rules ? `  ${rules}` : ''}`;
    })
    .join('\n');
}
