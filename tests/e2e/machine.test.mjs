// The benchmarks' first line (tools/machine.mjs): how busy the machine was. Not a browser test; it
// sits with the other Node tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { share, line, BUSY } from '../../tools/machine.mjs';

test('every core kept busy during the reading shows as a busy machine', async () => {
  // A thread per core, each spinning for longer than the reading.
  const spin = os.cpus().map(() => new Worker('const end = Date.now() + 1500; while (Date.now() < end);', { eval: true }));
  const s = await share(1000);
  await Promise.all(spin.map((w) => new Promise((r) => w.on('exit', r))));
  assert.ok(s >= 0.8 && s <= 1, `busy share ${s} with all ${os.cpus().length} cores spinning`);
});

test('the line names the cores and the share, and warns only above the threshold', () => {
  const cores = `machine: ${os.cpus().length} cores, `;
  assert.equal(line(0.04), `${cores}4% busy in the second before the benchmark`);
  assert.equal(line(BUSY), `${cores}${Math.round(BUSY * 100)}% busy in the second before the benchmark`);
  assert.match(line(0.97), new RegExp(`^${cores}97% busy .*WARNING: something else is running`));
});
