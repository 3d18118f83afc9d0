// A moderator triages ten tips in Arabic: the staff home shows the urgent count, the queue puts
// a departure this week with a minor first and says why, a filter lives in the address, three
// spam tips go in one bulk dismissal, the urgent tip is taken, labelled and noted, and the
// overdue marker follows the admins' target. axe-core on every screen, and a 360 px screen.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { launch, openPage, axeViolations, baseUrl, screenshotsDir, ftl, fitsPhone, api, proofOfWork } from "./helpers.mjs";

const staff = (key) => ftl("ar", "staff", key);
const tips = (key) => ftl("ar", "tips", key);

const PASSWORD = "Dates of Basra under the palms, 1947";

async function submit(body) {
  const response = await api("/api/v1/tips", {
    method: "POST",
    headers: { "Proof-Of-Work": await proofOfWork() },
    body: JSON.stringify({ subject: "recruiter", governorate: "najaf", ...body }),
  });
  assert.equal(response.status, 201, await response.clone().text());
}

function inDays(days) {
  const d = new Date(Date.now() + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

const expectedConsole = /Failed to load resource: the server responded with a status of (400|401|404|409)/;

let browser;
before(async () => {
  browser = await launch();
  mkdirSync(screenshotsDir, { recursive: true });
});
after(async () => {
  if (browser) await browser.close();
});

test("a moderator triages ten tips in Arabic: priority order, bulk dismissal, take, label, note, overdue", { timeout: 300_000 }, async () => {
  await submit({ description: "شاب يسافر إلى موسكو يوم الجمعة مع ابن أخيه القاصر", departure_on: inDays(3), minor_involved: true });
  await submit({ description: "طالب في السادسة عشرة عُرض عليه عقد", minor_involved: true });
  await submit({ description: "رقم يتصل بالشباب", phones: ["0790 111 2233"] });
  await submit({ description: "الرقم نفسه في إعلان", phones: ["+964 790 111 2233"] });
  for (let n = 1; n <= 6; n++) await submit({ description: `إعلان مكرر رقم ${n}`, governorate: "muthanna" });

  // An admin made on the command line works the tips; it makes a label first.
  const output = execFileSync(
    process.env.SANAD_BIN,
    ["create-admin", "--email", "triage@example.org", "--name", "Zainab", "--language", "ar"],
    { env: { ...process.env, SANAD_DATA_DIR: process.env.SANAD_DATA_DIR }, encoding: "utf8" },
  );
  const secret = output.split("\n").find((l) => l.startsWith("http")).split("#")[1];
  assert.equal((await api("/api/v1/auth/link/password", { method: "POST", body: JSON.stringify({ token: secret, password: PASSWORD }) })).status, 204);
  const grant = await (await api("/api/v1/auth/login", { method: "POST", body: JSON.stringify({ email: "triage@example.org", password: PASSWORD }) })).json();
  const auth = { Authorization: `Bearer ${grant.access_token}` };
  const label = await api("/api/v1/labels", {
    method: "POST",
    headers: auth,
    body: JSON.stringify({ color: "#8a1c12", names: { ar: "سفر قريب", ckb: "گەشتی نزیک", kmr: "Rêwîtiya nêzîk", en: "Leaving soon" } }),
  });
  assert.equal(label.status, 201);
  // A one-hour target: a tip that came today is overdue once an hour of the day has passed (a
  // tip's arrival is stored as its day only, so it counts from the start of that day).
  assert.equal((await api("/api/v1/settings", { method: "PUT", headers: auth, body: JSON.stringify({ require_totp: false, first_look_hours: 1 }) })).status, 204);
  const overdueNow = new Date().getUTCHours() >= 1;

  const { page, problems } = await openPage(browser.context, "/staff?lang=ar");
  await page.getByLabel(staff("staff-email")).fill("triage@example.org");
  await page.getByLabel(staff("staff-password")).fill(PASSWORD);
  await page.getByRole("button", { name: staff("staff-sign-in") }).click();

  // The home shows the person's queue at a glance.
  const urgentTile = page.locator(".count-tile").filter({ hasText: staff("home-urgent") }).first();
  await urgentTile.waitFor();
  assert.ok(Number(await urgentTile.locator(".count-figure").textContent()) >= 1, "an urgent tip is counted");
  assert.deepEqual(await axeViolations(page), [], "the staff home");
  await fitsPhone(page, "the staff home");
  await page.screenshot({ path: join(screenshotsDir, "staff-home-ar.png"), fullPage: true });

  // The queue: the departure with a minor is first and urgent; the minor alone is next.
  await page.getByRole("link", { name: tips("staff-nav-tips") }).click();
  const rows = page.locator("tr.tip-row");
  await rows.first().waitFor();
  assert.equal((await rows.nth(0).locator(".badge.priority-urgent").textContent()).trim(), staff("priority-urgent"));
  assert.equal((await rows.nth(1).locator(".badge.priority-high").textContent()).trim(), staff("priority-high"));
  assert.equal(await page.locator("tr.tip-row.overdue").count() > 0, overdueNow, "the overdue marker follows the target");
  assert.deepEqual(await axeViolations(page), [], "the queue");
  await fitsPhone(page, "the queue");
  await page.screenshot({ path: join(screenshotsDir, "staff-queue-ar.png"), fullPage: true });

  // A filter is part of the address, so the view can be bookmarked and sent.
  await page.locator("#tips-priority").selectOption("urgent");
  await page.waitForURL(/\/staff\/tips\?priority=urgent/);
  await page.waitForFunction(() => document.querySelectorAll("tr.tip-row").length === 1);
  await page.reload();
  await page.locator("tr.tip-row").first().waitFor();
  assert.equal(await page.locator("#tips-priority").inputValue(), "urgent");
  assert.equal(await page.locator("tr.tip-row").count(), 1);

  // Three of the repeated adverts go in one bulk dismissal.
  await page.locator("#tips-priority").selectOption("");
  await page.locator("#tips-status").selectOption("new,in_review");
  await page.waitForURL(/status=new(,|%2C)in_review/);
  const spam = page.locator("tr.tip-row").filter({ hasText: tips("governorate-muthanna") });
  await spam.first().waitFor();
  const before = await spam.count();
  assert.ok(before >= 6, `the six adverts are open (${before})`);
  for (let n = 0; n < 3; n++) await spam.nth(n).locator("input[type=checkbox]").check();
  assert.deepEqual(await axeViolations(page), [], "the queue with a selection");
  await page.getByRole("button", { name: staff("queue-bulk-dismiss") }).click();
  await page.waitForFunction(
    ([label, count]) => [...document.querySelectorAll("tr.tip-row")].filter((r) => r.textContent.includes(label)).length === count,
    [tips("governorate-muthanna"), before - 3],
  );

  // The urgent tip: why it is urgent, then taken, labelled and noted.
  await page.locator("#tips-priority").selectOption("urgent");
  await page.locator("tr.tip-row a.tip-link").first().click();
  const panel = page.locator(".triage-panel");
  await panel.waitFor();
  const reasons = await panel.locator(".reasons li").allTextContents();
  assert.ok(reasons.some((r) => r.includes("3") || r.includes("٣")), `the departure in three days is a reason: ${reasons}`);
  assert.ok(reasons.includes(staff("reason-minor")), `the minor is a reason: ${reasons}`);
  await panel.getByRole("button", { name: staff("triage-assign-me") }).click();
  await page.waitForFunction(() => document.querySelector("#assignee")?.selectedOptions[0]?.textContent === "Zainab");
  await panel.getByLabel("سفر قريب").check();
  await page.waitForFunction(() => document.querySelector(".triage-panel input[type=checkbox]")?.checked);
  await page.getByLabel(staff("triage-note-label")).fill("اتصلنا بمكتب المطار.");
  await page.getByRole("button", { name: staff("triage-note-add") }).click();
  await page.locator(".notes").getByText("اتصلنا بمكتب المطار.").waitFor();
  // The history holds the assignment, the label and the note, in that order, with who did them.
  await page.locator("ol.timeline .timeline-note").filter({ hasText: "اتصلنا بمكتب المطار." }).waitFor();
  const history = await page.locator("ol.timeline li").allTextContents();
  const at = (text) => history.findIndex((line) => line.includes(text));
  const assigned = at(staff("timeline-assigned").replace("{ $to }", "").trim());
  const labelled = at("سفر قريب");
  const noted = at(staff("timeline-note"));
  assert.ok(assigned >= 0 && assigned < labelled && labelled < noted, `the history in order: ${history.join(" | ")}`);
  assert.ok(history[noted].includes("Zainab"), "who wrote the note");
  assert.deepEqual(await axeViolations(page), [], "the tip with its triage");
  await fitsPhone(page, "the tip with its triage");
  await page.screenshot({ path: join(screenshotsDir, "staff-tip-triage-ar.png"), fullPage: true });

  // Back in the queue the tip shows its assignee and label.
  await page.goto(new URL("/staff/tips?assignee=me", baseUrl).href);
  const mine = page.locator("tr.tip-row").first();
  await mine.waitFor();
  assert.ok((await mine.textContent()).includes("Zainab"));
  assert.ok((await mine.textContent()).includes("سفر قريب"));

  // The home lists it at the top of the person's own queue.
  await page.goto(new URL("/staff", baseUrl).href);
  await page.locator(".home-mine li").first().waitFor();
  assert.equal(await page.locator(".home-mine li").first().locator(".badge.priority-urgent").count(), 1);
  assert.deepEqual(await axeViolations(page), [], "the staff home with the person's own queue");
  await page.screenshot({ path: join(screenshotsDir, "staff-home-mine-ar.png"), fullPage: true });
  assert.deepEqual(problems.filter((p) => !expectedConsole.test(p)), []);
  await page.close();
});

test("in Sorani: a tip with many links shows its strongest few, a named view is saved and reopened, the case queue is ordered by priority", { timeout: 300_000 }, async () => {
  const ckb = (key) => ftl("ckb", "staff", key);
  // Five tips share one number with the first; one of them shares its account too.
  const shared = { phones: ["0750 222 3344"], governorate: "duhok" };
  await submit({ ...shared, description: "وكالة سفر في دهوك", accounts: [{ platform: "telegram", handle: "@duhok_jobs" }] });
  for (let n = 1; n <= 4; n++) await submit({ ...shared, description: `إعلان عمل ${n}` });
  await submit({ ...shared, description: "الحساب نفسه", accounts: [{ platform: "telegram", handle: "duhok_jobs" }] });
  // Two families' reports: one of a minor said to leave in two days.
  const year = new Date().getUTCFullYear();
  for (const [given, urgent] of [["هيوا", false], ["ئاراس", true]]) {
    const response = await api("/api/v1/cases", {
      method: "POST",
      headers: { "Proof-Of-Work": await proofOfWork() },
      body: JSON.stringify({
        names: { given, father: "کاروان" },
        governorate: "sulaymaniyah",
        ...(urgent ? { date_of_birth: String(year - 16), departure_on: inDays(2) } : {}),
        reporter: { relationship: "دایک", name: "نەسرین", phone: "07701234599", language: "ckb" },
        consent: "committee",
      }),
    });
    assert.equal(response.status, 201, await response.clone().text());
  }

  // A browser of its own: the first test's session stays in the other.
  const other = await launch();
  try {
    const { page, problems } = await openPage(other.context, "/staff?lang=ckb");
    await page.getByLabel(ckb("staff-email")).fill("triage@example.org");
    await page.getByLabel(ckb("staff-password")).fill(PASSWORD);
    await page.getByRole("button", { name: ckb("staff-sign-in") }).click();
    await page.locator(".count-tile").first().waitFor();

    // The tip with five links: the count, three shown (the two with most in common first), the
    // rest on demand.
    await page.goto(new URL("/staff/tips?governorate=duhok", baseUrl).href);
    const rows = page.locator("tr.tip-row");
    await page.waitForFunction(() => document.querySelectorAll("tr.tip-row").length === 6);
    const ids = (await page.locator("tr.tip-row a.tip-link").evaluateAll((links) => links.map((a) => Number(a.href.split("/").pop())))).sort((a, b) => a - b);
    await page.goto(new URL(`/staff/tips/${ids[0]}`, baseUrl).href);
    const linked = page.locator("ul.linked").first();
    await linked.locator("li").first().waitFor();
    assert.equal(await linked.locator("li").count(), 3, "three links shown");
    assert.ok((await linked.locator("li").first().textContent()).includes("telegram:duhok_jobs"), "the strongest link comes first");
    const more = page.locator("details.linked-more");
    assert.equal(await more.locator("li").count(), 2);
    assert.equal(await more.locator("li").first().isVisible(), false, "the rest waits until asked for");
    await more.locator("summary").click();
    await more.locator("li").first().waitFor({ state: "visible" });
    assert.deepEqual(await axeViolations(page), [], "a tip with many links");
    await fitsPhone(page, "a tip with many links");
    await page.screenshot({ path: join(screenshotsDir, "staff-tip-links-ckb.png"), fullPage: true });

    // A view saved under a name opens again with its filters.
    await page.goto(new URL("/staff/tips", baseUrl).href);
    await rows.first().waitFor();
    await page.locator("#tips-priority").selectOption("urgent");
    await page.waitForURL(/priority=urgent/);
    await page.locator(".save-view > summary").click();
    await page.getByLabel(ckb("queue-view-name")).fill("بەپەلە");
    await page.locator(".filter-save").getByRole("button", { name: ckb("queue-view-save") }).click();
    await page.locator("#tips-views").waitFor();
    await page.locator("#tips-priority").selectOption("");
    await page.waitForURL((url) => !url.search.includes("priority"));
    await page.locator("#tips-views").selectOption({ label: "بەپەلە" });
    await page.waitForURL(/priority=urgent/);
    assert.equal(await page.locator("#tips-priority").inputValue(), "urgent");
    assert.deepEqual(await axeViolations(page), [], "the queue with a saved view");
    await fitsPhone(page, "the queue with a saved view");
    await page.screenshot({ path: join(screenshotsDir, "staff-queue-views-ckb.png"), fullPage: true });
    await page.getByRole("button", { name: ckb("queue-view-delete") }).click();
    await page.locator("#tips-views").waitFor({ state: "detached" });

    // On a wide screen a tip opens beside the queue, which stays as it was.
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(new URL("/staff/tips?governorate=duhok", baseUrl).href);
    await page.waitForFunction(() => document.querySelectorAll("tr.tip-row").length === 6);
    await rows.first().locator("a.tip-link").click();
    await page.locator("aside.queue-item .triage-panel").waitFor();
    assert.match(page.url(), /\/staff\/tips\?governorate=duhok$/);
    assert.equal(await rows.count(), 6, "the queue stays beside the tip");
    assert.deepEqual(await axeViolations(page), [], "the queue with a tip beside it");
    await page.screenshot({ path: join(screenshotsDir, "staff-queue-beside-ckb.png") });
    await page.locator(".queue-item-close").click();
    await page.locator("aside.queue-item").waitFor({ state: "detached" });
    // Two tips given to a colleague at once (here the only one who works tips: the admin).
    for (let n = 0; n < 2; n++) await rows.nth(n).locator("input[type=checkbox]").check();
    assert.deepEqual(await axeViolations(page), [], "the queue with its bulk bar");
    await page.locator("#bulk-assign").selectOption({ label: "Zainab" });
    await page.waitForFunction(() => [...document.querySelectorAll("tr.tip-row")].filter((r) => r.textContent.includes("Zainab")).length >= 2);
    // Each line shows the first words of the tip.
    assert.ok((await page.locator("tr.tip-row .snippet").allTextContents()).includes("وكالة سفر في دهوك"));
    await page.setViewportSize({ width: 360, height: 740 });

    // The case queue: the minor leaving in two days first, urgent; filters as for tips.
    await page.goto(new URL("/staff/cases", baseUrl).href);
    const caseRows = page.locator("tr.case-row");
    await caseRows.first().waitFor();
    assert.ok((await caseRows.first().textContent()).includes("ئاراس"));
    assert.equal(await caseRows.first().locator(".badge.priority-urgent").count(), 1);
    assert.deepEqual(await axeViolations(page), [], "the case queue");
    await fitsPhone(page, "the case queue");
    await page.screenshot({ path: join(screenshotsDir, "staff-case-queue-ckb.png"), fullPage: true });
    await page.locator("#cases-priority").selectOption("urgent");
    await page.waitForURL(/\/staff\/cases\?priority=urgent/);
    await page.waitForFunction(() => document.querySelectorAll("tr.case-row").length === 1);

    // The same screens in Arabic, to look at.
    await page.goto(new URL("/staff/cases?lang=ar", baseUrl).href);
    await caseRows.first().waitFor();
    await page.screenshot({ path: join(screenshotsDir, "staff-case-queue-ar.png"), fullPage: true });
    await page.goto(new URL(`/staff/tips/${ids[0]}`, baseUrl).href);
    await page.locator("ul.linked li").first().waitFor();
    await page.screenshot({ path: join(screenshotsDir, "staff-tip-links-ar.png"), fullPage: true });
    assert.deepEqual(problems.filter((p) => !expectedConsole.test(p)), []);
    await page.close();
  } finally {
    await other.close();
  }
});
