#!/usr/bin/python3
"""Checks every peer's estimates against capeq's and prints the timing table.
  compare.py ROWS CAPEQ_CSV CAPEQ_TIMES FLOOR_TIMES [NAME RESULT TIMES]...
TIMES files are /usr/bin/time -v outputs (several for one tool are separated by lines '=== run')."""
import csv
import math
import re
import sys

VALUE_TOL, SE_TOL = 1e-9, 1e-6


def times(path):
    runs, cur = [], {}
    for line in open(path):
        line = line.strip()
        if line.startswith("=== run"):
            if cur:
                runs.append(cur)
            cur = {}
        elif line.startswith("Elapsed (wall clock)"):
            parts = [float(x) for x in line.rsplit(" ", 1)[1].split(":")]
            cur["wall"] = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
        elif line.startswith("User time"):
            cur["user"] = float(line.split(":")[1])
        elif line.startswith("System time"):
            cur["sys"] = float(line.split(":")[1])
        elif line.startswith("Maximum resident set size"):
            cur["rss"] = int(line.split(":")[1]) / 1024.0
        elif line.startswith("Exit status"):
            cur["status"] = int(line.split(":")[1])
    if cur:
        runs.append(cur)
    runs.sort(key=lambda r: r.get("wall", 1e99))
    return runs[len(runs) // 2], len(runs)  # the median run


def finish(n, sw, swy, sw2, sw2y, sw2y2, big_n):
    p = swy / sw
    ss = max(0.0, sw2y2 - 2 * p * sw2y + p * p * sw2)
    return n, p, math.sqrt(big_n / (big_n - 1) * ss) / sw


def load(path, rows):
    out = {}
    with open(path, newline="") as f:
        r = csv.reader(f)
        head = next(r)
        for rec in r:
            if head[0] == "indicator_id":  # capeq long format
                ind, tab, grp = rec[0], rec[4], rec[5]
                if tab == "all" or rec[6] == "":
                    continue
                scale = 100.0 if int(ind[3:]) <= 15 else 1.0
                out[(ind, tab, grp)] = (int(rec[14]), float(rec[6]) / scale, float(rec[7]) / scale)
            elif head[:3] == ["indicator", "characteristic", "group"] and "se" in head:
                out[(rec[0], rec[1], rec[2])] = (int(float(rec[3])), float(rec[4]), float(rec[5]))
            elif "sw2y2" in head:
                v = [float(x) for x in rec[3:9]]
                if v[0] > 0:
                    out[(rec[0], rec[1], rec[2])] = finish(int(v[0]), *v[1:], float(rec[9]))
            else:  # sqlite wide: tab, grp, a0..a119
                for k in range(20):
                    v = rec[2 + 6 * k: 8 + 6 * k]
                    if v[0] not in ("", "0"):
                        out[("ind%02d" % (k + 1), rec[0], rec[1])] = finish(int(v[0]), *map(float, v[1:]), rows)
    return out


def agreement(ref, got):
    common = set(ref) & set(got)
    if not common:
        return "no common cells", False
    dv = max(abs(got[k][1] - ref[k][1]) / max(abs(ref[k][1]), 1e-300) if ref[k][1] else abs(got[k][1]) for k in common)
    ds = max(abs(got[k][2] - ref[k][2]) / ref[k][2] if ref[k][2] else abs(got[k][2]) for k in common)
    dn = sum(got[k][0] != ref[k][0] for k in common)
    ok = dv <= VALUE_TOL and ds <= SE_TOL and dn == 0 and len(common) == len(ref)
    return f"{len(common)}/{len(ref)} cells, max rel diff value {dv:.1e}, se {ds:.1e}, n diffs {dn}", ok


def main():
    rows = int(sys.argv[1])
    ref = load(sys.argv[2], rows)
    capeq, capeq_runs = times(sys.argv[3])
    floor, floor_runs = times(sys.argv[4])
    peers = sys.argv[5:]
    print(f"{'tool':<14}{'wall s':>9}{'cpu s':>9}{'peak MB':>9}{'wall/capeq':>12}  results")
    line = lambda name, t, ratio, note: print(
        f"{name:<14}{t['wall']:>9.2f}{t['user'] + t['sys']:>9.2f}{t['rss']:>9.0f}{ratio:>12}  {note}")
    line("capeq", capeq, "1.00", f"reference (median of {capeq_runs} runs), {len(ref)} cells")
    line("parse floor", floor, f"{floor['wall'] / capeq['wall']:.2f}", f"split fields only (median of {floor_runs})")
    best = None
    for i in range(0, len(peers), 3):
        name, result, tfile = peers[i:i + 3]
        t, _ = times(tfile)
        if t.get("status", 0) != 0:
            print(f"{name:<14}  failed (exit {t.get('status')}), see {tfile}")
            continue
        note, ok = agreement(ref, load(result, rows))
        line(name, t, f"{t['wall'] / capeq['wall']:.2f}", ("agrees: " if ok else "DISAGREES: ") + note)
        if best is None or t["wall"] < best[1]:
            best = (name, t["wall"])
    print(f"capeq / parse floor: {capeq['wall'] / floor['wall']:.2f}x the floor's wall time")
    if best:
        print(f"fastest peer: {best[0]}, capeq is {best[1] / capeq['wall']:.1f}x faster")


main()
