// Lighthouse 12, mobile (a mid-range phone on simulated Slow 4G), on the pages young people and
// tipsters open first: home, the articles, one article and the tip form, in Arabic and Sorani.
// Used by the browser test (accessibility, best practices, layout shift: none depends on the
// machine's speed) and by `cargo xtask bench pages` (performance and its timings, which do).
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

export const LANGUAGES = ["ar", "ckb"];

/// Lighthouse's errors about recording its trace, after which it says "run Lighthouse again".
const RERUN = new Set(["NO_NAVSTART", "NO_TRACING_STARTED"]);

/// The audited pages, each in every language of [`LANGUAGES`].
export async function pagesToAudit(baseUrl) {
  const response = await fetch(new URL("/api/v1/articles?lang=ar", baseUrl));
  if (!response.ok) throw new Error(`the article list answered ${response.status}`);
  const { articles } = await response.json();
  if (!articles.length) throw new Error("no published article to audit: the seed did not load");
  const paths = ["/", "/learn", `/learn/${articles[0].slug}`, "/report"];
  return LANGUAGES.flatMap((lang) => paths.map((path) => `/${lang}${path}`));
}

/// Runs Lighthouse on each page in one headless Chromium; `categories` picks what it scores.
/// Returns, per page, the rounded category scores, the timings that make up the performance
/// score, the layout shift, every address the page requested and the full JSON report.
export async function audit(baseUrl, paths, categories) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.SANAD_CHROMIUM || "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-quic"],
  });
  const results = [];
  try {
    for (const path of paths) {
      let result;
      for (let attempt = 1; ; attempt++) {
        result = await lighthouse(new URL(path, baseUrl).href, {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: categories,
          // Layout shift and the request list belong to the performance category; the test asks
          // for them without scoring performance.
          onlyAudits: ["cumulative-layout-shift", "layout-shifts", "network-requests"],
        });
        // Lighthouse sometimes fails to record its own trace on a busy machine and asks to be
        // run again (seen once in CI on an article page): its failure, not the page's. Up to
        // three runs; any other error, or the same one three times, still fails.
        if (RERUN.has(result.lhr.runtimeError?.code) && attempt < 3) continue;
        break;
      }
      const lhr = result.lhr;
      if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${path}: ${lhr.runtimeError.message}`);
      const numeric = (id) => lhr.audits[id]?.numericValue ?? null;
      results.push({
        path,
        scores: Object.fromEntries(categories.map((c) => [c, Math.round(lhr.categories[c].score * 100)])),
        fcp_ms: numeric("first-contentful-paint"),
        lcp_ms: numeric("largest-contentful-paint"),
        tbt_ms: numeric("total-blocking-time"),
        cls: numeric("cumulative-layout-shift"),
        shifted: (lhr.audits["layout-shifts"]?.details?.items ?? []).map((i) => i.node?.snippet ?? "?"),
        requested: (lhr.audits["network-requests"]?.details?.items ?? []).map((i) => i.url),
        // Lighthouse's own measure of this machine's CPU, taken in the same run.
        benchmark_index: lhr.environment?.benchmarkIndex ?? null,
        failing: failingAudits(lhr, categories),
        report: result.report,
      });
    }
  } finally {
    await chrome.kill();
  }
  return results;
}

/// The weighted audits that cost a category points, for a message that says what to fix.
function failingAudits(lhr, categories) {
  return Object.fromEntries(
    categories.map((category) => [
      category,
      Object.values(lhr.audits)
        .filter((a) => a.score !== null && a.score < 1 && lhr.categories[category].auditRefs.some((r) => r.id === a.id && r.weight > 0))
        .map((a) => `${a.id} (${a.displayValue || a.score})`),
    ]),
  );
}
