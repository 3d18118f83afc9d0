// Sanad's service worker: keeps the reading pages (/learn), every article opened and the
// articles of the latest campaign readable without a network. It keeps nothing else: no report, no follow-up, nothing a tipster or a
// family sends or reads, and never a request other than GET. xtask fills in the version and the
// files of the reading app at build time, so a new build replaces the old copies.
const VERSION = "{{version}}";
const SHELL = {{shell}};
const CACHE = `sanad-learn-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((key) => key.startsWith("sanad-learn-") && key !== CACHE).map((key) => caches.delete(key))),
      )
      .then(() => self.clients.claim()),
  );
});

/// What a request is to the reading pages: their page, an asset, data they show, or none of
/// their business (left to the network untouched).
function kindOf(url) {
  if (url.origin !== self.location.origin) return null;
  const path = url.pathname;
  if (path === "/learn" || path.startsWith("/learn/")) return "page";
  if (path.startsWith("/assets/")) return "asset";
  if (
    path === "/api/v1/articles" ||
    path.startsWith("/api/v1/articles/") ||
    path.startsWith("/api/v1/locales/") ||
    path === "/api/v1/languages" ||
    path.startsWith("/media/")
  ) {
    return "data";
  }
  return null;
}

function keep(key, response) {
  return caches.open(CACHE).then((cache) => cache.put(key, response));
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  const kind = kindOf(url);
  if (kind === null) return;
  if (kind === "asset") {
    // Content-hashed names: a kept copy is always the right one.
    event.respondWith(
      caches.match(request, { ignoreVary: true }).then(
        (kept) =>
          kept ||
          fetch(request).then((response) => {
            if (response.ok) keep(request, response.clone());
            return response;
          }),
      ),
    );
    return;
  }
  // Pages and data: the network first (fresh when there is one), the kept copy offline. Every
  // /learn address is the same app page, kept once under /learn.
  const key = kind === "page" ? "/learn" : request;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) keep(key, response.clone());
        return response;
      })
      .catch(() => caches.match(key, { ignoreVary: true }).then((kept) => kept || Response.error())),
  );
});

// The reading page names the latest campaign's articles; they are kept ahead, once each, marked
// as a prefetch so the server does not count them as reads.
self.addEventListener("message", (event) => {
  const urls = event.data && Array.isArray(event.data.keep) ? event.data.keep : [];
  const wanted = urls.filter((u) => typeof u === "string" && kindOf(new URL(u, self.location.origin)) === "data");
  event.waitUntil(
    Promise.all(
      wanted.map((u) =>
        caches.match(u, { ignoreVary: true }).then(
          (kept) =>
            kept ||
            fetch(u, { headers: { Purpose: "prefetch" } })
              .then((response) => (response.ok ? keep(u, response) : undefined))
              .catch(() => undefined),
        ),
      ),
    ),
  );
});
