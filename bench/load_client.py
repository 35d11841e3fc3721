#!/usr/bin/env python3
"""HTTP load that wrk cannot make, for bench/load.sh, bench/soak.sh and the
serving tests (loopback only; every run is bounded by --duration).

  rate     open loop: GETs of the paths in --paths at a fixed --rate on a pool
           of keep-alive connections, whatever the answers take; latency is
           counted from when each request was due (no coordinated omission)
  trickle  --slow connections that each send a request head one byte every
           --interval seconds (reconnecting when the server closes them),
           while normal requests run at --rate as in `rate`

Prints one JSON object: requests by status, socket errors, latency
percentiles (ms) per status, and for trickle what the slow connections got
and how long after their first byte the server closed them.
"""
import argparse
import asyncio
import json
import random
import sys
import time


class Connection:
    """One keep-alive HTTP/1.1 connection (GET only, Content-Length bodies)."""

    def __init__(self, reader, writer):
        self.reader, self.writer, self.usable = reader, writer, True

    @classmethod
    async def open(cls, host, port):
        reader, writer = await asyncio.open_connection(host, port)
        return cls(reader, writer)

    async def get(self, host, path):
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {k.strip().lower(): v.strip() for k, _, v in (l.partition(":") for l in lines[1:] if l)}
        await self.reader.readexactly(int(headers.get("content-length", "0")))
        if headers.get("connection", "").lower() == "close":
            self.close()
        return status

    def close(self):
        self.usable = False
        self.writer.close()


def percentiles(values):
    if not values:
        return {}
    v = sorted(values)
    pick = lambda q: v[min(len(v) - 1, int(q * len(v)))]
    return {"n": len(v), "p50": round(pick(0.50), 2), "p90": round(pick(0.90), 2),
            "p99": round(pick(0.99), 2), "max": round(v[-1], 2)}


class Tally:
    def __init__(self):
        self.latency = {}  # status -> [ms]
        self.errors = 0
        self.retries = 0
        self.connections = 0

    def report(self):
        return {"by_status": {str(s): len(v) for s, v in sorted(self.latency.items())},
                "errors": self.errors, "retries": self.retries, "connections_opened": self.connections,
                "latency_ms": {str(s): percentiles(v) for s, v in sorted(self.latency.items())}}


async def rate_load(args, paths, tally, stop_at):
    """Requests at args.rate until stop_at; returns when all have ended."""
    loop = asyncio.get_running_loop()
    free, tasks = [], set()

    async def one(path, due):
        # A kept-alive connection may have been closed by the server's idle
        # timeout just as it is reused: like a browser, try once more on a
        # new connection.
        for attempt in (1, 2):
            conn = free.pop() if free and attempt == 1 else None
            reused = conn is not None
            try:
                if conn is None:
                    conn = await Connection.open(args.host, args.port)
                    tally.connections += 1
                status = await asyncio.wait_for(conn.get(args.host, path), args.timeout)
            except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError,
                    asyncio.TimeoutError, ValueError, IndexError) as e:
                if conn is not None:
                    conn.close()
                if attempt == 1 and reused and not isinstance(e, asyncio.TimeoutError):
                    tally.retries += 1
                    continue
                tally.errors += 1
                return
            tally.latency.setdefault(status, []).append((loop.time() - due) * 1000)
            if conn.usable:
                free.append(conn)
            return

    start, i = loop.time(), 0
    while loop.time() < stop_at:
        due = start + i / args.rate
        await asyncio.sleep(max(0.0, due - loop.time()))
        task = asyncio.ensure_future(one(paths[i % len(paths)], due))
        tasks.add(task)
        task.add_done_callback(tasks.discard)
        i += 1
    if tasks:
        await asyncio.wait(tasks)
    for conn in free:
        conn.close()
    return i


async def trickler(args, stop_at, slow):
    """One slow client: a head a byte at a time, again whenever it is closed."""
    loop = asyncio.get_running_loop()
    head = f"GET /healthz HTTP/1.1\r\nHost: {args.host}\r\nX-Trickle: ".encode()
    while loop.time() < stop_at:
        try:
            reader, writer = await asyncio.open_connection(args.host, args.port)
        except OSError:
            slow["connect_errors"] += 1
            await asyncio.sleep(args.interval)
            continue
        answer = asyncio.ensure_future(reader.read(4096))
        first, sent = None, 0
        while loop.time() < stop_at and not answer.done():
            try:
                writer.write(head[sent:sent + 1] if sent < len(head) else b"a")
                await writer.drain()
            except OSError:
                break
            first = first or loop.time()
            sent += 1
            await asyncio.wait([answer], timeout=args.interval)
        if answer.done() and first is not None:
            try:
                data = answer.result()
            except OSError:
                data = b""
            status = data.split(b" ", 2)[1].decode() if data.startswith(b"HTTP/") else "closed"
            slow["answers"][status] = slow["answers"].get(status, 0) + 1
            slow["closed_after_s"].append(loop.time() - first)
        answer.cancel()
        writer.close()


async def main_async(args):
    paths = [l.strip() for l in open(args.paths, encoding="utf-8") if l.strip()] if args.paths else ["/healthz"]
    random.Random(7).shuffle(paths)
    loop = asyncio.get_running_loop()
    stop_at = loop.time() + args.duration
    tally, out = Tally(), {"mode": args.mode, "offered_rps": args.rate, "duration_s": args.duration}
    jobs = [rate_load(args, paths, tally, stop_at)] if args.rate > 0 else []
    slow = {"connections": args.slow, "answers": {}, "closed_after_s": [], "connect_errors": 0}
    if args.mode == "trickle":
        async def staggered(k):
            await asyncio.sleep(k * args.interval / max(1, args.slow))
            await trickler(args, stop_at, slow)
        jobs += [staggered(k) for k in range(args.slow)]
    started = time.monotonic()
    results = await asyncio.gather(*jobs)
    out["sent"] = results[0] if args.rate > 0 else 0
    out["elapsed_s"] = round(time.monotonic() - started, 2)
    out.update(tally.report())
    if args.mode == "trickle":
        closed = slow.pop("closed_after_s")
        slow["closed_after_s"] = {k: v for k, v in percentiles([c * 1000 for c in closed]).items()}
        out["slow"] = slow
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("mode", choices=["rate", "trickle"])
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--paths", help="file of URL paths, one a line (default: /healthz)")
    p.add_argument("--rate", type=float, default=10, help="normal requests per second (0: none)")
    p.add_argument("--duration", type=float, default=10, help="seconds")
    p.add_argument("--timeout", type=float, default=30, help="seconds before a request counts as an error")
    p.add_argument("--slow", type=int, default=200, help="trickle: slow connections")
    p.add_argument("--interval", type=float, default=1.0, help="trickle: seconds between bytes")
    args = p.parse_args()
    if not (args.host.startswith("127.") or args.host in ("localhost", "::1")):
        sys.exit("load_client.py: loopback only")
    print(json.dumps(asyncio.run(main_async(args))))


if __name__ == "__main__":
    main()
