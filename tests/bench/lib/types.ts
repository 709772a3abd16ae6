/** What every benchmark returns: rows of one shared table (run.ts prints and stores them). */

export interface BenchRow {
  /** The benchmark file: bundle, queue, log, rest, collab, lighthouse. */
  benchmark: string;
  /** What was measured, e.g. `rank @ 100k open`. */
  case: string;
  /** Unit of p50…max and value: ms, KB, req/s, score… */
  unit: string;
  n?: number;
  p50?: number;
  p95?: number;
  p99?: number;
  max?: number;
  /** A single figure (a size, a throughput, a score). */
  value?: number;
  /** Anything else worth a glance (ratios, rates achieved, why a run is invalid). */
  note?: string;
  /** The target for this figure, when it has one. */
  target?: string;
  /** Whether the target was met; absent without a target. */
  met?: boolean;
}

export interface BenchOptions {
  /** Smaller sizes and shorter runs: a smoke run of the suite in a couple of minutes. */
  quick: boolean;
}

export type Bench = (opts: BenchOptions) => Promise<BenchRow[]>;
