// One Percent's service worker: once the app has loaded, every page works offline, also after a
// reload. tools/make_sw.py writes the release's file list and version into dist/sw.js; a new
// release is a new version, whose cache replaces the old one (activate deletes other versions).
const CACHE = 'onepercent-__VERSION__';
const FILES = __FILES__;

self.addEventListener('install', (event) => {
  // From the server, not the browser's HTTP cache, which may still hold the last release's files.
  const fresh = FILES.map((f) => new Request(f, { cache: 'reload' }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(fresh)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('onepercent-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

// The app's own files from the cache (the query of a page is its scenario, not another file);
// anything else from the network.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(caches.open(CACHE)
    .then((cache) => cache.match(request, { ignoreSearch: true }))
    .then((hit) => hit || fetch(request)));
});
