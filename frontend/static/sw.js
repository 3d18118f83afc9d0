// Sanad's service worker: keeps the reading pages (each language's home page, /learn and every
// article opened, and the articles of the latest campaign) readable without a network. It keeps
// nothing else: no form, no report, no follow-up, nothing a tipster or a family sends or reads,
// and never a request other than GET. The server fills in the version and the files every page
// links, so a new version replaces the old copies.
const VERSION = "{{version}}";
const SHELL = {{shell}};
const CACHE = `sanad-read-${VERSION}`;

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
        Promise.all(
          keys
            .filter((key) => (key.startsWith("sanad-read-") || key.startsWith("sanad-learn-")) && key !== CACHE)
            .map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

const READING = /^\/(ar|ckb|kmr|en)\/(learn(\/[a-z0-9-]+)?)?$/;

/// What a request is to the reading pages: a page, an asset, a picture, or none of their
/// business (left to the network untouched).
function kindOf(url) {
  if (url.origin !== self.location.origin) return null;
  const path = url.pathname;
  if (READING.test(path)) return "page";
  if (path.startsWith("/assets/")) return "asset";
  if (path.startsWith("/media/")) return "asset";
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
  // Pages: the network first (fresh when there is one), the kept copy offline.
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) keep(request, response.clone());
        return response;
      })
      .catch(() => caches.match(request, { ignoreVary: true }).then((kept) => kept || Response.error())),
  );
});

// A page asks for itself (the first page a reader opens is loaded before this worker runs) and
// for the latest campaign's articles; each is kept once, marked as a prefetch so the server
// does not count it as a read.
self.addEventListener("message", (event) => {
  const urls = event.data && Array.isArray(event.data.keep) ? event.data.keep : [];
  const wanted = urls.filter((u) => typeof u === "string" && kindOf(new URL(u, self.location.origin)) === "page");
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
