// The app shell in a real browser: default language, each language's direction and texts, the
// switcher and its memory, the routes, a 360 px screen, and axe-core with zero violations.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { launch, openPage, axeViolations, message, languages, screenshotsDir } from "./helpers.mjs";

let browser;
before(async () => {
  browser = await launch();
  mkdirSync(screenshotsDir, { recursive: true });
});
after(async () => browser && (await browser.close()));

async function expectLanguage(page, code, dir) {
  await page.waitForFunction(
    ([c, d]) => document.documentElement.lang === c && document.documentElement.dir === d,
    [code, dir],
    { timeout: 15000 },
  );
  const heading = page.locator("h1");
  await heading.waitFor();
  assert.equal((await heading.textContent()).trim(), message(code, "home-title"));
}

test("a first visit is in Arabic, right to left, with the three actions", async () => {
  await browser.context.clearCookies();
  const { page, problems } = await openPage(browser.context, "/");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expectLanguage(page, "ar", "rtl");
  assert.equal(await page.title(), message("ar", "app-name"));
  for (const key of ["home-report-title", "home-missing-title", "home-learn-title"]) {
    await page.getByText(message("ar", key), { exact: true }).first().waitFor();
  }
  assert.equal(await page.locator(".action").count(), 3);
  assert.deepEqual(problems, []);
  await page.close();
});

for (const { code, dir } of languages) {
  test(`home page in ${code}: direction ${dir}, translated, accessible, fits 360 px`, async () => {
    const { page, problems } = await openPage(browser.context, "/");
    await page.locator(`button[data-language="${code}"]`).click();
    await expectLanguage(page, code, dir);
    assert.equal(
      await page.locator(`button[data-language="${code}"]`).getAttribute("aria-pressed"),
      "true",
    );
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px at 360 px wide`);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], `axe-core found violations in ${code}`);
    await page.screenshot({ path: join(screenshotsDir, `home-${code}.png`), fullPage: true });
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test("the chosen language is remembered across reloads, and ?lang= links choose one", async () => {
  const { page } = await openPage(browser.context, "/");
  await page.locator('button[data-language="ckb"]').click();
  await expectLanguage(page, "ckb", "rtl");
  await page.reload();
  await expectLanguage(page, "ckb", "rtl");
  assert.equal(await page.evaluate(() => document.cookie), "", "no cookie is ever set");

  await page.goto(new URL("/?lang=kmr", page.url()).href);
  await expectLanguage(page, "kmr", "ltr");
  await page.close();
});

test("the actions lead to their pages, and unknown paths say so", async () => {
  const { page, problems } = await openPage(browser.context, "/?lang=en");
  await expectLanguage(page, "en", "ltr");
  await page.getByText(message("en", "home-report-title"), { exact: true }).click();
  await page.waitForURL("**/report");
  await page.getByRole("heading", { name: message("en", "nav-report") }).waitFor();
  await page.goBack();
  await page.getByText(message("en", "home-learn-title"), { exact: true }).click();
  await page.getByRole("heading", { name: message("en", "nav-learn") }).waitFor();

  await page.goto(new URL("/no/such/page", page.url()).href);
  await page.getByRole("heading", { name: message("en", "not-found-title") }).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await page.close();
});
