// One Percent's Monte Carlo worker, started by src/web.rs. The page sends its glue's address and
// its own compiled wasm module once (nothing is downloaded again), then requests
// (model::montecarlo::wire). The newest request wins: an older one stops between slices and is
// never answered. Any failure is answered with a text, and the page computes the bands itself.
// Where the machine runs more than one thread at once, this worker (the lead) starts a second one
// from the same file and module and hands it the second half of each request's runs; it takes in
// what that one observed (mc_merge) and computes the bands. A part that is not for this request
// is dropped; a failed one is run by the lead itself (mc_merge of nothing): the same runs, so the
// same bands either way. A second worker that fails is not asked again.
let app, helper, waiting, wake;
let newest = 0;
// Between slices a newer request may come in: a message to itself lets it, without the 4 ms a
// chain of timers waits (20 slices of setTimeout held 1,000 runs back by about 55 ms).
const channel = new MessageChannel();
channel.port1.onmessage = () => wake();
// The second worker answers with a part (numbers, the request's id first) or a text (it failed);
// a part of an older request is dropped (its id differs), anything else is taken to mc_merge,
// which runs itself what it cannot take in.
const parted = (part) => waiting && !(part[0] - waiting.id) && waiting.go(part);
onmessage = async ({ data }) => {
  if (Array.isArray(data)) {
    app = import(data[0]).then(async (m) => (await m.default({ module_or_path: data[1] }), m));
    app.catch((e) => postMessage(String(e)));
    if (!data[2] && navigator.hardwareConcurrency > 1) {
      try {
        helper = new Worker(location.href, { type: 'module' });
        helper.onmessage = (e) => parted(e.data);
        helper.onerror = () => parted([], (helper = 0));
        helper.postMessage([...data, 1]);
      } catch {}
    }
    return;
  }
  const id = ++newest;
  const run = async (m) => {
    while (!m.mc_step(50)) {
      await new Promise((go) => ((wake = go), channel.port2.postMessage(0)));
      if (id !== newest) throw 0;
    }
  };
  try {
    const m = await app;
    if (id !== newest) return;
    // A request is [id, runs, ...] (model::montecarlo::wire::request); fewer than 100 runs are not
    // worth handing off.
    const from = !data.from && helper && data[1] >= 100 && Math.ceil(data[1] / 2);
    if (!m.mc_start(data.request || data, data.from || 0, from || 1e4)) throw 'not a request';
    const part = from && new Promise((go) => (waiting = { id: data[0], go }));
    if (from) helper.postMessage({ request: data, from });
    await run(m);
    if (part) {
      const got = await part;
      if (id !== newest) return;
      m.mc_merge(got);
      await run(m);
    }
    const answer = m.mc_answer();
    postMessage(answer, [answer.buffer]);
  } catch (e) {
    if (id === newest) postMessage(String(e));
  }
};
