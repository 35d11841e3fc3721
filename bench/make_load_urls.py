#!/usr/bin/env python3
"""The URL mix of bench/load.sh and bench/soak.sh: every question of a
judged query file (qid<TAB>query) accented and unaccented (the long
questions), symbol and citation queries, filters, and the document,
directive and campaign pages of the seeds.

usage: make_load_urls.py QUERIES.tsv OUT.txt
"""
import sys
import unicodedata
import urllib.parse as up


def plain(s):
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in s if unicodedata.category(c) != "Mn").lower()


def main(queries_tsv, out):
    queries = [l.rstrip("\n").split("\t", 1)[1] for l in open(queries_tsv, encoding="utf-8") if "\t" in l]
    urls = []
    for q in queries:
        urls.append("/api/search?limit=10&q=" + up.quote(q))
        urls.append("/api/search?limit=10&facets=0&q=" + up.quote(plain(q)))
    for q in ["Chỉ thị 34-CT/TW", "34- ct/tw", "CT 34", "34/CT-TW", "dan van kheo", "phong trào thi đua",
              "Nghị định 30/2020/NĐ-CP", "UBND tỉnh Lai Châu", "khen thưởnh", "\"chung tay vì người nghèo\" -Tây"]:
        urls.append("/api/search?q=" + up.quote(q))
    urls += ["/api/search?q=thi+%C4%91ua&type=C%C3%B4ng+v%C4%83n", "/api/search?q=&from=2023&to=2024",
             "/api/search?q=&cites=34-CT%2FTW", "/api/documents/seeds%2F004_39b0106687e293f0.txt",
             "/api/directives/34-CT%2FTW", "/api/directives?limit=20", "/api/campaigns",
             "/api/campaigns/dan-van-kheo", "/healthz"]
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(urls) + "\n")
    print(f"{len(urls)} URLs", file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:3])
