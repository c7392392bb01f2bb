#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Writes a synthetic renacer trace (doc/json-format.md) of a getppid loop:
# N calls, optionally with an extra write(1, ...) every K calls, in JSON
# Lines or as one JSON document. Used by bench/bench_compare.sh: generating
# 1,000,000 calls takes seconds, tracing them takes minutes.
import argparse
import json
import random
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--calls", type=int, default=1000000)
    ap.add_argument("--pid", type=int, default=4242)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--insert-every", type=int, default=0,
                    help="add a write(1, ...) after every K getppid calls")
    ap.add_argument("--mix", action="store_true",
                    help="random calls among getppid, getpid, gettid, write instead of a loop")
    ap.add_argument("--format", choices=("json", "jsonl"), default="jsonl")
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    lines = a.format == "jsonl"
    pid = a.pid
    header = {"version": "0.1.0", "format": "renacer-jsonl-v1" if lines else "renacer-json-v1",
              "binary": "./work_getppid", "argv": ["./work_getppid", str(a.calls)],
              "start_time": "2026-11-28T04:47:47.123456789Z", "follow_forks": False,
              "calls": True}
    ts = 1000
    counts = {"getppid": [110, 0, 0], "write": [1, 0, 0], "getpid": [39, 0, 0],
              "gettid": [186, 0, 0]}
    mix = [("getppid", 110, "[]", pid - 1), ("getpid", 39, "[]", pid), ("gettid", 186, "[]", pid),
           ("write", 1, '["1","\\"x\\"","1"]', 1)]
    total_ns = 0
    with open(a.out, "w") as f:
        if lines:
            f.write(json.dumps(dict(type="header", **header), separators=(",", ":")) + "\n")
        else:
            f.write("{\n" + ",\n".join("  %s:%s" % (json.dumps(k), json.dumps(v, separators=(",", ":")))
                                       for k, v in header.items()) + ",\n  \"syscalls\":[")
        sep = "\n    " if not lines else ""
        end = "\n" if lines else ""
        first = True
        buf = []
        for i in range(a.calls + (a.calls // a.insert_every if a.insert_every else 0)):
            if a.insert_every and i % (a.insert_every + 1) == a.insert_every:
                name, nr, args, res = "write", 1, '["1","\\"x\\"","1"]', 1
            elif a.mix:
                name, nr, args, res = mix[rnd.randrange(4)]
            else:
                name, nr, args, res = "getppid", 110, "[]", pid - 1
            dur = 400 + rnd.randrange(200)
            counts[name][1] += 1
            counts[name][2] += dur
            total_ns += dur
            rec = ('{"type":"syscall","name":"%s","nr":%d,"pid":%d,"tid":%d,"ts_ns":%d,'
                   '"args":%s,"result":%d,"duration_ns":%d}' % (name, nr, pid, pid, ts, args, res, dur))
            ts += dur + 100
            if lines:
                buf.append(rec + "\n")
            else:
                buf.append(("," if not first else "") + sep + rec)
            first = False
            if len(buf) >= 10000:
                f.write("".join(buf))
                buf = []
        f.write("".join(buf))
        by = [{"name": n, "calls": c[1], "errors": 0, "time_ns": c[2], "min_ns": 400, "max_ns": 599}
              for n, c in counts.items() if c[1]]
        io = {"read_calls": 0, "write_calls": counts["write"][1], "read_bytes": 0,
              "written_bytes": counts["write"][1],
              "read_by_class": dict(other=0, file=0, pipe=0, socket=0, tty=0),
              "written_by_class": dict(other=counts["write"][1], file=0, pipe=0, socket=0, tty=0)}
        mem = {k: 0 for k in ("mmap_calls", "munmap_calls", "mremap_calls", "brk_calls",
                              "mmap_anon_bytes", "mmap_file_bytes", "munmap_bytes",
                              "mremap_grow_bytes", "mremap_shrink_bytes", "brk_growth_bytes",
                              "brk_shrink_bytes", "allocated_bytes", "peak_mapped_bytes")}
        ncalls = sum(c[1] for c in counts.values())
        summary = {"complete": True, "total_syscalls": ncalls, "total_errors": 0,
                   "total_duration_ns": total_ns, "wall_time_ns": ts, "time_basis": "latency",
                   "unfinished_calls": 1, "signals": 0,
                   "by_type": {n: c[1] for n, c in counts.items() if c[1]}, "by_syscall": by,
                   "memory": mem, "io": io,
                   "processes": [{"pid": pid, "exited": True, "exit_code": 0,
                                  "total_syscalls": ncalls, "total_errors": 0,
                                  "total_duration_ns": total_ns, "memory": mem, "io": io}]}
        exit_rec = ('{"type":"syscall","name":"exit_group","nr":231,"pid":%d,"tid":%d,"ts_ns":%d,'
                    '"args":["0"],"result":null,"returned":false}' % (pid, pid, ts))
        exit2 = ('{"type":"exit","pid":%d,"tid":%d,"ts_ns":%d,"exit_code":0,'
                 '"text":"+++ exited with 0 +++"}' % (pid, pid, ts + 1000))
        s = json.dumps(summary, separators=(",", ":"))
        if lines:
            f.write(exit_rec + "\n" + exit2 + "\n")
            f.write('{"type":"summary",' + s[1:] + "\n")
        else:
            f.write("," + sep + exit_rec + "," + sep + exit2 + "\n  ],\n  \"summary\":" + s + "\n}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
