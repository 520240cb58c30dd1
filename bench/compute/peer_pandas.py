#!/usr/bin/python3
"""Peer: pandas. Per indicator, weighted columns built once, then one groupby-sum per breakdown and the
survey SE from the sums (N = all rows).   /usr/bin/python3 peer_pandas.py DATA OUT"""
import sys

import numpy as np
import pandas as pd

TABS = ["sex", "age_band", "ethnicity", "disability", "religion", "sexual_orientation", "region"]
d = pd.read_csv(sys.argv[1], dtype={t: "category" for t in TABS})
N = len(d)
d["sex*ethnicity"] = (d["sex"].astype(str) + "*" + d["ethnicity"].astype(str)).astype("category")
rows = []
for k in range(1, 21):
    ind = "ind%02d" % k
    ok = d[ind].notna()
    w = d.loc[ok, "weight"].to_numpy()
    y = d.loc[ok, ind].to_numpy(dtype=float)
    aux = pd.DataFrame({"n": 1, "sw": w, "swy": w * y, "sw2": w * w, "sw2y": w * w * y, "sw2y2": w * w * y * y})
    for tab in TABS + ["sex*ethnicity"]:
        s = aux.groupby(d.loc[ok, tab].to_numpy()).sum()
        p = s["swy"] / s["sw"]
        se = np.sqrt(N / (N - 1) * (s["sw2y2"] - 2 * p * s["sw2y"] + p * p * s["sw2"]).clip(lower=0)) / s["sw"]
        for g in s.index:
            rows.append((ind, tab, g, int(s.at[g, "n"]), repr(float(p[g])), repr(float(se[g]))))
pd.DataFrame(rows, columns=["indicator", "characteristic", "group", "n", "mean", "se"]).to_csv(sys.argv[2], index=False)
