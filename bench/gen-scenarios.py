#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The scenarios of issue 14's benchmarks, written as .piramide files.

  multi: 5 lines, 3 interventions, 13 years, 7 ranges (the bundled size)
  large: 300 lines, 100 interventions, 31 years, 5 ranges
  scale-L-I: L lines, I interventions, 31 years (the scaling table)

  python3 bench/gen-scenarios.py OUTDIR            # multi and large
  python3 bench/gen-scenarios.py OUTDIR 3000 100   # scale-3000-100 as well

Deterministic: the same files every time, so instruction counts compare.
"""
import json
import os
import sys


def scenario(name, n_lines, n_interventions, horizon, ranges):
    layers = [{"id": "layer-%d" % l, "name": "Laag %d" % l} for l in range(3)]
    domains = [{"id": "domain-%d" % d, "name": "Domein %d" % d} for d in range(6)]
    lines = []
    for i in range(n_lines):
        line = {"id": "line-%d" % i, "name": "Post %d" % i, "layer": "layer-%d" % (i % 3),
                "domain": "domain-%d" % (i % 6), "base_cost": 100000 + 1000 * i,
                "clients": (10 + i) if i % 4 != 0 else None, "growth": 0.001 * (i % 20)}
        if i % 2 == 0:
            line["driver"] = "old"
            line["elasticity"] = 0.8
        if i % 5 == 0:
            line["steps"] = [[2030, -0.02]]
        lines.append(line)
    interventions = []
    for k in range(n_interventions):
        shift = k % 2 == 1
        iv = {"id": "iv-%d" % k, "name": "Maatregel %d" % k, "type": "shift" if shift else "invest",
              "source": "line-%d" % ((k * 7) % n_lines), "target": "line-%d" % ((k * 7 + 1) % n_lines),
              "start": 2027 + k % 5, "lag": k % 3, "ramp_years": 1 + k % 4}
        if shift:
            iv.update(fraction=0.1, cost_ratio=0.4, structural=1000 * (k % 3))
        else:
            iv.update(amount=5000, **{"return": 1.5}, one_off=2000 * (k % 2))
        interventions.append(iv)
    return {
        "format": "piramide-scenario", "version": 1, "name": name, "municipality": "Benchmark",
        "base_year": 2026, "horizon": horizon, "indexation": 0.02, "discount_rate": 0.0225,
        "layers": layers, "domains": domains,
        "cohorts": [{"id": "old", "name": "75+", "points": [[2020, 6400], [2040, 12500]]}],
        "lines": lines, "interventions": interventions,
        "funding": {"base": 1e8 * n_lines / 300, "growth": 0.01, "steps": [[2028, -3000000 * n_lines / 300]]},
        "ranges": ranges,
    }


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    os.makedirs(out, exist_ok=True)
    files = {
        "multi": scenario("multi", 5, 3, 12, {
            "lines.line-0.growth": [-0.01, 0.01], "lines.line-1.elasticity": [0.5, 1.0],
            "lines.line-2.base_cost": [90000, 130000], "cohorts.old.points.1": [11000, 14000],
            "interventions.iv-0.return": [0.5, 2.5], "interventions.iv-1.fraction": [0.05, 0.2],
            "funding.growth": [0.0, 0.02]}),
        "large": scenario("large", 300, 100, 30, {
            "lines.line-10.growth": [0.0, 0.02], "lines.line-20.growth": [0.0, 0.02],
            "lines.line-30.elasticity": [0.5, 1.0], "interventions.iv-4.return": [0.5, 2.5],
            "funding.growth": [0.0, 0.02]}),
    }
    if len(sys.argv) > 3:
        n_lines, n_iv = int(sys.argv[2]), int(sys.argv[3])
        files["scale-%d-%d" % (n_lines, n_iv)] = scenario("scale", n_lines, n_iv, 30, {})
    for name, sc in files.items():
        with open(os.path.join(out, name + ".piramide"), "w", encoding="utf-8") as f:
            json.dump(sc, f, ensure_ascii=False, indent=1)
            f.write("\n")


if __name__ == "__main__":
    main()
