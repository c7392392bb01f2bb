#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Differential test: trace the same commands with strace and with renacer, normalise
# both outputs (pids, addresses, times, inodes, random bytes) and report, per syscall
# family, the share of lines that are identical. Exit 0 when the overall rate reaches
# --min (default 98), 1 below it, 77 when strace is missing.
import argparse
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.dirname(os.path.dirname(HERE))

FAMILIES = {
    "file": """open openat openat2 creat close close_range read write pread64 pwrite64 readv
        writev preadv pwritev preadv2 pwritev2 lseek dup dup2 dup3 pipe pipe2 fcntl ioctl flock
        fsync fdatasync ftruncate truncate sendfile copy_file_range splice tee getdents
        getdents64 getcwd chdir fchdir mkdir mkdirat rmdir unlink unlinkat rename renameat
        renameat2 link linkat symlink symlinkat readlink readlinkat chmod fchmod fchmodat
        chown fchown lchown fchownat access faccessat faccessat2 umask utimensat inotify_init
        inotify_init1 inotify_add_watch inotify_rm_watch fanotify_init fanotify_mark
        memfd_create eventfd eventfd2 timerfd_create timerfd_settime timerfd_gettime
        signalfd signalfd4 getxattr lgetxattr fgetxattr listxattr llistxattr flistxattr
        setxattr fsetxattr lsetxattr fadvise64 fallocate mknod mknodat""",
    "stat": "stat fstat lstat newfstatat statx statfs fstatfs",
    "memory": """mmap munmap mprotect mremap madvise brk mlock mlock2 munlock mlockall
        munlockall msync membarrier mincore""",
    "process": """execve execveat clone clone3 fork vfork wait4 waitid exit exit_group kill
        tkill tgkill getpid getppid gettid getuid geteuid getgid getegid getpgrp getpgid
        getsid setsid setpgid prctl arch_prctl set_tid_address set_robust_list rseq
        prlimit64 getrlimit setrlimit getrusage sched_getaffinity sched_setaffinity
        sched_getparam sched_getscheduler sched_setscheduler sched_get_priority_max
        sched_get_priority_min uname sysinfo getrandom capget capset personality setuid
        setgid setreuid setregid setresuid setresgid getresuid getresgid setfsuid setfsgid
        getgroups setgroups getpriority setpriority times""",
    "signal": """rt_sigaction rt_sigprocmask rt_sigreturn rt_sigsuspend rt_sigtimedwait
        rt_sigpending rt_sigqueueinfo sigaltstack pause alarm""",
    "time": """nanosleep clock_nanosleep clock_gettime clock_getres gettimeofday time futex
        poll ppoll select pselect6 epoll_create epoll_create1 epoll_ctl epoll_wait epoll_pwait
        epoll_pwait2 sched_yield getitimer setitimer timer_create timer_settime
        timer_gettime timer_delete""",
    "network": """socket socketpair bind connect accept accept4 listen shutdown getsockname
        getpeername setsockopt getsockopt sendto recvfrom sendmsg recvmsg sendmmsg recvmmsg""",
    "ipc": """shmget shmat shmdt shmctl semget semop semtimedop semctl msgget msgsnd msgrcv
        msgctl mq_open mq_unlink mq_timedsend mq_timedreceive mq_notify mq_getsetattr""",
}
FAMILY_OF = {n: fam for fam, names in FAMILIES.items() for n in names.split()}

# name, argv[, flags]; argv[0] "@prog" means build/progs/prog; flags are given to both
# tracers for that case only (strace's -y, -v, -x, -X), and the report has a rate per set
CORPUS = [
    ("demo", ["@demo"]),
    ("forkwait", ["@forkwait"]),
    ("paths", ["@paths"]),
    ("strings", ["@strings"]),
    ("fam_file", ["@fam_file"]),
    ("fam_stat", ["@fam_stat"]),
    ("fam_mem", ["@fam_mem"]),
    ("fam_proc", ["@fam_proc"]),
    ("fam_signal", ["@fam_signal"]),
    ("fam_time", ["@fam_time"]),
    ("fam_net", ["@fam_net"]),
    ("fam_ipc", ["@fam_ipc"]),
    ("fam_ext", ["@fam_ext"]),
    ("ls", ["/bin/ls", "-l", "/usr"]),
    ("cat", ["/bin/cat", "/etc/hostname", "/etc/passwd"]),
    ("sh", ["/bin/sh", "-c", "echo hi | cat; true && ls -d . > /dev/null"]),
    ("python3", ["python3", "-S", "-c", "import os; print(os.getcwd())"]),
    ("tar", ["/usr/bin/tar", "cf", "out.tar", "-C", "/etc", "hostname", "passwd"]),
    ("threads", ["@threads"]),
    ("decode_opts", ["@decode_opts"]),
    ("decode_opts-y", ["@decode_opts"], ["-y"]),
    ("decode_opts-yy", ["@decode_opts"], ["-yy"]),
    ("decode_opts-v", ["@decode_opts"], ["-v"]),
    ("decode_opts-x", ["@decode_opts"], ["-x"]),
    ("decode_opts-Xraw", ["@decode_opts"], ["-X", "raw"]),
    ("decode_opts-Xverbose", ["@decode_opts"], ["-X", "verbose"]),
    ("cat-y", ["/bin/cat", "/etc/hostname", "/etc/passwd"], ["-y"]),
    ("sh-y", ["/bin/sh", "-c", "echo hi | cat; true && ls -d . > /dev/null"], ["-y"]),
    ("fam_file-y", ["@fam_file"], ["-y"]),
    ("fam_net-y", ["@fam_net"], ["-y"]),
    ("fam_stat-y", ["@fam_stat"], ["-y"]),
    ("fam_mem-y", ["@fam_mem"], ["-y"]),
    ("fam_time-y", ["@fam_time"], ["-y"]),
    ("fam_net-yy", ["@fam_net"], ["-yy"]),
    ("fam_file-yy", ["@fam_file"], ["-yy"]),
    ("sh-yy", ["/bin/sh", "-c", "echo hi | cat; true && ls -d . > /dev/null"], ["-yy"]),
    ("fam_stat-v", ["@fam_stat"], ["-v"]),
    ("fam_proc-v", ["@fam_proc"], ["-v"]),
    ("demo-v", ["@demo"], ["-v"]),
    ("ls-v", ["/bin/ls", "-l", "/usr"], ["-v"]),
    ("strings-x", ["@strings"], ["-x"]),
    ("fam_file-x", ["@fam_file"], ["-x"]),
    ("cat-x", ["/bin/cat", "/etc/hostname", "/etc/passwd"], ["-x"]),
    ("strings-xx", ["@strings"], ["-xx"]),
    ("paths-xx", ["@paths"], ["-xx"]),
    ("fam_file-Xraw", ["@fam_file"], ["-X", "raw"]),
    ("fam_net-Xraw", ["@fam_net"], ["-X", "raw"]),
    ("fam_signal-Xraw", ["@fam_signal"], ["-X", "raw"]),
    ("fam_proc-Xraw", ["@fam_proc"], ["-X", "raw"]),
    ("demo-Xraw", ["@demo"], ["-X", "raw"]),
    ("fam_file-Xverbose", ["@fam_file"], ["-X", "verbose"]),
    ("fam_net-Xverbose", ["@fam_net"], ["-X", "verbose"]),
    ("fam_signal-Xverbose", ["@fam_signal"], ["-X", "verbose"]),
    ("fam_proc-Xverbose", ["@fam_proc"], ["-X", "verbose"]),
    ("fam_mem-Xverbose", ["@fam_mem"], ["-X", "verbose"]),
]

PREFIX_RE = re.compile(r"^(?:\[pid +(\d+)\] |(\d+) +)")
UNFIN_RE = re.compile(r"^(.*) <unfinished \.\.\.>$")
RESUMED_RE = re.compile(r"^<\.\.\. ([a-z0-9_]+) resumed>(.*)$")
NAME_RE = re.compile(r"^([a-z_][a-z0-9_]*)\(")

SUBS = [
    (re.compile(r"\)\s+= "), ") = "),  # strace pads the result to column 40
    (re.compile(r"0x[0-9a-f]{5,}"), "0xADDR"),
    (re.compile(r"(st_[amc]time(?:_nsec)?|stx_[abcm]time)=[^,}]*(\{[^}]*\})?(?: /\* [^*]* \*/)?"),
     r"\1=T"),
    (re.compile(r"(st_ino|stx_ino|st_dev|stx_dev_minor|st_blocks|stx_blocks)=[^,}]*"), r"\1=N"),
    (re.compile(r"(tv_sec|tv_nsec|tv_usec|si_utime|si_stime|ru_\w+|uptime|freeram|"
                r"sharedram|bufferram|freeswap|procs|loads|freehigh)=[^,}]*"), r"\1=N"),
    (re.compile(r'getrandom\("(?:[^"\\]|\\.)*"(\.\.\.)?'), 'getrandom("R"'),
    (re.compile(r"<\d+\.\d+>"), "<T>"),
    (re.compile(r"(f_bfree|f_bavail|f_ffree)=\d+"), r"\1=N"),
    (re.compile(r"^getppid\(\) = \d+"), "getppid() = N"),
    (re.compile(r"/tmp/rn-paths-\w{6}"), "/tmp/rn-paths-XXXXXX"),  # mkdtemp
    (re.compile(r"(\\x2f\\x74\\x6d\\x70\\x2f\\x72\\x6e\\x2d\\x70\\x61\\x74\\x68\\x73\\x2d)"
                r"(?:\\x[0-9a-f]{2}){6}"), r"\1XXXXXX"),  # the same in -xx hex
    # -y: inode numbers of pipes and sockets, ephemeral ports of -yy endpoints
    (re.compile(r":\[\d+(?:->\d+)?(?=[\],])"), ":[INO"),
    (re.compile(r"((?:\d+\.){3}\d+|\]):\d+"), r"\1:PORT"),
    (re.compile(r"htons\(\d{4,5}\)"), "htons(PORT)"),  # ephemeral ports
    (re.compile(r'sin_port="\\x(?!00)[0-9a-f]{2}\\x[0-9a-f]{2}"'), 'sin_port="PORT"'),
]


def progs_dir(build):
    return os.path.join(build, "progs")


def resolve(argv, build):
    if argv[0].startswith("@"):
        return [os.path.join(progs_dir(build), argv[0][1:])] + argv[1:]
    path = shutil.which(argv[0])
    return [path or argv[0]] + argv[1:]


def run(tracer, out, argv, cwd, extra):
    if os.path.isdir(cwd):
        shutil.rmtree(cwd)
    os.makedirs(cwd)
    env = {"PATH": "/usr/bin:/bin", "LANG": "C", "LC_ALL": "C", "HOME": cwd, "TERM": "dumb",
           "PYTHONHASHSEED": "0"}
    cmd = tracer + ["-f"] + extra + ["-o", out, "--"] + argv
    subprocess.run(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    with open(out, errors="replace") as f:
        return f.read().splitlines()


def split_pid(line):
    m = PREFIX_RE.match(line)
    if m:
        return m.group(1) or m.group(2), line[m.end():]
    return None, line


IPCID_RE = re.compile(r"^(?:shmget|semget|msgget)\(.*\)\s+= (\d+)$")
TID_RE = re.compile(r"^set_tid_address\(.*\)\s+= (\d+)$")
CHILD_RE = re.compile(r"^(?:<\.\.\. )?(clone|clone3|fork|vfork)\b.*=\s(\d+)$")
FORKING_RE = re.compile(r"^(clone|clone3|fork|vfork)\(.*<unfinished \.\.\.>$")


def assign(lines):
    """(pid, text) per line; renacer leaves lines untagged while one task is traced."""
    out, live, children = [], set(), []
    sole = "?"  # the untagged task, until its pid is known
    forking = False  # the untagged task is inside clone: the next new pid is its child
    for raw in lines:
        pid, text = split_pid(raw)
        if pid is None:
            pid = sole
            m = TID_RE.match(text)
            if pid == "?" and m:
                pid = m.group(1)
        if pid == "?":
            forking = bool(FORKING_RE.match(text))
        elif forking and sole == "?" and not text.startswith("<..."):
            children.append(pid)
        if sole == "?" and pid != "?" and pid not in children:
            out = [(pid if p == "?" else p, t) for p, t in out]
            live.discard("?")
            sole = pid
        live.add(pid)
        out.append((pid, text))
        m = CHILD_RE.match(text)
        if m:
            children.append(m.group(2))
            live.add(m.group(2))
        if text.startswith("+++ "):
            live.discard(pid)
            if len(live) == 1:
                sole = next(iter(live))
    return out, children


def normalise(lines):
    """Per-task line lists (task names P1, P2.. in creation order), resumed calls joined."""
    pairs, children = assign(lines)
    names = {}
    if pairs:
        names[pairs[0][0]] = "P1"
    for c in children:
        names.setdefault(c, "P%d" % (len(names) + 1))
    for pid, _ in pairs:
        names.setdefault(pid, "P%d" % (len(names) + 1))
    # System V IPC ids are allocated by the kernel: name them like pids
    for _, text in pairs:
        m = IPCID_RE.match(text)
        if m:
            names.setdefault(m.group(1), "IPC%d" % len(names))
    tasks, pending = {}, {}
    for pid, text in pairs:
        seq = tasks.setdefault(names[pid], [])
        m = UNFIN_RE.match(text)
        if m:
            pending[pid] = (len(seq), m.group(1))
            seq.append(None)
            continue
        m = RESUMED_RE.match(text)
        if m and pid in pending:
            idx, head = pending.pop(pid)
            seq[idx] = head + m.group(2)
            continue
        seq.append(text)
    for pid, (idx, head) in pending.items():
        tasks[names[pid]][idx] = head + " <unfinished ...>"
    rx = None
    real = [p for p in names if p != "?"]
    if real:
        rx = re.compile(r"\b(%s)\b" % "|".join(re.escape(p) for p in real))
    out = {}
    for name, seq in tasks.items():
        res = []
        for s in seq:
            if s is None:
                continue
            for r, rep in SUBS:
                s = r.sub(rep, s)
            if rx:
                s = rx.sub(lambda m: names[m.group(1)], s)
            res.append(s)
        out[name] = res
    return out


def family(line):
    if line.startswith("---") or line.startswith("+++"):
        return "events"
    m = NAME_RE.match(line)
    if not m:
        return "other"
    return FAMILY_OF.get(m.group(1), "other")


def canon(tasks):
    """Rename tasks by their order of first appearance and pid mentions consistently."""
    return [tasks[k] for k in sorted(tasks, key=lambda n: int(n[1:]) if n[1:].isdigit() else 0)]


def compare(a_lines, b_lines, stats, mism, label, opt_stats=None):
    sa, sb = canon(normalise(a_lines)), canon(normalise(b_lines))
    for i in range(max(len(sa), len(sb))):
        la = sa[i] if i < len(sa) else []
        lb = sb[i] if i < len(sb) else []
        sm = difflib.SequenceMatcher(None, la, lb, autojunk=False)
        matched = [False] * len(la)
        for blk in sm.get_matching_blocks():
            for k in range(blk.size):
                matched[blk.a + k] = True
        for op, a1, a2, b1, b2 in sm.get_opcodes():
            if op == "equal":
                continue
            for k in range(max(a2 - a1, b2 - b1)):
                x = la[a1 + k] if a1 + k < a2 else None
                y = lb[b1 + k] if b1 + k < b2 else None
                mism.append((label, x, y))
        for k, line in enumerate(la):
            fam = family(line)
            st = stats.setdefault(fam, [0, 0])
            st[1] += 1
            if matched[k]:
                st[0] += 1
            if opt_stats is not None:
                opt_stats[1] += 1
                opt_stats[0] += matched[k]
        extra = len(lb) - sum(matched)
        if extra > len(la) - sum(matched):
            # lines renacer printed that strace did not: count them as misses
            st = stats.setdefault("other", [0, 0])
            st[1] += extra - (len(la) - sum(matched))
            if opt_stats is not None:
                opt_stats[1] += extra - (len(la) - sum(matched))


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--build", default=os.path.join(SRC, "build"))
    ap.add_argument("--min", type=float, default=98.0)
    ap.add_argument("--show", type=int, default=40, help="mismatching pairs to list")
    ap.add_argument("--only", help="comma-separated corpus names")
    ap.add_argument("--keep", help="directory to keep both raw traces in")
    ap.add_argument("flags", nargs="*", help="extra flags given to both tracers")
    args = ap.parse_args()

    strace = shutil.which("strace")
    if not strace:
        print("strace_diff: SKIP: strace is not installed (apt-get install strace)")
        return 77
    renacer = os.path.join(args.build, "renacer")
    if not os.access(renacer, os.X_OK):
        print("strace_diff: renacer not built at %s" % renacer, file=sys.stderr)
        return 2
    stats, mism, by_opt = {}, [], {}
    tmp = tempfile.mkdtemp(prefix="rn_sdiff_")
    try:
        for case in CORPUS:
            name, argv = case[0], case[1]
            flags = args.flags + (case[2] if len(case) > 2 else [])
            if args.only and name not in args.only.split(","):
                continue
            argv = resolve(argv, args.build)
            if not os.path.exists(argv[0]):
                print("strace_diff: %s: %s missing, skipped" % (name, argv[0]))
                continue
            cwd = os.path.join(tmp, "cwd")
            a = run([strace], os.path.join(tmp, name + ".strace"), argv, cwd, flags)
            b = run([renacer], os.path.join(tmp, name + ".renacer"), argv, cwd, flags)
            if args.keep:
                os.makedirs(args.keep, exist_ok=True)
                for ext in ("strace", "renacer"):
                    shutil.copy(os.path.join(tmp, name + "." + ext), args.keep)
            opt = " ".join(case[2]) if len(case) > 2 else "(default)"
            compare(a, b, stats, mism, name, by_opt.setdefault(opt, [0, 0]))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    tot = [0, 0]
    print("%-10s %7s %7s %8s" % ("family", "lines", "same", "rate"))
    for fam in sorted(stats):
        same, n = stats[fam]
        tot[0] += same
        tot[1] += n
        print("%-10s %7d %7d %7.2f%%" % (fam, n, same, 100.0 * same / n if n else 100.0))
    rate = 100.0 * tot[0] / tot[1] if tot[1] else 100.0
    print("%-10s %7d %7d %7.2f%%" % ("overall", tot[1], tot[0], rate))
    print("%-10s %7s %7s %8s" % ("options", "lines", "same", "rate"))
    for opt in sorted(by_opt):
        same, n = by_opt[opt]
        print("%-10s %7d %7d %7.2f%%" % (opt, n, same, 100.0 * same / n if n else 100.0))
    for label, x, y in mism[: args.show]:
        print("[%s]\n  strace:  %s\n  renacer: %s" % (label, x, y))
    if len(mism) > args.show:
        print("... %d more mismatching lines" % (len(mism) - args.show))
    return 0 if rate >= args.min else 1


if __name__ == "__main__":
    sys.exit(main())
