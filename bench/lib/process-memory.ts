/**
 * Resident memory of the processes this one started, from Linux's /proc: which of them run the
 * Worker, and how their RSS moves while something runs. Without /proc every figure is NaN.
 */
import { readdirSync, readFileSync } from "node:fs";

function parentOf(pid: string): number {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(text.slice(text.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return -1;
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\u0000", " ");
  } catch {
    return "";
  }
}

/** Descendants of `root` (this process by default) whose command line `select` accepts. */
export function descendantPids(
  select: (commandLine: string) => boolean,
  root: number = process.pid,
): number[] {
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((entry) => /^\d+$/.test(entry));
  } catch {
    return [];
  }
  const children = new Map<number, number[]>();
  for (const pid of pids) {
    const parent = parentOf(pid);
    children.set(parent, [...(children.get(parent) ?? []), Number(pid)]);
  }
  const found: number[] = [];
  const queue = [...(children.get(root) ?? [])];
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    if (select(commandLine(pid))) found.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

/**
 * Resident memory of `pids` together, in bytes (NaN when one cannot be read). `anonymous` counts
 * only memory that is not a mapped file (heaps, buffers): SQLite may map its database file, and
 * reading every row then shows the file in RSS without anything being held.
 */
export function residentBytes(pids: readonly number[], anonymous = false): number {
  if (pids.length === 0) return Number.NaN;
  let total = 0;
  for (const pid of pids) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const match = (anonymous ? /^RssAnon:\s+(\d+) kB$/m : /^VmRSS:\s+(\d+) kB$/m).exec(status);
      total += match === null ? Number.NaN : Number(match[1]) * 1024;
    } catch {
      return Number.NaN;
    }
  }
  return total;
}

/** Resident memory: all of it (VmRSS) and the part that is no mapped file (RssAnon). */
export interface ResidentMemory {
  totalBytes: number;
  anonymousBytes: number;
}

/** Resident memory before a task and the most seen while it ran (sampled every `everyMs`). */
export async function peakResidentDuring<T>(
  pids: readonly number[],
  task: () => Promise<T>,
  everyMs = 10,
): Promise<{ result: T; before: ResidentMemory; peak: ResidentMemory }> {
  const read = (): ResidentMemory => ({
    totalBytes: residentBytes(pids),
    anonymousBytes: residentBytes(pids, true),
  });
  const before = read();
  const peak = { ...before };
  const sample = () => {
    const now = read();
    peak.totalBytes = Math.max(peak.totalBytes, now.totalBytes);
    peak.anonymousBytes = Math.max(peak.anonymousBytes, now.anonymousBytes);
  };
  const timer = setInterval(sample, everyMs);
  try {
    const result = await task();
    sample();
    return { result, before, peak };
  } finally {
    clearInterval(timer);
  }
}
