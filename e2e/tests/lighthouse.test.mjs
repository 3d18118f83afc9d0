// Lighthouse 12, mobile (a mid-range phone on simulated Slow 4G), on the pages young people and
// tipsters open first: home, the articles, one article and the tip form. The targets are in
// ../shared/design/quality.md: performance >= 95, accessibility 100, best practices 100.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { baseUrl, screenshotsDir } from "./helpers.mjs";

const TARGETS = { performance: 95, accessibility: 100, "best-practices": 100 };

async function firstArticle() {
  const response = await fetch(new URL("/api/v1/articles?lang=ar", baseUrl));
  const { articles } = await response.json();
  assert.ok(articles.length > 0, "the seed articles are published");
  return `/learn/${articles[0].slug}`;
}

test("Lighthouse mobile: performance, accessibility and best practices on the public pages", { timeout: 600_000 }, async () => {
  const pages = ["/", "/learn", await firstArticle(), "/report"];
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.SANAD_CHROMIUM || "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-quic"],
  });
  mkdirSync(screenshotsDir, { recursive: true });
  const failures = [];
  try {
    for (const path of pages) {
      const result = await lighthouse(new URL(path, baseUrl).href, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: Object.keys(TARGETS),
      });
      const lhr = result.lhr;
      const scores = Object.fromEntries(Object.keys(TARGETS).map((c) => [c, Math.round(lhr.categories[c].score * 100)]));
      const metrics = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift"]
        .map((id) => `${id} ${lhr.audits[id].displayValue}`)
        .join(", ");
      console.log(`Lighthouse ${path}: ${JSON.stringify(scores)} (${metrics})`);
      const name = path === "/" ? "home" : path.replace(/^\//, "").replace(/\//g, "-");
      writeFileSync(join(screenshotsDir, `lighthouse-${name}.json`), result.report);
      for (const [category, target] of Object.entries(TARGETS)) {
        if (scores[category] < target) {
          const failing = Object.values(lhr.audits)
            .filter((a) => a.score !== null && a.score < 1 && lhr.categories[category].auditRefs.some((r) => r.id === a.id && r.weight > 0))
            .map((a) => `${a.id} (${a.displayValue || a.score})`);
          failures.push(`${path} ${category} ${scores[category]} < ${target}: ${failing.join(", ")}`);
        }
      }
    }
  } finally {
    await chrome.kill();
  }
  assert.deepEqual(failures, []);
});
