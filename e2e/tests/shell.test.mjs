// The public pages' frame in a real browser, with JavaScript on and off: the address chooses the
// language (`/ckb/…`), `/` sends a reader to theirs, each language's direction and texts, the
// switcher's links, the routes, a 360 px screen, no cookie, and axe-core with zero violations.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { launch, openPage, axeViolations, axeViolationsWithoutScripts, message, languages, screenshotsDir } from "./helpers.mjs";

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
// after their app has taken over) and as one without scripts does.
const PUBLIC_PAGES = ["/", "/learn", "/learn?category=law&page=1", "/learn/the-law-on-joining-foreign-armies", "/report", "/missing", "/follow-up", "/no-such-page"];

for (const { code } of languages) {
  test(`axe-core finds nothing on any public page in ${code}, with JavaScript and without`, async () => {
    for (const path of PUBLIC_PAGES) {
      const address = `/${code}${path}`;
      const { page, problems } = await openPage(browser.context, address);
      await page.locator("h1").first().waitFor();
      assert.deepEqual(await axeViolations(page), [], `${address} with JavaScript`);
      assert.deepEqual(problems.filter((p) => !/status of 404/.test(p)), [], address);
      await page.close();
      assert.deepEqual(await axeViolationsWithoutScripts(axeBrowser.context, address), [], `${address} without JavaScript`);
    }
  });
}
