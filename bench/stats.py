#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Medians, ratios and tables for bench/run.sh (standard library only).

  stats.py plan-long --raw RAW --factor F --cap S --workloads A,B --configs X,Y
      print "workload cfg,cfg" for the configurations whose main-phase median
      wall time, scaled by F, stays under S seconds (the long-run section).
  stats.py report --dir WORKDIR --csv OUT.csv --md OUT.md
      read WORKDIR/{raw,configs,workloads,meta}.tsv, write the CSV and the
      Markdown report, and print the Markdown to stdout.
"""
import argparse
import csv
import os
import statistics
import sys


def num(s):
    try:
        return float(s)
    except (TypeError, ValueError):
        return None


def median(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def read_tsv(path, header=True):
    with open(path, newline="") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    if not header:
        return rows
    head, body = rows[0], rows[1:]
    return [dict(zip(head, r)) for r in body]


# ---------------------------------------------------------------- aggregation
class Group:
    """All runs of one (phase, workload, config)."""

    def __init__(self, rows, expect_rc):
        self.rows = rows
        self.total = len(rows)
        ok = [r for r in rows if expect_rc is None or r["rc"] == expect_rc]
        self.ok = len(ok)
        self.n = rows[0]["n"] if rows else None
        self.rcs = sorted({r["rc"] for r in rows if r not in ok})
        walls = [num(r["wall_s"]) for r in ok]
        self.wall = median(walls)
        self.wall_min = min(walls) if walls else None
        self.wall_max = max(walls) if walls else None
        self.cpu = median(num(r.get("cpu_s")) for r in ok)
        self.others = median(num(r.get("others_cpu")) for r in ok)
        self.loop = median(num(r["loop_s"]) for r in ok)
        loops = [x for x in (num(r["loop_s"]) for r in ok) if x is not None]
        self.loop_min = min(loops) if loops else None
        self.calls = median(num(r["loop_calls"]) for r in ok)
        self.rss = median(num(r["rss_kb"]) for r in ok)
        # A call another task interrupts takes two lines ("<unfinished ...>",
        # "<... resumed>"): events = lines - resumed lines ~ syscalls.
        bpe, ev = [], []
        for r in ok:
            b, ln, rs = num(r["trace_bytes"]), num(r["trace_lines"]), num(r.get("trace_resumed")) or 0
            if b is not None and ln and ln > rs:
                bpe.append(b / (ln - rs))
                ev.append(ln - rs)
        self.bytes_per_event = median(bpe)
        self.events = median(ev)


def aggregate(raw, expect):
    by = {}
    for r in raw:
        by.setdefault((r["phase"], r["workload"], r["config"]), []).append(r)
    return {k: Group(v, expect.get(k[1])) for k, v in by.items()}


def ratio(a, b):
    if a is None or b is None or b <= 0:
        return None
    return a / b


def added_us(g, base):
    """Steady-state added cost per syscall, microseconds (self-timed loop)."""
    if not g or not base or g.loop is None or base.loop is None or not g.calls:
        return None
    return (g.loop - base.loop) / g.calls * 1e6


def added_best_us(g, base):
    """Like added_us, from the fastest run of each side (best of R)."""
    if not g or not base or g.loop_min is None or base.loop_min is None or not g.calls:
        return None
    return (g.loop_min - base.loop_min) / g.calls * 1e6


def added_cpu_us(g, base):
    """Added CPU time (tracer + tracee, whole run) per loop syscall, microseconds."""
    if not g or not base or g.cpu is None or base.cpu is None or not g.calls:
        return None
    return (g.cpu - base.cpu) / g.calls * 1e6


# ---------------------------------------------------------------- formatting
def fx(x):
    if x is None:
        return "n/a"
    if x >= 100:
        return "%.0f×" % x
    if x >= 10:
        return "%.1f×" % x
    return "%.2f×" % x


def fus(x):
    if x is None:
        return "n/a"
    if abs(x) >= 100:
        return "%.0f" % x
    if abs(x) >= 10:
        return "%.1f" % x
    return "%.2f" % x


def fsec(x):
    if x is None:
        return "n/a"
    if x >= 10:
        return "%.1f s" % x
    if x >= 0.1:
        return "%.2f s" % x
    return "%.1f ms" % (x * 1e3)


def fmb(kb):
    return "n/a" if kb is None else "%.1f" % (kb / 1024)


def table(head, rows):
    out = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    for r in rows:
        out.append("| " + " | ".join(str(c) for c in r) + " |")
    return "\n".join(out)


NOISY = 1.5  # max/min wall time of a cell's runs above which it is marked noisy
BUSY = 0.25  # CPUs used by other processes during a cell's runs (median) above which it is marked


def noisy(g):
    if g is None:
        return False
    if g.others is not None and g.others > BUSY:
        return True
    return g.ok >= 2 and bool(g.wall_min) and g.wall_max / g.wall_min > NOISY


def flag(g, text, base=None):
    """Mark a cell whose runs did not all exit like the untraced run (†),
    or whose runs (or its untraced runs) spread more than NOISY (~)."""
    if g is None:
        return text
    if g.ok == 0:
        return "err (exit %s)" % ",".join(g.rcs)
    if g.ok < g.total:
        text += " †"
    if noisy(g) or noisy(base):
        text += " ~"
    return text


# ---------------------------------------------------------------- plan-long
def plan_long(a):
    raw = read_tsv(a.raw)
    want_wl = a.workloads.split(",")
    want_cfg = a.configs.split(",")
    groups = aggregate([r for r in raw if r["phase"] == "main"], {})
    for wl in want_wl:
        chosen = []
        for cfg in want_cfg:
            g = groups.get(("main", wl, cfg))
            if not g or g.wall is None or not all(r["rc"] == "0" for r in g.rows):
                continue
            # the loop scales with N, the rest (start-up) does not
            proj = g.loop * a.factor + (g.wall - g.loop) if g.loop is not None else g.wall * a.factor
            if proj <= a.cap:
                chosen.append(cfg)
        if chosen:
            print(wl, ",".join(chosen))


# ---------------------------------------------------------------- report
def report(a):
    d = a.dir
    raw = read_tsv(os.path.join(d, "raw.tsv"))
    meta = {}
    notes = []
    for row in read_tsv(os.path.join(d, "meta.tsv"), header=False):
        if len(row) < 2:
            continue
        if row[0] == "note":
            notes.append(row[1])
        else:
            meta[row[0]] = row[1]
    configs = []
    for r in read_tsv(os.path.join(d, "configs.tsv"), header=False):
        cid, tool, disp, cmp_, scope, status = (r + [""] * 6)[:6]
        configs.append(dict(id=cid, tool=tool, disp=disp, cmp=[] if cmp_ in ("", "-") else cmp_.split(","),
                            scope=scope, status=status))
    cfg = {c["id"]: c for c in configs}
    workloads = []
    for r in read_tsv(os.path.join(d, "workloads.tsv"), header=False):
        wid, kind, n, nlong, rc, status, desc = (r + [""] * 7)[:7]
        workloads.append(dict(id=wid, kind=kind, n=n, nlong=nlong, rc=rc, status=status, desc=desc))
    expect = {w["id"]: (w["rc"] if w["rc"] != "NA" else None) for w in workloads}
    G = aggregate(raw, expect)

    def g(phase, wl, c):
        return G.get((phase, wl, c))

    ran = [w for w in workloads if any(k[1] == w["id"] and k[0] == "main" for k in G)]
    traced_ok = [c for c in configs if c["id"] != "base" and c["status"] == "ok"
                 and any(k[2] == c["id"] and k[0] == "main" for k in G)]
    missing = [c for c in configs if c["status"] != "ok"]
    micro = [w for w in ran if w["kind"] == "micro"]

    def wl_label(w):
        return "%s (n=%s)" % (w["id"], w["n"]) if w["kind"] == "micro" else w["id"]

    md = []
    md.append("# renacer overhead benchmark")
    md.append("")
    md.append("- Date: %s" % meta.get("date", "?"))
    md.append("- Machine: %s; %s CPUs; %s RAM; kernel %s; %s; load average %s at start, %s at end"
              % (meta.get("cpu", "?"), meta.get("nproc", "?"), meta.get("mem", "?"), meta.get("kernel", "?"),
                 meta.get("os", "?"), meta.get("load_start", "?"), meta.get("load_end", "?")))
    md.append("- Command: `%s` (%s mode, %s interleaved runs per configuration, medians; %s s in all)"
              % (meta.get("command", "?"), meta.get("mode", "?"), meta.get("reps", "?"), meta.get("elapsed_s", "?")))
    md.append("- Tools: %s (commit %s); %s; %s"
              % (meta.get("renacer", "?"), meta.get("renacer_commit", "?"), meta.get("strace", "?"), meta.get("gcc", "?")))
    how = ("calibrated on strace -f -o at %s µs/call" % meta["calib_traced_us_per_call"]
           if "calib_traced_us_per_call" in meta else "fixed")
    md.append("- N = %s syscalls per micro-workload run (%s); long-run section N = %s "
              "(calibrated: untraced getppid %s ns/call)"
              % (meta.get("n", "?"), how, meta.get("n_long", "?"), meta.get("calib_untraced_ns_per_call", "?")))
    oth = sorted(x for x in (num(r.get("others_cpu")) for r in raw) if x is not None)
    if oth:
        busy = sum(1 for x in oth if x > BUSY)
        md.append("- Other processes during the runs: median %.2f CPUs busy, 90th percentile %.2f; "
                  "%d of %d runs had more than %.2f CPUs busy with something else"
                  % (median(oth), oth[min(len(oth) - 1, int(len(oth) * 0.9))], busy, len(oth), BUSY))
    if "renacer_binary" in meta:
        md.append("- renacer binary: %s (a private copy is benchmarked)" % meta["renacer_binary"])
    for n in notes:
        md.append("- Note: %s" % n)
    md.append("")
    md.append("## Configurations")
    md.append("")
    rows = []
    for c in configs:
        cmp_ = ", ".join("%s" % x for x in c["cmp"]) or "—"
        rows.append(["`%s`" % c["id"], "`%s`" % c["disp"], cmp_, c["status"]])
    md.append(table(["id", "command", "compared with", "status"], rows))
    md.append("")

    def not_measured_line():
        if missing:
            return "Not measured: " + "; ".join("`%s` %s" % (c["id"], c["status"]) for c in missing) + "."
        return ""

    # 1. whole-command ratio
    md.append("## 1. Whole command: traced / untraced wall time")
    md.append("")
    md.append("Median wall time of the traced run divided by the median untraced run (process start-up "
              "included). For micro workloads the untraced run is short, so this is dominated by the "
              "per-syscall cost; see section 3 for the start-up-free figure.")
    md.append("")
    head = ["workload", "untraced"] + ["`%s`" % c["id"] for c in traced_ok]
    rows = []
    for w in ran:
        base = g("main", w["id"], "base")
        row = [wl_label(w), flag(base, fsec(base.wall if base else None))]
        for c in traced_ok:
            x = g("main", w["id"], c["id"])
            row.append("—" if x is None else flag(x, fx(ratio(x.wall, base.wall if base else None))))
        rows.append(row)
    md.append(table(head, rows))
    md.append("")
    if not_measured_line():
        md.append(not_measured_line())
        md.append("")

    # 2. renacer vs strace (and the other comparisons)
    pairs = [(c, cfg[o]) for c in traced_ok if c["tool"] == "renacer" for o in c["cmp"]
             if o in cfg and cfg[o] in traced_ok]
    md.append("## 2. renacer / equivalent (whole command; below 1.00 = renacer faster)")
    md.append("")
    if pairs:
        head = ["workload"] + ["`%s`/`%s`" % (c["id"], o["id"]) for c, o in pairs]
        rows = []
        for w in ran:
            row = [w["id"]]
            for c, o in pairs:
                x, y = g("main", w["id"], c["id"]), g("main", w["id"], o["id"])
                row.append("—" if x is None or y is None else flag(x, fx(ratio(x.wall, y.wall)), y))
            rows.append(row)
        md.append(table(head, rows))
    else:
        md.append("No renacer configuration with a measured equivalent.")
    md.append("")

    # 3. steady-state per-syscall cost
    md.append("## 3. Steady state: added cost per syscall (µs)")
    md.append("")
    md.append("From each micro workload's self-timed loop (clock_gettime around the loop: start-up, exec "
              "and exit excluded): (traced loop − untraced loop) / syscalls in the loop, medians. "
              "For threads/fork the loop includes creating and reaping the 4 tasks.")
    md.append("")
    mcfgs = [c for c in traced_ok if any(g("main", w["id"], c["id"]) for w in micro)]
    rpairs = [(c, o) for c, o in pairs if c in mcfgs and o in mcfgs]
    head = ["workload", "syscalls in loop", "untraced ns/call"] + ["`%s`" % c["id"] for c in mcfgs] + \
           ["`%s`/`%s`" % (c["id"], o["id"]) for c, o in rpairs]
    rows = []
    for w in micro:
        base = g("main", w["id"], "base")
        calls = base.calls if base else None
        row = [w["id"], "%d" % calls if calls else "n/a",
               "%.0f" % (base.loop / calls * 1e9) if base and base.loop and calls else "n/a"]
        for c in mcfgs:
            x = g("main", w["id"], c["id"])
            row.append("—" if x is None else flag(x, fus(added_us(x, base))))
        for c, o in rpairs:
            x, y = g("main", w["id"], c["id"]), g("main", w["id"], o["id"])
            row.append("—" if x is None or y is None else "%s (%s)" % (
                fx(ratio(added_us(x, base), added_us(y, base))),
                fx(ratio(added_best_us(x, base), added_best_us(y, base)))))
        rows.append(row)
    md.append(table(head, rows) if micro else "No micro workload ran.")
    md.append("")
    md.append("Ratio columns: from the medians, and in brackets from the fastest run of each side (best of %s), "
              "which is the better estimate of the intrinsic cost when other processes competed for the CPUs "
              "during some runs (cells marked ~)." % meta.get("reps", "R"))
    md.append("")

    # 3b. CPU time per syscall
    md.append("### 3b. CPU time added per syscall (µs, tracer + tracee)")
    md.append("")
    md.append("(median user+system time of the whole traced run, tracer and tracee together − the untraced "
              "run's) / syscalls in the loop. Start-up is included but is small at this N. CPU time does not "
              "count waiting for a CPU, but it still grows when other processes compete (cache, context "
              "switches, hypervisor), so busy cells (~) stay suspect.")
    md.append("")
    head = ["workload"] + ["`%s`" % c["id"] for c in mcfgs] + ["`%s`/`%s`" % (c["id"], o["id"]) for c, o in rpairs]
    rows = []
    for w in micro:
        base = g("main", w["id"], "base")
        row = [w["id"]]
        for c in mcfgs:
            x = g("main", w["id"], c["id"])
            row.append("—" if x is None else fus(added_cpu_us(x, base)))
        for c, o in rpairs:
            x, y = g("main", w["id"], c["id"]), g("main", w["id"], o["id"])
            row.append("—" if x is None or y is None else fx(ratio(added_cpu_us(x, base), added_cpu_us(y, base))))
        rows.append(row)
    md.append(table(head, rows) if micro else "No micro workload ran.")
    md.append("")

    # 4. peak RSS
    md.append("## 4. Peak RSS of the tracer (MB)")
    md.append("")
    md.append("VmHWM of the tracer process itself, read at its exit by an LD_PRELOAD probe "
              "(bench/rss_probe.c); the tracee is not counted. Median of the runs.")
    md.append("")
    rcfgs = [c for c in traced_ok]
    head = ["workload"] + ["`%s`" % c["id"] for c in rcfgs]
    rows = []
    for w in ran:
        row = [w["id"]]
        for c in rcfgs:
            x = g("main", w["id"], c["id"])
            row.append("—" if x is None else fmb(x.rss))
        rows.append(row)
    md.append(table(head, rows))
    md.append("")
    flat = [(c, g("rss_1x", "getppid", c), g("rss_4x", "getppid", c)) for c in ("r_full", "s_full")]
    flat = [(c, a1, a4) for c, a1, a4 in flat if a1 and a4]
    if flat:
        md.append("Trace length: getppid under full trace at N and 4N (%s run(s) at each size, interleaved):"
                  % max(a1.total for _, a1, _ in flat))
        md.append("")
        rows = [["`%s`" % c, a1.n, "%.0f" % a1.rss if a1.rss else "n/a", a4.n,
                 "%.0f" % a4.rss if a4.rss else "n/a", fx(ratio(a4.rss, a1.rss))] for c, a1, a4 in flat]
        md.append(table(["config", "N", "RSS kB", "4N", "RSS kB", "4N/N"], rows))
        md.append("")

    # 5. trace size
    tcfgs = [c for c in traced_ok if any(g("main", w["id"], c["id"]) and g("main", w["id"], c["id"]).events
                                         for w in ran)]
    md.append("## 5. Trace size (bytes per syscall of the -o file)")
    md.append("")
    md.append("Bytes of the trace file / the syscalls it records, counted as its lines minus the "
              "`<... resumed>` lines (a call another task interrupts is split over two lines). "
              "Exit and signal lines and the JSON header count as events too. Event count in brackets.")
    md.append("")
    if tcfgs:
        head = ["workload"] + ["`%s`" % c["id"] for c in tcfgs]
        rows = []
        for w in ran:
            row = [w["id"]]
            for c in tcfgs:
                x = g("main", w["id"], c["id"])
                if x is None or x.bytes_per_event is None:
                    row.append("—")
                else:
                    row.append("%.1f (%d)" % (x.bytes_per_event, x.events))
            rows.append(row)
        md.append(table(head, rows))
        md.append("")

    # 6. long runs
    long_wl = [w for w in workloads if g("long", w["id"], "base")]
    md.append("## 6. Long runs of the cheap configurations")
    md.append("")
    md.append("Configurations projected under a few seconds per run at N = %s (untraced getppid ≈ 0.25 s "
              "in full mode), run again at that size so that start-up does not dominate: whole-command "
              "traced / untraced." % meta.get("n_long", "?"))
    md.append("")
    if long_wl:
        lcfgs = [c for c in configs if c["id"] != "base" and any(g("long", w["id"], c["id"]) for w in long_wl)]
        head = ["workload", "n", "untraced"] + ["`%s`" % c["id"] for c in lcfgs]
        rows = []
        for w in long_wl:
            base = g("long", w["id"], "base")
            row = [w["id"], base.n, flag(base, fsec(base.wall))]
            for c in lcfgs:
                x = g("long", w["id"], c["id"])
                row.append("—" if x is None else flag(x, fx(ratio(x.wall, base.wall))))
            rows.append(row)
        md.append(table(head, rows))
    else:
        md.append("Nothing qualified (no filtered or eBPF configuration is both implemented and cheap).")
    md.append("")

    # 7. goals
    md.append("## 7. Goals (reported, not pass/fail)")
    md.append("")
    goals = []

    def verdict(vals, limit):
        vals = [v for v in vals if v[1] is not None]
        if not vals:
            return "n/a", "n/a"
        txt = ", ".join("%s %s" % (k, fx(v)) for k, v in vals)
        met = sum(1 for _, v in vals if v <= limit)
        return txt, ("met" if met == len(vals) else "not met (%d/%d)" % (met, len(vals)))

    def reason(cid):
        c = cfg.get(cid)
        return c["status"] if c and c["status"] != "ok" else "not run"

    # full trace per-call vs strace
    vals, bvals, cvals = [], [], []
    for w in micro:
        base = g("main", w["id"], "base")
        x, y = g("main", w["id"], "r_full"), g("main", w["id"], "s_full")
        if x and y:
            vals.append((w["id"], ratio(added_us(x, base), added_us(y, base))))
            bvals.append((w["id"], ratio(added_best_us(x, base), added_best_us(y, base))))
            cvals.append((w["id"], ratio(added_cpu_us(x, base), added_cpu_us(y, base))))
    t, v = verdict(vals, 0.9)
    bt, bv = verdict(bvals, 0.9)
    ct, cv = verdict(cvals, 0.9)
    goals.append(["Full trace: added cost per syscall ≤ 0.9× strace's (`r_full` vs `s_full`; section 3 wall "
                  "time from medians and best-of, section 3b CPU time)",
                  "median: %s; best-of: %s; CPU: %s" % (t, bt, ct) if vals else t,
                  "median %s; best-of %s; CPU %s" % (v, bv, cv) if vals else reason("r_full")])
    # filtered
    vals, src = [], ""
    for wid in ("getppid", "rw", "threads", "fork"):
        base_l, x_l = g("long", wid, "base"), g("long", wid, "r_filt")
        if base_l and x_l:
            vals.append((wid, ratio(x_l.wall, base_l.wall)))
            src = "long runs, whole command"
        else:
            base, x = g("main", wid, "base"), g("main", wid, "r_filt")
            if base and x:
                vals.append((wid + " (loop)", ratio(x.loop, base.loop)))
                src = src or "self-timed loop, traced/untraced"
    t, v = verdict(vals, 1.15)
    goals.append(["Filtered `-e trace=openat`: ≤ 1.15× untraced on getppid/rw/threads/fork" +
                  (" (%s)" % src if src else ""), t, v if vals else reason("r_filt")])
    # json
    vals = []
    for w in ran:
        x, y = g("main", w["id"], "r_json"), g("main", w["id"], "r_full")
        if x and y:
            vals.append((w["id"], ratio(x.wall, y.wall)))
    t, v = verdict(vals, 1.05)
    goals.append(["JSON output: ≤ 1.05× text (`r_json`/`r_full`, whole command)", t,
                  v if vals else reason("r_json")])
    # rss
    a1, a4 = g("rss_1x", "getppid", "r_full"), g("rss_4x", "getppid", "r_full")
    if a1 and a4 and a1.rss and a4.rss:
        r = ratio(a4.rss, a1.rss)
        goals.append(["RSS flat in trace length (renacer, getppid N vs 4N)",
                      "%.0f kB → %.0f kB (%s)" % (a1.rss, a4.rss, fx(r)),
                      "met" if r <= 1.10 else "not met (grows %.0f%%)" % ((r - 1) * 100)])
    else:
        goals.append(["RSS flat in trace length (renacer, getppid N vs 4N)", "n/a", reason("r_full")])
    md.append(table(["goal", "measured", "status"], goals))
    md.append("")
    md.append("† some runs of this cell exited differently from the untraced run; the median is over the "
              "others. `err` = every run did. ~ the slowest run of this cell (or of what it is divided by) "
              "took more than %.1f× the fastest, or other processes kept more than %.2f CPUs busy during its runs "
              "(median): the machine was busy (or, for a short untraced run, start-up jitter), read with care. "
              "`—` = configuration not run on this workload." % (NOISY, BUSY))
    md.append("")
    text = "\n".join(md)

    # CSV: one row per (phase, workload, config), n/a configurations included
    cols = ["phase", "workload", "config", "command", "status", "n", "runs_ok", "runs", "median_wall_s",
            "min_wall_s", "max_wall_s", "untraced_median_wall_s", "ratio_untraced", "compare_with",
            "ratio_compare", "compare_with_2", "ratio_compare_2", "median_cpu_s", "untraced_median_cpu_s", "others_cpu",
            "loop_median_s", "loop_syscalls", "untraced_loop_median_s", "added_us_per_syscall",
            "added_cpu_us_per_syscall", "rss_kb", "trace_bytes_per_syscall", "trace_events"]

    def f(x, p=6):
        return "" if x is None else ("%.*f" % (p, x))

    out = []
    for phase in ("main", "long", "rss_1x", "rss_4x"):
        for w in workloads:
            for c in configs:
                x = g(phase, w["id"], c["id"])
                if x is None:
                    if phase == "main" and c["status"] != "ok" and w["status"] == "ok" and \
                            any(k[1] == w["id"] for k in G) and \
                            (c["scope"] == "all" or (c["scope"] == "gen") == (w["id"] != "stack")):
                        out.append({"phase": phase, "workload": w["id"], "config": c["id"], "command": c["disp"],
                                    "status": c["status"]})
                    continue
                base = g(phase, w["id"], "base")
                row = {"phase": phase, "workload": w["id"], "config": c["id"], "command": c["disp"],
                       "status": "ok" if x.ok == x.total else ("err" if x.ok == 0 else "partial"),
                       "n": x.n, "runs_ok": x.ok, "runs": x.total, "median_wall_s": f(x.wall),
                       "min_wall_s": f(x.wall_min), "max_wall_s": f(x.wall_max),
                       "untraced_median_wall_s": f(base.wall if base else None),
                       "ratio_untraced": f(ratio(x.wall, base.wall if base else None), 4),
                       "loop_median_s": f(x.loop, 9), "loop_syscalls": f(x.calls, 0),
                       "untraced_loop_median_s": f(base.loop if base else None, 9),
                       "added_us_per_syscall": f(added_us(x, base), 4) if c["id"] != "base" else "",
                       "others_cpu": f(x.others, 2), "median_cpu_s": f(x.cpu, 3), "untraced_median_cpu_s": f(base.cpu if base else None, 3),
                       "added_cpu_us_per_syscall": f(added_cpu_us(x, base), 4) if c["id"] != "base" else "",
                       "rss_kb": f(x.rss, 0), "trace_bytes_per_syscall": f(x.bytes_per_event, 2),
                       "trace_events": f(x.events, 0)}
                for i, o in enumerate(c["cmp"][:2]):
                    y = g(phase, w["id"], o)
                    sfx = "" if i == 0 else "_2"
                    row["compare_with" + sfx] = o
                    row["ratio_compare" + sfx] = f(ratio(x.wall, y.wall if y else None), 4)
                out.append(row)
    with open(a.csv, "w", newline="") as fh:
        wr = csv.DictWriter(fh, fieldnames=cols)
        wr.writeheader()
        for r in out:
            wr.writerow(r)
    with open(a.md, "w") as fh:
        fh.write(text)
    sys.stdout.write(text)
    return 0


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    pl = sub.add_parser("plan-long")
    pl.add_argument("--raw", required=True)
    pl.add_argument("--factor", type=float, required=True)
    pl.add_argument("--cap", type=float, required=True)
    pl.add_argument("--workloads", required=True)
    pl.add_argument("--configs", required=True)
    rp = sub.add_parser("report")
    rp.add_argument("--dir", required=True)
    rp.add_argument("--csv", required=True)
    rp.add_argument("--md", required=True)
    a = p.parse_args()
    if a.cmd == "plan-long":
        plan_long(a)
        return 0
    return report(a)


if __name__ == "__main__":
    sys.exit(main())
