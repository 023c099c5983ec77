// One Percent's Monte Carlo worker, started by src/web.rs. The page sends its glue's address and
// its own compiled wasm module once (nothing is downloaded again), then requests
// (model::montecarlo::wire). The newest request wins: an older one stops between slices and is
// never answered. Any failure is answered with a text, and the page computes the bands itself.
let app;
let newest = 0;
onmessage = async ({ data }) => {
  if (Array.isArray(data)) {
    app = import(data[0]).then(async (m) => (await m.default({ module_or_path: data[1] }), m));
    app.catch((e) => postMessage(String(e)));
    return;
  }
  const id = ++newest;
  try {
    const m = await app;
    if (id !== newest) return;
    if (!m.mc_start(data)) throw 'not a request';
    while (!m.mc_step(50)) {
      await new Promise((go) => setTimeout(go));
      if (id !== newest) return;
    }
    const answer = m.mc_answer();
    postMessage(answer, [answer.buffer]);
  } catch (e) {
    postMessage(String(e));
  }
};
