/**
 * Statistical disclosure control for published counts: the one place where the rules live.
 *
 * A report is a table of counts (rows × columns; a one-dimensional report is one column) with row totals,
 * column totals and a grand total. In a small community a count of 1 can identify a family, so:
 *
 * 1. **Primary suppression.** Every count below the organisation's threshold — interior cells and totals
 *    alike, zero included — is published as "below the threshold", never as its value.
 * 2. **Secondary suppression.** Publishing the totals must not let anyone recompute a suppressed count. Write
 *    the table with its totals as an (m+1)×(n+1) table whose rows and columns all sum to zero (row totals and
 *    column totals negated, grand total as is). The suppressed cells are then the edges of a bipartite graph
 *    between its rows and columns, and a suppressed cell can be solved for exactly when its edge is a bridge
 *    (lies on no cycle). So while a bridge remains, we suppress the cheapest rectangle of cells that puts it on
 *    a cycle (cost: the counts we hide, so small cells go before totals).
 * 3. **Rounding** (optional): published counts are rounded to the nearest 5.
 *
 * What this does not promise: intervals. Everyone knows counts are not negative, so a row such as
 * "<5, 7, total 7" tells a reader that the hidden count is 0. Revealing that nobody is in a cell is not a
 * disclosure about a person, and the threshold keeps every non-zero hidden count at least one person wide.
 */

export interface DisclosureRules {
  /** Counts below this are never published (3–10, default 5). */
  threshold: number;
  /** Publish counts rounded to the nearest 5. */
  roundToFive: boolean;
}

/** `below_threshold`: the count itself is small; `protects_other`: hidden so a small one cannot be solved. */
export type SuppressionReason = 'below_threshold' | 'protects_other';

export type PublishedCount =
  { kind: 'count'; value: number } | { kind: 'suppressed'; reason: SuppressionReason };

export interface ProtectedTable {
  cells: PublishedCount[][];
  rowTotals: PublishedCount[];
  columnTotals: PublishedCount[];
  total: PublishedCount;
}

export const DEFAULT_DISCLOSURE_RULES: DisclosureRules = { threshold: 5, roundToFive: false };

/** The zero-sum table: interior counts, negated row totals in the last column, negated column totals in the
 * last row, the grand total in the corner. Magnitudes are what we compare and publish. */
function extend(counts: number[][]): number[][] {
  const columns = counts[0]?.length ?? 0;
  const rowTotals = counts.map((row) => row.reduce((sum, value) => sum + value, 0));
  const columnTotals = Array.from({ length: columns }, (_, j) =>
    counts.reduce((sum, row) => sum + row[j]!, 0),
  );
  const total = rowTotals.reduce((sum, value) => sum + value, 0);
  return [...counts.map((row, i) => [...row, rowTotals[i]!]), [...columnTotals, total]];
}

/** Suppressed cells of the extended table that lie on no cycle (Tarjan's bridges on the bipartite graph). */
function bridges(hidden: boolean[][]): Array<[number, number]> {
  const rows = hidden.length;
  const columns = hidden[0]!.length;
  // Nodes 0..rows-1 are rows, rows..rows+columns-1 are columns.
  const order = new Array<number>(rows + columns).fill(-1);
  const low = new Array<number>(rows + columns).fill(0);
  const found: Array<[number, number]> = [];
  let counter = 0;
  const neighbours = (node: number): number[] => {
    const result: number[] = [];
    if (node < rows) {
      for (let j = 0; j < columns; j++) if (hidden[node]![j]) result.push(rows + j);
    } else {
      for (let i = 0; i < rows; i++) if (hidden[i]![node - rows]) result.push(i);
    }
    return result;
  };
  const visit = (node: number, parent: number) => {
    order[node] = low[node] = counter++;
    for (const next of neighbours(node)) {
      if (next === parent) continue; // Simple graph: at most one edge between a row and a column.
      if (order[next] === -1) {
        visit(next, node);
        low[node] = Math.min(low[node], low[next]!);
        if (low[next]! > order[node]) {
          found.push(node < rows ? [node, next - rows] : [next, node - rows]);
        }
      } else {
        low[node] = Math.min(low[node], order[next]!);
      }
    }
  };
  for (let node = 0; node < rows + columns; node++) if (order[node] === -1) visit(node, -1);
  return found;
}

/** The rectangle through (row, column) that hides the least: returns the cells to add. */
function cheapestRectangle(values: number[][], hidden: boolean[][], row: number, column: number) {
  let best: { cost: number; count: number; cells: Array<[number, number]> } | undefined;
  for (let i = 0; i < values.length; i++) {
    if (i === row) continue;
    for (let j = 0; j < values[0]!.length; j++) {
      if (j === column) continue;
      const cells = (
        [
          [row, j],
          [i, j],
          [i, column],
        ] as Array<[number, number]>
      ).filter(([a, b]) => !hidden[a]![b]);
      const cost = cells.reduce((sum, [a, b]) => sum + Math.abs(values[a]![b]!), 0);
      if (!best || cost < best.cost || (cost === best.cost && cells.length < best.count)) {
        best = { cost, count: cells.length, cells };
      }
    }
  }
  return best?.cells ?? [];
}

function publish(value: number, hidden: boolean, small: boolean, rules: DisclosureRules): PublishedCount {
  if (hidden) return { kind: 'suppressed', reason: small ? 'below_threshold' : 'protects_other' };
  return { kind: 'count', value: rules.roundToFive ? Math.round(value / 5) * 5 : value };
}

/**
 * Publishes a table of counts under the organisation's disclosure rules. `counts` is rows × columns of
 * non-negative integers (all rows the same length); a one-dimensional report passes one column and shows only
 * the column total.
 */
export function protectTable(
  counts: number[][],
  rules: DisclosureRules = DEFAULT_DISCLOSURE_RULES,
): ProtectedTable {
  if (counts.length === 0 || counts[0]!.length === 0) {
    const total = publish(0, true, true, rules);
    return { cells: counts.map(() => []), rowTotals: counts.map(() => total), columnTotals: [], total };
  }
  const values = extend(counts);
  const small = values.map((row) => row.map((value) => value < rules.threshold));
  const hidden = small.map((row) => [...row]);
  for (;;) {
    const open = bridges(hidden);
    if (open.length === 0) break;
    const [row, column] = open[0]!;
    for (const [i, j] of cheapestRectangle(values, hidden, row, column)) hidden[i]![j] = true;
  }
  const at = (i: number, j: number) => publish(values[i]![j]!, hidden[i]![j]!, small[i]![j]!, rules);
  const m = counts.length;
  const n = counts[0]!.length;
  return {
    cells: counts.map((row, i) => row.map((_, j) => at(i, j))),
    rowTotals: counts.map((_, i) => at(i, n)),
    columnTotals: counts[0]!.map((_, j) => at(m, j)),
    total: at(m, n),
  };
}

/** A group's durations as the database summarised them: how many, the median and the 90th percentile. */
export interface DurationSummary {
  n: number;
  median: number;
  p90: number;
}

export type PublishedDurationValue = { kind: 'value'; median: number; p90: number } | { kind: 'suppressed' };

/**
 * Publishes the median and 90th percentile of a group's durations (in hours, to one decimal) only where the
 * group's count itself is published — not below the threshold, not hidden to protect another cell — and the
 * group holds at least the threshold's number of cases. A median of two cases is nearly each of them; a
 * statistic beside a hidden count would tell that the group is not empty, and let one guess its size.
 */
export function publishDuration(
  count: PublishedCount,
  summary: DurationSummary | undefined,
  rules: DisclosureRules,
): PublishedDurationValue {
  if (count.kind !== 'count' || !summary || summary.n < rules.threshold) return { kind: 'suppressed' };
  const round = (hours: number) => Math.round(Math.max(0, hours) * 10) / 10;
  return { kind: 'value', median: round(summary.median), p90: round(summary.p90) };
}

/** A group of activities as the database summarised it: how many, their attendees and facilitator hours. */
export interface ReachSummary {
  n: number;
  attendees: number;
  facilitatorHours: number;
}

export type PublishedReachValue =
  { kind: 'value'; attendees: number; facilitatorHours: number } | { kind: 'suppressed' };

/**
 * Publishes the reach of a group of activities (attendees, facilitator hours to one decimal) under the same
 * condition as a duration: only where the group's count is published and holds at least the threshold's
 * number of activities — hours beside a hidden count would tell the group is not empty, and the hours of one
 * activity are one facilitator's evening. Attendees are rounded to the nearest five where counts are.
 */
export function publishReach(
  count: PublishedCount,
  summary: ReachSummary | undefined,
  rules: DisclosureRules,
): PublishedReachValue {
  if (count.kind !== 'count' || !summary || summary.n < rules.threshold) return { kind: 'suppressed' };
  const attendees = Math.max(0, Math.round(summary.attendees));
  return {
    kind: 'value',
    attendees: rules.roundToFive ? Math.round(attendees / 5) * 5 : attendees,
    facilitatorHours: Math.round(Math.max(0, summary.facilitatorHours) * 10) / 10,
  };
}
