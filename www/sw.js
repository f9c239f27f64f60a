// The service worker: precaches every asset of the page and serves them cache-first, so that the
// page (and an installed copy) works with the network off.
//
// precache.js is written at build time (scripts/build-page.mjs): the list of assets and a version
// hashed from their contents. A rebuilt asset changes the version, so the browser (which re-checks
// imported scripts for changes too) installs this worker again into a new cache, and the old cache
// is deleted when it takes over.
importScripts("precache.js");

const { version, assets } = self.CLAIMLENS_PRECACHE;
const CACHE = `claimlens-${version}`;

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(assets.map((a) => new Request(a, { cache: "reload" })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith("claimlens-") && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const hit = await cache.match(request, { ignoreSearch: true });
      if (hit) return hit;
      try {
        return await fetch(request);
      } catch (e) {
        // offline, and not precached: a page navigation gets the page itself
        if (request.mode === "navigate") return (await cache.match("./")) ?? Response.error();
        throw e;
      }
    })(),
  );
});
