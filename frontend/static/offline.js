// The only script of the reading pages, and they work without it: it lets the service worker
// (/sw.js) keep the pages read here for reading offline, with this first page and the articles
// the page marks `data-offline` (the latest campaign's), unless the reader asked to save data,
// and it offers the phone's share sheet for an article (campaigns spread by sharing).
if ("serviceWorker" in navigator) {
  navigator.serviceWorker
    .register("/sw.js")
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => {
      const saveData = navigator.connection && navigator.connection.saveData;
      const keep = [location.pathname + location.search];
      if (!saveData) {
        for (const link of document.querySelectorAll("a[data-offline]")) keep.push(link.getAttribute("href"));
      }
      if (registration.active) registration.active.postMessage({ keep });
    })
    .catch(() => {});
}

// Says so when the phone is offline (the page then comes from the copies kept here).
const notice = document.querySelector("[data-offline-notice]");
if (notice) {
  const show = () => (notice.hidden = navigator.onLine);
  addEventListener("online", show);
  addEventListener("offline", show);
  show();
}

// An article's share button, where the browser has a share sheet; the link beside it works
// everywhere.
if (navigator.share) {
  for (const button of document.querySelectorAll("button[data-share]")) {
    button.hidden = false;
    button.addEventListener("click", () => {
      navigator.share({ title: button.dataset.title, url: button.dataset.share }).catch(() => {});
    });
  }
}
