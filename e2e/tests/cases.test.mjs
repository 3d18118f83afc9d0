// Missing-person cases in a real browser: two relatives report the same young man through the API
// (each solving the proof of work, as the family's page does); a caseworker finds both in the
// list, opens one, looks for duplicates, reads why they match, compares them side by side, merges
// them (and unmerges and merges again), sees the other closed
// as a duplicate, adds a note, searches by the Latin spelling and exports and imports PFIF.
// Along the way: axe-core on every screen and a 360 px screen.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { launch, openPage, axeViolations, axeViolationsWithoutScripts, baseUrl, screenshotsDir, ftl, fitsPhone, api, proofOfWork, islandsReady } from "./helpers.mjs";

const cases = (language, key) => ftl(language, "cases", key);
const staff = (language, key) => ftl(language, "staff", key);

async function report(body) {
  const response = await api("/api/v1/cases", {
    method: "POST",
    headers: { "Proof-Of-Work": await proofOfWork() },
    body: JSON.stringify(body),
  });
  assert.equal(response.status, 201, await response.clone().text());
  return (await response.json()).case_number;
}

const base = {
  sex: "male",
  date_of_birth: "2001",
  governorate: "basra",
  residence: "الزبير",
  phones: ["0770 555 1234"],
  left_on: "2026-02",
  destination: "روسيا",
  recruiter: "مكتب سفر في العشار",
  last_contact_on: "2026-03-10",
  last_contact_text: "قال إنهم سيرسلونه إلى الجبهة",
};
const FIRST = {
  ...base,
  names: { given: "أحمد", father: "علي", grandfather: "حسين", family: "الجبوري", mother: "فاطمة حسن" },
  reporter: { relationship: "الأم", name: "فاطمة حسن", phone: "07801234567", language: "ar" },
  consent: "committee",
};
// The same young man reported by his brother, spelled differently, with his passport name.
const SECOND = {
  ...base,
  names: {
    given: "احمد",
    father: "على",
    grandfather: "حسين",
    family: "الجبورى",
    mother: "فاطمة حسن",
    latin: "Ahmed Ali Hussein Al-Jubouri",
  },
  reporter: { relationship: "الأخ", name: "محمد علي", phone: "07801234568", language: "ar" },
  consent: "government",
};
const NOTE = "اتصلنا بالأخ وأكد أن البلاغين عن الشخص نفسه.";
const PASSWORD = "Tigris willows lean at dusk, 1958";

// Answers the page may get on purpose; anything else in the console is a failure.
const expectedConsole = /Failed to load resource: (the server responded with a status of (400|401|404)|net::ERR_FILE_NOT_FOUND)/;

let browser;
before(async () => {
  browser = await launch();
  mkdirSync(screenshotsDir, { recursive: true });
});
after(async () => {
  if (browser) await browser.close();
});

test("a caseworker finds two reports of one person, merges them, adds a note and searches in Latin letters", async () => {
  const first = await report(FIRST);
  const second = await report(SECOND);

  // A staff member made on the command line, given the caseworker role through the API.
  const output = execFileSync(
    process.env.SANAD_BIN,
    ["create-admin", "--email", "caseworker@example.org", "--name", "Huda", "--language", "ar"],
    { env: { ...process.env, SANAD_DATA_DIR: process.env.SANAD_DATA_DIR }, encoding: "utf8" },
  );
  const secret = output.split("\n").find((l) => l.startsWith("http")).split("#")[1];
  assert.equal((await api("/api/v1/auth/link/password", { method: "POST", body: JSON.stringify({ token: secret, password: PASSWORD }) })).status, 204);
  const login = await api("/api/v1/auth/login", {
    method: "POST",
    body: JSON.stringify({ email: "caseworker@example.org", password: PASSWORD }),
  });
  assert.equal(login.status, 200);
  const grant = await login.json();
  const auth = { Authorization: `Bearer ${grant.access_token}` };
  const roles = await api(`/api/v1/staff/${grant.staff.id}/roles`, {
    method: "PUT",
    headers: auth,
    body: JSON.stringify({ roles: ["caseworker"] }),
  });
  // Run alone, this is the only admin, which must stay: then it works the cases as an admin.
  const caseworkerOnly = roles.status === 204;
  assert.ok(caseworkerOnly || roles.status === 409, `setting roles answered ${roles.status}`);

  const { page, problems } = await openPage(browser.context, "/staff?lang=ar");
  await page.getByLabel(staff("ar", "staff-email")).fill("caseworker@example.org");
  await page.getByLabel(staff("ar", "staff-password")).fill(PASSWORD);
  await page.getByRole("button", { name: staff("ar", "staff-sign-in") }).click();
  await page.getByRole("link", { name: cases("ar", "staff-nav-cases"), exact: true }).click();

  // Both reports are in the queue.
  const rowOf = (number) => page.locator(".case-row").filter({ hasText: number });
  await rowOf(first).waitFor();
  await rowOf(second).waitFor();
  assert.ok((await rowOf(first).textContent()).includes("أحمد علي حسين الجبوري"));
  assert.ok((await rowOf(first).textContent()).includes(cases("ar", "case-status-reported")));
  assert.ok((await rowOf(second).textContent()).includes(ftl("ar", "tips", "governorate-basra")));
  assert.deepEqual(await axeViolations(page), [], "the case list");
  await fitsPhone(page, "the case list");
  await page.screenshot({ path: join(screenshotsDir, "staff-cases-ar.png"), fullPage: true });

  // The first report: its record, phones left to right.
  await rowOf(first).locator("a.tip-link").click();
  await page.locator(".case-page h1").filter({ hasText: first }).waitFor();
  await page.getByText("فاطمة حسن").first().waitFor();
  const phone = page.locator(".case-page [dir=ltr]").filter({ hasText: "+9647705551234" }).first();
  await phone.waitFor();
  await page.getByText(cases("ar", "case-consent-committee")).waitFor();

  // Duplicates, looked for again on demand: the brother's report, with the reasons in words.
  await page.getByRole("button", { name: cases("ar", "case-duplicates-refresh") }).click();
  const found = page.locator(".case-match").filter({ hasText: second });
  await found.waitFor();
  const reasons = await found.locator(".case-reasons li").allTextContents();
  assert.ok(reasons.length >= 2, `reasons: ${reasons}`);
  assert.ok(reasons.every((r) => r.trim() && !r.includes("case-reason") && !r.includes("case-position")), `reasons: ${reasons}`);
  assert.ok(reasons.includes(cases("ar", "case-reason-mother-same")), `reasons: ${reasons}`);
  assert.deepEqual(await axeViolations(page), [], "the case page");
  await fitsPhone(page, "the case page");
  await page.screenshot({ path: join(screenshotsDir, "staff-case-ar.png"), fullPage: true });

  // The candidate says how sure the matcher is, and field by field why.
  assert.ok((await found.locator(".badge").first().textContent()).includes(cases("ar", "case-match-likely")));
  assert.equal(await found.locator(".case-marks li").count(), 8);
  assert.equal(await found.getByRole("button", { name: cases("ar", "case-merge"), exact: true }).count(), 0, "no merge without comparing");

  // It opens both cases side by side; "not the same person" and "merge" are equal choices.
  await found.getByRole("link", { name: cases("ar", "case-compare") }).click();
  const table = page.locator(".compare-table");
  await table.waitFor();
  const motherRow = table.locator("tr").filter({ hasText: cases("ar", "case-mother") });
  assert.equal(await motherRow.getByText("فاطمة حسن").count(), 2);
  assert.equal(await table.locator("tr.compare-same").count() > 3, true);
  const mergeButton = page.getByRole("button", { name: cases("ar", "case-merge"), exact: true });
  const dismissButton = page.getByRole("button", { name: cases("ar", "case-dismiss"), exact: true });
  assert.equal(await mergeButton.getAttribute("class"), await dismissButton.getAttribute("class"));
  assert.deepEqual(await axeViolations(page), [], "the comparison");
  await fitsPhone(page, "the comparison");
  await page.screenshot({ path: join(screenshotsDir, "staff-compare-ar.png"), fullPage: true });

  // Merging asks why; without a reason nothing is sent.
  await mergeButton.click();
  await page.getByText(cases("ar", "compare-reason-needed")).waitFor();
  await page.getByLabel(cases("ar", "compare-reason"), { exact: true }).fill("الأم نفسها والهاتف نفسه؛ بلاغ الأخ يذكر اسم الجواز.");
  await mergeButton.click();
  await page.getByText(cases("ar", "compare-merged-now")).waitFor();
  // A merge can be undone, and done again.
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: cases("ar", "compare-unmerge"), exact: true }).click();
  await page.getByText(cases("ar", "compare-unmerged")).waitFor();
  await page.getByLabel(cases("ar", "compare-reason"), { exact: true }).fill("الأم نفسها والهاتف نفسه.");
  await mergeButton.click();
  await page.getByText(cases("ar", "compare-merged-now")).waitFor();
  await page.getByRole("link", { name: cases("ar", "compare-back") }).click();
  await page.locator(".case-page h1").filter({ hasText: first }).waitFor();
  await found.getByText(cases("ar", "case-match-merged")).waitFor();

  // A note, with its author.
  await page.getByLabel(cases("ar", "case-add-note"), { exact: true }).fill(NOTE);
  await page.getByRole("button", { name: cases("ar", "case-save-note") }).click();
  const note = page.locator(".case-notes .message").filter({ hasText: NOTE });
  await note.waitFor();
  assert.ok((await note.textContent()).includes("Huda"));

  // The other case is closed as a duplicate and links back.
  await found.locator("a.tip-link").click();
  await page.locator(".case-page h1").filter({ hasText: second }).waitFor();
  await page.getByText(cases("ar", "case-merged-into")).waitFor();
  await page.locator(".case-page .badge").filter({ hasText: cases("ar", "case-status-closed") }).waitFor();
  await page.locator(".case-page .badge").filter({ hasText: cases("ar", "case-close-duplicate") }).waitFor();
  await page.getByText("Ahmed Ali Hussein Al-Jubouri").waitFor();
  await page.getByRole("link", { name: cases("ar", "case-merged-into-link") }).click();
  await page.locator(".case-page h1").filter({ hasText: first }).waitFor();
  await page.locator(".case-notes").getByText(NOTE).waitFor();

  // The server agrees.
  const list = await (await api("/api/v1/cases?limit=100", { headers: auth })).json();
  const ids = Object.fromEntries(list.cases.map((c) => [c.case_number, c.id]));
  const other = await (await api(`/api/v1/cases/${ids[second]}`, { headers: auth })).json();
  assert.equal(other.status, "closed");
  assert.equal(other.close_reason, "duplicate");
  assert.equal(other.merged_into, ids[first]);

  // Deceased needs a second caseworker (an admin's change applies at once).
  if (caseworkerOnly) {
    await page.locator("#case-status").selectOption("deceased");
    await page.getByRole("button", { name: ftl("ar", "tips", "tip-save-status"), exact: true }).click();
    await page.getByText(cases("ar", "case-deceased-waiting")).waitFor();
    await page.getByText(cases("ar", "case-deceased-pending")).waitFor();
  }

  // Search by the passport spelling finds both reports, spelled in Arabic letters.
  await page.getByRole("link", { name: cases("ar", "case-back") }).click();
  await rowOf(first).waitFor();
  await page.getByLabel(cases("ar", "cases-search"), { exact: true }).fill("Ahmad Ali");
  await page.getByRole("button", { name: cases("ar", "cases-search-button"), exact: true }).click();
  await page.getByRole("button", { name: cases("ar", "cases-search-clear") }).waitFor();
  await rowOf(first).waitFor();
  await rowOf(second).waitFor();
  assert.deepEqual(await axeViolations(page), [], "the search results");
  await fitsPhone(page, "the search results");

  // PFIF: an export for the committee, saved through an object URL, then imported back.
  await page.getByRole("link", { name: cases("ar", "cases-exchange-link") }).click();
  await page.getByRole("heading", { name: cases("ar", "exchange-title") }).waitFor();
  await page.getByText(cases("ar", "exchange-consent")).waitFor();
  await page.locator("#pfif-recipient").selectOption("committee");
  await page.getByRole("button", { name: cases("ar", "exchange-prepare") }).click();
  const link = page.locator("a[download]");
  await link.waitFor();
  assert.ok((await link.getAttribute("href")).startsWith("blob:"));
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const xml = readFileSync(await download.path(), "utf8");
  assert.ok(xml.includes("pfif"), "a PFIF document");
  assert.ok(xml.includes("فاطمة") || xml.includes("أحمد"), "the committee's case is in it");
  // The file picker speaks the page's language, not the browser's ("Choose File").
  assert.equal((await page.locator("label.file-button[for=pfif-file]").textContent()).trim(), staff("ar", "file-choose"));
  assert.equal((await page.locator("#pfif-file-chosen").textContent()).trim(), staff("ar", "file-none-chosen"));
  await page.locator("#pfif-file").setInputFiles({ name: "partner.xml", mimeType: "application/xml", buffer: Buffer.from(xml) });
  assert.equal((await page.locator("#pfif-file-chosen").textContent()).trim(), "partner.xml");
  await page.getByRole("button", { name: cases("ar", "exchange-import-button") }).click();
  await page.getByText(cases("ar", "exchange-imported")).waitFor();
  assert.deepEqual(await axeViolations(page), [], "the PFIF exchange");
  await fitsPhone(page, "the PFIF exchange");
  await page.screenshot({ path: join(screenshotsDir, "staff-exchange-ar.png"), fullPage: true });

  assert.deepEqual(problems.filter((p) => !expectedConsole.test(p)), []);
  await page.close();
});

test("a family opens its case on the follow-up page with the receipt in Kurdish digits and writes to the caseworker", async () => {
  const response = await api("/api/v1/cases", {
    method: "POST",
    headers: { "Proof-Of-Work": await proofOfWork() },
    body: JSON.stringify({
      ...base,
      names: { given: "کاروان", father: "ئەحمەد", grandfather: "مەحمود", family: "جاف", mother: "ئامینە" },
      reporter: { relationship: "خوشک", name: "شیلان", phone: "07501234567", language: "ckb" },
      consent: "committee",
    }),
  });
  assert.equal(response.status, 201, await response.clone().text());
  const { case_number: number, receipt } = await response.json();
  // Extended Arabic-Indic digits, as a Sorani keyboard types them, with dashes.
  const typed = receipt
    .replace(/\D/g, "")
    .replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)])
    .replace(/(.{4})(?=.)/g, "$1-");

  const { page, problems } = await openPage(browser.context, "/follow-up?lang=ckb");
  await page.waitForFunction(() => document.documentElement.lang === "ckb" && document.documentElement.dir === "rtl");
  await page.getByLabel(ftl("ckb", "tips", "follow-up-receipt"), { exact: true }).fill(typed);
  await page.getByRole("button", { name: ftl("ckb", "tips", "follow-up-open") }).click();
  await page.locator(".case-number").filter({ hasText: number }).waitFor();
  await page.locator(".tip-status").filter({ hasText: cases("ckb", "case-status-reported") }).waitFor();
  await page.getByText(ftl("ckb", "tips", "follow-up-no-messages")).waitFor();
  assert.equal(await page.locator("#pictures").count(), 0, "a case takes no pictures here");

  const MESSAGE = "براکەم دوێنێ لە ژمارەیەکی نوێوە پەیوەندی کرد.";
  await page.getByLabel(ftl("ckb", "tips", "follow-up-case-message"), { exact: true }).fill(MESSAGE);
  await page.getByRole("button", { name: ftl("ckb", "tips", "follow-up-send") }).click();
  await page.locator(".conversation").getByText(MESSAGE).waitFor();
  await page.getByText(ftl("ckb", "tips", "follow-up-sent")).waitFor();
  assert.deepEqual(await axeViolations(page), [], "the family's case on follow-up");
  await fitsPhone(page, "the family's case on follow-up");
  await page.screenshot({ path: join(screenshotsDir, "follow-up-case-ckb.png"), fullPage: true });
  assert.deepEqual(problems.filter((p) => !expectedConsole.test(p)), []);
  await page.close();
});

// A real 1×1 PNG (the server decodes every picture).
const ONE_PIXEL_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgYPgPAAEDAQAIicLsAAAAAElFTkSuQmCC",
  "base64",
);

// The family's form is the server's, in five steps, the same with scripts and without: a family
// on Tor Browser at "Safest" and one on a phone with scripts go through the same pages.
async function familyReports(language, javaScript) {
  const label = `${language}, JavaScript ${javaScript ? "on" : "off"}`;
  const browser = await launch({ javaScript });
  const axeBrowser = javaScript ? null : await launch({ serviceWorkers: "block" });
  const shot = (name) => join(screenshotsDir, `missing-${name}-${language}${javaScript ? "" : "-nojs"}.png`);
  const axeHere = async (page, what) => {
    // Without scripts axe cannot run in the page itself; the first step is read as such a
    // browser reads it, and every other state is checked in the run with scripts.
    if (javaScript) assert.deepEqual(await axeViolations(page), [], `${what} (${label})`);
  };
  try {
    const { page, problems } = await openPage(browser.context, `/missing?lang=${language}`);
    assert.equal(new URL(page.url()).pathname, `/${language}/missing`);
    assert.equal(await page.locator("html").getAttribute("lang"), language);
    await page.getByRole("heading", { name: ftl(language, "main", "home-missing-title") }).waitFor();
    await page.getByRole("heading", { name: cases(language, "case-person") }).waitFor();
    if (!javaScript) {
      assert.deepEqual(await axeViolationsWithoutScripts(axeBrowser.context, `/${language}/missing`), [], `the first step (${label})`);
    }
    await axeHere(page, "the first step");
    await fitsPhone(page, `the first step (${label})`);
    assert.equal(await page.locator(".required-mark").count(), 2, "the two required names are marked");
    assert.equal(await page.locator("#names-given").getAttribute("required"), "", "and say so to screen readers");
    await page.screenshot({ path: shot("step1"), fullPage: true });

    // Nothing written: this step's required names are asked for, and nothing else.
    const next = () => page.getByRole("button", { name: cases(language, "missing-next") }).click();
    await next();
    assert.equal((await page.locator("#names-given-error").textContent()).trim(), ftl(language, "tips", "form-problem-required"));
    assert.equal((await page.locator("#names-father-error").textContent()).trim(), ftl(language, "tips", "form-problem-required"));
    assert.equal(await page.locator("#names-given").getAttribute("aria-invalid"), "true");
    await axeHere(page, "the first step with its problems");

    await page.locator("#names-given").fill("علي");
    await page.locator("#names-father").fill("كريم");
    await page.locator("#names-family").fill("الساعدي");
    await page.locator("#names-latin").fill("Ali Kareem Jawad Al-Saedi");
    await page.locator("#sex").selectOption("male");
    await page.locator("#date-of-birth").fill("٢٠٠٣");
    await page.locator("#governorate").selectOption("maysan");
    await page.locator("#phones").fill("07701112233، 07801112233");
    await page.locator("#accounts").fill("t.me/ali_saedi");
    if (javaScript) {
      // The form's island keeps a draft in this tab: a family that comes back to the form finds
      // what it typed.
      await page.goto(new URL(`/${language}/missing`, baseUrl).href);
      await page.waitForFunction(() => document.getElementById("names-family").value !== "");
      assert.equal(await page.locator("#names-family").inputValue(), "الساعدي");
      assert.equal(await page.locator("#governorate").inputValue(), "maysan");
      assert.equal(await page.locator("#names-latin").inputValue(), "Ali Kareem Jawad Al-Saedi");
    }
    await next();

    // A month that does not exist is explained beside its field, in this form's words.
    await page.getByRole("heading", { name: cases(language, "missing-journey") }).waitFor();
    await page.locator("#left-on").fill("2026-13");
    await page.locator("#destination").fill("روسيا");
    await page.locator("#recruiter").fill("مكتب سفر في العمارة وعدهم بعمل في الحراسة");
    await next();
    assert.equal((await page.locator("#left-on-error").textContent()).trim(), cases(language, "missing-invalid-date"));
    assert.equal(await page.locator("#destination").inputValue(), "روسيا", "what was typed is kept");
    await axeHere(page, "the second step with a problem");
    await fitsPhone(page, `the second step (${label})`);
    await page.screenshot({ path: shot("step2"), fullPage: true });

    // Back keeps everything; forward again.
    await page.locator("#left-on").fill("2026-03");
    await page.getByRole("button", { name: cases(language, "missing-back") }).click();
    await page.getByRole("heading", { name: cases(language, "case-person") }).waitFor();
    assert.equal(await page.locator("#names-family").inputValue(), "الساعدي");
    assert.equal(await page.locator("#governorate").inputValue(), "maysan");
    await next();
    assert.equal(await page.locator("#left-on").inputValue(), "2026-03");
    await next();

    await page.getByRole("heading", { name: cases(language, "case-last-contact") }).waitFor();
    await page.locator("#last-contact-on").fill("2026-04-02");
    await page.locator("#last-contact-text").fill("قال إنه في معسكر تدريب");
    await next();

    await page.getByRole("heading", { name: cases(language, "missing-step-you") }).waitFor();
    assert.equal(await page.locator(".required-mark").count(), 3);
    await page.locator("#reporter-relationship").fill("الأم");
    await page.locator("#reporter-name").fill("زينب عباس");
    await page.locator("#reporter-phone").fill("٠٧٧٠ ٩٩٩ ٨٨٧٧");
    assert.equal(await page.locator("#reporter-phone").getAttribute("dir"), "ltr", "digit groups in order");
    await axeHere(page, "the fourth step");
    await next();

    await page.getByRole("heading", { name: cases(language, "missing-step-consent") }).waitFor();
    // Without a script, the form waits out its delay (3 seconds in the browser tests), which a
    // family spends over four steps and this script does not; with one, the island solves a
    // proof of work instead.
    if (!javaScript) await new Promise((resolve) => setTimeout(resolve, 3_200));
    await page.locator("#photo").setInputFiles({ name: "ali.png", mimeType: "image/png", buffer: ONE_PIXEL_PNG });
    await page.getByLabel(cases(language, "case-consent-humanitarian")).check();
    await axeHere(page, "the last step");
    await fitsPhone(page, `the last step (${label})`);
    await page.screenshot({ path: shot("step5"), fullPage: true });
    if (javaScript) await islandsReady(page);
    await page.getByRole("button", { name: cases(language, "missing-submit") }).click();

    await page.getByRole("heading", { name: cases(language, "missing-sent-title") }).waitFor({ timeout: 120_000 });
    if (javaScript) {
      await page.getByRole("button", { name: ftl(language, "tips", "report-copy") }).waitFor();
      assert.equal(await page.evaluate(() => sessionStorage.getItem("sanad-draft:missing")), null, "the draft is wiped");
    }
    const number = (await page.locator(".case-number").textContent()).trim();
    assert.match(number, /^MP-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const receipt = (await page.locator("#receipt-number").textContent()).trim();
    assert.match(receipt, /^\d{4} \d{4} \d{4} \d{4}$/);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: ftl(language, "tips", "report-save-file") }).click(),
    ]);
    const saved = readFileSync(await download.path(), "utf8");
    assert.ok(saved.includes(number) && saved.includes(receipt), `the saved file holds the case number and the receipt: ${saved}`);
    assert.ok(!/[\u2066-\u2069]/.test(saved), "no invisible direction marks in the file");
    await axeHere(page, "the family's receipt");
    await fitsPhone(page, `the family's receipt (${label})`);
    await page.screenshot({ path: shot("receipt"), fullPage: true });
    assert.deepEqual(await browser.context.cookies(), [], "no cookie is ever set");
    assert.deepEqual(problems.filter((p) => !expectedConsole.test(p)), []);

    // The receipt opens the case on follow-up.
    await page.goto(new URL(`/${language}/follow-up`, baseUrl).href);
    await page.locator("#receipt").fill(receipt);
    await page.getByRole("button", { name: ftl(language, "tips", "follow-up-open") }).click();
    await page.locator(".case-number").filter({ hasText: number }).waitFor();
    await page.close();
    return number;
  } finally {
    await browser.close();
    if (axeBrowser) await axeBrowser.close();
  }
}

/// What the family wrote arrived whole, photo included: a caseworker's view through the API.
async function caseworkerReads(numbers) {
  const output = execFileSync(
    process.env.SANAD_BIN,
    ["create-admin", "--email", "family-form@example.org", "--name", "Rana", "--language", "ar"],
    { env: { ...process.env, SANAD_DATA_DIR: process.env.SANAD_DATA_DIR }, encoding: "utf8" },
  );
  const secret = output.split("\n").find((l) => l.startsWith("http")).split("#")[1];
  assert.equal((await api("/api/v1/auth/link/password", { method: "POST", body: JSON.stringify({ token: secret, password: PASSWORD }) })).status, 204);
  const login = await api("/api/v1/auth/login", {
    method: "POST",
    body: JSON.stringify({ email: "family-form@example.org", password: PASSWORD }),
  });
  const auth = { Authorization: `Bearer ${(await login.json()).access_token}` };
  const list = await (await api("/api/v1/cases?limit=100", { headers: auth })).json();
  for (const number of numbers) {
    const id = list.cases.find((c) => c.case_number === number).id;
    const detail = await (await api(`/api/v1/cases/${id}`, { headers: auth })).json();
    const text = JSON.stringify(detail);
    for (const expected of ["الساعدي", "Ali Kareem Jawad Al-Saedi", "+9647701112233", "+9647801112233", "ali_saedi", "humanitarian", "maysan", "2026-03", "2003", "+9647709998877"]) {
      assert.ok(text.includes(expected), `case ${number} holds ${expected}: ${text}`);
    }
    assert.equal((await api(`/api/v1/cases/${id}/photo`, { headers: auth })).status, 200, "the photo arrived");
  }
}

test("a family reports a missing relative in five steps with a photo, with JavaScript and without, keeps the receipt and opens the case", async () => {
  const withScripts = await familyReports("ar", true);
  const withoutScripts = await familyReports("ckb", false);
  await caseworkerReads([withScripts, withoutScripts]);
});
