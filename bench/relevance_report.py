#!/usr/bin/env python3
"""Markdown report of bench/relevance.sh: scores every run of every set with trec_eval.py.

usage: relevance_report.py --out OUT [--no-peers] [--header LINE ...] [--timings FILE]
                           --set NAME QRELS QUERIES BY_SUFFIX [--set ...]
Reads OUT/NAME/vanban.run, vanban.unaccented.run, vanban.index.log and (unless --no-peers)
OUT/NAME/peers/{fts5,omega}{,.unaccented}.run. BY_SUFFIX = 1 adds the MRR@10 table per
query form (qid suffix). Prints the Markdown and writes it to OUT/summary.md.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import trec_eval as te  # noqa: E402

SYSTEMS = ("vanban", "fts5", "omega")
PEERS = ("fts5", "omega")
FORMS = (("accented", ""), ("unaccented", ".unaccented"))
# what the qid suffix of each set's queries means; other sets show the bare suffix
SUFFIX_LABELS = {
    "phapluat8-symbols": {"0": "-0 symbol", "1": "-1 type + symbol", "2": "-2 unaccented",
                          "3": "-3 type + số + symbol"},
    "phapluat8-loose-symbols": {"L0": "-L0 111 2022 nd cp", "L1": "-L1 nghi dinh 111/2022",
                                "L2": "-L2 nd 111 2022"},
    "phapluat8-subjects": {"0": "-0 accented", "1": "-1 unaccented"},
}


def f3(x):
    return f"{x:.3f}"


def signed(x):
    return f"{x:+.3f}".replace("-", "−")


def run_path(out, name, system, ext):
    d = os.path.join(out, name) if system == "vanban" else os.path.join(out, name, "peers")
    return os.path.join(d, f"{system}{ext}.run")


def set_report(out, name, qrels_path, queries_path, split, peers):
    qrels = te.read_qrels(qrels_path)
    qids = te.read_query_ids(queries_path)
    systems = SYSTEMS if peers else ("vanban",)
    res = {}  # (system, form) -> (means, per, n, empty)
    for system in systems:
        for form, ext in FORMS:
            path = run_path(out, name, system, ext)
            if not os.path.exists(path):
                raise SystemExit(f"relevance_report: missing run {path}")
            run = te.read_run(path)
            means, per, n = te.evaluate(qrels, run, qids)
            res[system, form] = (means, per, n, te.empty_queries(run, list(per)))
    n = next(iter(res.values()))[2]
    lines = [f"## {name}", ""]
    idx = os.path.join(out, name, "vanban.index.log")
    if os.path.exists(idx):
        summary = [l.strip() for l in open(idx, encoding="utf-8") if l.startswith("indexed ")]
        if summary:
            lines += [f"vanban-index: `{summary[-1]}`", ""]
    # relative to the repository root: the report carries no path of this machine (issue 11)
    shown = os.path.relpath(queries_path, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    lines += [f"{n} judged queries (`{shown}`); an empty result list scores 0.", ""]
    lines += ["| system | queries | nDCG@10 | MRR@10 | R@10 | R@100 | no results |",
              "|---|---|---:|---:|---:|---:|---:|"]
    for system in systems:
        for form, _ in FORMS:
            m, _, k, empty = res[system, form]
            lines.append(f"| {system} | {form} | " + " | ".join(f3(m[x]) for x in te.METRICS) + f" | {len(empty)} |")
    lines.append("")
    nd = {key: v[0]["nDCG@10"] for key, v in res.items()}
    if peers:
        best = {form: max(PEERS, key=lambda p: nd[p, form]) for form, _ in FORMS}
        lines.append("- best peer (nDCG@10): " + "; ".join(
            f"{form} **{best[form]}** {f3(nd[best[form], form])}" for form, _ in FORMS))
        lines.append("- vanban − best peer, nDCG@10: " + "; ".join(
            f"{form} **{signed(nd['vanban', form] - nd[best[form], form])}** "
            f"({f3(nd['vanban', form])} vs {best[form]} {f3(nd[best[form], form])})" for form, _ in FORMS))
    else:
        lines.append("- peers not run (--no-peers)")
    lines.append(f"- vanban unaccented − accented, nDCG@10: **{signed(nd['vanban', 'unaccented'] - nd['vanban', 'accented'])}**")
    for form, _ in FORMS:
        empty = res["vanban", form][3]
        if empty:
            shown = ", ".join(empty[:12]) + (", …" if len(empty) > 12 else "")
            lines.append(f"- vanban returns nothing for {len(empty)} {form} queries: {shown}")
    lines.append("")
    if split:
        groups = {key: te.by_suffix(v[1]) for key, v in res.items()}
        sufs = sorted({s for g in groups.values() for s in g})
        lines += ["MRR@10 per query form (qid suffix):", "",
                  "| system | queries | " + " | ".join(SUFFIX_LABELS.get(name, {}).get(s, "-" + s) for s in sufs) + " | all |",
                  "|---|---|" + "---:|" * (len(sufs) + 1)]
        for system in systems:
            for form, _ in FORMS:
                g = groups[system, form]
                cells = [f3(g[s][0]["MRR@10"]) if s in g else "–" for s in sufs]
                lines.append(f"| {system} | {form} | " + " | ".join(cells) + f" | {f3(res[system, form][0]['MRR@10'])} |")
        lines.append("")
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--set", nargs=4, action="append", required=True, metavar=("NAME", "QRELS", "QUERIES", "BY_SUFFIX"))
    ap.add_argument("--no-peers", action="store_true")
    ap.add_argument("--header", action="append", default=[])
    ap.add_argument("--timings")
    a = ap.parse_args()
    md = ["# vanban relevance", ""] + [f"- {h}" for h in a.header] + [""]
    md.append("Peers: SQLite FTS5 (unicode61 remove_diacritics 2, bm25, OR of tokens) and Xapian Omega "
              "(omindex, english stemmer, default OR), from `peers_trec.sh`. \"unaccented\" = every query "
              "NFD, combining marks dropped, đ→d, lower-cased. Top 100 per query.")
    md.append("")
    for name, qrels, queries, split in a.set:
        md += set_report(a.out, name, qrels, queries, split == "1", not a.no_peers)
    if a.timings and os.path.exists(a.timings):
        md += ["## Timings", "", "| set | step | seconds |", "|---|---|---:|"]
        for line in open(a.timings, encoding="utf-8"):
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3:
                md.append(f"| {parts[0]} | {parts[1]} | {parts[2]} |")
        md.append("")
    text = "\n".join(md).rstrip("\n") + "\n\n"
    with open(os.path.join(a.out, "summary.md"), "w", encoding="utf-8") as f:
        f.write(text)
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
