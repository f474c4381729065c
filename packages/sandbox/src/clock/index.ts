export type { Clock, TimerHandle } from "./clock.ts";
export { systemClock } from "./clock.ts";
export type { ManualClock } from "./manual-clock.ts";
export { createManualClock } from "./manual-clock.ts";
