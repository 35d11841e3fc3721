#!/usr/bin/python3
"""Data helpers for bench.sh (python3 stdlib only). Every choice is seeded: same input, same output.

  sample   CORPUS.jsonl OUT.jsonl FRACTION      keep a line when hash(id) < FRACTION (nested: the 10%
                                                sample is inside the 30% one); lines copied verbatim
  stats    FILE.jsonl                           prints "DOCS<TAB>TEXT_BYTES" (title + "\\n\\n" + text, UTF-8,
                                                the byte count peers.sh uses for MB/s)
  modify   IN.jsonl OUT.jsonl FRACTION SEED     appends a sentence to the text of FRACTION of the
                                                documents (at least 1); other lines verbatim; prints count
  replicate IN.jsonl OUT.jsonl K                K copies: copy 0 keeps the ids, copy k gets id + "#r<k>"
  inproc-stats FILE.tsv                         peers.sh *.q_inproc.tsv -> "n p50 p95 p99 mean" (ms),
                                                pooled over queries x reps
  freeport                                      prints a free TCP port on 127.0.0.1
"""
import hashlib
import json
import random
import socket
import sys

SENTENCE = ' Cập nhật: bài viết được bổ sung thông tin mới để kiểm tra việc lập chỉ mục lại.'


def doc_key(line, ln):
    try:
        rec = json.loads(line)
        return str(rec.get('id') or f'line{ln}'), rec
    except json.JSONDecodeError:
        return f'line{ln}', None


def unit_hash(key):
    return int.from_bytes(hashlib.md5(key.encode('utf-8')).digest()[:8], 'big') / 2.0 ** 64


def text_bytes(rec):
    title = (rec.get('title') or '').strip()
    text = rec.get('text') or ''
    body = (title + '\n\n' + text) if title else text
    return len(body.encode('utf-8'))


def sample(inp, out, frac):
    frac = float(frac)
    n = b = 0
    with open(inp, encoding='utf-8') as f, open(out, 'w', encoding='utf-8') as o:
        for ln, line in enumerate(f, 1):
            if not line.strip():
                continue
            key, rec = doc_key(line, ln)
            if frac >= 1.0 or unit_hash(key) < frac:
                o.write(line if line.endswith('\n') else line + '\n')
                n += 1
                b += text_bytes(rec) if rec else 0
    print(f'{n}\t{b}')


def stats(inp):
    n = b = 0
    with open(inp, encoding='utf-8') as f:
        for ln, line in enumerate(f, 1):
            if line.strip():
                _, rec = doc_key(line, ln)
                n += 1
                b += text_bytes(rec) if rec else 0
    print(f'{n}\t{b}')


def modify(inp, out, frac, seed):
    with open(inp, encoding='utf-8') as f:
        lines = [l if l.endswith('\n') else l + '\n' for l in f if l.strip()]
    k = max(1, round(len(lines) * float(frac)))
    pick = set(random.Random(int(seed)).sample(range(len(lines)), min(k, len(lines))))
    changed = 0
    with open(out, 'w', encoding='utf-8') as o:
        for i, line in enumerate(lines):
            if i in pick:
                rec = json.loads(line)
                rec['text'] = (rec.get('text') or '') + SENTENCE
                line = json.dumps(rec, ensure_ascii=False) + '\n'
                changed += 1
            o.write(line)
    print(changed)


def replicate(inp, out, k):
    k = int(k)
    with open(inp, encoding='utf-8') as f:
        lines = [l for l in f if l.strip()]
    with open(out, 'w', encoding='utf-8') as o:
        for r in range(k):
            for ln, line in enumerate(lines, 1):
                if r == 0:
                    o.write(line if line.endswith('\n') else line + '\n')
                    continue
                rec = json.loads(line)
                rec['id'] = f'{rec.get("id") or f"line{ln}"}#r{r}'
                o.write(json.dumps(rec, ensure_ascii=False) + '\n')


def pct(xs, p):
    xs = sorted(xs)
    if not xs:
        return float('nan')
    k = (len(xs) - 1) * p / 100.0
    f = int(k)
    c = min(f + 1, len(xs) - 1)
    return xs[f] + (xs[c] - xs[f]) * (k - f)


def inproc_stats(path):
    ms = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            cols = line.rstrip('\n').split('\t')
            if len(cols) > 2 and cols[2]:
                ms += [float(x) for x in cols[2].split(',') if x]
    mean = sum(ms) / len(ms) if ms else float('nan')
    print(f'{len(ms)}\t{pct(ms, 50):.3f}\t{pct(ms, 95):.3f}\t{pct(ms, 99):.3f}\t{mean:.3f}')


def freeport():
    s = socket.socket()
    s.bind(('127.0.0.1', 0))
    print(s.getsockname()[1])
    s.close()


if __name__ == '__main__':
    a = sys.argv[1:]
    cmds = {'sample': sample, 'stats': stats, 'modify': modify, 'replicate': replicate,
            'inproc-stats': inproc_stats, 'freeport': freeport}
    if not a or a[0] not in cmds:
        sys.exit(__doc__)
    cmds[a[0]](*a[1:])
