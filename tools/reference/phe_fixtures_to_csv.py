#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Converts PHEindicatormethods' published test fixtures (xlsx) into plain CSV for CapEq's tests.

Usage: python3 phe_fixtures_to_csv.py PHE_CHECKOUT OUT_DIR
PHE_CHECKOUT is a git checkout of https://github.com/ukhsa-collaboration/PHEindicatormethods;
the files used in CapEq's tests were produced from commit 093fd288d8f8949dbcfbed70049dbbf385b6141d
(v2.1.0). Only the Python standard library is needed: an xlsx file is a zip of XML sheets.
Numbers are written exactly as stored in the workbook (full double precision, no rounding).
"""
import csv
import pathlib
import sys
import xml.etree.ElementTree as ET
import zipfile

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def column_index(ref):
    letters = "".join(ch for ch in ref if ch.isalpha())
    index = 0
    for ch in letters:
        index = index * 26 + (ord(ch) - ord("A") + 1)
    return index - 1


def read_sheets(path):
    archive = zipfile.ZipFile(path)
    strings = []
    if "xl/sharedStrings.xml" in archive.namelist():
        root = ET.fromstring(archive.read("xl/sharedStrings.xml"))
        for item in root.findall("m:si", NS):
            strings.append("".join(t.text or "" for t in item.iter("{%s}t" % NS["m"])))
    workbook = ET.fromstring(archive.read("xl/workbook.xml"))
    sheets = {}
    for number, sheet in enumerate(workbook.find("m:sheets", NS), start=1):
        root = ET.fromstring(archive.read("xl/worksheets/sheet%d.xml" % number))
        rows = []
        for row in root.iter("{%s}row" % NS["m"]):
            cells = {}
            for cell in row.findall("m:c", NS):
                value = cell.find("m:v", NS)
                text = value.text if value is not None else ""
                if cell.get("t") == "s" and text:
                    text = strings[int(text)]
                cells[column_index(cell.get("r"))] = text
            if cells and any(v != "" for v in cells.values()):
                width = max(cells) + 1
                rows.append([cells.get(i, "") for i in range(width)])
        sheets[sheet.get("name")] = rows
    return sheets


def main():
    checkout = pathlib.Path(sys.argv[1])
    out = pathlib.Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    for name in ["Byars_Wilson", "Proportion", "Rate", "Mean", "SII"]:
        sheets = read_sheets(checkout / "tests" / "testthat" / ("testdata_%s.xlsx" % name))
        for sheet, rows in sheets.items():
            header_width = len(rows[0])
            if name == "SII":
                # Records 1-40: the default-parameter cases (two areas, 95% and 99%) that CapEq checks.
                rows = rows[:41]
            with open(out / (sheet + ".csv"), "w", newline="") as handle:
                writer = csv.writer(handle, lineterminator="\n")
                for row in rows:
                    writer.writerow((row + [""] * header_width)[:header_width])
    # Funnel fixtures are CSV already; copy the two the tests use.
    for name in ["testdata_funnel_prop_inputs.csv", "testdata_funnel_prop_outputs.csv"]:
        (out / name).write_bytes((checkout / "tests" / "testthat" / name).read_bytes())


if __name__ == "__main__":
    main()
