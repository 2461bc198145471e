/** What each benchmark file's `run()` returns; `bench/run.ts` prints them. */
export interface BenchResult {
  name: string;
  figures: Record<string, number | string>;
}
