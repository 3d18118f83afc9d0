// Shared setup for the browser tests: Debian's Chromium, launched as our machines require, and
// the expected texts read from the same Fluent files the app uses.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";
import { mkdtempSync, rmSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";

export const baseUrl = process.env.SANAD_URL;
if (!baseUrl) throw new Error("SANAD_URL is not set: run the browser tests through `cargo xtask test`");
const executablePath = process.env.SANAD_CHROMIUM || "/usr/bin/chromium";
const localesDir = process.env.SANAD_LOCALES || join(import.meta.dirname, "..", "..", "locales");
export const screenshotsDir = process.env.SANAD_SCREENSHOTS || join(import.meta.dirname, "..", "results");

export const languages = [
  { code: "ar", dir: "rtl" },
  { code: "ckb", dir: "rtl" },
  { code: "kmr", dir: "ltr" },
  { code: "en", dir: "ltr" },
];

/// The value of a simple one-line Fluent message.
export function message(language, key) {
  const text = readFileSync(join(localesDir, language, "main.ftl"), "utf8");
  const line = text.split("\n").find((l) => l.startsWith(`${key} =`));
  if (!line) throw new Error(`${language}/main.ftl has no ${key}`);
  return line.slice(key.length + 2).trim();
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/// `javaScript: false` is Tor Browser at "Safest": the public pages must work without a script.
export async function launch({ javaScript = true, locale, serviceWorkers = "allow" } = {}) {
  const userDataDir = mkdtempSync(join(tmpdir(), "sanad-chromium-"));
  const browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    javaScriptEnabled: javaScript,
    serviceWorkers,
    ...(locale ? { locale } : {}),
    viewport: { width: 360, height: 740 },
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
  return {
    context: browser,
    async close() {
      await browser.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/// A fresh page that records console errors, page errors, CSP violations and any request to
/// another host (a tipster's browser must never tell a third party that it visited).
export async function openPage(context, path) {
  const page = await context.newPage();
  const problems = [];
  const origin = new URL(baseUrl).origin;
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("request", (r) => {
    const url = r.url();
    if (/^(https?|wss?):/.test(url) && new URL(url).origin !== origin) problems.push(`request to another host: ${url}`);
  });
  await page.goto(new URL(path, baseUrl).href);
  return { page, problems };
}

/// Runs axe-core in the page. It is evaluated through the DevTools protocol, so the page's strict
/// CSP (which forbids injected scripts) stays in force for the app itself.
export async function axeViolations(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  });
  return result;
}

/// axe-core on the page as a browser without scripts shows it. axe itself needs scripts (with
/// them off in Chromium its promises never settle), so the page is loaded in `context` (scripts
/// on, service workers blocked) with every script of the page refused and its HTML given as
/// scripting-off browsers parse it: `<noscript>` content is markup, `<script>` elements do
/// nothing.
export async function axeViolationsWithoutScripts(context, path) {
  const page = await context.newPage();
  await page.route("**/*", async (route) => {
    const request = route.request();
    if (request.resourceType() === "script") return route.abort();
    if (request.resourceType() !== "document") return route.continue();
    const response = await route.fetch();
    const html = (await response.text())
      .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "")
      .replace(/<\/?noscript>/g, "");
    return route.fulfill({ response, body: html });
  });
  await page.goto(new URL(path, baseUrl).href);
  const violations = await axeViolations(page);
  await page.close();
  return violations;
}

/// Waits until every island on the page has hydrated (each marks its element `data-ready`).
export async function islandsReady(page) {
  await page.waitForFunction(() => {
    const islands = document.querySelectorAll("leptos-island");
    return islands.length > 0 && islands.length === document.querySelectorAll("leptos-island > [data-ready]").length;
  });
}

/// A one-line Fluent message from locales/<language>/<file>.ftl.
export function ftl(language, file, key) {
  const text = readFileSync(join(localesDir, language, `${file}.ftl`), "utf8");
  const line = text.split("\n").find((l) => l.startsWith(`${key} =`));
  if (!line) throw new Error(`${language}/${file}.ftl has no ${key}`);
  return line.slice(key.length + 2).trim();
}

/// Fails when the page scrolls sideways on the phone-sized viewport.
export async function fitsPhone(page, what) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) throw new Error(`${what} scrolls sideways by ${overflow} px at 360 px wide`);
}

/// A JSON request to the server under test.
export const api = (path, init = {}) =>
  fetch(new URL(path, baseUrl), { ...init, headers: { "Content-Type": "application/json", ...(init.headers || {}) } });

/// Solves a fresh challenge in Node, as the public forms do in the browser: the smallest nonce
/// whose SHA-256 of `token:nonce` starts with the challenge's number of zero bits.
export async function proofOfWork() {
  const response = await api("/api/v1/challenges", { method: "POST" });
  if (response.status !== 201) throw new Error(`a challenge answered ${response.status}`);
  const { token, bits } = await response.json();
  for (let nonce = 0; ; nonce++) {
    // Let fetch see the server close the challenge's idle connection (its keep-alive is 5 s):
    // a solve that blocks longer left that dead connection pooled, and the POST that followed
    // failed on it with "fetch failed" (seen once in CI, on a slow machine).
    if (nonce % 20_000 === 0) await new Promise((resolve) => setImmediate(resolve));
    const digest = createHash("sha256").update(`${token}:${nonce}`).digest();
    let zeros = 0;
    for (const byte of digest) {
      if (byte === 0) {
        zeros += 8;
        continue;
      }
      zeros += Math.clz32(byte) - 24;
      break;
    }
    if (zeros >= bits) return `${token}:${nonce}`;
  }
}
