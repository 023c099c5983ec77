// One Percent's add1 helper, started (once or twice) by the ballots page (src/app/ballots_helpers.rs).
// The page sends its glue's address and its own compiled wasm module once (nothing is downloaded
// again), then requests [id, numbers, ids]: this helper's share of the blocks of shares of an MES
// add1 counting (ballots::add1::Add1Job). It answers each block as soon as it is counted
// ([id, block, countings, verdicts...]) and stops after a block that ends the counting, or when
// anything newer comes (a request, or a number: stop). Any failure is answered with a text, and the
// page counts by itself.
let app, wake;
let newest = 0;
// Between blocks a newer message may come in: a message to itself lets it, without a timer's wait.
const channel = new MessageChannel();
channel.port1.onmessage = () => wake();
onmessage = async ({ data }) => {
  if (Array.isArray(data) && data.length === 2) {
    app = import(data[0]).then(async (m) => (await m.default({ module_or_path: data[1] }), m));
    app.catch((e) => postMessage(String(e)));
    return;
  }
  const id = ++newest;
  if (!Array.isArray(data)) return;
  try {
    const m = await app;
    if (id !== newest) return;
    if (!m.add1_start(data[0], data[1], data[2])) throw 'not a request';
    for (let block; (block = m.add1_block()).length; ) {
      postMessage(block, [block.buffer]);
      await new Promise((go) => ((wake = go), channel.port2.postMessage(0)));
      if (id !== newest) return;
    }
  } catch (e) {
    if (id === newest) postMessage(String(e));
  }
};
