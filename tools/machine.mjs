// How busy the machine was just before a benchmark: the share of every core's time spent on
// anything in one second (from the kernel's counters, as `top` reads them), printed as a line each
// benchmark starts with. A benchmark's figures hold for a quiet machine: with a release build
// running beside it on this 2-core machine, the Monte Carlo's 1,000 x 120 took 16.0 ms natively
// instead of 8.0 and 44.9 ms in Chromium instead of 23.2, and Lighthouse's blocking time on the
// casework view was 103 ms instead of 56 (2026-12-04). The line shows when a figure was taken so.
// It cannot show the host's other guests: at 0-1% busy by this count, the native Monte Carlo's
// median still went from 8.6 to 13.1 ms between one process and the next (its fastest 8.3 to 12.4)
// for minutes at a time, so the Monte Carlo benchmarks print the fastest beside the median.
//   node tools/machine.mjs           print the line (`make bench` does before each benchmark)
//   import { busy } from './machine.mjs'; console.log(await busy());
import os from 'node:os';
import { fileURLToPath } from 'node:url';

/** Above this share of the machine busy beforehand, the line says the figures will be slower. */
export const BUSY = 0.15;

const ticks = () => os.cpus().reduce((t, c) => {
  const all = Object.values(c.times).reduce((a, b) => a + b, 0);
  return { all: t.all + all, idle: t.idle + c.times.idle };
}, { all: 0, idle: 0 });

/** The share (0-1) of the machine's cores that were busy during the next `ms` milliseconds. */
export async function share(ms = 1000) {
  const a = ticks();
  await new Promise((r) => setTimeout(r, ms));
  const b = ticks();
  const all = b.all - a.all;
  return all > 0 ? 1 - (b.idle - a.idle) / all : 0;
}

/** The line for a busy share `s`: cores, the share, and a warning when it is over `BUSY`. */
export function line(s) {
  const said = `machine: ${os.cpus().length} cores, ${Math.round(s * 100)}% busy in the second before the benchmark`;
  return s > BUSY
    ? `${said}. WARNING: something else is running; these figures will be slower than on a quiet machine`
    : said;
}

/** The line for the second from now. */
export async function busy() {
  return line(await share());
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await busy());
