import { launch, openPage, islandsReady } from "./tests/helpers.mjs";
const out = "/tmp/shots";
const b = await launch();
try {
  const { page } = await openPage(b.context, "/ckb/report");
  await islandsReady(page);
  await page.locator("input[name=subject]").first().check();
  await page.locator("#description").fill("نووسینگەیەکی گەشتیاری لە سلێمانی گەنجان بۆ شەڕ دەنێرێت.");
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 40 });
  await page.locator("form button[type=submit]").click();
  await page.locator(".working").waitFor({ state: "visible" });
  await page.locator(".working-estimate").waitFor({ state: "visible", timeout: 60000 }).catch(() => {});
  await page.locator(".working").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/report-working-ckb.png` });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  await page.locator("#receipt-number").waitFor({ timeout: 120000 });
  await page.waitForSelector("leptos-island > [data-ready]");
  await page.screenshot({ path: `${out}/receipt-ckb.png`, fullPage: true });
  const { page: m } = await openPage(b.context, "/ckb/missing");
  await islandsReady(m);
  await m.screenshot({ path: `${out}/missing-ckb.png`, fullPage: true });
} finally { await b.close(); }
