#!/usr/bin/env python3
"""Small, dependency-free scorer for TREC runs (Python 3 standard library only).

usage: trec_eval.py QRELS RUN [RUN ...] [--queries QUERIES.tsv] [--by-suffix]
       trec_eval.py --self-test

QRELS   TREC qrels, one judgement per line: `qid 0 docid rel` (rel > 0 = relevant; graded).
RUN     TREC run, one result per line: `qid Q0 docid rank score tag`.
QUERIES optional `qid<TAB>query` file: only qrels queries that also appear in it are scored.

Metrics, per query, then the plain mean over the scored queries:
  nDCG@10   gain 2^rel - 1, discount log2(position + 1), ideal DCG from the qrels' grades
  MRR@10    1 / position of the first relevant document in the top 10, else 0
  R@10      relevant documents in the top 10 / relevant documents judged
  R@100     same in the top 100
Scored queries = every qrels query with at least one relevant document (and, with
--queries, present in that file). A scored query the run has no lines for scores 0 on
everything, so a system cannot gain by answering nothing. Run lines of unjudged
queries are ignored. Each query's run lines are ordered by score descending, ties by
the rank as given, then by line order; a document repeated within a query counts at its
first position only.

--by-suffix also reports the scored queries grouped by the part of the qid after its last
'-' (phapluat8-symbols: -0 bare symbol, -1 type + symbol, -2 unaccented lower-case,
-3 type + "số" + symbol).
"""
import math
import sys
from collections import OrderedDict, defaultdict

METRICS = ("nDCG@10", "MRR@10", "R@10", "R@100")


def read_qrels(path):
    """{qid: {docid: rel}}, qids in file order."""
    qrels = OrderedDict()
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            parts = line.split()
            if not parts or parts[0].startswith("#"):
                continue
            if len(parts) != 4:
                raise ValueError(f"{path}:{n}: expected 'qid 0 docid rel', got {line.rstrip()!r}")
            qid, _, docid, rel = parts
            qrels.setdefault(qid, {})[docid] = int(rel)
    return qrels


def read_query_ids(path):
    ids = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and "\t" in line:
                ids.append(line.split("\t", 1)[0])
    return ids


def read_run(path):
    """{qid: [docid, ...]} in ranked order (score desc, then given rank, then line order)."""
    rows = defaultdict(list)
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            parts = line.split()
            if not parts or parts[0].startswith("#"):
                continue
            if len(parts) < 5:
                raise ValueError(f"{path}:{n}: expected 'qid Q0 docid rank score [tag]', got {line.rstrip()!r}")
            qid, _, docid, rank, score = parts[:5]
            try:
                rank_v = float(rank)
            except ValueError:
                rank_v = math.inf
            rows[qid].append((-float(score), rank_v, n, docid))
    run = {}
    for qid, lines in rows.items():
        lines.sort()
        seen, ranked = set(), []
        for *_, docid in lines:
            if docid not in seen:
                seen.add(docid)
                ranked.append(docid)
        run[qid] = ranked
    return run


def score_query(judged, ranked):
    """Metrics of one query. judged = {docid: rel}; ranked = [docid, ...] best first."""
    rels = sorted((r for r in judged.values() if r > 0), reverse=True)
    nrel = len(rels)
    dcg = sum((2 ** judged.get(d, 0) - 1) / math.log2(i + 2) for i, d in enumerate(ranked[:10]) if judged.get(d, 0) > 0)
    idcg = sum((2 ** r - 1) / math.log2(i + 2) for i, r in enumerate(rels[:10]))
    rr = 0.0
    for i, d in enumerate(ranked[:10]):
        if judged.get(d, 0) > 0:
            rr = 1.0 / (i + 1)
            break
    hits10 = sum(1 for d in ranked[:10] if judged.get(d, 0) > 0)
    hits100 = sum(1 for d in ranked[:100] if judged.get(d, 0) > 0)
    return {"nDCG@10": dcg / idcg if idcg else 0.0, "MRR@10": rr,
            "R@10": hits10 / nrel if nrel else 0.0, "R@100": hits100 / nrel if nrel else 0.0}


def scored_qids(qrels, query_ids=None):
    """The queries to average over: judged with >= 1 relevant doc, and in query_ids if given."""
    keep = set(query_ids) if query_ids is not None else None
    return [q for q, j in qrels.items() if any(r > 0 for r in j.values()) and (keep is None or q in keep)]


def evaluate(qrels, run, query_ids=None):
    """(means {metric: value}, per_query {qid: {metric: value}}, n). Missing run queries score 0."""
    qids = scored_qids(qrels, query_ids)
    per = {q: score_query(qrels[q], run.get(q, [])) for q in qids}
    n = len(qids)
    means = {m: (sum(p[m] for p in per.values()) / n if n else 0.0) for m in METRICS}
    return means, per, n


def suffix(qid):
    return qid.rsplit("-", 1)[-1] if "-" in qid else ""


def by_suffix(per):
    """{suffix: ({metric: mean}, n)} over a per-query table."""
    groups = OrderedDict()
    for q in sorted(per, key=lambda q: (suffix(q), q)):
        groups.setdefault(suffix(q), []).append(per[q])
    return OrderedDict((s, ({m: sum(p[m] for p in ps) / len(ps) for m in METRICS}, len(ps)))
                       for s, ps in groups.items())


def empty_queries(run, qids):
    """Scored queries for which the run has no result at all."""
    return [q for q in qids if not run.get(q)]


def self_test():
    import os
    import tempfile
    qrels_txt = "q1 0 d1 1\nq1 0 d2 2\nq1 0 d5 0\nq2 0 d3 1\nq3 0 d4 1\nq9 0 d1 0\n"
    run_txt = (
        "q1 Q0 d1 3 5.0 t\n"   # ties with d2 on score; rank 3 > 2, so d2 goes first
        "q1 Q0 d9 1 9.0 t\n"   # lines out of order on purpose: d9 has the best score
        "q1 Q0 d2 2 5.0 t\n"
        "q1 Q0 d2 4 1.0 t\n"   # duplicate: counted at its first (best) position only
        + "".join(f"q2 Q0 x{i} {i} {100 - i} t\n" for i in range(1, 11))  # 10 non-relevant, then d3 at 11
        + "q2 Q0 d3 11 89.5 t\n"
        + "q4 Q0 d1 1 1.0 t\n"  # unjudged query: ignored
        # q3: no lines at all -> 0 everywhere
    )
    with tempfile.TemporaryDirectory() as tmp:
        qp, rp, qq = (os.path.join(tmp, n) for n in ("qrels", "run", "queries"))
        open(qp, "w").write(qrels_txt)
        open(rp, "w").write(run_txt)
        open(qq, "w").write("q1\ta\nq2\tb\nq4\tc\n")
        qrels, run = read_qrels(qp), read_run(rp)
        assert run["q1"] == ["d9", "d2", "d1"], run["q1"]
        assert run["q2"][10] == "d3" and len(run["q2"]) == 11

        # q1 by hand: positions d9 (0), d2 (rel 2, gain 3), d1 (rel 1, gain 1)
        dcg = 3 / math.log2(3) + 1 / math.log2(4)           # 1.892789 + 0.5 = 2.392789
        idcg = 3 / math.log2(2) + 1 / math.log2(3)          # 3 + 0.630930 = 3.630930 -> nDCG 0.659002
        s1 = score_query(qrels["q1"], run["q1"])
        assert abs(s1["nDCG@10"] - dcg / idcg) < 1e-12 and abs(dcg / idcg - 0.659002) < 1e-6, s1
        assert s1["MRR@10"] == 0.5 and s1["R@10"] == 1.0 and s1["R@100"] == 1.0
        # q2: the relevant doc is 11th: outside every @10 metric, inside R@100
        s2 = score_query(qrels["q2"], run["q2"])
        assert s2 == {"nDCG@10": 0.0, "MRR@10": 0.0, "R@10": 0.0, "R@100": 1.0}, s2

        # q9 has no relevant doc: not scored; q3 is missing from the run: scores 0
        means, per, n = evaluate(qrels, run)
        assert n == 3 and sorted(per) == ["q1", "q2", "q3"]
        assert per["q3"] == dict.fromkeys(METRICS, 0.0)
        assert abs(means["nDCG@10"] - 0.659002 / 3) < 1e-6
        assert abs(means["MRR@10"] - 0.5 / 3) < 1e-12
        assert abs(means["R@10"] - 1 / 3) < 1e-12 and abs(means["R@100"] - 2 / 3) < 1e-12
        assert empty_queries(run, list(per)) == ["q3"]

        # restricted to the query file: q3 is not asked, q4 is not judged -> q1, q2 only
        means, per, n = evaluate(qrels, run, read_query_ids(qq))
        assert n == 2 and abs(means["MRR@10"] - 0.25) < 1e-12 and abs(means["R@100"] - 1.0) < 1e-12

        # a perfect run scores 1 everywhere
        perfect = {"q1": ["d2", "d1"], "q2": ["d3"], "q3": ["d4"]}
        assert evaluate(qrels, perfect)[0] == dict.fromkeys(METRICS, 1.0)
        # reversed grades cost nDCG but not MRR or recall
        swapped = score_query(qrels["q1"], ["d1", "d2"])
        assert abs(swapped["nDCG@10"] - (1 + 3 / math.log2(3)) / idcg) < 1e-12 and swapped["MRR@10"] == 1.0

        # grouping by qid suffix
        q = {"s-a-0": {"d": 1}, "s-b-0": {"d": 1}, "s-a-1": {"d": 1}}
        g = by_suffix(evaluate(q, {"s-a-0": ["d"], "s-b-0": ["x", "d"], "s-a-1": []})[1])
        assert list(g) == ["0", "1"] and g["0"][1] == 2 and abs(g["0"][0]["MRR@10"] - 0.75) < 1e-12
        assert g["1"][0]["MRR@10"] == 0.0
    print("trec_eval.py self-test: ok")


def main(argv):
    if "--self-test" in argv:
        self_test()
        return 0
    args, queries, split = [], None, False
    it = iter(argv)
    for a in it:
        if a == "--queries":
            queries = next(it, None)
        elif a == "--by-suffix":
            split = True
        elif a in ("-h", "--help"):
            print(__doc__)
            return 0
        else:
            args.append(a)
    if len(args) < 2 or queries == "":
        print(__doc__, file=sys.stderr)
        return 2
    qrels = read_qrels(args[0])
    qids = read_query_ids(queries) if queries else None
    print("| run | group | queries | empty | " + " | ".join(METRICS) + " |")
    print("|---|---|---:|---:|" + "---:|" * len(METRICS))
    for path in args[1:]:
        run = read_run(path)
        means, per, n = evaluate(qrels, run, qids)
        empty = set(empty_queries(run, list(per)))
        rows = [("all", means, n, len(empty))]
        if split:
            for s, (m, k) in by_suffix(per).items():
                rows.append(("-" + s, m, k, sum(1 for q in per if suffix(q) == s and q in empty)))
        for group, m, k, e in rows:
            print(f"| {path} | {group} | {k} | {e} | " + " | ".join(f"{m[x]:.4f}" for x in METRICS) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
