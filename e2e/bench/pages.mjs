// `cargo xtask bench pages` runs this: Lighthouse mobile with the performance category on every
// audited page, ROUNDS times, printing one JSON object per audit on standard output for xtask to
// judge against the targets. Nothing is asserted here.
import { audit, pagesToAudit } from "../lighthouse.mjs";

const baseUrl = process.env.SANAD_URL;
if (!baseUrl) throw new Error("SANAD_URL is not set: run this through `cargo xtask bench pages`");
const rounds = Number(process.env.SANAD_BENCH_ROUNDS || 3);

const paths = await pagesToAudit(baseUrl);
for (let round = 1; round <= rounds; round++) {
  for (const result of await audit(baseUrl, paths, ["performance"])) {
    const { report, failing, shifted, requested, ...figures } = result;
    console.log(JSON.stringify({ round, ...figures, performance: figures.scores.performance }));
  }
}
