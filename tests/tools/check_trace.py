#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Checks a trace written by renacer --format json|jsonl|csv with real parsers
# (json, csv), against doc/renacer-trace.schema.json (when the jsonschema
# module is present), for internal consistency (records against summary), and
# against what a tests/progs program is known to do. Prints one line per
# finding; exits 0 when there is none, 1 otherwise, 2 on bad usage.
#
# usage: check_trace.py {json|jsonl|csv|csv-summary} FILE [--prog NAME]
#        [--complete yes|no] [--reason TEXT] [--calls yes|no] [--attached]
import argparse
import collections
import csv
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMA = os.path.join(HERE, "..", "..", "doc", "renacer-trace.schema.json")

# tests/progs/paths.c makes these files, in this order.
PATHS_NAMES = [
    b'quote"name', b"back\\slash", b"new\nline", b"tab\there", b"bad\xff\xfeutf8",
    b"utf8-\xc3\xa9", b"ctl\x017\x7f", b'comma, "both"',
]
CSV_HEADER = ["ts_ns", "pid", "tid", "name", "args", "result", "errno", "duration_ns",
              "source_file", "source_line"]
CSV_SUMMARY_HEADER = ["syscall", "calls", "errors", "seconds", "usecs_per_call",
                      "percent_time"]
# x86_64 numbers of the calls the checks look at.
NR = {"read": 0, "write": 1, "close": 3, "mmap": 9, "brk": 12, "execve": 59, "wait4": 61,
      "rmdir": 84, "unlink": 87, "exit_group": 231, "openat": 257, "mkdir": 83,
      "clone": 56, "fork": 57, "clock_nanosleep": 230, "nanosleep": 35, "getppid": 110}

findings = []


def bad(msg):
    findings.append(msg)


def expect(cond, msg):
    if not cond:
        bad(msg)
    return cond


# ---- strace-style C string literals -------------------------------------

C_ESC = {"n": 10, "t": 9, "r": 13, "v": 11, "f": 12, '"': 34, "\\": 92, "a": 7, "b": 8}


def c_literal(text, pos=0):
    """Decode the C string literal starting at text[pos] (a '"'). Returns
    (bytes, truncated, end position)."""
    if pos >= len(text) or text[pos] != '"':
        raise ValueError("no string literal at %d in %r" % (pos, text))
    out = bytearray()
    i = pos + 1
    while True:
        if i >= len(text):
            raise ValueError("unterminated literal in %r" % text)
        c = text[i]
        if c == '"':
            i += 1
            break
        if ord(c) < 0x20 or ord(c) > 0x7e:
            raise ValueError("unescaped byte %r in literal %r" % (c, text))
        if c != "\\":
            out.append(ord(c))
            i += 1
            continue
        e = text[i + 1]
        if e in C_ESC:
            out.append(C_ESC[e])
            i += 2
        elif e in "01234567":
            j = i + 1
            while j < len(text) and j < i + 4 and text[j] in "01234567":
                j += 1
            out.append(int(text[i + 1:j], 8))
            i = j
        else:
            raise ValueError("bad escape \\%s in %r" % (e, text))
    trunc = text.startswith("...", i)
    return bytes(out), trunc, i + (3 if trunc else 0)


# ---- loading --------------------------------------------------------------

def load_json(path):
    with open(path, "rb") as f:
        raw = f.read()
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as e:
        bad("not valid UTF-8: %s" % e)
    try:
        doc = json.loads(raw)
    except ValueError as e:
        bad("not valid JSON: %s" % e)
        return None
    return doc


def load_jsonl(path):
    lines = []
    with open(path, "rb") as f:
        for n, raw in enumerate(f, 1):
            if not raw.endswith(b"\n"):
                bad("line %d does not end with a newline" % n)
            try:
                lines.append(json.loads(raw))
            except ValueError as e:
                bad("line %d is not valid JSON: %s" % (n, e))
                return None
    return lines


def validators():
    """(document validator, jsonl line validator), or (None, None) without
    the jsonschema module."""
    try:
        import jsonschema
    except ImportError:
        print("note: python3 jsonschema module missing: schema not checked")
        return None, None
    with open(SCHEMA) as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    doc = jsonschema.Draft202012Validator(schema)
    # The same definitions with jsonl_line as the root (no registry needed).
    line = jsonschema.Draft202012Validator({
        "$schema": schema["$schema"], "$id": schema["$id"] + ":jsonl",
        "$ref": "#/$defs/jsonl_line", "$defs": schema["$defs"]})
    return doc, line


def schema_errors(validator, obj, where):
    if validator is None:
        return
    for e in list(validator.iter_errors(obj))[:5]:
        bad("%s: schema: %s at %s" % (where, e.message[:300], "/".join(map(str, e.path))))


# ---- generic consistency ----------------------------------------------------

def check_header(h, fmt, args):
    expect(h.get("format") == fmt, "format is %r, want %r" % (h.get("format"), fmt))
    expect(isinstance(h.get("version"), str), "version missing")
    expect(re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$", str(h.get("start_time"))),
           "start_time %r is not ISO 8601 UTC with ns" % h.get("start_time"))
    if args.attached:
        expect(h.get("binary") is None and h.get("argv") == [], "-p: binary/argv not empty")
        expect(len(h.get("attached_pids", [])) >= 1, "-p: attached_pids missing")
    else:
        expect(isinstance(h.get("binary"), str), "binary missing")
        expect(h.get("argv"), "argv is empty")
        if args.prog and h.get("argv"):
            expect(os.path.basename(h["argv"][0]) == args.prog,
                   "argv[0] %r is not the program %r" % (h.get("argv"), args.prog))
    if args.calls is not None:
        expect(h.get("calls") == (args.calls == "yes"), "calls is %r" % h.get("calls"))


def check_records(recs):
    last_ts = {}
    for i, r in enumerate(recs):
        t = r.get("type")
        if t == "syscall":
            name = r.get("name")
            if name in NR:
                expect(r.get("nr") == NR[name], "record %d: %s has nr %r" % (i, name, r.get("nr")))
            if r.get("result") is None:
                expect(r.get("returned") is False and "duration_ns" not in r,
                       "record %d: no result but returned/duration wrong" % i)
            else:
                expect("errno" not in r or r["result"] == -1,
                       "record %d: errno with result %r" % (i, r["result"]))
                expect(isinstance(r.get("duration_ns"), int) and r["duration_ns"] >= 0,
                       "record %d: duration_ns %r" % (i, r.get("duration_ns")))
            for a in r.get("args", []):
                expect(isinstance(a, str) and all(0x20 <= ord(c) < 0x7f for c in a),
                       "record %d: arg %r is not printable ASCII" % (i, a))
        tid = r.get("tid")
        ts = r.get("ts_ns")
        if isinstance(ts, int) and tid in last_ts and t == "syscall":
            expect(ts >= last_ts[tid], "record %d: ts_ns goes back for tid %d" % (i, tid))
        if t == "syscall" and isinstance(ts, int):
            last_ts[tid] = ts


def check_summary(s, recs, args):
    if args.complete is not None:
        want = args.complete == "yes"
        expect(s.get("complete") is want, "complete is %r, want %r (reason %r)" %
               (s.get("complete"), want, s.get("reason")))
    if args.reason is not None:
        expect(args.reason in str(s.get("reason")), "reason %r lacks %r" %
               (s.get("reason"), args.reason))
    if s.get("complete") is False:
        expect(isinstance(s.get("reason"), str) and s["reason"], "incomplete without reason")
    if args.calls == "no":
        expect(recs == [], "-c: %d records written" % len(recs))
        return
    calls = [r for r in recs if r.get("type") == "syscall"]
    done = [r for r in calls if r.get("result") is not None]
    by = collections.Counter(r["name"] for r in done)
    expect(s.get("total_syscalls") == len(done), "total_syscalls %r, records %d" %
           (s.get("total_syscalls"), len(done)))
    expect(s.get("total_errors") == sum(1 for r in done if "errno" in r),
           "total_errors %r does not match the records" % s.get("total_errors"))
    expect(s.get("unfinished_calls") == len(calls) - len(done), "unfinished_calls %r" %
           s.get("unfinished_calls"))
    expect(s.get("by_type") == dict(by), "by_type %r != records %r" % (s.get("by_type"), dict(by)))
    expect(sum(s.get("by_type", {}).values()) == s.get("total_syscalls"), "by_type sum")
    bs = {e["name"]: e for e in s.get("by_syscall", [])}
    for name, n in by.items():
        e = bs.get(name)
        if expect(e is not None, "by_syscall lacks %s" % name):
            expect(e["calls"] == n, "by_syscall %s calls %r != %d" % (name, e["calls"], n))
            errs = sum(1 for r in done if r["name"] == name and "errno" in r)
            expect(e["errors"] == errs, "by_syscall %s errors" % name)
            expect(e["min_ns"] <= e["max_ns"], "by_syscall %s min > max" % name)
    expect(s.get("total_duration_ns") == sum(e["time_ns"] for e in s.get("by_syscall", [])),
           "total_duration_ns is not the sum of time_ns")
    if s.get("time_basis") == "latency":
        expect(s.get("total_duration_ns") == sum(r["duration_ns"] for r in done),
               "total_duration_ns is not the sum of duration_ns")
    sigs = [r for r in recs if r.get("type") == "signal"]
    expect(s.get("signals") == len(sigs), "signals %r != %d records" % (s.get("signals"), len(sigs)))
    procs = {p["pid"]: p for p in s.get("processes", [])}
    for r in recs:
        if r.get("type") == "exit" and r["pid"] == r["tid"]:
            p = procs.get(r["pid"])
            if expect(p is not None, "no process entry for pid %d" % r["pid"]):
                expect(p["exited"] and p["exit_code"] == r["exit_code"] and
                       p.get("signal") == r.get("signal"),
                       "process %d status %r != exit record %r" % (r["pid"], p, r))
    for pid, p in procs.items():
        n = sum(1 for r in done if r["pid"] == pid)
        expect(p["total_syscalls"] == n, "process %d total_syscalls %r != %d" %
               (pid, p["total_syscalls"], n))
    written = sum(r["result"] for r in done if r["name"] == "write" and r["result"] > 0)
    expect(s.get("io", {}).get("written_bytes") == written, "io.written_bytes %r != %d" %
           (s.get("io", {}).get("written_bytes"), written))


# ---- what the programs do --------------------------------------------------

def find(calls, name, pred=lambda r: True):
    return [r for r in calls if r["name"] == name and pred(r)]


def arg_bytes(arg):
    data, trunc, end = c_literal(arg)
    expect(not trunc and end == len(arg), "path %r truncated or with trailing text" % arg)
    return data


def check_paths(recs, summary):
    calls = [r for r in recs if r.get("type") == "syscall"]
    mk = find(calls, "mkdir", lambda r: "rn-paths-" in r["args"][0])
    if not expect(len(mk) == 1, "paths: want one mkdir of the directory, got %d" % len(mk)):
        return
    d = arg_bytes(mk[0]["args"][0])
    expect(mk[0]["args"][1] == "0700" and mk[0]["result"] == 0, "paths: mkdir %r" % mk[0])
    opens = find(calls, "openat", lambda r: r["args"][1].startswith('"' + d.decode()))
    expect(len(opens) == len(PATHS_NAMES), "paths: %d openat in the directory, want %d" %
           (len(opens), len(PATHS_NAMES)))
    for name, r in zip(PATHS_NAMES, opens):
        path = d + b"/" + name
        got = arg_bytes(r["args"][1])
        expect(got == path, "paths: openat path %r does not round-trip to %r" % (got, path))
        expect(r["args"][0] == "AT_FDCWD" and r["args"][2] == "O_WRONLY|O_CREAT|O_TRUNC" and
               r["args"][3] == "0600" and len(r["args"]) == 4, "paths: openat args %r" % r["args"])
        expect(isinstance(r["result"], int) and r["result"] >= 3 and "errno" not in r,
               "paths: openat result %r" % r["result"])
        i = recs.index(r)
        nxt = [x for x in recs[i + 1:] if x.get("type") == "syscall" and x["tid"] == r["tid"]][:3]
        want = [("write", [str(r["result"]), '"hello\\n"', "6"], 6),
                ("close", [str(r["result"])], 0), ("unlink", None, 0)]
        for (wname, wargs, wres), x in zip(want, nxt):
            expect(x["name"] == wname and x["result"] == wres and
                   (wargs is None or x["args"] == wargs),
                   "paths: after openat want %s%r = %d, got %r" % (wname, wargs, wres, x))
        if len(nxt) == 3:
            expect(arg_bytes(nxt[2]["args"][0]) == path, "paths: unlink path")
    rm = find(calls, "rmdir")
    expect(len(rm) == 1 and arg_bytes(rm[0]["args"][0]) == d and rm[0]["result"] == 0,
           "paths: rmdir %r" % rm)
    miss = find(calls, "openat", lambda r: "renacer-paths" in r["args"][1] and
                "rn-paths" not in r["args"][1])
    expect(len(miss) == 1 and miss[0]["result"] == -1 and miss[0].get("errno") == "ENOENT" and
           miss[0]["args"][1] == '"/nonexistent/renacer-paths"',
           "paths: missing-file openat %r" % miss)
    ex = [r for r in recs if r.get("type") == "exit"]
    expect(len(ex) == 1 and ex[0]["exit_code"] == 0 and ex[0]["text"] == "+++ exited with 0 +++",
           "paths: exit records %r" % ex)
    if summary is not None:
        n = len(PATHS_NAMES)
        bt = summary.get("by_type", {})
        expect(bt.get("unlink") == n and bt.get("write") == n, "paths: by_type %r" % bt)
        expect(summary["io"]["written_bytes"] == 6 * n, "paths: written_bytes")
        expect(summary["io"]["written_by_class"]["file"] == 6 * n, "paths: written to files")
        procs = summary.get("processes", [])
        expect(len(procs) == 1 and procs[0]["exit_code"] == 0 and procs[0]["exited"],
               "paths: processes %r" % procs)


def check_segv(recs, summary):
    sig = [r for r in recs if r.get("type") == "signal"]
    expect(len(sig) == 1 and sig[0]["signal"] == "SIGSEGV" and
           sig[0]["text"].startswith("--- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR"),
           "segv: signal records %r" % sig)
    ex = [r for r in recs if r.get("type") == "exit"]
    expect(len(ex) == 1 and ex[0]["exit_code"] is None and ex[0].get("signal") == "SIGSEGV" and
           ex[0]["text"].startswith("+++ killed by SIGSEGV"), "segv: exit records %r" % ex)
    if sig and ex:
        expect(recs.index(sig[0]) < recs.index(ex[0]), "segv: exit before signal")
    if summary is not None:
        p = summary.get("processes", [])
        expect(len(p) == 1 and p[0]["exit_code"] is None and p[0].get("signal") == "SIGSEGV",
               "segv: processes %r" % p)


def check_sleeper(recs, summary):
    calls = [r for r in recs if r.get("type") == "syscall"]
    naps = find(calls, "clock_nanosleep") + find(calls, "nanosleep")
    expect(len(naps) >= 1, "sleeper: no nanosleep record")
    expect(len(find(calls, "getppid")) >= 1, "sleeper: no getppid record")


def check_forkwait(recs, summary):
    calls = [r for r in recs if r.get("type") == "syscall"]
    forks = [r for r in calls if r["name"] in ("clone", "fork", "vfork", "clone3")]
    if not expect(len(forks) == 1, "forkwait: %d fork-like calls" % len(forks)):
        return
    child = forks[0]["result"]
    parent = forks[0]["pid"]
    w = find(calls, "wait4", lambda r: r["pid"] == parent)
    expect(w and w[-1]["result"] == child, "forkwait: wait4 %r, child %r" % (w, child))
    cw = find(calls, "write", lambda r: r["pid"] == child)
    expect(len(cw) == 1 and cw[0]["args"][1] == '"child\\n"' and cw[0]["result"] == 6,
           "forkwait: child's write %r" % cw)
    ex = {r["pid"]: r for r in recs if r.get("type") == "exit"}
    expect(ex.get(child, {}).get("exit_code") == 7 and ex.get(parent, {}).get("exit_code") == 0,
           "forkwait: exits %r" % ex)
    if summary is not None:
        p = {x["pid"]: x for x in summary["processes"]}
        expect(set(p) == {parent, child} and p[child]["exit_code"] == 7 and
               p[parent]["exit_code"] == 0, "forkwait: processes %r" % summary["processes"])


PROGS = {"paths": check_paths, "segv": check_segv, "sleeper": check_sleeper,
         "forkwait": check_forkwait}


# ---- formats -----------------------------------------------------------------

def check_json(path, args):
    doc = load_json(path)
    if doc is None:
        return
    dv, _ = validators()
    schema_errors(dv, doc, "document")
    if not expect(isinstance(doc, dict) and "summary" in doc and "syscalls" in doc,
                  "document lacks syscalls or summary"):
        return
    check_header(doc, "renacer-json-v1", args)
    recs = doc["syscalls"]
    check_records(recs)
    check_summary(doc["summary"], recs, args)
    if args.prog in PROGS and args.calls != "no":
        PROGS[args.prog](recs, doc["summary"])


def check_jsonl(path, args):
    lines = load_jsonl(path)
    if lines is None:
        return
    if not expect(len(lines) >= 2, "fewer than two lines"):
        return
    _, lv = validators()
    for n, obj in enumerate(lines, 1):
        schema_errors(lv, obj, "line %d" % n)
    head, summ, recs = lines[0], lines[-1], lines[1:-1]
    expect(head.get("type") == "header", "first line is not the header")
    expect(summ.get("type") == "summary", "last line is not the summary")
    expect(all(r.get("type") not in ("header", "summary") for r in recs),
           "header or summary inside the records")
    check_header(head, "renacer-jsonl-v1", args)
    check_records(recs)
    check_summary(summ, recs, args)
    if args.prog in PROGS and args.calls != "no":
        PROGS[args.prog](recs, summ)


def csv_rows(path, header):
    with open(path, "rb") as f:
        raw = f.read()
    try:
        text = raw.decode("ascii")
    except UnicodeDecodeError as e:
        bad("CSV is not ASCII: %s" % e)
        return None
    if raw and not raw.endswith(b"\r\n"):
        bad("CSV does not end with CRLF")
    if re.search(rb"(?<!\r)\n", raw):
        bad("CSV has a line feed without carriage return")
    rows = list(csv.reader(text.splitlines(keepends=True), strict=True))
    if not expect(rows and rows[0] == header, "CSV header %r" % (rows[:1],)):
        return None
    for i, row in enumerate(rows[1:], 2):
        expect(len(row) == len(header), "CSV row %d has %d fields: %r" % (i, len(row), row))
    return rows[1:]


def split_args(field):
    """Split the args column at the ", " between arguments, honouring literals
    and brackets."""
    out, cur, depth, i = [], "", 0, 0
    while i < len(field):
        c = field[i]
        if c == '"':
            _, _, end = c_literal(field, i)
            cur += field[i:end]
            i = end
            continue
        if c in "[{":
            depth += 1
        elif c in "]}":
            depth -= 1
        if depth == 0 and field.startswith(", ", i):
            out.append(cur)
            cur = ""
            i += 2
            continue
        cur += c
        i += 1
    if cur or out:
        out.append(cur)
    return out


def check_csv(path, args):
    rows = csv_rows(path, CSV_HEADER)
    if rows is None:
        return
    recs = []
    for i, row in enumerate(rows, 2):
        if len(row) != len(CSV_HEADER):
            continue
        d = dict(zip(CSV_HEADER, row))
        expect(d["source_file"] == "" and d["source_line"] == "", "row %d: source set" % i)
        try:
            rec = {"ts_ns": int(d["ts_ns"]), "pid": int(d["pid"]), "tid": int(d["tid"])}
        except ValueError:
            bad("row %d: ts_ns/pid/tid not integers: %r" % (i, row))
            continue
        name = d["name"]
        if name in ("SIGNAL", "EXIT", "SUPERSEDED", "DETACH"):
            rec["type"] = name.lower()
            rec["text"] = d["args"]
            if name == "SIGNAL":
                m = re.match(r"^--- (?:stopped by )?(\w+)", d["args"])
                rec["signal"] = m.group(1) if m else None
            if name == "EXIT":
                rec["exit_code"] = int(d["result"]) if d["result"] else None
                m = re.match(r"^\+\+\+ killed by (\w+)", d["args"])
                if m:
                    rec["signal"] = m.group(1)
        else:
            expect(re.match(r"^[a-z0-9_]+$", name), "row %d: name %r" % (i, name))
            rec.update(type="syscall", name=name, nr=NR.get(name), args=split_args(d["args"]))
            if d["result"] == "":
                rec["result"] = None
                rec["returned"] = False
                expect(d["duration_ns"] == "" and d["errno"] == "", "row %d: no result" % i)
            else:
                rec["result"] = int(d["result"])
                rec["duration_ns"] = int(d["duration_ns"])
                if d["errno"]:
                    rec["errno"] = d["errno"]
        recs.append(rec)
    check_records(recs)
    if args.prog in PROGS:
        PROGS[args.prog](recs, None)


def check_csv_summary(path, args):
    rows = csv_rows(path, CSV_SUMMARY_HEADER)
    if rows is None:
        return
    names, pct = {}, 0.0
    for row in rows:
        if len(row) != len(CSV_SUMMARY_HEADER):
            continue
        name, calls, errors, secs, usecs, p = row
        try:
            names[name] = (int(calls), int(errors))
            float(secs)
            int(usecs)
            pct += float(p)
        except ValueError:
            bad("summary row %r is not numeric" % row)
    expect(not rows or abs(pct - 100.0) < 1.0, "percent_time sums to %.2f" % pct)
    if args.prog == "paths":
        n = len(PATHS_NAMES)
        expect(names.get("unlink") == (n, 0) and names.get("write") == (n, 0) and
               names.get("openat", (0, 0))[1] >= 1, "paths: summary rows %r" % names)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("format", choices=["json", "jsonl", "csv", "csv-summary"])
    ap.add_argument("file")
    ap.add_argument("--prog", default="")
    ap.add_argument("--complete", choices=["yes", "no"])
    ap.add_argument("--reason")
    ap.add_argument("--calls", choices=["yes", "no"])
    ap.add_argument("--attached", action="store_true")
    args = ap.parse_args()
    {"json": check_json, "jsonl": check_jsonl, "csv": check_csv,
     "csv-summary": check_csv_summary}[args.format](args.file, args)
    for f in findings:
        print(f)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
