// Lighthouse mobile on the public pages in Arabic and Sorani: what does not depend on the
// machine's speed is asserted here (accessibility and best practices 100, no layout shift, no
// request to another host). The performance score and its timings do depend on it, so they are
// measured and judged by `cargo xtask bench pages`, never here (an idle machine of ours scored
// /learn 88 where another scored 99).
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { audit, pagesToAudit } from "../lighthouse.mjs";
import { baseUrl, screenshotsDir } from "./helpers.mjs";

const REQUIRED = { accessibility: 100, "best-practices": 100 };

test("Lighthouse mobile: accessibility, best practices, no layout shift, nothing from another host", { timeout: 900_000 }, async () => {
  mkdirSync(screenshotsDir, { recursive: true });
  const origin = new URL(baseUrl).origin;
  const failures = [];
  for (const result of await audit(baseUrl, await pagesToAudit(baseUrl), Object.keys(REQUIRED))) {
    const { path, scores } = result;
    console.log(`Lighthouse ${path}: ${JSON.stringify(scores)}, layout shift ${result.cls}`);
    writeFileSync(join(screenshotsDir, `lighthouse-${path.replace(/[^a-z0-9]+/gi, "-")}.json`), result.report);
    for (const [category, required] of Object.entries(REQUIRED)) {
      if (scores[category] < required) {
        failures.push(`${path} ${category} ${scores[category]} < ${required}: ${result.failing[category].join(", ")}`);
      }
    }
    if (result.cls === null) failures.push(`${path}: Lighthouse measured no layout shift figure`);
    else if (result.cls > 0) failures.push(`${path}: layout shift ${result.cls} (${result.shifted.join(" | ")})`);
    if (!result.requested.length) failures.push(`${path}: Lighthouse recorded no request`);
    const foreign = result.requested.filter((url) => /^https?:/.test(url) && new URL(url).origin !== origin);
    if (foreign.length) failures.push(`${path} requested another host: ${foreign.join(", ")}`);
  }
  assert.deepEqual(failures, []);
});
