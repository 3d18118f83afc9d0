// The statistics page and the map of governorates, read by a moderator who works tips and cases
// in Arabic and in Sorani: weekly columns, time to first look, counts by governorate, subject,
// status and outcome, each with its table; counts under five as "<5"; the map switched between
// rates and raw counts. axe-core on each.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { launch, openPage, axeViolations, screenshotsDir, ftl, api, proofOfWork } from "./helpers.mjs";

const staff = (language, key) => ftl(language, "staff", key);
const PASSWORD = "Palm groves of Shatt al-Arab, 1936";

let browser;
before(async () => {
  browser = await launch();
  mkdirSync(screenshotsDir, { recursive: true });
});
after(async () => {
  if (browser) await browser.close();
});

async function post(path, body) {
  const response = await api(path, { method: "POST", headers: { "Proof-Of-Work": await proofOfWork() }, body: JSON.stringify(body) });
  assert.equal(response.status, 201, await response.clone().text());
}

test("the statistics and the map read in Arabic and Sorani, small counts hidden", { timeout: 300_000 }, async () => {
  for (let n = 0; n < 7; n++) await post("/api/v1/tips", { subject: "recruiter", governorate: "maysan", description: `إعلان ${n}` });
  await post("/api/v1/tips", { subject: "agency", governorate: "wasit", description: "مكتب" });
  const output = execFileSync(
    process.env.SANAD_BIN,
    ["create-admin", "--email", "figures@example.org", "--name", "Nada", "--language", "ar"],
    { env: { ...process.env, SANAD_DATA_DIR: process.env.SANAD_DATA_DIR }, encoding: "utf8" },
  );
  const secret = output.split("\n").find((l) => l.startsWith("http")).split("#")[1];
  assert.equal((await api("/api/v1/auth/link/password", { method: "POST", body: JSON.stringify({ token: secret, password: PASSWORD }) })).status, 204);
  const grant = await (await api("/api/v1/auth/login", { method: "POST", body: JSON.stringify({ email: "figures@example.org", password: PASSWORD }) })).json();
  const auth = { Authorization: `Bearer ${grant.access_token}` };
  const roles = await api(`/api/v1/staff/${grant.staff.id}/roles`, { method: "PUT", headers: auth, body: JSON.stringify({ roles: ["moderator", "caseworker"] }) });
  const moderator = roles.status === 204;
  assert.ok(moderator || roles.status === 409, `setting roles answered ${roles.status}`);

  for (const language of ["ar", "ckb"]) {
    const { page, problems } = await openPage(browser.context, `/staff?lang=${language}`);
    await page.setViewportSize({ width: 1366, height: 850 });
    const field = page.getByLabel(staff(language, "staff-email"));
    await field.or(page.locator(".staff-nav")).first().waitFor();
    if (!(await page.locator(".staff-nav").isVisible())) {
      await field.fill("figures@example.org");
      await page.getByLabel(staff(language, "staff-password")).fill(PASSWORD);
      await page.getByRole("button", { name: staff(language, "staff-sign-in") }).click();
    }
    await page.getByRole("link", { name: staff(language, "staff-nav-statistics") }).click();
    await page.locator("h1").filter({ hasText: staff(language, "statistics-title") }).waitFor();
    const map = page.locator("svg.map");
    await map.waitFor();
    assert.equal(await map.locator("path.region").count(), 18, "eighteen governorates drawn");
    assert.equal(await map.locator("circle.region").count(), 1, "and Halabja as a point");
    for (const caption of ["statistics-weekly", "statistics-first-look", "statistics-tips-by-governorate", "statistics-tips-by-subject", "statistics-cases-outcomes"]) {
      await page.locator("figcaption").getByText(staff(language, caption), { exact: true }).waitFor();
    }
    // Maysan's seven tips are shown; Wasit's one is "<5" to a moderator (an admin sees 1).
    const maysan = ftl(language, "tips", "governorate-maysan");
    const wasit = ftl(language, "tips", "governorate-wasit");
    const figure = page.locator("figure").filter({ has: page.locator("figcaption").getByText(staff(language, "statistics-tips-by-governorate"), { exact: true }) });
    const table = figure.locator("table");
    await figure.locator("summary").click();
    const rowText = async (name) => (await table.locator("tr").filter({ hasText: name }).first().textContent()).replace(name, "").trim();
    assert.ok(Number(await rowText(maysan)) >= 7, "Maysan counted");
    assert.equal(await rowText(wasit), moderator ? "<5" : "1");
    await page.getByLabel(staff(language, "map-raw")).check();
    const maysanShape = map.locator("path.region").filter({ has: page.locator("title", { hasText: maysan }) });
    assert.ok(!(await maysanShape.getAttribute("class")).includes("map-small"), "Maysan is coloured");
    // The figures leave as a CSV file, offered for saving once fetched.
    await page.getByRole("button", { name: staff(language, "export-csv") }).click();
    const saved = page.locator(".file-export a[download]");
    await saved.waitFor();
    assert.match(await saved.getAttribute("download"), /^sanad-statistics-\d{4}-\d{2}-\d{2}\.csv$/);
    assert.deepEqual(await axeViolations(page), [], `the statistics page in ${language}`);
    await page.screenshot({ path: join(screenshotsDir, `staff-statistics-${language}.png`), fullPage: true });
    // A first visit asks for a session it does not have yet (401): expected, nothing else.
    assert.deepEqual(problems.filter((p) => !/status of 401/.test(p)), []);
    await page.close();
  }
});
