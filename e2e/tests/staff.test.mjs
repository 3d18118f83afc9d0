// The staff area in a real browser, in Sorani: the first admin set up from the command line
// chooses a password through the one-time link, signs in, turns on TOTP, signs in again with a
// code, and finds all of it in the audit trail.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { launch, openPage, axeViolations, baseUrl, screenshotsDir } from "./helpers.mjs";

const localesDir = process.env.SANAD_LOCALES || join(import.meta.dirname, "..", "..", "locales");
function staffMessage(language, key) {
  const text = readFileSync(join(localesDir, language, "staff.ftl"), "utf8");
  const line = text.split("\n").find((l) => l.startsWith(`${key} =`));
  if (!line) throw new Error(`${language}/staff.ftl has no ${key}`);
  return line.slice(key.length + 2).trim();
}
function mainMessage(language, key) {
  const text = readFileSync(join(localesDir, language, "main.ftl"), "utf8");
  const line = text.split("\n").find((l) => l.startsWith(`${key} =`));
  return line.slice(key.length + 2).trim();
}

// RFC 6238 with SHA-1, as authenticator apps compute it.
function totp(base32, atSeconds) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const c of base32.replace(/=+$/, "").toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, "0");
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(atSeconds / 30)));
  const mac = createHmac("sha1", key).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(value).padStart(6, "0");
}

let browser;
before(async () => (browser = await launch()));
after(async () => browser && (await browser.close()));

const PASSWORD = "Tigris floods at dawn, 1958";

test("an admin made on the command line sets a password, enrols TOTP and signs in with it, in Sorani", async () => {
  const output = execFileSync(process.env.SANAD_BIN, ["create-admin", "--email", "chief@example.org", "--name", "Chiya", "--language", "ckb"], {
    env: { ...process.env, SANAD_DATA_DIR: process.env.SANAD_DATA_DIR },
    encoding: "utf8",
  });
  const secret = output.split("\n").find((l) => l.startsWith("http")).split("#")[1];
  assert.equal(secret.length, 64);

  const { page, problems } = await openPage(browser.context, "/staff?lang=ckb");
  await page.waitForFunction(() => document.documentElement.lang === "ckb" && document.documentElement.dir === "rtl");
  await page.getByRole("heading", { name: staffMessage("ckb", "staff-sign-in-title") }).waitFor();
  assert.deepEqual(await axeViolations(page), [], "sign-in page");

  await page.goto(new URL(`/staff/set-password#${secret}`, baseUrl).href);
  await page.getByRole("heading", { name: staffMessage("ckb", "staff-set-password-title") }).waitFor();
  assert.ok(!page.url().includes(secret), "the secret leaves the address bar at once");
  await page.getByLabel(staffMessage("ckb", "staff-new-password")).fill("short");
  await page.getByRole("button", { name: staffMessage("ckb", "staff-save-password") }).click();
  await page.getByText(mainMessage("ckb", "error-password-too-short")).waitFor();
  await page.getByLabel(staffMessage("ckb", "staff-new-password")).fill(PASSWORD);
  await page.getByRole("button", { name: staffMessage("ckb", "staff-save-password") }).click();
  await page.getByText(staffMessage("ckb", "staff-password-saved")).waitFor();

  await page.goto(new URL("/staff", baseUrl).href);
  await page.getByLabel(staffMessage("ckb", "staff-email")).fill("chief@example.org");
  await page.getByLabel(staffMessage("ckb", "staff-password")).fill(PASSWORD);
  await page.getByRole("button", { name: staffMessage("ckb", "staff-sign-in") }).click();
  await page.getByRole("link", { name: staffMessage("ckb", "staff-nav-audit") }).waitFor();

  await page.getByRole("link", { name: staffMessage("ckb", "staff-nav-account") }).click();
  await page.getByRole("button", { name: staffMessage("ckb", "account-totp-start") }).click();
  const key = (await page.locator(".totp-key").textContent()).trim();
  assert.equal(await page.locator(".qr svg").count(), 1, "the QR code is drawn in the page");
  const now = Math.floor(Date.now() / 1000);
  await page.getByLabel(staffMessage("ckb", "staff-totp-code")).fill(totp(key, now));
  await page.getByRole("button", { name: staffMessage("ckb", "account-totp-confirm") }).click();
  await page.getByText(staffMessage("ckb", "account-totp-on")).first().waitFor();
  assert.deepEqual(await axeViolations(page), [], "account page");
  await page.screenshot({ path: join(screenshotsDir, "staff-account-ckb.png"), fullPage: true });

  await page.getByRole("button", { name: staffMessage("ckb", "staff-sign-out") }).click();
  await page.getByLabel(staffMessage("ckb", "staff-email")).fill("chief@example.org");
  await page.getByLabel(staffMessage("ckb", "staff-password")).fill(PASSWORD);
  await page.getByRole("button", { name: staffMessage("ckb", "staff-sign-in") }).click();
  await page.getByText(mainMessage("ckb", "error-totp-required")).waitFor();
  // The enrolment code is spent; the next step's code is accepted (one step of drift).
  await page.getByLabel(staffMessage("ckb", "staff-totp-code")).fill(totp(key, now + 30));
  await page.getByRole("button", { name: staffMessage("ckb", "staff-sign-in") }).click();

  await page.getByRole("link", { name: staffMessage("ckb", "staff-nav-audit") }).click();
  const table = page.locator("table.audit");
  await table.waitFor();
  const trail = await table.textContent();
  for (const action of ["admin_created", "password_set", "login", "totp_enabled", "logout"]) {
    assert.ok(trail.includes(action), `the audit trail shows ${action}`);
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the audit page scrolls sideways by ${overflow} px at 360 px wide`);
  await page.screenshot({ path: join(screenshotsDir, "staff-audit-ckb.png"), fullPage: true });
  // Refused requests (the expected 400 and 401 answers above) are logged by the browser; anything
  // else, such as a script error or a CSP violation, is a failure.
  const expected = /Failed to load resource: the server responded with a status of 40[01]/;
  assert.deepEqual(problems.filter((p) => !expected.test(p)), []);
  await page.close();
});

// The server's side (an email held by guessing opens with the password and a TOTP code) is in the
// API tests; here the page answers a 429 the way its owner needs, without making this machine's
// one client address wait for the tests that follow.
test("a sign-in held by guessing offers the code field with a word of why, in Arabic and Sorani", async () => {
  // A browser of its own: the one above is signed in.
  const fresh = await launch();
  for (const language of ["ar", "ckb"]) {
    const { page } = await openPage(fresh.context, `/staff?lang=${language}`);
    let sent = null;
    await page.route("**/api/v1/auth/login", async (route) => {
      sent = JSON.parse(route.request().postData());
      await route.fulfill({
        status: 429,
        contentType: "application/json",
        headers: { "retry-after": "900" },
        body: JSON.stringify({ error: "too_many_attempts", message: "", details: { retry_after_secs: 900 } }),
      });
    });
    await page.getByRole("heading", { name: staffMessage(language, "staff-sign-in-title") }).waitFor();
    await page.getByLabel(staffMessage(language, "staff-email")).fill("held@example.org");
    await page.getByLabel(staffMessage(language, "staff-password")).fill(PASSWORD);
    await page.getByRole("button", { name: staffMessage(language, "staff-sign-in"), exact: true }).click();
    await page.getByText(staffMessage(language, "staff-sign-in-held")).waitFor();
    assert.ok(sent.totp_code == null, "no code field before the hold");
    const code = page.getByLabel(staffMessage(language, "staff-totp-code"));
    assert.equal(await code.getAttribute("required"), null, "the code is offered, not demanded");
    assert.equal(await code.getAttribute("aria-describedby"), "code-hint");
    assert.deepEqual(await axeViolations(page), [], `held sign-in in ${language}`);
    await page.screenshot({ path: join(screenshotsDir, `staff-sign-in-held-${language}.png`), fullPage: true });
    await code.fill("123456");
    const second = page.waitForRequest("**/api/v1/auth/login");
    await page.getByRole("button", { name: staffMessage(language, "staff-sign-in"), exact: true }).click();
    assert.equal(JSON.parse((await second).postData()).totp_code, "123456", "the code goes with the password");
    await page.close();
  }
  await fresh.close();
});

// The server's side (the link is mailed only for the right password and opens only with it) is in
// the API tests; here the page keeps the link's secret out of the address bar and sends it.
test("a mailed sign-in link says what it is for, leaves the address bar and goes with the password", async () => {
  const fresh = await launch();
  for (const language of ["ar", "ckb"]) {
    const { page } = await openPage(fresh.context, `/staff?lang=${language}#unlock=a1b2c3`);
    let sent = null;
    await page.route("**/api/v1/auth/login", async (route) => {
      sent = JSON.parse(route.request().postData());
      await route.fulfill({
        status: 401,
        contentType: "application/json",
        body: JSON.stringify({ error: "invalid_credentials", message: "", details: null }),
      });
    });
    await page.getByText(staffMessage(language, "staff-sign-in-link-opened")).waitFor();
    assert.equal(new URL(page.url()).hash, "", "the secret is gone from the address bar");
    assert.deepEqual(await axeViolations(page), [], `sign-in link page in ${language}`);
    await page.screenshot({ path: join(screenshotsDir, `staff-sign-in-link-${language}.png`), fullPage: true });
    await page.getByLabel(staffMessage(language, "staff-email")).fill("held@example.org");
    await page.getByLabel(staffMessage(language, "staff-password")).fill(PASSWORD);
    await page.getByRole("button", { name: staffMessage(language, "staff-sign-in"), exact: true }).click();
    await page.waitForFunction(() => !document.querySelector("button[type=submit]")?.disabled);
    assert.equal(sent.unlock, "a1b2c3", "the link's secret goes with the password");
    await page.close();
  }
  await fresh.close();
});
