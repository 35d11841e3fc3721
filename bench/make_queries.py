#!/usr/bin/python3
"""Build a realistic, deterministic query log from a docs.jsonl ({"id","title","text"} per line).

usage: make_queries.py DOCS.jsonl OUTDIR [--n 1200] [--seed 20240601] [--symbols-tsv FILE]

Writes into OUTDIR:
  queries.txt        one query per line (vanban-search --latency, peers.sh); no line starts with '#'
  queries.kinds.tsv  kind<TAB>query, same order as queries.txt
  urls.txt           one URL path per line for wrk: /api/search?q=...&limit=10[&filters]; the same
                     queries in the same order, a few with filters (from/to/type) or page 2 (offset=10)
  queries.by_kind/KIND.txt   the queries of each kind (for per-kind latency)
  queries.stats.txt  how many of each kind

Kinds (shares of --n):
  accented   (40%) 2-6 consecutive syllables from a title (half) or a body sentence (half),
                   as written, sometimes lower-cased
  unaccented (25%) the same kind of phrase with diacritics removed (NFD, drop marks, đ->d), lower-case
  symbol     (20%) document symbols found in the texts (34-CT/TW, 30/2020/NĐ-CP, 1954/UBND-TH) in the
                   forms of the symbol known-item set: bare, "Nghị định 30/2020/NĐ-CP",
                   "nghi dinh 30/2020/nd-cp", "Nghị định số 30/2020/NĐ-CP", plus spaced/lower-case
                   variants; a fifth come from --symbols-tsv (symbols that may not be in this corpus)
  quoted     (15%) a "quoted phrase" of 2-4 syllables, alone or followed by 1-2 more words
Python stdlib only; the same input and seed give the same files.
"""
import argparse
import collections
import json
import os
import random
import re
import sys
import unicodedata
import urllib.parse

# Document symbols as written in Vietnamese texts.
#   State style: number[/year]/TYPE-ISSUER[-ISSUER]   30/2020/NĐ-CP, 1954/UBND-TH, 26/CT-TTg
#   Party style: number-TYPE/ISSUER                   34-CT/TW, 39-NQ/TW, 08-QĐi/TW
UP = 'A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ'
LO = 'a-zđ'
GROUP = rf'[{UP}][{UP}{LO}]*'
SYM_RE = re.compile(
    rf'(?<![\w/.-])(?:'
    rf'\d{{1,5}}(?:/(?:19|20)\d\d)?/{GROUP}(?:-[{UP}][{UP}{LO}0-9]*)+'   # state style
    rf'|\d{{1,5}}-{GROUP}/{GROUP}'                                          # party style
    rf')(?![\w/-])')
TYPE_NAMES = {
    'NĐ': 'Nghị định', 'ND': 'Nghị định', 'TT': 'Thông tư', 'TTLT': 'Thông tư liên tịch',
    'QĐ': 'Quyết định', 'QD': 'Quyết định', 'NQ': 'Nghị quyết', 'CT': 'Chỉ thị', 'KL': 'Kết luận',
    'QĐi': 'Quy định', 'HD': 'Hướng dẫn', 'KH': 'Kế hoạch', 'TB': 'Thông báo', 'BC': 'Báo cáo',
    'QH13': 'Luật', 'QH14': 'Luật', 'L': 'Lệnh',
}
CLAUSE_SPLIT = re.compile(r'[.,;:!?()\[\]{}"“”‘’«»…\n\t|/\\<>=+*&%$#@~^_]+|\s[-–—]\s')
WORD_OK = re.compile(r'^[^\W\d_]+$')  # letters only (one Vietnamese syllable)
# function words a typed query rarely starts or ends with
EDGE_STOP = set('''của và là có được cho với tại để trong này đã sẽ đang thì mà như từ khi về ra vào
lên theo một không cũng rất các những đến ở do bị nên nhưng hay hoặc thế nào gì lại còn đó vì nếu
bởi qua sau trước hơn nhất vẫn chỉ đều'''.split())


def unaccent(s):
    s = s.replace('đ', 'd').replace('Đ', 'D')
    s = ''.join(c for c in unicodedata.normalize('NFD', s) if unicodedata.category(c) != 'Mn')
    return unicodedata.normalize('NFC', s).lower()


def symbol_type(sym):
    """The TYPE letter group of a symbol: 'NĐ' in 30/2020/NĐ-CP, 'CT' in 34-CT/TW, '' if none."""
    m = re.match(r'^\d+-([^/]+)/', sym)
    if m:
        return m.group(1)
    parts = sym.split('/')
    last = parts[-1]
    return last.split('-')[0] if '-' in last else ''


def load_docs(path):
    docs = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            try:
                r = json.loads(line)
            except json.JSONDecodeError:
                continue
            docs.append(((r.get('title') or '').strip(), r.get('text') or ''))
    return docs


def clauses(text):
    for c in CLAUSE_SPLIT.split(text):
        ws = c.split()
        if len(ws) >= 2:
            yield ws


def phrase(rng, docs, kmin, kmax, tries=50):
    """k consecutive letter-only syllables from one clause of a random title or body."""
    for _ in range(tries):
        title, text = rng.choice(docs)
        src = title if (rng.random() < 0.5 and title) else text
        if not src:
            continue
        if src is text and len(text) > 4000:      # pick a window of long bodies, cheaply
            start = rng.randrange(0, len(text) - 2000)
            src = text[start:start + 2000]
        cl = list(clauses(src))
        if src is not title and len(cl) > 2:
            cl = cl[1:-1]                          # window edges may cut words
        rng.shuffle(cl)
        k = rng.randint(kmin, kmax)
        for ws in cl:
            runs, cur = [], []
            for w in ws + ['.']:
                if WORD_OK.match(w):
                    cur.append(w)
                else:
                    if len(cur) >= k:
                        runs.append(cur)
                    cur = []
            if runs:
                run = rng.choice(runs)
                # phrases often start where a clause starts; else anywhere in the run
                starts = [0] if rng.random() < 0.4 else list(range(len(run) - k + 1))
                rng.shuffle(starts)
                for i in starts:
                    w = run[i:i + k]
                    if w[0].lower() not in EDGE_STOP and w[-1].lower() not in EDGE_STOP:
                        return ' '.join(w)
    return None


def symbol_forms(sym):
    t = symbol_type(sym)
    name = TYPE_NAMES.get(t, 'Công văn' if sym.count('/') == 1 and not re.match(r'^\d+-', sym) else 'văn bản')
    forms = [sym, f'{name} {sym}', unaccent(f'{name} {sym}'), f'{name} số {sym}', sym.lower()]
    m = re.match(r'^(\d+)-(.*)$', sym)
    if m:                                            # party style, typed with spaces: 34 - CT/TW
        forms.append(f'{m.group(1)} - {m.group(2)}')
    else:
        forms.append(unaccent(sym))                  # 30/2020/nd-cp
    return forms


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('docs')
    ap.add_argument('outdir')
    ap.add_argument('--n', type=int, default=1200, help='number of queries (default 1200)')
    ap.add_argument('--seed', type=int, default=20240601)
    ap.add_argument('--symbols-tsv', default=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'shared', 'eval', 'phapluat8-symbols-dev', 'queries.tsv'),
                    help='qid<TAB>query file with symbol queries (optional; skipped if missing)')
    a = ap.parse_args()
    if a.n < 10:
        sys.exit('--n must be at least 10')
    rng = random.Random(a.seed)
    docs = load_docs(a.docs)
    if not docs:
        sys.exit(f'no documents in {a.docs}')

    want = collections.OrderedDict([
        ('accented', int(a.n * 0.40)), ('unaccented', int(a.n * 0.25)),
        ('symbol', int(a.n * 0.20)), ('quoted', 0)])
    want['quoted'] = a.n - sum(want.values())
    seen = set()
    out = collections.OrderedDict((k, []) for k in want)

    def add(kind, q):
        q = ' '.join(q.split())
        if not q or q.startswith('#') or q in seen or len(q.encode()) > 300:
            return False
        seen.add(q)
        out[kind].append(q)
        return True

    def fill(kind, gen, limit=20):
        misses = 0
        while len(out[kind]) < want[kind] and misses < want[kind] * limit + 100:
            q = gen()
            if not q or not add(kind, q):
                misses += 1

    def accented():
        p = phrase(rng, docs, 2, 6)
        return p.lower() if p and rng.random() < 0.3 else p
    fill('accented', accented)
    fill('unaccented', lambda: (lambda p: unaccent(p) if p else None)(phrase(rng, docs, 2, 6)))

    # symbols found in the corpus, in document order (deterministic), most frequent first
    counts = collections.Counter()
    for title, text in docs:
        for m in SYM_RE.finditer(title + '\n' + text):
            counts[m.group(0)] += 1
    corpus_syms = [s for s, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    ext = []
    if a.symbols_tsv and os.path.exists(a.symbols_tsv):
        with open(a.symbols_tsv, encoding='utf-8') as f:
            for line in f:
                parts = line.rstrip('\n').split('\t')
                if len(parts) == 2 and parts[1].strip():
                    ext.append(parts[1].strip())
    n_ext = min(len(ext), want['symbol'] // 5 if corpus_syms else want['symbol'])
    for q in rng.sample(ext, n_ext) if n_ext else []:
        add('symbol', q)
    if corpus_syms:
        # frequent symbols get more of their forms; every symbol gets at least one
        pool = []
        for i, s in enumerate(corpus_syms):
            forms = symbol_forms(s)
            rng.shuffle(forms)
            pool.append(forms[:4] if i < 50 else forms[:2] if i < 200 else forms[:1])
        rnd = 0
        while len(out['symbol']) < want['symbol'] and any(rnd < len(p) for p in pool):
            for forms in pool:
                if rnd < len(forms) and len(out['symbol']) < want['symbol']:
                    add('symbol', forms[rnd])
            rnd += 1

    def quoted():
        p = phrase(rng, docs, 2, 4)
        if not p:
            return None
        q = f'"{p}"'
        if rng.random() < 0.4:
            extra = phrase(rng, docs, 1, 2)
            if extra:
                q = f'{q} {extra}'
        return q
    fill('quoted', quoted)

    # top up with more accented/unaccented phrases if a kind fell short (tiny inputs)
    short = a.n - sum(len(v) for v in out.values())
    if short > 0:
        want['accented'] += short
        fill('accented', accented)

    # interleave kinds deterministically, like a real log
    rows = [(k, q) for k, qs in out.items() for q in qs]
    rng.shuffle(rows)

    os.makedirs(os.path.join(a.outdir, 'queries.by_kind'), exist_ok=True)
    filters = ['from=2017', 'from=2017-01&to=2017-06', 'to=2017-12-31', 'type=Ch%E1%BB%89%20th%E1%BB%8B',
               'from=2016&to=2017']
    nfilt = npage = 0
    with open(os.path.join(a.outdir, 'queries.txt'), 'w', encoding='utf-8') as fq, \
         open(os.path.join(a.outdir, 'queries.kinds.tsv'), 'w', encoding='utf-8') as fk, \
         open(os.path.join(a.outdir, 'urls.txt'), 'w', encoding='utf-8') as fu:
        for k, q in rows:
            fq.write(q + '\n')
            fk.write(f'{k}\t{q}\n')
            url = '/api/search?q=' + urllib.parse.quote(q, safe='') + '&limit=10'
            r = rng.random()
            if r < 0.05:
                url += '&' + rng.choice(filters)
                nfilt += 1
            elif r < 0.08:
                url += '&offset=10'
                npage += 1
            fu.write(url + '\n')
    for k, qs in out.items():
        with open(os.path.join(a.outdir, 'queries.by_kind', f'{k}.txt'), 'w', encoding='utf-8') as f:
            f.writelines(q + '\n' for q in qs)
    stats = (f'docs {len(docs)} queries {len(rows)} ' + ' '.join(f'{k} {len(v)}' for k, v in out.items()) +
             f' distinct_corpus_symbols {len(corpus_syms)} url_with_filters {nfilt} url_page2 {npage}')
    with open(os.path.join(a.outdir, 'queries.stats.txt'), 'w') as f:
        f.write(stats + '\n')
    print(stats)
    if len(rows) < a.n:
        print(f'warning: only {len(rows)} distinct queries (asked for {a.n})', file=sys.stderr)


if __name__ == '__main__':
    main()
