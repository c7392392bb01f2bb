/* SPDX-License-Identifier: MIT */
/* Structure, array and named-constant argument renderers, from fixed bytes. Expected
 * strings are strace 6.1's output for the same values, observed on x86_64. */
#include <criterion/criterion.h>

#include <stdint.h>
#include <string.h>

#include "core/event.h"
#include "output/render.h"
#include "output/render_struct.h"
#include "syscalls/decode_struct.h"
#include "syscalls/table.h"
#include "util/buf.h"

static struct buf out = BUF_INIT;

/* Render argument i of an event for syscall name whose argument i holds data. */
static const char *arg_with(const char *name, int i, unsigned kind, const void *data,
			    uint32_t len, uint64_t raw)
{
	static struct event ev;

	memset(&ev, 0, sizeof(ev));
	ev.type = EV_SYSCALL_EXIT;
	ev.sc = syscall_by_name(name);
	ev.nargs = 6;
	ev.args[i].kind = (uint8_t)kind;
	ev.args[i].raw = raw;
	if (data) {
		ev.args[i].state = ARG_S_DATA;
		ev.args[i].data = data;
		ev.args[i].len = len;
	}
	buf_reset(&out);
	render_arg(&out, &ev, i, NULL);
	return out.data;
}

Test(render_struct, stat_is_abbreviated_like_strace)
{
	unsigned char st[144] = { 0 };
	uint32_t mode = 0100644;
	uint64_t size = 42915, rdev = 0x103;

	memcpy(st + 24, &mode, 4);
	memcpy(st + 48, &size, 8);
	cr_assert_str_eq(arg_with("fstat", 1, A_STAT_OUT, st, sizeof(st), 0x1000),
			 "{st_mode=S_IFREG|0644, st_size=42915, ...}");
	mode = 020666;
	memcpy(st + 24, &mode, 4);
	memcpy(st + 40, &rdev, 8);
	cr_assert_str_eq(arg_with("fstat", 1, A_STAT_OUT, st, sizeof(st), 0x1000),
			 "{st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), ...}");
}

Test(render_struct, unread_out_struct_is_an_address)
{
	cr_assert_str_eq(arg_with("fstat", 1, A_STAT_OUT, NULL, 0, 0x7ffd1000), "0x7ffd1000");
	cr_assert_str_eq(arg_with("fstat", 1, A_STAT_OUT, NULL, 0, 0), "NULL");
}

Test(render_struct, sigset_names_and_complement)
{
	struct buf b = BUF_INIT;

	render_sigset(&b, (1u << 1) | (1u << 14), NULL);
	cr_assert_str_eq(b.data, "[INT TERM]");
	buf_reset(&b);
	render_sigset(&b, 0, NULL);
	cr_assert_str_eq(b.data, "[]");
	buf_reset(&b);
	render_sigset(&b, ~0ull, NULL);
	cr_assert_str_eq(b.data, "~[]");
	buf_reset(&b);
	render_sigset(&b, ~((1ull << 31) | (1ull << 32)), NULL);
	cr_assert_str_eq(b.data, "~[RTMIN RT_1]");
	buf_fini(&b);
}

Test(render_struct, sigaction_shows_restorer_only_with_sa_restorer)
{
	uint64_t sa[4] = { 1, 0x04000000, 0x7f0000001000, 1u << 1 };

	cr_assert_str_eq(arg_with("rt_sigaction", 1, A_SIGACTION, sa, sizeof(sa), 0x1000),
			 "{sa_handler=SIG_IGN, sa_mask=[INT], sa_flags=SA_RESTORER, "
			 "sa_restorer=0x7f0000001000}");
	sa[0] = 0;
	sa[1] = 0;
	sa[3] = 0;
	cr_assert_str_eq(arg_with("rt_sigaction", 2, A_SIGACTION_OUT, sa, sizeof(sa), 0x1000),
			 "{sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}");
}

Test(render_struct, wait_status_forms)
{
	struct buf b = BUF_INIT;

	render_wait_status(&b, 7 << 8);
	cr_assert_str_eq(b.data, "[{WIFEXITED(s) && WEXITSTATUS(s) == 7}]");
	buf_reset(&b);
	render_wait_status(&b, 15);
	cr_assert_str_eq(b.data, "[{WIFSIGNALED(s) && WTERMSIG(s) == SIGTERM}]");
	buf_reset(&b);
	render_wait_status(&b, 11 | 0x80);
	cr_assert_str_eq(b.data, "[{WIFSIGNALED(s) && WTERMSIG(s) == SIGSEGV && WCOREDUMP(s)}]");
	buf_fini(&b);
}

Test(render_struct, rlimit_in_kib_and_infinity)
{
	uint64_t rl[2] = { 8192 * 1024, UINT64_MAX };

	cr_assert_str_eq(arg_with("prlimit64", 3, A_RLIMIT_OUT, rl, sizeof(rl), 0x1000),
			 "{rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}");
}

Test(render_struct, sockaddr_families)
{
	struct buf b = BUF_INIT;
	unsigned char in4[16] = { 2, 0, 0, 80, 127, 0, 0, 1 };
	unsigned char un[8] = { 1, 0, 's', 'o', 'c', 'k', 0, 0 };
	unsigned char abs[6] = { 1, 0, 0, 'a', 'b', 'c' };
	unsigned char in6[28] = { 10, 0, 0, 1 };

	in6[23] = 1;
	render_sockaddr(&b, in4, sizeof(in4), NULL);
	cr_assert_str_eq(b.data, "{sa_family=AF_INET, sin_port=htons(80), "
				 "sin_addr=inet_addr(\"127.0.0.1\")}");
	buf_reset(&b);
	render_sockaddr(&b, un, sizeof(un), NULL);
	cr_assert_str_eq(b.data, "{sa_family=AF_UNIX, sun_path=\"sock\"}");
	buf_reset(&b);
	render_sockaddr(&b, abs, sizeof(abs), NULL);
	cr_assert_str_eq(b.data, "{sa_family=AF_UNIX, sun_path=@\"abc\"}");
	buf_reset(&b);
	render_sockaddr(&b, in6, sizeof(in6), NULL);
	cr_assert_str_eq(b.data, "{sa_family=AF_INET6, sin6_port=htons(1), "
				 "sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"::1\", "
				 "&sin6_addr), sin6_scope_id=0}");
	buf_fini(&b);
}

Test(render_struct, iovec_array)
{
	unsigned char rec[2 * sizeof(struct iov_rec) + 8];
	struct iov_rec r = { .base = 0x1000, .len = 5, .dlen = 5, .readable = 1 };
	struct event ev;

	memcpy(rec, &r, sizeof(r));
	memcpy(rec + sizeof(r), "hello", 5);
	r.len = 7;
	r.dlen = 3;
	memcpy(rec + sizeof(r) + 5, &r, sizeof(r));
	memcpy(rec + 2 * sizeof(r) + 5, " wo", 3);
	memset(&ev, 0, sizeof(ev));
	ev.sc = syscall_by_name("writev");
	ev.nargs = 3;
	ev.args[1].kind = A_IOVEC;
	ev.args[1].state = ARG_S_DATA;
	ev.args[1].data = (const char *)rec;
	ev.args[1].count = 2;
	buf_reset(&out);
	render_arg(&out, &ev, 1, NULL);
	cr_assert_str_eq(out.data, "[{iov_base=\"hello\", iov_len=5}, {iov_base=\" wo\", iov_len=7}]");
}

/* One struct mmsghdr element in scratch layout: header, msghdr, one iovec with data. */
static size_t put_mmsg_elem(unsigned char *at, const char *text, uint64_t iov_len,
			    uint32_t msg_len, int has_len)
{
	struct mmsghdr_rec r = { 0 };
	struct msghdr_rec m = { 0 };
	struct iov_rec v = { .base = 0x1000, .len = iov_len, .readable = 1 };
	size_t n = strlen(text), off = sizeof(r);

	v.dlen = (uint32_t)n;
	m.iov = 0x2000;
	m.iovlen = 1;
	m.iov_count = 1;
	m.iov_bytes = (uint32_t)(sizeof(v) + n);
	memcpy(at + off, &m, sizeof(m));
	off += sizeof(m);
	memcpy(at + off, &v, sizeof(v));
	off += sizeof(v);
	memcpy(at + off, text, n);
	off += n;
	r.size = (uint32_t)off;
	r.msg_len = msg_len;
	r.has_len = (uint8_t)has_len;
	memcpy(at, &r, sizeof(r));
	return (off + 7) & ~(size_t)7;
}

Test(render_struct, mmsghdr_arrays)
{
	static uint64_t store[64];
	unsigned char *rec = (unsigned char *)store;
	size_t len;
	struct event ev;

	/* strace 6.1: sendmmsg of two messages on a socketpair, "= 2" */
	len = put_mmsg_elem(rec, "one", 3, 3, 1);
	len += put_mmsg_elem(rec + len, "two", 3, 3, 1);
	memset(&ev, 0, sizeof(ev));
	ev.type = EV_SYSCALL_EXIT;
	ev.sc = syscall_by_name("sendmmsg");
	ev.nargs = 4;
	ev.args[1].kind = A_MMSGHDR_OUT;
	ev.args[1].state = ARG_S_DATA;
	ev.args[1].data = (const char *)rec;
	ev.args[1].len = (uint32_t)len;
	ev.args[1].count = 2;
	buf_reset(&out);
	render_arg(&out, &ev, 1, NULL);
	cr_assert_str_eq(out.data,
			 "[{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"one\", "
			 "iov_len=3}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=3}, "
			 "{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"two\", "
			 "iov_len=3}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=3}]");

	/* a failed sendmmsg: no msg_len; more elements than the array limit: "..." */
	len = put_mmsg_elem(rec, "one", 3, 0, 0);
	ev.args[1].len = (uint32_t)len;
	ev.args[1].count = 1;
	ev.args[1].trunc = 1;
	buf_reset(&out);
	render_arg(&out, &ev, 1, NULL);
	cr_assert_str_eq(out.data,
			 "[{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"one\", "
			 "iov_len=3}], msg_iovlen=1, msg_controllen=0, msg_flags=0}}, ...]");

	/* recvmmsg: iov_len is the buffer size, the data the msg_len bytes received */
	len = put_mmsg_elem(rec, "one", 8, 3, 1);
	ev.sc = syscall_by_name("recvmmsg");
	ev.args[1].kind = A_MMSGHDR_RECV_OUT;
	ev.args[1].len = (uint32_t)len;
	ev.args[1].trunc = 0;
	buf_reset(&out);
	render_arg(&out, &ev, 1, NULL);
	cr_assert_str_eq(out.data,
			 "[{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"one\", "
			 "iov_len=8}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=3}]");
	ev.args[1].count = 0;
	ev.args[1].len = 0;
	buf_reset(&out);
	render_arg(&out, &ev, 1, NULL);
	cr_assert_str_eq(out.data, "[]");
}

Test(render_struct, recvmmsg_time_left)
{
	int64_t ts[4] = { 1, 0, 0, 999991477 };
	struct event ev;

	memset(&ev, 0, sizeof(ev));
	ev.type = EV_SYSCALL_EXIT;
	ev.sc = syscall_by_name("recvmmsg");
	ev.nargs = 5;
	ev.args[4].kind = A_TIMESPEC;
	ev.args[4].raw = 0x7ffd1000;
	ev.args[4].state = ARG_S_DATA;
	ev.args[4].data = (const char *)ts;
	ev.args[4].len = sizeof(ts);
	ev.args[4].count = 1;
	ev.ret = 2;
	buf_reset(&out);
	render_ret(&out, &ev, NULL);
	cr_assert_str_eq(out.data, "2 (left {tv_sec=0, tv_nsec=999991477})");
	ev.ret = 0;
	buf_reset(&out);
	render_ret(&out, &ev, NULL);
	cr_assert_str_eq(out.data, "0 (Timeout)");
	buf_reset(&out);
	render_arg(&out, &ev, 4, NULL);
	cr_assert_str_eq(out.data, "{tv_sec=1, tv_nsec=0}");
}

Test(render_struct, named_constants_by_table)
{
	cr_assert_str_eq(arg_with("arch_prctl", 0, A_X_ARCH_PRCTL, NULL, 0, 0x1002),
			 "ARCH_SET_FS");
	cr_assert_str_eq(arg_with("getrusage", 0, A_X_RUSAGE_WHO, NULL, 0, 0xffffffff),
			 "RUSAGE_CHILDREN");
	cr_assert_str_eq(arg_with("socket", 1, A_SOCK_TYPE, NULL, 0, 1 | 02000000),
			 "SOCK_STREAM|SOCK_CLOEXEC");
	cr_assert_str_eq(arg_with("futex", 1, A_FUTEX_OP, NULL, 0, 0x81), "FUTEX_WAKE_PRIVATE");
	cr_assert_str_eq(arg_with("flock", 1, A_FLOCK_OP, NULL, 0, 6), "LOCK_EX|LOCK_NB");
	cr_assert_str_eq(arg_with("shmget", 2, A_IPC_GETFLAGS, NULL, 0, 01600),
			 "IPC_CREAT|0600");
	cr_assert_str_eq(arg_with("pipe2", 1, A_OPEN_BITS, NULL, 0, 0), "0");
	cr_assert_str_eq(arg_with("madvise", 2, A_X_MADVISE, NULL, 0, 4), "MADV_DONTNEED");
	cr_assert_str_eq(arg_with("lseek", 2, A_X_RLIMIT, NULL, 0, 99), "0x63 /* RLIMIT_??? */");
}

Test(render_struct, timespec_and_poll_return)
{
	int64_t ts[2] = { 1, 500 };
	unsigned char pfd[16] = { 3, 0, 0, 0, 1, 0, 0, 0, 4, 0, 0, 0, 4, 0, 4, 0 };
	struct event ev;

	cr_assert_str_eq(arg_with("nanosleep", 0, A_TIMESPEC, ts, sizeof(ts), 0x1000),
			 "{tv_sec=1, tv_nsec=500}");
	memset(&ev, 0, sizeof(ev));
	ev.sc = syscall_by_name("poll");
	ev.nargs = 3;
	ev.args[0].kind = A_POLLFD;
	ev.args[0].state = ARG_S_DATA;
	ev.args[0].data = (const char *)pfd;
	ev.args[0].len = sizeof(pfd);
	ev.ret = 1;
	buf_reset(&out);
	render_arg(&out, &ev, 0, NULL);
	cr_assert_str_eq(out.data, "[{fd=3, events=POLLIN}, {fd=4, events=POLLOUT}]");
	buf_reset(&out);
	render_ret(&out, &ev, NULL);
	cr_assert_str_eq(out.data, "1 ([{fd=4, revents=POLLOUT}])");
	ev.ret = 0;
	buf_reset(&out);
	render_ret(&out, &ev, NULL);
	cr_assert_str_eq(out.data, "0 (Timeout)");
}
