// A busy recruiter's number: 130 tips name it, each with a number of its own, so its network
// holds more than the 200 items a view draws. The view says so, and its 200 items fit a
// 1366×850 screen with no two on top of each other. This file runs last (the runner takes the
// files in name order): its 130 linked tips would rise above the other tests' tips in the queue.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { launch, openPage, screenshotsDir, ftl, api, proofOfWork } from "./helpers.mjs";

const staff = (language, key) => ftl(language, "staff", key);
const PASSWORD = "The orchards of Diyala in spring, 1962";
const expectedConsole = /Failed to load resource: the server responded with a status of (400|401|404|409)/;

async function post(path, body) {
  const response = await api(path, {
    method: "POST",
    headers: { "Proof-Of-Work": await proofOfWork() },
    body: JSON.stringify(body),
  });
  assert.equal(response.status, 201, await response.clone().text());
  return response.json();
}

async function go(page, path) {
  await page.evaluate((p) => {
    history.pushState(null, "", p);
    dispatchEvent(new PopStateEvent("popstate"));
  }, path);
}

let browser;
let auth;
before(async () => {
  browser = await launch();
  mkdirSync(screenshotsDir, { recursive: true });
  const output = execFileSync(
    process.env.SANAD_BIN,
    ["create-admin", "--email", "volume@example.org", "--name", "Rafid", "--language", "ar"],
    { env: { ...process.env, SANAD_DATA_DIR: process.env.SANAD_DATA_DIR }, encoding: "utf8" },
  );
  const secret = output.split("\n").find((l) => l.startsWith("http")).split("#")[1];
  assert.equal((await api("/api/v1/auth/link/password", { method: "POST", body: JSON.stringify({ token: secret, password: PASSWORD }) })).status, 204);
  const grant = await (await api("/api/v1/auth/login", { method: "POST", body: JSON.stringify({ email: "volume@example.org", password: PASSWORD }) })).json();
  auth = { Authorization: `Bearer ${grant.access_token}` };
});
after(async () => {
  if (browser) await browser.close();
});

test("a busy number's network of 200 items fits the screen, none on top of another", { timeout: 600_000 }, async () => {
  // 130 tips name one number and each a number of its own: more than the view holds.
  for (let n = 0; n < 130; n++) {
    const own = `0790${String(10_000_000 + n).slice(1)}`;
    await post("/api/v1/tips", { subject: "recruiter", description: `إعلان ${n}`, phones: ["07505550000", own] });
  }
  const phoneId = (await (await api("/api/v1/entities?value=07505550000", { headers: auth })).json()).entities[0].id;
  const { page, problems } = await openPage(browser.context, "/staff?lang=ar");
  await page.setViewportSize({ width: 1366, height: 850 });
  const field = page.getByLabel(staff("ar", "staff-email"));
  await field.or(page.locator(".staff-nav")).first().waitFor();
  if (!(await page.locator(".staff-nav").isVisible())) {
    await field.fill("volume@example.org");
    await page.getByLabel(staff("ar", "staff-password")).fill(PASSWORD);
    await page.getByRole("button", { name: staff("ar", "staff-sign-in") }).click();
    await page.locator(".staff-nav").waitFor();
  }
  await go(page, `/staff/network/entity/${phoneId}`);
  const svg = page.locator("svg.network");
  await svg.waitFor();
  await page.getByText(staff("ar", "network-truncated")).waitFor();
  const circles = await svg.locator("circle").evaluateAll((all) => all.map((c) => c.getBoundingClientRect()));
  assert.equal(circles.length, 200);
  const frame = await svg.evaluate((s) => s.getBoundingClientRect());
  assert.ok(frame.width <= 1366 && frame.width > 1000, `the drawing spans the screen: ${frame.width}`);
  for (const c of circles) {
    assert.ok(c.left >= frame.left && c.right <= frame.right && c.top >= frame.top && c.bottom <= frame.bottom, "every item inside the drawing");
  }
  let closest = Infinity;
  const centres = circles.map((c) => [c.left + c.width / 2, c.top + c.height / 2]);
  for (let i = 0; i < centres.length; i++) {
    for (let j = i + 1; j < centres.length; j++) {
      closest = Math.min(closest, Math.hypot(centres[i][0] - centres[j][0], centres[i][1] - centres[j][1]));
    }
  }
  assert.ok(closest >= 8, `no two items on top of each other on screen (closest ${closest.toFixed(1)} px)`);
  await page.screenshot({ path: join(screenshotsDir, "staff-network-busy-ar.png") });
  assert.deepEqual(problems.filter((p) => !expectedConsole.test(p)), []);
});
