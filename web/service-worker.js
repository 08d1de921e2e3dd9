// Service worker of the published page (dist/, made by scripts/make_dist.sh): keeps the page's
// files and, once the page has loaded it, MNIST in the browser's Cache Storage, so that the page
// opens and trains offline after the first visit.
//
// Two caches per scope (a course site may publish several copies under one origin; each copy
// only ever touches caches named after its own scope):
//   <scope> page <version>   index.html, the js, the wasm and the .data file, fetched when the
//                            worker installs; answered cache-first: they always come from one
//                            build, so the js and the wasm match
//   <scope> data <version>   the MNIST files, stored the first time the page fetches them
// A new build has a new version (a hash of its files): its worker installs beside the old one
// and takes over when the page tells it to (once that page has everything it needs, see
// web/shell.html) or when no page uses the old one; it then deletes the caches of older builds.

// The build's files and versions (a hash of the files' bytes, one after the other):
// scripts/make_dist.sh writes this line into its copy.
const BUILD = { page: { version: 'unbuilt', files: [] }, data: { version: 'unbuilt', files: [] } };

const SCOPE = self.registration.scope;                 // e.g. https://example.edu/courses/nn/
const CACHE_PREFIX = `mlp-playground ${SCOPE} `;
const PAGE_CACHE = `${CACHE_PREFIX}page ${BUILD.page.version}`;
const DATA_CACHE = `${CACHE_PREFIX}data ${BUILD.data.version}`;
const INDEX = 'index.html';

// Path of a URL relative to the scope ('' for the scope itself), or null outside it.
function inScope(url) {
  return url.startsWith(SCOPE) ? new URL(url).pathname.slice(new URL(SCOPE).pathname.length) : null;
}

// First 16 hex digits of the SHA-256 of the buffers one after the other (as scripts/make_dist.sh
// hashes the files).
async function hashOf(buffers) {
  const all = new Uint8Array(buffers.reduce((n, b) => n + b.byteLength, 0));
  buffers.reduce((at, b) => { all.set(new Uint8Array(b), at); return at + b.byteLength; }, 0);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', all));
  return Array.from(digest.slice(0, 8), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

// The page's files fetched with `mode`, and whether they are this build's.
async function fetchPage(mode) {
  const responses = await Promise.all(BUILD.page.files.map((file) => fetch(new Request(file, { cache: mode }))));
  const failed = responses.findIndex((r) => !r.ok);
  if (failed >= 0) throw new Error(`${BUILD.page.files[failed]}: HTTP ${responses[failed].status}`);
  const bodies = await Promise.all(responses.map((r) => r.clone().arrayBuffer()));
  return { responses, current: (await hashOf(bodies)) === BUILD.page.version };
}

// Stores the page's files, all of this build (so the js and the wasm match). First as a
// conditional request (a file the browser already holds and the server still has costs a 304,
// not a second download), then, if that gave files of another build (one changed within the
// second of its date), straight from the server. If the server still has others (a folder half
// uploaded, or a server that rewrites the page, e.g. with a script of its own), the install
// fails and the build in charge stays; the browser tries again at a later visit.
async function storePage() {
  let page = await fetchPage('no-cache');
  if (!page.current) page = await fetchPage('reload');
  if (!page.current) throw new Error(`the server's files are not those of build ${BUILD.page.version}`);
  const cache = await caches.open(PAGE_CACHE);
  await Promise.all(BUILD.page.files.map((file, i) => cache.put(file, page.responses[i])));
}

async function deleteOlderBuilds() {
  const keep = new Set([PAGE_CACHE, DATA_CACHE]);
  const names = await caches.keys();
  await Promise.all(names.filter((n) => n.startsWith(CACHE_PREFIX) && !keep.has(n)).map((n) => caches.delete(n)));
}

// The page's files: from this build's cache (the network only if the cache was cleared).
async function fromPage(file, request) {
  const cached = await caches.match(file, { cacheName: PAGE_CACHE });
  return cached || fetch(request);
}

// MNIST: from the cache, else from the network, stored on the way to the page.
async function fromData(file, event) {
  const cache = await caches.open(DATA_CACHE);
  const cached = await cache.match(file);
  if (cached) return cached;
  const response = await fetch(event.request);
  if (response.ok) event.waitUntil(cache.put(file, response.clone()));
  return response;
}

self.addEventListener('install', (event) => event.waitUntil(storePage()));

self.addEventListener('activate', (event) => {
  event.waitUntil(deleteOlderBuilds().then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  if (event.data === 'take-over') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const file = inScope(request.url);
  if (file === null) return;
  if (request.mode === 'navigate' && (file === '' || file === INDEX)) {
    event.respondWith(fromPage(INDEX, request));
  } else if (BUILD.page.files.includes(file)) {
    event.respondWith(fromPage(file, request));
  } else if (BUILD.data.files.includes(file)) {
    event.respondWith(fromData(file, event));
  }
});
