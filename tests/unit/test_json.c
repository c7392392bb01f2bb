/* SPDX-License-Identifier: MIT */
/* The json, jsonl and csv writers on made-up events: every record type
 * (calls that failed or never returned, unknown numbers, results beyond
 * 2^53, signals, group-stops, exits, supersession, detach), read back by
 * tests/tools/check_trace.py (python3 json/csv and the JSON Schema). */
#include <criterion/criterion.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "analysis/summary.h"
#include "core/event.h"
#include "output/sink.h"
#include "util/buf.h"

#define CHECKER RN_TEST_SRC_DIR "/tests/tools/check_trace.py"
#define START	1000000000ull
#define PID	100

static struct event call_ev(int tid, long nr, uint64_t at, int err, int64_t ret)
{
	struct event ev;
	int i;

	memset(&ev, 0, sizeof(ev));
	ev.type = EV_SYSCALL_EXIT;
	ev.pid = PID;
	ev.tid = tid;
	ev.nr = (int32_t)nr;
	ev.sc = syscall_by_nr(nr);
	ev.nargs = ev.sc ? ev.sc->nargs : 0;
	for (i = 0; i < ev.nargs; i++)
		ev.args[i].kind = ev.sc->args[i];
	ev.ts_ns = START + at;
	ev.ts_exit_ns = START + at + 3000;
	ev.err = err;
	ev.ret = err ? -err : ret;
	return ev;
}

static struct event other_ev(int type, int tid, uint64_t at)
{
	struct event ev;

	memset(&ev, 0, sizeof(ev));
	ev.type = (uint8_t)type;
	ev.pid = PID;
	ev.tid = tid;
	ev.ts_ns = START + at;
	return ev;
}

/* Every kind of record, in an order a trace could have. */
static int make_events(struct event *evs)
{
	int n = 0;

	evs[n] = call_ev(PID, 1, 1000, 0, 5); /* write(1, ..., 5) = 5 */
	evs[n].args[0].raw = 1;
	evs[n++].args[2].raw = 5;
	evs[n++] = call_ev(PID, 257, 2000, ENOENT, 0);	/* openat = -1 ENOENT */
	evs[n++] = call_ev(PID, 8, 3000, 0, 1ll << 53); /* lseek beyond 2^53 */
	evs[n++] = call_ev(PID, 500, 4000, 0, 0);	/* unknown number */
	evs[n] = other_ev(EV_SIGNAL, PID, 5000);
	evs[n].si.si_signo = SIGCHLD;
	evs[n++].si.si_code = CLD_EXITED;
	evs[n] = other_ev(EV_SIGNAL, PID + 1, 6000);
	evs[n].flags = EV_F_GROUP_STOP;
	evs[n++].si.si_signo = SIGSTOP;
	evs[n] = other_ev(EV_SUPERSEDED, PID, 7000);
	evs[n++].status = PID + 1;
	evs[n] = other_ev(EV_DETACH, PID + 2, 8000);
	n++;
	evs[n] = call_ev(PID, 231, 9000, 0, 0); /* exit_group never returns */
	evs[n].flags = EV_F_NORETURN;
	evs[n++].ts_exit_ns = 0;
	evs[n] = other_ev(EV_EXIT, PID, 10000);
	evs[n++].status = SIGKILL; /* a wait(2) status: killed by SIGKILL */
	return n;
}

/* Write the events with format (calls: false as with -c) to a file.
 * Returns the owned file name. */
static char *write_trace(const char *format, bool calls)
{
	static char *const argv[] = { "./prog", "arg\xff", NULL };
	struct output_opts opts = { .calls = calls, .summary = !calls };
	struct trace_info info = { .argv = argv,
				   .path = "./prog",
				   .start_mono_ns = START,
				   .start_wall_ns = 1795668467123456789ull,
				   .opts = &opts };
	struct trace_end end = { .complete = false, .reason = "interrupted by SIGINT" };
	char *path = strdup("/tmp/rn-json-XXXXXX");
	struct event evs[16];
	struct summary sum;
	struct sink *s;
	int fd, i, n;

	fd = mkstemp(path);
	cr_assert(fd >= 0);
	s = sink_new(format, fd, true, false);
	cr_assert_not_null(s, "sink_new(%s)", format);
	cr_assert(s->ops->needs_summary);
	cr_assert_eq(summary_init(&sum, false, false, false), 0);
	n = make_events(evs);
	cr_assert_eq(s->ops->begin(s, &info), 0);
	for (i = 0; i < n; i++) {
		/* as the tracer does: the summary first, then the sinks */
		summary_add(&sum, &evs[i]);
		cr_assert_eq(s->ops->event(s, &evs[i]), 0);
	}
	end.sum = &sum;
	cr_assert_eq(s->ops->end(s, &end), 0);
	sink_free(s);
	summary_fini(&sum);
	return path;
}

static void check(const char *kind, const char *file, const char *opts)
{
	char cmd[1024];
	int st;

	if (system("python3 -c 'import json' >/dev/null 2>&1"))
		cr_skip_test("python3 is not available");
	snprintf(cmd, sizeof(cmd), "python3 %s %s %s %s >&2", CHECKER, kind, file, opts);
	st = system(cmd);
	cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0, "%s found problems (above)", cmd);
}

static const char *const json_fragments[] = {
	"\"argv\":[\"./prog\",\"arg\\udcff\"]",
	"\"start_time\":\"2026-11-26T04:47:47.123456789Z\"",
	"{\"type\":\"syscall\",\"name\":\"write\",\"nr\":1,\"pid\":100,\"tid\":100,\"ts_ns\":1000,"
	"\"args\":[\"1\",\"NULL\",\"5\"],\"result\":5,\"duration_ns\":3000}",
	"\"result\":-1,\"errno\":\"ENOENT\",\"duration_ns\":3000}",
	"\"name\":\"lseek\",\"nr\":8,",
	"\"result\":\"0x20000000000000\"",
	"\"name\":\"syscall_0x1f4\",\"nr\":500,",
	"{\"type\":\"signal\",\"pid\":100,\"tid\":100,\"ts_ns\":5000,\"signal\":\"SIGCHLD\","
	"\"text\":"
	"\"--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED,",
	"\"signal\":\"SIGSTOP\",\"group_stop\":true,\"text\":\"--- stopped by SIGSTOP ---\"}",
	"{\"type\":\"superseded\",\"pid\":100,\"tid\":100,\"ts_ns\":7000,\"by_tid\":101,",
	"{\"type\":\"detach\",\"pid\":100,\"tid\":102,\"ts_ns\":8000}",
	"\"name\":\"exit_group\",\"nr\":231,\"pid\":100,\"tid\":100,\"ts_ns\":9000,\"args\":[\"0\"]"
	","
	"\"result\":null,\"returned\":false}",
	"{\"type\":\"exit\",\"pid\":100,\"tid\":100,\"ts_ns\":10000,\"exit_code\":null,"
	"\"signal\":\"SIGKILL\",\"text\":\"+++ killed by SIGKILL +++\"}",
	"\"complete\":false",
	"\"reason\":\"interrupted by SIGINT\"",
	"\"unfinished_calls\":1",
};

static char *read_whole(const char *path)
{
	struct buf b = BUF_INIT;
	char tmp[4096];
	size_t n;
	FILE *f = fopen(path, "rb");

	cr_assert_not_null(f, "%s", path);
	while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0)
		buf_append(&b, tmp, n);
	fclose(f);
	return buf_detach(&b);
}

static bool starts_with(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

static void expect_fragments(const char *file, const char *const *frags, size_t n)
{
	char *text = read_whole(file);
	size_t i;

	for (i = 0; i < n; i++)
		cr_expect(strstr(text, frags[i]), "%s lacks %s\n%s", file, frags[i], text);
	free(text);
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

Test(json, document_has_every_record_type_and_reads_back)
{
	char *path = write_trace("json", true);
	char *text = read_whole(path);
	char cmd[512];

	expect_fragments(path, json_fragments, COUNT(json_fragments));
	cr_expect(starts_with(text, "{\n  \"version\":"), "%s", text);
	cr_expect(strstr(text, "\n  ],\n  \"summary\":{\n    \"complete\":false,"), "%s", text);
	cr_expect(strlen(text) > 7 && !strcmp(text + strlen(text) - 7, "\n  }\n}\n"), "%s", text);
	check("json", path, "--complete no --reason 'interrupted by SIGINT' --calls yes");
	/* invalid UTF-8 in argv comes back byte for byte (surrogateescape) */
	snprintf(cmd, sizeof(cmd),
		 "python3 -c 'import json, sys; a = json.load(open(sys.argv[1]))[\"argv\"]; "
		 "sys.exit(a[1].encode(\"utf-8\", \"surrogateescape\") != b\"arg\\xff\")' %s",
		 path);
	cr_expect_eq(system(cmd), 0, "%s", cmd);
	free(text);
	unlink(path);
	free(path);
}

Test(json, lines_have_header_records_and_summary)
{
	char *path = write_trace("jsonl", true);
	char *text = read_whole(path);
	char *last;

	expect_fragments(path, json_fragments, COUNT(json_fragments));
	cr_expect(starts_with(text, "{\"type\":\"header\",\"version\":"), "%s", text);
	text[strlen(text) - 1] = '\0';
	last = strrchr(text, '\n');
	cr_assert_not_null(last);
	cr_expect(starts_with(last, "\n{\"type\":\"summary\",\"complete\":false,"), "%s", last);
	check("jsonl", path, "--complete no --reason 'interrupted by SIGINT'");
	free(text);
	unlink(path);
	free(path);
}

Test(json, summary_only_document_has_no_records)
{
	char *path = write_trace("json", false);
	char *text = read_whole(path);

	cr_expect(strstr(text, "\"calls\":false,\n  \"syscalls\":[],\n  \"summary\":{"), "%s",
		  text);
	check("json", path, "--calls no");
	free(text);
	unlink(path);
	free(path);
}

static const char *const csv_fragments[] = {
	"ts_ns,pid,tid,name,args,result,errno,duration_ns,source_file,source_line\r\n1000,100,"
	"100,write,\"1, NULL, 5\",5,,3000,,\r\n",
	"2000,100,100,openat,",
	",-1,ENOENT,3000,,\r\n",
	"3000,100,100,lseek,\"0, 0, SEEK_SET\",9007199254740992,,3000,,\r\n",
	"4000,100,100,syscall_0x1f4,,0,,3000,,\r\n",
	"5000,100,100,SIGNAL,\"--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED,",
	"6000,100,101,SIGNAL,--- stopped by SIGSTOP ---,,,,,\r\n",
	"7000,100,100,SUPERSEDED,+++ superseded by execve in pid 101 +++,,,,,\r\n",
	"8000,100,102,DETACH,,,,,,\r\n",
	"9000,100,100,exit_group,0,,,,,\r\n",
	"10000,100,100,EXIT,+++ killed by SIGKILL +++,,,,,\r\n",
};

Test(json, csv_rows_for_every_record_type)
{
	char *path = write_trace("csv", true);

	expect_fragments(path, csv_fragments, COUNT(csv_fragments));
	check("csv", path, "");
	unlink(path);
	free(path);
}

Test(json, csv_with_summary_only_is_the_table)
{
	char *path = write_trace("csv", false);
	char *text = read_whole(path);

	cr_expect(starts_with(text, "syscall,calls,errors,seconds,usecs_per_call,percent_time\r\n"),
		  "%s", text);
	cr_expect(strstr(text, "\r\nopenat,1,1,0.000003,3,25.00\r\n"), "%s", text);
	cr_expect(!strstr(text, "exit_group"), "%s", text);
	check("csv-summary", path, "");
	free(text);
	unlink(path);
	free(path);
}
