// A staff member who works tips and cases follows a recruiter's number from a tip, written in
// Arabic-Indic digits, to the number's page, to the network, to the family's case that wrote it in
// Latin digits; the network narrows to a period; the pages read in Arabic and Sorani. axe-core on
// every screen. The case's evidence package is saved from its page and checked offline. (A busy
// number's network is in volume.test.mjs, which runs last.)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { launch, openPage, axeViolations, screenshotsDir, ftl, api, proofOfWork } from "./helpers.mjs";

const staff = (language, key) => ftl(language, "staff", key);
const PASSWORD = "The bridges of Mosul at dawn, 1958";

async function post(path, body) {
  const response = await api(path, {
    method: "POST",
    headers: { "Proof-Of-Work": await proofOfWork() },
    body: JSON.stringify(body),
  });
  assert.equal(response.status, 201, await response.clone().text());
  return response.json();
}

async function signIn(page, language, email) {
  // A page opened after another signed in finds the session already there.
  const field = page.getByLabel(staff(language, "staff-email"));
  await field.or(page.locator(".staff-nav")).first().waitFor();
  if (await page.locator(".staff-nav").isVisible()) return;
  await field.fill(email);
  await page.getByLabel(staff(language, "staff-password")).fill(PASSWORD);
  await page.getByRole("button", { name: staff(language, "staff-sign-in") }).click();
  await page.locator(".staff-nav").waitFor();
}

/// Loads a staff address in the app (the session lives in the page, as after following a link).
async function go(page, path) {
  await page.evaluate((p) => {
    history.pushState(null, "", p);
    dispatchEvent(new PopStateEvent("popstate"));
  }, path);
}

const expectedConsole = /Failed to load resource: the server responded with a status of (400|401|404|409)/;

let browser;
let auth;
before(async () => {
  browser = await launch();
  mkdirSync(screenshotsDir, { recursive: true });
  const output = execFileSync(
    process.env.SANAD_BIN,
    ["create-admin", "--email", "networks@example.org", "--name", "Sarmad", "--language", "ar"],
    { env: { ...process.env, SANAD_DATA_DIR: process.env.SANAD_DATA_DIR }, encoding: "utf8" },
  );
  const secret = output.split("\n").find((l) => l.startsWith("http")).split("#")[1];
  assert.equal((await api("/api/v1/auth/link/password", { method: "POST", body: JSON.stringify({ token: secret, password: PASSWORD }) })).status, 204);
  const grant = await (await api("/api/v1/auth/login", { method: "POST", body: JSON.stringify({ email: "networks@example.org", password: PASSWORD }) })).json();
  auth = { Authorization: `Bearer ${grant.access_token}` };
  // A moderator who also works cases (run alone, the only admin must stay one: then an admin).
  const roles = await api(`/api/v1/staff/${grant.staff.id}/roles`, {
    method: "PUT",
    headers: auth,
    body: JSON.stringify({ roles: ["moderator", "caseworker"] }),
  });
  assert.ok(roles.status === 204 || roles.status === 409, `setting roles answered ${roles.status}`);
});
after(async () => {
  if (browser) await browser.close();
});

test("a recruiter's number leads from a tip to its page, the network and the family's case", { timeout: 300_000 }, async () => {
  await post("/api/v1/tips", {
    subject: "recruiter",
    governorate: "basra",
    description: "يعرض عقود حراسة في الخارج ويطلب جوازات الشباب",
    phones: ["٠٧٧١ ٢٣٤ ٥٦٧٨"],
    agency: "مكتب الأمل للسفر",
  });
  const { case_number: caseNumber } = await post("/api/v1/cases", {
    names: { given: "مصطفى", father: "كريم" },
    governorate: "najaf",
    recruiter: "رجل من مكتب سفر",
    recruiter_phones: ["07712345678"],
    reporter: { relationship: "أخ", name: "علي", phone: "07801234567", language: "ar" },
    consent: "committee",
  });
  const tips = await (await api("/api/v1/tips?q=" + encodeURIComponent("حراسة"), { headers: auth })).json();
  const tipId = tips.tips[0].id;

  const { page, problems } = await openPage(browser.context, "/staff?lang=ar");
  await page.setViewportSize({ width: 1366, height: 850 });
  await signIn(page, "ar", "networks@example.org");
  await go(page, `/staff/tips/${tipId}`);

  // The tip names the number, its page counts the tip and the case as two sources.
  const panel = page.locator("section.connections");
  const number = panel.locator("a.entity-link").filter({ hasText: "+9647712345678" });
  await number.waitFor();
  assert.ok((await panel.textContent()).includes(caseNumber), "the case that names the same number is listed");
  assert.deepEqual(await axeViolations(page), [], "the tip with its connections");
  await number.click();
  const heading = page.locator(".entity-page h1");
  await heading.filter({ hasText: "+9647712345678" }).waitFor();
  const facts = await page.locator(".entity-page dl").textContent();
  assert.ok(facts.includes("بلاغان مستقلان"), `two independent sources: ${facts}`);
  assert.ok(facts.includes(ftl("ar", "tips", "governorate-basra")) && facts.includes(ftl("ar", "tips", "governorate-najaf")));
  assert.deepEqual(await axeViolations(page), [], "the number's page");
  await page.screenshot({ path: join(screenshotsDir, "staff-entity-ar.png"), fullPage: true });

  // The network: the number in the middle, the tip and the case around it, and beyond them the
  // agency the tip names and the recruiter the family described.
  await page.getByRole("link", { name: staff("ar", "connections-network") }).click();
  const svg = page.locator("svg.network");
  await svg.waitFor();
  assert.equal(await svg.locator("circle").count(), 5);
  assert.equal(await svg.locator("line").count(), 4);
  const listed = await page.locator(".network-list").textContent();
  for (const text of [caseNumber, "مكتب الأمل للسفر", "رجل من مكتب سفر"]) assert.ok(listed.includes(text), `${text} in the network`);
  assert.deepEqual(await axeViolations(page), [], "the network");
  await page.screenshot({ path: join(screenshotsDir, "staff-network-ar.png"), fullPage: true });

  // A period before either report leaves nothing connected; clearing it brings them back.
  await page.getByLabel(staff("ar", "network-from")).fill("2030-01-01");
  await page.getByRole("button", { name: staff("ar", "network-apply") }).click();
  await page.getByText(staff("ar", "network-empty")).waitFor();
  assert.ok(page.url().includes("from=2030-01-01"), "the period is in the address");
  await page.getByLabel(staff("ar", "network-from")).fill("");
  await page.getByRole("button", { name: staff("ar", "network-apply") }).click();
  await svg.waitFor();

  // From the network to the family's case.
  await page.locator(".network-list a").filter({ hasText: caseNumber }).click();
  await page.locator(".case-page h1").filter({ hasText: caseNumber }).waitFor();
  const casePanel = page.locator("section.connections");
  await casePanel.locator(`a[href="/staff/tips/${tipId}"]`).first().waitFor();

  // The case's evidence package: fetched with the session, saved, and checked offline by the
  // command a prosecutor runs, against the key the instance publishes.
  await page.getByRole("button", { name: staff("ar", "evidence-package") }).click();
  const saved = page.locator(".file-export a[download]").filter({ hasText: ".zip" });
  await saved.waitFor();
  assert.match(await saved.getAttribute("download"), /^sanad-evidence-\d{4}-\d{2}-\d{2}\.zip$/);
  const [download] = await Promise.all([page.waitForEvent("download"), saved.click()]);
  const zipPath = await download.path();
  assert.equal(readFileSync(zipPath).subarray(0, 2).toString("latin1"), "PK");
  const { public_key: key } = await (await api("/api/v1/evidence-key")).json();
  const verified = execFileSync(process.env.SANAD_BIN, ["evidence", "verify", zipPath, "--key", key], { encoding: "utf8" });
  assert.ok(verified.includes(caseNumber) && verified.includes("The package is intact and signed by the given key."), verified);
  assert.deepEqual(await axeViolations(page), [], "the case with its evidence package");
  await page.screenshot({ path: join(screenshotsDir, "staff-case-evidence-ar.png"), fullPage: true });

  // The same pages in Sorani.
  const phoneId = (await (await api("/api/v1/entities?value=07712345678", { headers: auth })).json()).entities[0].id;
  const sorani = await openPage(browser.context, "/staff?lang=ckb");
  await sorani.page.setViewportSize({ width: 1366, height: 850 });
  await signIn(sorani.page, "ckb", "networks@example.org");
  await go(sorani.page, `/staff/entities/${phoneId}`);
  await sorani.page.locator(".entity-page dt").filter({ hasText: staff("ckb", "entity-first-seen") }).waitFor();
  assert.deepEqual(await axeViolations(sorani.page), [], "the number's page in Sorani");
  await sorani.page.screenshot({ path: join(screenshotsDir, "staff-entity-ckb.png"), fullPage: true });
  await go(sorani.page, `/staff/network/entity/${phoneId}`);
  await sorani.page.locator("h1").filter({ hasText: staff("ckb", "network-title") }).waitFor();
  await sorani.page.locator("svg.network").waitFor();
  assert.deepEqual(await axeViolations(sorani.page), [], "the network in Sorani");
  await sorani.page.screenshot({ path: join(screenshotsDir, "staff-network-ckb.png"), fullPage: true });
  await go(sorani.page, `/staff/tips/${tipId}`);
  await sorani.page.getByRole("button", { name: staff("ckb", "evidence-package") }).click();
  await sorani.page.locator(".file-export a[download]").filter({ hasText: ".zip" }).waitFor();
  assert.deepEqual(await axeViolations(sorani.page), [], "the tip with its evidence package in Sorani");
  await sorani.page.screenshot({ path: join(screenshotsDir, "staff-tip-evidence-ckb.png"), fullPage: true });

  assert.deepEqual(sorani.problems.filter((p) => !expectedConsole.test(p)), []);
  assert.deepEqual(problems.filter((p) => !expectedConsole.test(p)), []);
});
