// The public pages' frame in a real browser, with JavaScript on and off: the address chooses the
// language (`/ckb/…`), `/` sends a reader to theirs, each language's direction and texts, the
// switcher's links, the routes, a 360 px screen, no cookie, and axe-core with zero violations.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { request } from "node:http";
import { launch, openPage, axeViolations, axeViolationsWithoutScripts, message, languages, screenshotsDir, islandsReady, baseUrl } from "./helpers.mjs";

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

async function expectHome(page, code, dir) {
  assert.equal(await page.evaluate(() => document.documentElement.lang), code);
  assert.equal(await page.evaluate(() => document.documentElement.dir), dir);
  assert.equal((await page.locator("h1").textContent()).trim(), message(code, "home-title"));
}

test("the first visit goes to the reader's language, Arabic when the browser names none of ours", async () => {
  const sorani = await launch({ locale: "ckb-IQ" });
  try {
    const { page, problems } = await openPage(sorani.context, "/");
    assert.equal(new URL(page.url()).pathname, "/ckb/");
    await expectHome(page, "ckb", "rtl");
    assert.deepEqual(problems, []);
  } finally {
    await sorani.close();
  }
  const french = await launch({ locale: "fr-FR" });
  try {
    const { page } = await openPage(french.context, "/");
    assert.equal(new URL(page.url()).pathname, "/ar/");
    await expectHome(page, "ar", "rtl");
    assert.equal(await page.title(), message("ar", "app-name"));
    assert.equal(await page.locator(".action").count(), 3);
  } finally {
    await french.close();
  }
});

for (const { code, dir } of languages) {
  for (const [how, which] of [["with JavaScript", () => browser], ["without JavaScript", () => noScript]]) {
    test(`home page in ${code} ${how}: direction ${dir}, translated, accessible, fits 360 px`, async () => {
      const { page, problems } = await openPage(which().context, `/${code}/`);
      await expectHome(page, code, dir);
      assert.equal(await page.locator(`.language-switcher a[hreflang="${code}"]`).getAttribute("aria-current"), "page");
      assert.equal(await page.locator(".action").count(), 3);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px at 360 px wide`);
      const violations =
        how === "with JavaScript" ? await axeViolations(page) : await axeViolationsWithoutScripts(axeBrowser.context, `/${code}/`);
      assert.deepEqual(violations, [], `axe-core found violations in ${code} ${how}`);
      if (how === "with JavaScript") {
        await page.screenshot({ path: join(screenshotsDir, `home-${code}.png`), fullPage: true });
      }
      assert.deepEqual(problems, []);
      await page.close();
    });
  }
}

test("the switcher's links open the same page in another language, and no cookie is set", async () => {
  const { page } = await openPage(noScript.context, "/ar/learn");
  await page.locator('.language-switcher a[hreflang="ckb"]').click();
  await page.waitForURL((url) => url.pathname === "/ckb/learn");
  assert.equal(await page.evaluate(() => document.documentElement.lang), "ckb");
  await page.locator('.language-switcher a[hreflang="kmr"]').click();
  await page.waitForURL((url) => url.pathname === "/kmr/learn");
  assert.equal(await page.evaluate(() => document.documentElement.dir), "ltr");
  assert.deepEqual(await noScript.context.cookies(), [], "no cookie is ever set");
  // Links from before the language was in the address still work.
  await page.goto(new URL("/?lang=kmr", page.url()).href);
  assert.equal(new URL(page.url()).pathname, "/kmr/");
  await page.close();
});

test("the actions lead to their pages, and unknown paths say so", async () => {
  const { page, problems } = await openPage(browser.context, "/en/");
  await page.getByText(message("en", "home-report-title"), { exact: true }).click();
  await page.waitForURL("**/en/report");
  await page.getByRole("heading", { name: message("en", "nav-report") }).waitFor();
  await page.goBack();
  await page.getByText(message("en", "home-learn-title"), { exact: true }).click();
  await page.waitForURL("**/en/learn");
  await page.getByRole("heading", { name: message("en", "nav-learn") }).waitFor();

  const response = await page.goto(new URL("/no/such/page", page.url()).href);
  assert.equal(new URL(page.url()).pathname, "/en/no/such/page", "the browser's language is English");
  assert.equal(response.status(), 404);
  await page.getByRole("heading", { name: message("en", "not-found-title") }).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(
    problems.filter((p) => !/status of 404/.test(p)),
    [],
  );
  await page.close();
});

// Every public page, in every language, as a browser with scripts shows it (the form pages
// once their islands have hydrated) and as one without scripts does.
const PUBLIC_PAGES = ["/", "/learn", "/learn?category=law&page=1", "/learn/the-law-on-joining-foreign-armies", "/report", "/missing", "/follow-up", "/no-such-page"];

for (const { code } of languages) {
  test(`axe-core finds nothing on any public page in ${code}, with JavaScript and without`, async () => {
    for (const path of PUBLIC_PAGES) {
      const address = `/${code}${path}`;
      const { page, problems } = await openPage(browser.context, address);
      await page.locator("h1").first().waitFor();
      if (await page.locator("leptos-island").count()) await islandsReady(page);
      assert.deepEqual(await axeViolations(page), [], `${address} with JavaScript`);
      assert.deepEqual(problems.filter((p) => !/status of 404/.test(p)), [], address);
      await page.close();
      assert.deepEqual(await axeViolationsWithoutScripts(axeBrowser.context, address), [], `${address} without JavaScript`);
    }
  });
}

/// The bytes the server sends for `path` to a browser that takes brotli, as sent (not decoded).
function sentBytes(path) {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, baseUrl), { headers: { "Accept-Encoding": "br" } }, (response) => {
      let size = 0;
      let body = "";
      response.on("data", (chunk) => {
        size += chunk.length;
        if (response.headers["content-encoding"] !== "br") body += chunk;
      });
      response.on("end", () => resolve({ status: response.statusCode, size, encoding: response.headers["content-encoding"], body }));
    });
    req.on("error", reject);
    req.end();
  });
}

const FORM_BUDGET_BYTES = 100_000;

test(`a form page's first load, islands included, is at most ${FORM_BUDGET_BYTES} bytes brotli`, async () => {
  for (const language of ["ar", "ckb"]) {
    for (const form of ["report", "missing", "follow-up"]) {
      const path = `/${language}/${form}`;
      // The HTML as a browser gets it, and its links read from the plain copy.
      const page = await sentBytes(path);
      assert.equal(page.status, 200, path);
      assert.equal(page.encoding, "br", `${path} is sent compressed`);
      const html = await (await fetch(new URL(path, baseUrl))).text();
      const linked = [
        ...html.matchAll(/<link rel="(?:stylesheet|modulepreload|preload)" href="([^"]+)"/g),
        ...html.matchAll(/<script[^>]* src="([^"]+)"/g),
      ].map((m) => m[1]);
      let total = page.size;
      for (const href of new Set(linked)) {
        const file = await sentBytes(href);
        assert.equal(file.status, 200, href);
        total += file.size;
        // The islands' module imports its glue, which the page preloads: count what it imports.
        for (const [, imported] of file.body.matchAll(/from "\.\/([^"]+)"/g)) {
          if (!linked.some((l) => l.endsWith(imported))) total += (await sentBytes(`/assets/${imported}`)).size;
        }
      }
      const wasm = linked.filter((l) => l.endsWith(".wasm"));
      if (form !== "follow-up") assert.equal(wasm.length, 1, `${path} loads the islands' WebAssembly`);
      console.log(`${path}: ${total} bytes brotli on first load (budget ${FORM_BUDGET_BYTES}), ${linked.length} files`);
      assert.ok(total <= FORM_BUDGET_BYTES, `${path}: ${total} bytes brotli`);
    }
  }
});
