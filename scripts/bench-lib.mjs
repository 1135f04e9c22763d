// Shared by the app benchmarks (bench-calendar*.mjs): the synthetic large
// plan and the median.

import { writeFileSync } from "node:fs";
import { join } from "node:path";

/** Write the 101,920-block plan (520 weeks × 7 days × 28 half-hour blocks) into `dir`; returns its path. */
export function bigPlan(dir) {
  let s = 'format = 1\nid = "big"\ntitle = "Big"\n[period]\nweeks = 520\n[[tracks]]\nid = "a"\nname = "Track A"\n[[tracks]]\nid = "b"\nname = "Track B"\n';
  s += '[[day_templates]]\nid = "full"\nname = "Full"\nday_start = "06:00"\n';
  for (let i = 0; i < 28; i++) s += `[[day_templates.blocks]]\ntrack = "${i % 2 ? "b" : "a"}"\ntitle = "Block ${i}"\nminutes = 30\n`;
  s += "[schedule]\n" + ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => `${d} = "full"`).join("\n") + "\n";
  const file = join(dir, "big.toml");
  writeFileSync(file, s);
  return file;
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
