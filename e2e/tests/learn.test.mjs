// The awareness articles in a real browser, rendered by the server: the list in Sorani with a
// topic filter and an article, with JavaScript on and off; an article that exists only in Arabic
// (the page says so and links the languages it has); and reading offline: the service worker
// keeps the first page read, the pages opened after it and the latest campaign's articles, and
// the page says it is offline. Along the way: axe-core on every screen and a 360 px screen.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { launch, openPage, axeViolations, axeViolationsWithoutScripts, baseUrl, screenshotsDir, message } from "./helpers.mjs";

const localesDir = process.env.SANAD_LOCALES || join(import.meta.dirname, "..", "..", "locales");
function articles(language, key) {
  const text = readFileSync(join(localesDir, language, "articles.ftl"), "utf8");
  const line = text.split("\n").find((l) => l.startsWith(`${key} =`));
  if (!line) throw new Error(`${language}/articles.ftl has no ${key}`);
  return line.slice(key.length + 2).trim();
}

async function fitsPhone(page, what) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${what} scrolls sideways by ${overflow} px at 360 px wide`);
}

const api = (path, init = {}) =>
  fetch(new URL(path, baseUrl), { ...init, headers: { "Content-Type": "application/json", ...(init.headers || {}) } });

let browser;
let noScript;
let axeBrowser;
before(async () => {
  browser = await launch();
  noScript = await launch({ javaScript: false });
  axeBrowser = await launch({ serviceWorkers: "block" });
  mkdirSync(screenshotsDir, { recursive: true });
});
after(async () => {
  if (browser) await browser.close();
  if (noScript) await noScript.close();
  if (axeBrowser) await axeBrowser.close();
});

for (const [how, which, suffix] of [["with JavaScript", () => browser, ""], ["without JavaScript", () => noScript, "-nojs"]]) {
  /// axe-core on the page shown, as this browser shows it.
  const axe = (page) =>
    suffix === "" ? axeViolations(page) : axeViolationsWithoutScripts(axeBrowser.context, new URL(page.url()).pathname + new URL(page.url()).search);
  test(`a reader lists the articles in Sorani, filters a topic and opens one, ${how}`, async () => {
    const { page, problems } = await openPage(which().context, "/ckb/learn");
    assert.equal(await page.evaluate(() => document.documentElement.lang), "ckb");
    assert.equal(await page.evaluate(() => document.documentElement.dir), "rtl");
    await page.getByRole("heading", { level: 1, name: message("ckb", "nav-learn") }).waitFor();
    const cards = page.locator(".article-card");
    const all = await cards.count();
    assert.ok(all >= 6, `the seed articles are listed (${all})`);
    assert.equal(await page.locator(".article-card[lang=ckb]").count(), all, "every seed article exists in Sorani");
    assert.deepEqual(await axe(page), [], "the article list");
    await fitsPhone(page, "the article list");
    await page.screenshot({ path: join(screenshotsDir, `learn-ckb${suffix}.png`), fullPage: true });

    await page.getByRole("link", { name: articles("ckb", "learn-category-law") }).click();
    await page.waitForURL((url) => url.pathname === "/ckb/learn" && url.search === "?category=law");
    const shown = await cards.count();
    assert.ok(shown > 0 && shown < all, `the topic narrows the list (${shown} of ${all})`);
    assert.equal(
      await page.getByRole("link", { name: articles("ckb", "learn-category-law") }).getAttribute("aria-current"),
      "page",
    );

    const link = cards.first().locator("h2 a");
    const title = (await link.textContent()).trim();
    await link.click();
    await page.waitForURL((url) => url.pathname.startsWith("/ckb/learn/"));
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    assert.ok((await page.locator(".article-body p").count()) > 1, "the body is shown");
    assert.equal(await page.locator(".article-body script, .article-body [onclick]").count(), 0);
    assert.ok((await page.title()).startsWith(title));
    assert.ok(await page.locator(".share a").first().isVisible());
    assert.ok(await page.locator("[data-offline-notice]").isHidden(), "online, no offline notice");
    assert.deepEqual(await axe(page), [], "an article");
    await fitsPhone(page, "an article");
    await page.screenshot({ path: join(screenshotsDir, `learn-article-ckb${suffix}.png`), fullPage: true });
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test("an article offers the phone's share sheet where there is one, and its link everywhere", async () => {
  const phone = await launch();
  try {
    // Chromium on a desktop has no share sheet: this one records what it would share.
    await phone.context.addInitScript(() => {
      window.__shared = [];
      navigator.share = (data) => {
        window.__shared.push(data);
        return Promise.resolve();
      };
    });
    const { page, problems } = await openPage(phone.context, "/ar/learn/the-law-on-joining-foreign-armies");
    const share = page.getByRole("button", { name: articles("ar", "learn-share") });
    await share.waitFor();
    await share.click();
    const shared = await page.evaluate(() => window.__shared);
    assert.equal(shared.length, 1);
    assert.equal(shared[0].url, await page.locator("link[rel=canonical]").getAttribute("href"), "the article's own address");
    assert.equal(shared[0].title, (await page.locator("h1").textContent()).trim());
    assert.deepEqual(await axeViolations(page), [], "an article with its share button");
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    await phone.close();
  }
  // Without a share sheet the button stays hidden; the link is there.
  const { page } = await openPage(browser.context, "/ar/learn/the-law-on-joining-foreign-armies");
  assert.ok(await page.locator("button[data-share]").isHidden());
  assert.ok(await page.locator(".share a").isVisible());
  await page.close();
});

test("an article that exists only in Arabic says so and links the languages it has", async () => {
  // An editor writes one in Arabic only and publishes it.
  const output = execFileSync(
    process.env.SANAD_BIN,
    ["create-admin", "--email", "editor@example.org", "--name", "Layla", "--language", "ar"],
    { env: { ...process.env, SANAD_DATA_DIR: process.env.SANAD_DATA_DIR }, encoding: "utf8" },
  );
  const secret = output.split("\n").find((l) => l.startsWith("http")).split("#")[1];
  const password = "Date palms of Basra, 1932";
  assert.equal((await api("/api/v1/auth/link/password", { method: "POST", body: JSON.stringify({ token: secret, password }) })).status, 204);
  const login = await api("/api/v1/auth/login", { method: "POST", body: JSON.stringify({ email: "editor@example.org", password }) });
  const auth = { Authorization: `Bearer ${(await login.json()).access_token}` };
  const created = await api("/api/v1/editor/articles", {
    method: "POST",
    headers: auth,
    body: JSON.stringify({ slug: "arabic-only-notice", category: "help", featured: false, needs_review: false }),
  });
  assert.equal(created.status, 201, await created.clone().text());
  const { id } = await created.json();
  const translated = await api(`/api/v1/editor/articles/${id}/translations/ar`, {
    method: "PUT",
    headers: auth,
    body: JSON.stringify({ title: "أرقام للمساعدة", summary: "أين تتصل إذا احتجت مساعدة.", body: "اتصل بنا في أي وقت.\n\nنحن هنا للمساعدة." }),
  });
  assert.ok(translated.ok, await translated.clone().text());
  const published = await api(`/api/v1/editor/articles/${id}/status`, { method: "POST", headers: auth, body: JSON.stringify({ status: "published" }) });
  assert.ok(published.ok, await published.clone().text());

  const { page, problems } = await openPage(noScript.context, "/en/learn/arabic-only-notice");
  await page.getByRole("heading", { level: 1, name: "أرقام للمساعدة" }).waitFor();
  await page.getByText(articles("en", "learn-fallback"), { exact: true }).waitFor();
  assert.equal(await page.locator("article.article").getAttribute("lang"), "ar");
  assert.equal(await page.locator("article.article").getAttribute("dir"), "rtl");
  const offered = page.locator(".language-links a");
  assert.equal(await offered.count(), 1);
  assert.equal(await offered.getAttribute("href"), "/ar/learn/arabic-only-notice");
  assert.deepEqual(await axeViolationsWithoutScripts(axeBrowser.context, "/en/learn/arabic-only-notice"), [], "an article in Arabic for an English reader");
  await page.screenshot({ path: join(screenshotsDir, "learn-fallback-en.png"), fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

/// Whether the service worker holds a copy of `path`.
const kept = (page, path) =>
  page.waitForFunction((url) => caches.match(url, { ignoreVary: true }).then((copy) => Boolean(copy)), path, {
    polling: 100,
    timeout: 10_000,
  });

test("the first page read, articles opened, the home page and the latest campaign's articles open offline", async () => {
  // A phone that never opened Sanad: its first page installs the service worker.
  const reader = await launch();
  const { page } = await openPage(reader.context, "/ar/learn");
  await page.locator(".article-card").first().waitFor();
  // The first visit installs the service worker; it keeps the page that installed it and the
  // latest campaign's articles, opened or not.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
    }
  });
  await kept(page, "/ar/learn");
  const unopened = page.locator(".article-card h2 a[data-offline]").last();
  const unopenedTitle = (await unopened.textContent()).trim();
  await kept(page, await unopened.getAttribute("href"));
  const link = page.locator(".article-card h2 a").first();
  const title = (await link.textContent()).trim();
  await link.click();
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
  const address = page.url();
  assert.ok(await page.locator("[data-offline-notice]").isHidden());
  await page.goto(new URL("/ar/", address).href);
  await kept(page, "/ar/");

  await page.context().setOffline(true);
  try {
    await page.reload();
    assert.equal((await page.locator("h1").textContent()).trim(), message("ar", "home-title"), "the home page offline");
    await page.goto(address);
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    assert.ok((await page.locator(".article-body p").count()) > 1, "the body is there offline");
    await page.getByText(articles("ar", "learn-offline")).waitFor();
    await page.screenshot({ path: join(screenshotsDir, "learn-offline-ar.png"), fullPage: true });

    // Back to the list, which was the first page read, and to an article of the campaign never
    // opened.
    await page.getByRole("link", { name: articles("ar", "learn-back") }).click();
    await page.locator(".article-card").first().waitFor();
    await page.getByText(articles("ar", "learn-offline")).waitFor();
    await page.getByRole("link", { name: unopenedTitle }).click();
    await page.getByRole("heading", { level: 1, name: unopenedTitle }).waitFor();
    assert.ok((await page.locator(".article-body p").count()) > 1, "the campaign's article is there offline");
  } catch (error) {
    await page.screenshot({ path: join(screenshotsDir, "learn-offline-failed.png"), fullPage: true });
    throw error;
  } finally {
    await page.context().setOffline(false);
    await reader.close();
  }
});

test("an editor writes an article in Arabic and Sorani, previews it, schedules it and publishes it", async () => {
  const output = execFileSync(
    process.env.SANAD_BIN,
    ["create-admin", "--email", "writer@example.org", "--name", "Hana", "--language", "en"],
    { env: { ...process.env, SANAD_DATA_DIR: process.env.SANAD_DATA_DIR }, encoding: "utf8" },
  );
  const secret = output.split("\n").find((l) => l.startsWith("http")).split("#")[1];
  const password = "Cedars of the Zagros, 1946";
  assert.equal((await api("/api/v1/auth/link/password", { method: "POST", body: JSON.stringify({ token: secret, password }) })).status, 204);

  const staff = (key) => {
    const text = readFileSync(join(localesDir, "en", "staff.ftl"), "utf8");
    const line = text.split("\n").find((l) => l.startsWith(`${key} =`));
    return line.slice(key.length + 2).trim();
  };
  const { page, problems } = await openPage(browser.context, "/staff?lang=en");
  await page.getByLabel(staff("staff-email")).fill("writer@example.org");
  await page.getByLabel(staff("staff-password")).fill(password);
  await page.getByRole("button", { name: staff("staff-sign-in") }).click();
  await page.getByRole("link", { name: articles("en", "staff-nav-articles") }).click();
  await page.locator(".article-row").first().waitFor();
  assert.ok((await page.locator(".article-row").count()) >= 6, "the seed articles are listed");
  await page.getByText(articles("en", "article-needs-review")).first().waitFor();
  assert.deepEqual(await axeViolations(page), [], "the editors' list");
  await fitsPhone(page, "the editors' list");

  await page.getByText(articles("en", "article-new")).click();
  await page.locator("#new-slug").fill("help-lines-2026");
  await page.locator("#new-category").selectOption("help");
  await page.getByRole("button", { name: articles("en", "article-create") }).click();
  await page.waitForURL((url) => /^\/staff\/articles\/\d+$/.test(url.pathname));
  await page.getByText(articles("en", "article-not-ready")).waitFor();

  // Arabic first: every reader falls back to it.
  await page.locator("#article-title").fill("أرقام تساعدك");
  await page.locator("#article-summary").fill("إلى من تتصل إذا عرض عليك أحد السفر للقتال.");
  await page.locator("#article-body").fill("اتصل بالخط الساخن.\n\n**لا تسافر** قبل أن تسأل.");
  await page.getByRole("button", { name: articles("en", "article-save-text") }).click();
  await page.getByText(articles("en", "article-ready")).waitFor();

  // Sorani, previewed right to left as readers will see it.
  await page.locator('.language-tabs button[data-language="ckb"]').click();
  await page.locator("#article-title[lang=ckb]").waitFor();
  await page.locator("#article-title").fill("ژمارەکانی یارمەتی");
  await page.locator("#article-summary").fill("ئەگەر کەسێک سەفەرت بۆ شەڕ پێشنیار کرد، پەیوەندی بە کێوە بکەیت.");
  await page.locator("#article-body").fill("پەیوەندی بە هێڵی گەرمەوە بکە.\n\n**گەشت مەکە** پێش پرسیارکردن.");
  await page.getByRole("button", { name: articles("en", "article-preview") }).click();
  const preview = page.locator("article.preview");
  await preview.waitFor();
  assert.equal(await preview.getAttribute("lang"), "ckb");
  assert.equal(await preview.getAttribute("dir"), "rtl");
  assert.equal(await preview.locator(".article-body strong").textContent(), "گەشت مەکە");
  await page.getByRole("button", { name: articles("en", "article-save-text") }).click();
  await page.locator(".language-tabs button[data-language=ckb] .hint").waitFor({ state: "detached" });

  // Scheduled first: published, but readers wait for its time.
  await page.locator("#article-status").selectOption("published");
  await page.locator("#article-publish-at").fill("2099-03-01T09:00");
  await page.getByRole("button", { name: articles("en", "article-status-save") }).click();
  // Fluent isolates a placeable with bidi marks (U+2068, U+2069).
  const [before, after] = articles("en", "article-scheduled").split("{ $time }");
  await page.getByText(`${before}\u20682099-03-01 09:00\u2069${after}`).waitFor();
  assert.equal((await api("/api/v1/articles/help-lines-2026?lang=ckb")).status, 404, "not before its time");
  // Then a minute ago (the browser's own time zone, as the editor types it).
  const minuteAgo = await page.evaluate(() => {
    const d = new Date(Date.now() - 60_000);
    const two = (n) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
  });
  await page.locator("#article-publish-at").fill(minuteAgo);
  await page.getByRole("button", { name: articles("en", "article-status-save") }).click();
  await page.getByText(articles("en", "article-visible")).waitFor();
  await page.locator(".revisions li").nth(4).waitFor();
  assert.deepEqual(await axeViolations(page), [], "the article editor");
  await fitsPhone(page, "the article editor");
  await page.screenshot({ path: join(screenshotsDir, "staff-article-en.png"), fullPage: true });
  // Opening the staff area first asks whether a session can be restored: 401 when none can.
  assert.deepEqual(problems.filter((p) => !/status of 401/.test(p)), []);
  await page.close();

  // Readers get it in Sorani, and in Arabic where it has no translation.
  const sorani = await (await api("/api/v1/articles/help-lines-2026?lang=ckb")).json();
  assert.equal(sorani.title, "ژمارەکانی یارمەتی");
  assert.equal(sorani.fallback, false);
  const english = await (await api("/api/v1/articles/help-lines-2026?lang=en")).json();
  assert.equal(english.title, "أرقام تساعدك");
  assert.equal(english.fallback, true);
});

test("an editor reviews the Kurdish interface texts, in Arabic and Sorani", async () => {
  const output = execFileSync(
    process.env.SANAD_BIN,
    ["create-admin", "--email", "reviewer@example.org", "--name", "Shilan", "--language", "ckb"],
    { env: { ...process.env, SANAD_DATA_DIR: process.env.SANAD_DATA_DIR }, encoding: "utf8" },
  );
  const secret = output.split("\n").find((l) => l.startsWith("http")).split("#")[1];
  const password = "Walnuts of Hawraman, 1971";
  assert.equal((await api("/api/v1/auth/link/password", { method: "POST", body: JSON.stringify({ token: secret, password }) })).status, 204);
  const staff = (language, key) => {
    const text = readFileSync(join(localesDir, language, "staff.ftl"), "utf8");
    const line = text.split("\n").find((l) => l.startsWith(`${key} =`));
    return line.slice(key.length + 2).trim();
  };
  const reviewer = await launch();
  try {
    for (const language of ["ckb", "ar"]) {
      const { page, problems } = await openPage(reviewer.context, `/staff?lang=${language}`);
      if (language === "ckb") {
        await page.getByLabel(staff(language, "staff-email")).fill("reviewer@example.org");
        await page.getByLabel(staff(language, "staff-password")).fill(password);
        await page.getByRole("button", { name: staff(language, "staff-sign-in"), exact: true }).click();
      }
      await page.getByRole("link", { name: articles(language, "staff-nav-translations") }).click();
      await page.getByRole("heading", { name: articles(language, "translations-title") }).waitFor();
      const rows = page.locator(".translation-row");
      await rows.first().waitFor();
      assert.ok((await rows.count()) > 300, "every Sorani text waits for review at first");
      assert.equal(await rows.first().locator(".translation-text").getAttribute("lang"), "ckb");
      assert.deepEqual(await axeViolations(page), [], `the translations page in ${language}`);
      await fitsPhone(page, `the translations page in ${language}`);
      await page.screenshot({ path: join(screenshotsDir, `staff-translations-${language}.png`) });
      // Marking the first text reviewed takes it off the list of those waiting.
      const first = await rows.first().locator(".translation-id code").textContent();
      await rows.first().getByRole("button", { name: articles(language, "translations-mark-reviewed") }).click();
      await page.waitForFunction(
        (id) => document.querySelector(".translation-row .translation-id code")?.textContent !== id,
        first,
      );
      // Shown again with its reviewer once the filter is off.
      await page.getByLabel(articles(language, "translations-only-needing")).uncheck();
      const marked = page.locator(".translation-row", { has: page.locator(`code:text-is("${first}")`) });
      await marked.getByText("Shilan").waitFor();
      // The first visit asks whether a session can be restored (401 before signing in).
      const unexpected = language === "ckb" ? problems.filter((p) => !/status of 401/.test(p)) : problems;
      assert.deepEqual(unexpected, []);
      await page.close();
    }
  } finally {
    await reviewer.close();
  }
});
