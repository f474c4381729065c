/**
 * Where the CPU time goes during a benchmark, from Linux's /proc: this process, each process it
 * started (directly or not, grouped by a label: the command name unless a labeller says
 * otherwise), and the whole machine, so that time taken by unrelated work on a shared host shows
 * up as such. Without /proc the children are missing and the machine figure is NaN.
 */
import { readdirSync, readFileSync } from "node:fs";

/** CPU seconds used so far, by group. */
export interface CpuSnapshot {
  /** This process (user + system). */
  self: number;
  /** Processes started by this one, by label. */
  children: Record<string, number>;
  /** Every process on the machine (busy time of all cores). */
  machine: number;
}

/** Used CPU between two snapshots, in seconds. */
export interface CpuUsage {
  self: number;
  children: Record<string, number>;
  /** Machine time not used by this process or its children. */
  others: number;
  machine: number;
}

const TICKS_PER_SECOND = 100;

interface ProcStat {
  pid: number;
  ppid: number;
  name: string;
  seconds: number;
}

function readStat(pid: string): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may hold spaces; the fields after it are plain.
    const open = text.indexOf("(");
    const close = text.lastIndexOf(")");
    const fields = text.slice(close + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    return {
      pid: Number(pid),
      ppid: Number(fields[1]),
      name: text.slice(open + 1, close),
      seconds: ticks / TICKS_PER_SECOND,
    };
  } catch {
    // The process ended meanwhile, or there is no /proc.
    return null;
  }
}

function machineSeconds(): number {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
    // cpu user nice system idle iowait irq softirq steal ...
    const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
    const busy = [user, nice, system, irq, softirq, steal].reduce<number>(
      (a, b) => a + (b ?? 0),
      0,
    );
    return busy / TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

/** Names a descendant process's group from its command name and command line. */
export type ProcessLabeller = (name: string, commandLine: string) => string;

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\u0000", " ");
  } catch {
    return "";
  }
}

/** Reads the CPU time used so far by this process, its descendants and the machine. */
export function cpuSnapshot(label: ProcessLabeller = (name) => name): CpuSnapshot {
  const usage = process.cpuUsage();
  const self = (usage.user + usage.system) / 1e6;
  const children: Record<string, number> = {};
  let pids: string[] = [];
  try {
    pids = readdirSync("/proc").filter((entry) => /^\d+$/.test(entry));
  } catch {
    return { self, children, machine: Number.NaN };
  }
  const stats = pids.map(readStat).filter((s): s is ProcStat => s !== null);
  const byParent = new Map<number, ProcStat[]>();
  for (const stat of stats) {
    const siblings = byParent.get(stat.ppid) ?? [];
    siblings.push(stat);
    byParent.set(stat.ppid, siblings);
  }
  const queue = [...(byParent.get(process.pid) ?? [])];
  for (let stat = queue.shift(); stat !== undefined; stat = queue.shift()) {
    const group = label(stat.name, commandLine(stat.pid));
    children[group] = (children[group] ?? 0) + stat.seconds;
    queue.push(...(byParent.get(stat.pid) ?? []));
  }
  return { self, children, machine: machineSeconds() };
}

/**
 * CPU used between `before` and `after`. A child that started or ended in between is counted
 * from zero or not at all, so take both snapshots while the processes of interest run.
 */
export function cpuUsageBetween(before: CpuSnapshot, after: CpuSnapshot): CpuUsage {
  const children: Record<string, number> = {};
  for (const [name, seconds] of Object.entries(after.children)) {
    children[name] = Math.max(0, seconds - (before.children[name] ?? 0));
  }
  const self = after.self - before.self;
  const machine = after.machine - before.machine;
  const ours = self + Object.values(children).reduce((a, b) => a + b, 0);
  return { self, children, others: Math.max(0, machine - ours), machine };
}
