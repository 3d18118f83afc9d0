// Anonymous tips in a real browser: a tipster reports in Arabic with a picture (the form's island
// keeps the draft and solves the proof of work), keeps the receipt, comes back typing it in
// Arabic-Indic digits and writes to the moderators; a moderator finds the
// tip, sees the picture and the message, answers and changes the status; the tipster sees it.
// Along the way: axe-core on every screen, a 360 px screen, and the proof of work's speed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import { launch, openPage, axeViolations, axeViolationsWithoutScripts, baseUrl, screenshotsDir, islandsReady } from "./helpers.mjs";

const localesDir = process.env.SANAD_LOCALES || join(import.meta.dirname, "..", "..", "locales");

/// A one-line Fluent message from locales/<language>/<file>.ftl.
function ftl(language, file, key) {
  const text = readFileSync(join(localesDir, language, `${file}.ftl`), "utf8");
  const line = text.split("\n").find((l) => l.startsWith(`${key} =`));
  if (!line) throw new Error(`${language}/${file}.ftl has no ${key}`);
  return line.slice(key.length + 2).trim();
}
const tips = (language, key) => ftl(language, "tips", key);
const staff = (language, key) => ftl(language, "staff", key);
const main = (language, key) => ftl(language, "main", key);

// A real 2×2 PNG (the server decodes every picture), built here so the test needs no fixture.
function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
function tinyPng() {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0); // width
  header.writeUInt32BE(2, 4); // height
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows = Buffer.from([0, 200, 30, 30, 30, 120, 200, 0, 250, 250, 250, 10, 10, 10]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const arabicIndic = (digits) => digits.replace(/\d/g, (d) => "٠١٢٣٤٥٦٧٨٩"[Number(d)]);

async function fitsPhone(page, what) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${what} scrolls sideways by ${overflow} px at 360 px wide`);
}

/// Records how long the page took to solve each proof of work: from the challenge's arrival to the
/// form leaving with its `proof` field, and the nonce it found (the search starts at 0, so
/// attempts = nonce + 1).
function watchProofOfWork(page, samples) {
  let pending = null;
  page.on("response", async (response) => {
    if (response.url().endsWith("/api/v1/challenges") && response.status() === 201) {
      const at = performance.now();
      const { bits } = await response.json();
      pending = { at, bits };
    }
  });
  page.on("request", (request) => {
    if (request.method() !== "POST" || !/\/(report|missing)$/.test(new URL(request.url()).pathname) || !pending) return;
    const body = request.postDataBuffer()?.toString("latin1") || "";
    const proof = /name="proof"\r\n\r\n([^\r]*)\r\n/.exec(body)?.[1];
    if (!proof) return;
    const attempts = Number(proof.split(":").pop()) + 1;
    samples.push({ bits: pending.bits, attempts, ms: performance.now() - pending.at });
    pending = null;
  });
}

// Answers the page's own requests may get on purpose (a refused proof is retried, a wrong
// receipt is refused); anything else in the console is a failure.
const expectedConsole = /Failed to load resource: the server responded with a status of (400|401|404)/;

let browser;
const powSamples = [];
before(async () => {
  browser = await launch();
  mkdirSync(screenshotsDir, { recursive: true });
});
after(async () => {
  if (browser) await browser.close();
  if (powSamples.length) {
    const attempts = powSamples.reduce((sum, s) => sum + s.attempts, 0);
    const ms = powSamples.reduce((sum, s) => sum + s.ms, 0);
    const rate = attempts / (ms / 1000);
    for (const s of powSamples) {
      console.log(`proof of work: ${s.bits} bits solved after ${s.attempts} attempts in ${s.ms.toFixed(0)} ms`);
    }
    console.log(
      `proof of work in this Chromium: ${Math.round(rate)} hashes/s (page slices and pauses included); ` +
        `expected time at 16 bits ${(2 ** 16 / rate).toFixed(2)} s, 18 bits ${(2 ** 18 / rate).toFixed(2)} s, ` +
        `20 bits ${(2 ** 20 / rate).toFixed(2)} s`,
    );
  }
});

const DESCRIPTION = "رجل يعرض على الشباب في حي الكرادة عقود عمل في روسيا براتب كبير، ثم يطلب جوازات سفرهم.";
const PHONE = "٠٧٧٠ ١٢٣ ٤٥٦٧";
const MESSAGE = "رأيته مرة أخرى اليوم قرب المقهى نفسه.";
const REPLY = "شكراً لك. هل تتذكر اسم المقهى؟";
const NOTE = "نتابع هذا البلاغ مع الجهات المختصة.";
const PASSWORD = "Euphrates reeds bend at noon, 1920";

let receipt;
let tipsterPage;

test("a tipster reports in Arabic with a picture and keeps the receipt", async () => {
  const { page, problems } = await openPage(browser.context, "/ar/report");
  watchProofOfWork(page, powSamples);
  await page.waitForFunction(() => document.documentElement.lang === "ar" && document.documentElement.dir === "rtl");
  await page.getByRole("heading", { name: main("ar", "nav-report") }).waitFor();
  await islandsReady(page);
  assert.equal(await page.locator("#wait-hint").count(), 0, "no wait where the island sends a proof");
  assert.ok(await page.locator(".working").isHidden(), "no progress before anything is sent");
  assert.deepEqual(await axeViolations(page), [], "the empty report form");
  await fitsPhone(page, "the report form");

  // Nothing chosen or written: the server answers with the problems beside their fields.
  await page.getByRole("button", { name: tips("ar", "report-submit") }).click();
  await page.locator("#subject-error").getByText(tips("ar", "form-problem-choose-subject")).waitFor({ timeout: 120_000 });
  await page.locator("#description-error").getByText(tips("ar", "form-problem-required")).waitFor();
  const description = page.locator("#description");
  assert.equal(await description.getAttribute("aria-invalid"), "true");
  assert.match(await description.getAttribute("aria-describedby"), /description-error/);
  await islandsReady(page);
  assert.deepEqual(await axeViolations(page), [], "the report form showing problems");

  await page.getByLabel(tips("ar", "tip-subject-recruiter")).check();
  await description.fill(DESCRIPTION);
  await page.locator("details.more > summary").click();
  await page.locator("#name-0").fill("أبو علي");
  await page.locator("#phone-0").fill(PHONE);
  await page.locator("#account-platform-0").selectOption("telegram");
  await page.locator("#account-0").fill("@recruits_iq");
  await page.locator("#governorate").selectOption("baghdad");
  await page.locator("#place").fill("الكرادة");
  await page.locator("#month").fill("2026-03");

  // The draft survives a reload, in this tab's sessionStorage only, without the pictures.
  await page.reload();
  await page.getByRole("heading", { name: main("ar", "nav-report") }).waitFor();
  await islandsReady(page);
  await page.waitForFunction(() => document.getElementById("description").value !== "");
  assert.equal(await page.locator("#description").inputValue(), DESCRIPTION);
  assert.equal(await page.locator("#phone-0").inputValue(), PHONE);
  assert.equal(await page.locator("#governorate").inputValue(), "baghdad");
  assert.ok(await page.getByLabel(tips("ar", "tip-subject-recruiter")).isChecked());
  const stored = await page.evaluate(() => ({
    session: sessionStorage.getItem("sanad-draft:report") || "",
    local: JSON.stringify(localStorage),
  }));
  assert.ok(stored.session.includes("recruits_iq"));
  assert.ok(!stored.local.includes("recruits_iq"), "no draft in localStorage");

  await page.locator("#pictures").setInputFiles({ name: "IMG_0001.png", mimeType: "image/png", buffer: tinyPng() });
  assert.deepEqual(await axeViolations(page), [], "the filled report form");
  await fitsPhone(page, "the filled report form");
  await page.screenshot({ path: join(screenshotsDir, "report-ar.png"), fullPage: true });

  // A number the server cannot dial comes back as a problem beside its own row, the rest kept.
  await page.locator("#phone-0").fill("١٢٣");
  await page.getByRole("button", { name: tips("ar", "report-submit") }).click();
  // The proof of work shows its progress while it runs.
  await page.locator(".working").waitFor({ state: "visible", timeout: 5_000 }).catch(() => {});
  await page.locator("#phone-0-error").getByText(tips("ar", "error-invalid-phone-number")).waitFor({ timeout: 120_000 });
  assert.equal(await page.locator("#phone-0").getAttribute("aria-invalid"), "true");
  assert.equal(await page.locator("#description").inputValue(), DESCRIPTION);
  await islandsReady(page);
  await page.locator("#phone-0").fill(PHONE);
  await page.locator("#pictures").setInputFiles({ name: "IMG_0001.png", mimeType: "image/png", buffer: tinyPng() });
  // The proof solved for the sending that came back was not spent: it goes with this one.
  assert.match(await page.locator("input[name=proof]").inputValue(), /^[^:]+:\d+$/);
  let challenges = 0;
  page.on("request", (r) => {
    if (r.url().endsWith("/api/v1/challenges")) challenges += 1;
  });

  await page.getByRole("button", { name: tips("ar", "report-submit") }).click();
  const shown = page.locator("#receipt-number");
  await shown.waitFor({ timeout: 120_000 });
  const grouped = (await shown.textContent()).trim();
  assert.match(grouped, /^\d{4} \d{4} \d{4} \d{4}$/, "sixteen digits in groups of four");
  assert.equal(await shown.getAttribute("dir"), "ltr");
  assert.ok(!page.url().includes(grouped.replace(/ /g, "")), "the receipt is in no address");
  receipt = grouped.replace(/ /g, "");
  assert.equal(challenges, 0, "no second proof of work was solved");
  // The receipt page's island forgets the draft and offers to copy the receipt.
  const copy = page.getByRole("button", { name: tips("ar", "report-copy") });
  await copy.waitFor();
  assert.equal(await page.evaluate(() => sessionStorage.getItem("sanad-draft:report")), null, "the draft is wiped");
  await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl });
  await copy.click();
  await page.getByText(tips("ar", "report-copied")).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), grouped);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: tips("ar", "report-save-file") }).click(),
  ]);
  const saved = readFileSync(await download.path(), "utf8");
  assert.ok(saved.includes(grouped), "the saved file holds the receipt");
  assert.ok(!/[\u2066-\u2069]/.test(saved), "no invisible direction marks in the file");
  assert.deepEqual(await axeViolations(page), [], "the receipt");
  await fitsPhone(page, "the receipt");
  await page.screenshot({ path: join(screenshotsDir, "receipt-ar.png"), fullPage: true });
  assert.equal(await page.evaluate(() => document.cookie), "", "no cookie is ever set");

  // Back with the receipt, typed in Arabic-Indic digits with spaces.
  await page.getByRole("link", { name: tips("ar", "home-follow-up") }).click();
  await page.getByRole("heading", { name: tips("ar", "follow-up-title") }).waitFor();
  assert.deepEqual(await axeViolations(page), [], "the receipt form");
  const field = page.locator("#receipt");
  assert.equal(await field.getAttribute("inputmode"), "numeric");
  assert.equal(await field.getAttribute("autocomplete"), "off");
  await field.fill("١٢٣٤");
  await page.locator("form button[type=submit]").click();
  await page.getByText(tips("ar", "error-receipt-malformed")).waitFor();
  const typed = arabicIndic(receipt).replace(/(.{4})(?=.)/g, "$1 ");
  await page.locator("#receipt").fill(typed);
  await page.locator("form button[type=submit]").click();
  await page.locator(".tip-status").getByText(tips("ar", "tip-public-status-received")).waitFor();

  await page.locator("#message").fill(MESSAGE);
  await page.locator("#pictures").setInputFiles({ name: "IMG_0002.png", mimeType: "image/png", buffer: tinyPng() });
  await page.locator("form button[type=submit]").click();
  await page.locator(".conversation").getByText(MESSAGE).waitFor();
  await page.getByText(tips("ar", "follow-up-pictures-added")).waitFor();
  assert.deepEqual(await axeViolations(page), [], "the opened report");
  await fitsPhone(page, "the follow-up page");
  await page.screenshot({ path: join(screenshotsDir, "follow-up-ar.png"), fullPage: true });
  assert.deepEqual(problems.filter((p) => !expectedConsole.test(p)), []);
  tipsterPage = page;
});

test("a moderator reads the tip, sees its picture and message, answers and sets it in review", async () => {
  assert.ok(tipsterPage, "the tipster's test ran");
  // A staff member made on the command line, given the moderator role through the API.
  const output = execFileSync(
    process.env.SANAD_BIN,
    ["create-admin", "--email", "moderator@example.org", "--name", "Mona", "--language", "ar"],
    { env: { ...process.env, SANAD_DATA_DIR: process.env.SANAD_DATA_DIR }, encoding: "utf8" },
  );
  const secret = output.split("\n").find((l) => l.startsWith("http")).split("#")[1];
  const api = (path, init = {}) =>
    fetch(new URL(path, baseUrl), { ...init, headers: { "Content-Type": "application/json", ...(init.headers || {}) } });
  assert.equal((await api("/api/v1/auth/link/password", { method: "POST", body: JSON.stringify({ token: secret, password: PASSWORD }) })).status, 204);
  const login = await api("/api/v1/auth/login", {
    method: "POST",
    body: JSON.stringify({ email: "moderator@example.org", password: PASSWORD }),
  });
  assert.equal(login.status, 200);
  const grant = await login.json();
  const roles = await api(`/api/v1/staff/${grant.staff.id}/roles`, {
    method: "PUT",
    headers: { Authorization: `Bearer ${grant.access_token}` },
    body: JSON.stringify({ roles: ["moderator"] }),
  });
  // Run alone, this is the only admin, which must stay: then it works the tips as an admin.
  const moderatorOnly = roles.status === 204;
  assert.ok(moderatorOnly || roles.status === 409, `setting roles answered ${roles.status}`);

  const { page, problems } = await openPage(browser.context, "/staff?lang=ar");
  await page.getByLabel(staff("ar", "staff-email")).fill("moderator@example.org");
  await page.getByLabel(staff("ar", "staff-password")).fill(PASSWORD);
  await page.getByRole("button", { name: staff("ar", "staff-sign-in") }).click();
  await page.getByRole("link", { name: tips("ar", "staff-nav-tips") }).click();
  if (moderatorOnly) assert.equal(await page.getByRole("link", { name: staff("ar", "staff-nav-team") }).count(), 0);

  const row = page.locator(".tip-row").filter({ hasText: tips("ar", "tips-awaiting-reply") }).first();
  await row.waitFor();
  assert.ok((await row.textContent()).includes(tips("ar", "tip-subject-recruiter")));
  assert.ok((await row.textContent()).includes(tips("ar", "governorate-baghdad")));
  assert.deepEqual(await axeViolations(page), [], "the tip list");
  await fitsPhone(page, "the tip list");
  await page.screenshot({ path: join(screenshotsDir, "staff-tips-ar.png"), fullPage: true });

  await row.locator("a.tip-link").click();
  await page.getByText(DESCRIPTION).waitFor();
  // The number among the tip's fields, and again among what the tip names (the connections).
  await page.locator("dl.tip-fields").getByText("+9647701234567").waitFor();
  await page.locator("section.connections a.entity-link").filter({ hasText: "+9647701234567" }).waitFor();
  await page.getByText("@recruits_iq").waitFor();
  await page.locator(".conversation").getByText(MESSAGE).waitFor();
  assert.equal(await page.locator(".thumbnail").count(), 2, "the report's picture and the one added later");
  const picture = page.locator(".thumbnail img").first();
  await picture.waitFor();
  const src = await picture.getAttribute("src");
  assert.ok(src.startsWith("blob:"), "the picture is shown through an object URL");
  await page.waitForFunction(() => {
    const images = [...document.querySelectorAll(".thumbnail img")];
    return images.length === 2 && images.every((img) => img.complete && img.naturalWidth === 2);
  });

  await page.getByLabel(tips("ar", "tip-reply"), { exact: true }).fill(REPLY);
  await page.getByRole("button", { name: tips("ar", "tip-send-reply") }).click();
  await page.locator(".conversation").getByText(REPLY).waitFor();
  await page.locator("#tip-status").selectOption("in_review");
  await page.getByLabel(tips("ar", "tip-public-message"), { exact: true }).fill(NOTE);
  await page.getByRole("button", { name: tips("ar", "tip-save-status"), exact: true }).click();
  await page.getByText(staff("ar", "staff-saved")).waitFor();
  assert.deepEqual(await axeViolations(page), [], "the tip");
  await fitsPhone(page, "the tip");
  await page.screenshot({ path: join(screenshotsDir, "staff-tip-ar.png"), fullPage: true });

  // Leaving the tip revokes the picture's object URL.
  await page.getByRole("link", { name: tips("ar", "tip-back") }).click();
  await page.locator(".tip-row").first().waitFor();
  const loads = await page.evaluate(
    (url) => new Promise((resolve) => {
      const img = new Image();
      img.onload = () => resolve(true);
      img.onerror = () => resolve(false);
      img.src = url;
    }),
    src,
  );
  assert.equal(loads, false, "the object URL is revoked");
  const revoked = /Failed to load resource: net::ERR_FILE_NOT_FOUND/;
  assert.deepEqual(problems.filter((p) => !expectedConsole.test(p) && !revoked.test(p)), []);
  await page.close();

  // The tipster opens the report again with the receipt and sees the answer.
  await tipsterPage.goto(new URL("/ar/follow-up", baseUrl).href);
  await tipsterPage.locator("#receipt").fill(receipt);
  await tipsterPage.locator("form button[type=submit]").click();
  await tipsterPage.getByText(tips("ar", "tip-public-status-in-review")).waitFor();
  await tipsterPage.getByText(NOTE).waitFor();
  await tipsterPage.locator(".conversation").getByText(REPLY).waitFor();
  await tipsterPage.close();
});

test("a report without pictures in English reads left to right, its proof solved by the island", async () => {
  const { page, problems } = await openPage(browser.context, "/en/report");
  watchProofOfWork(page, powSamples);
  await page.waitForFunction(() => document.documentElement.lang === "en" && document.documentElement.dir === "ltr");
  await islandsReady(page);
  await page.getByLabel(tips("en", "tip-subject-agency")).check();
  await page.locator("#description").fill("A travel office in Basra offers security jobs abroad and keeps passports.");
  let proof = "";
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url().endsWith("/en/report")) {
      proof = /name="proof"\r\n\r\n([^\r]*)\r\n/.exec(r.postDataBuffer()?.toString("latin1") || "")?.[1] || "";
    }
  });
  await page.getByRole("button", { name: tips("en", "report-submit") }).click();
  await page.locator("#receipt-number").waitFor({ timeout: 120_000 });
  assert.match(proof, /^[^:]+:\d+$/, "the form went with a solved challenge, not after a wait");
  assert.deepEqual(await axeViolations(page), [], "the receipt in English");
  assert.deepEqual(problems.filter((p) => !expectedConsole.test(p)), []);
  await page.close();
});

test("a tipster without JavaScript sends a tip with a picture in Sorani, and the receipt opens it", async () => {
  const noScript = await launch({ javaScript: false });
  const axeBrowser = await launch({ serviceWorkers: "block" });
  try {
    const { page, problems } = await openPage(noScript.context, "/ckb/report");
    await page.getByRole("heading", { name: main("ckb", "nav-report") }).waitFor();
    assert.deepEqual(await axeViolationsWithoutScripts(axeBrowser.context, "/ckb/report"), [], "the form without scripts");
    await fitsPhone(page, "the form without scripts");
    await page.screenshot({ path: join(screenshotsDir, "report-nojs-ckb.png"), fullPage: true });

    // Sent at once: the wait is not over, and what was typed comes back.
    await page.getByLabel(tips("ckb", "tip-subject-agency")).check();
    const text = "نووسینگەیەکی گەشتیاری لە سلێمانی گەنجان بۆ شەڕ دەنێرێت.";
    await page.locator("#description").fill(text);
    await page.locator("details.more > summary").click();
    await page.locator("#phone-0").fill("٠٧٧٠ ١٢٣ ٤٥٦٧");
    await page.locator("#pictures").setInputFiles({ name: "IMG_0003.png", mimeType: "image/png", buffer: tinyPng() });
    await page.getByRole("button", { name: tips("ckb", "report-submit") }).click();
    // The words before the seconds, whose plural form the number chooses.
    const [soon] = main("ckb", "error-submission-too-soon").split("{ $");
    assert.ok((await page.locator("#form-error").textContent()).startsWith(soon), "the wait is not over");
    assert.equal(await page.locator("#description").inputValue(), text);
    assert.equal(await page.locator("#phone-0").inputValue(), "٠٧٧٠ ١٢٣ ٤٥٦٧");
    assert.equal(await page.locator("#phone-0").getAttribute("dir"), "ltr", "digit groups in order");
    assert.equal((await page.locator(".pictures .notice-warning").textContent()).trim(), tips("ckb", "report-pictures-again"));
    await page.screenshot({ path: join(screenshotsDir, "report-nojs-wait-ckb.png"), fullPage: true });

    // After the wait (3 s in the browser tests), with the picture chosen again.
    await new Promise((resolve) => setTimeout(resolve, 3_200));
    await page.locator("#pictures").setInputFiles({ name: "IMG_0003.png", mimeType: "image/png", buffer: tinyPng() });
    await page.getByRole("button", { name: tips("ckb", "report-submit") }).click();
    await page.getByRole("heading", { name: tips("ckb", "report-sent-title") }).waitFor();
    const shown = (await page.locator(".receipt").textContent()).trim();
    assert.match(shown, /^\d{4} \d{4} \d{4} \d{4}$/);
    assert.ok(!page.url().includes(shown.replace(/ /g, "")), "the receipt is in no address");
    await fitsPhone(page, "the receipt without scripts");
    await page.screenshot({ path: join(screenshotsDir, "receipt-nojs-ckb.png"), fullPage: true });
    assert.deepEqual(await noScript.context.cookies(), [], "no cookie");
    // The first, early, sending was answered 400 on purpose.
    assert.deepEqual(problems.filter((p) => !/status of 400/.test(p)), []);

    // The receipt opens the report on the follow-up page, without a script too, and the reply
    // box sends.
    await page.goto(new URL("/ckb/follow-up", baseUrl).href);
    assert.deepEqual(await axeViolationsWithoutScripts(axeBrowser.context, "/ckb/follow-up"), [], "the receipt form without scripts");
    await page.locator("#receipt").fill(shown);
    await page.locator("form button[type=submit]").click();
    await page.locator(".tip-status").waitFor();
    assert.equal((await page.locator(".tip-status").textContent()).trim(), tips("ckb", "tip-public-status-received"));
    const words = "ژمارە نوێیەکەی 0770 999 8888 ـە";
    await page.locator("#message").fill(words);
    // A picture goes with the message, from the same form.
    await page.locator("#pictures").setInputFiles({ name: "IMG_0004.png", mimeType: "image/png", buffer: tinyPng() });
    await page.locator("form button[type=submit]").click();
    await page.locator(".conversation .message-mine").getByText(words).waitFor();
    assert.equal((await page.locator("[role=status]").last().textContent()).trim(), tips("ckb", "follow-up-pictures-added"));
    assert.ok((await page.locator("#pictures-hint").textContent()).includes("2"), "two pictures in the report now");
    await fitsPhone(page, "the conversation without scripts");
    await page.screenshot({ path: join(screenshotsDir, "follow-up-nojs-ckb.png"), fullPage: true });

    // And with a script, the same receipt opens it the same way.
    const { page: followUp } = await openPage(browser.context, "/ckb/follow-up");
    await followUp.locator("#receipt").fill(shown);
    await followUp.locator("form button[type=submit]").click();
    await followUp.getByText(words).waitFor();
    await followUp.close();
  } finally {
    await noScript.close();
    await axeBrowser.close();
  }
});

/// The controls of `fieldset` that stick out of its box (a fieldset's overflow is not the page's,
/// so the page's scroll width does not show it).
async function outside(fieldset) {
  return fieldset.evaluate((box) => {
    const { left, right } = box.getBoundingClientRect();
    return [...box.querySelectorAll("label, select, input, button")]
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && (r.left < left - 0.5 || r.right > right + 0.5);
      })
      .map((e) => e.outerHTML.slice(0, 80));
  });
}

test("Kurmanji's long account labels and platform names stay within a 360 px phone, with JavaScript and without", async () => {
  for (const javaScript of [true, false]) {
    const phone = await launch({ javaScript });
    try {
      const { page } = await openPage(phone.context, "/kmr/report");
      await page.locator("details.more > summary").first().click();
      const accounts = page.locator("fieldset").filter({ has: page.locator("select") }).first();
      assert.equal(await accounts.locator("select").count(), 2);
      assert.deepEqual(await outside(accounts), [], `JavaScript ${javaScript ? "on" : "off"}`);
      await accounts.screenshot({ path: join(screenshotsDir, `report-accounts-kmr${javaScript ? "" : "-nojs"}.png`) });
    } finally {
      await phone.close();
    }
  }
});
