/* SPDX-License-Identifier: MIT */
/* -y and -yy: describe a tracee's descriptor the way strace 6.1 does. Paths come from
 * proc(5) /proc/TID/fd/N links; socket endpoints from sock_diag(7) (inet_diag,
 * unix_diag, netlink_diag), queried in renacer's own network namespace. */
#include "backend/fdinfo.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>
#include <asm/unistd.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/netlink_diag.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>

#include "syscalls/decode_struct.h"
#include "syscalls/flags_sys.h"
#include "syscalls/table.h"

#define FDCACHE_SLOTS	 8
#define FDCACHE_REC	 256
#define SOCK_SLOTS	 256 /* strace keeps 1024; a smaller table only forgets sooner */
#define SOCK_DETAILS_MAX 192
#define DIAG_BUF	 8192

struct fdcache {
	struct {
		uint64_t gen; /* 0: empty */
		int fd;
		uint16_t len;
		char rec[FDCACHE_REC];
	} e[FDCACHE_SLOTS];
};

/* strace caches a socket's details by inode once found and never asks again: the
 * same text comes out for the socket's whole life, which -yy output shows. */
struct sock_entry {
	unsigned long inode;
	char details[SOCK_DETAILS_MAX];
};

struct fdinfo {
	int level;
	bool cache;
	uint64_t gen;		  /* cached paths of older generations are stale */
	struct sock_entry *socks; /* -yy */
};

struct fdinfo *fdinfo_new(int level, bool cache)
{
	struct fdinfo *fi = calloc(1, sizeof(*fi));

	if (!fi)
		return NULL;
	fi->level = level;
	fi->cache = cache;
	fi->gen = 1;
	if (level >= 2) {
		fi->socks = calloc(SOCK_SLOTS, sizeof(*fi->socks));
		if (!fi->socks) {
			free(fi);
			return NULL;
		}
	}
	return fi;
}

void fdinfo_free(struct fdinfo *fi)
{
	if (!fi)
		return;
	free(fi->socks);
	free(fi);
}

void fdcache_free(struct fdcache *c)
{
	free(c);
}

/* Calls that leave every descriptor table, the names of open files and working
 * directories as they were: a cached path stays right across them. */
/* clang-format off */
static const unsigned char keeps_fds[SYSCALL_NR_LIMIT] = {
	[__NR_read] = 1,	   [__NR_write] = 1,	      [__NR_pread64] = 1,
	[__NR_pwrite64] = 1,	   [__NR_readv] = 1,	      [__NR_writev] = 1,
	[__NR_preadv] = 1,	   [__NR_pwritev] = 1,	      [__NR_preadv2] = 1,
	[__NR_pwritev2] = 1,	   [__NR_lseek] = 1,	      [__NR_fstat] = 1,
	[__NR_stat] = 1,	   [__NR_lstat] = 1,	      [__NR_newfstatat] = 1,
	[__NR_statx] = 1,	   [__NR_statfs] = 1,	      [__NR_fstatfs] = 1,
	[__NR_access] = 1,	   [__NR_faccessat] = 1,      [__NR_faccessat2] = 1,
	[__NR_readlink] = 1,	   [__NR_readlinkat] = 1,     [__NR_getdents64] = 1,
	[__NR_getdents] = 1,	   [__NR_ioctl] = 1,	      [__NR_mmap] = 1,
	[__NR_munmap] = 1,	   [__NR_mprotect] = 1,	      [__NR_madvise] = 1,
	[__NR_mremap] = 1,	   [__NR_brk] = 1,	      [__NR_poll] = 1,
	[__NR_ppoll] = 1,	   [__NR_select] = 1,	      [__NR_pselect6] = 1,
	[__NR_epoll_wait] = 1,	   [__NR_epoll_pwait] = 1,    [__NR_epoll_ctl] = 1,
	[__NR_futex] = 1,	   [__NR_nanosleep] = 1,      [__NR_clock_nanosleep] = 1,
	[__NR_clock_gettime] = 1,  [__NR_gettimeofday] = 1,   [__NR_getpid] = 1,
	[__NR_gettid] = 1,	   [__NR_getppid] = 1,	      [__NR_getuid] = 1,
	[__NR_geteuid] = 1,	   [__NR_getgid] = 1,	      [__NR_getegid] = 1,
	[__NR_rt_sigaction] = 1,   [__NR_rt_sigprocmask] = 1, [__NR_sendto] = 1,
	[__NR_recvfrom] = 1,	   [__NR_sendmsg] = 1,	      [__NR_getsockopt] = 1,
	[__NR_setsockopt] = 1,	   [__NR_getsockname] = 1,    [__NR_getpeername] = 1,
	[__NR_listen] = 1,	   [__NR_shutdown] = 1,	      [__NR_fsync] = 1,
	[__NR_fdatasync] = 1,	   [__NR_ftruncate] = 1,      [__NR_fallocate] = 1,
	[__NR_fadvise64] = 1,	   [__NR_flock] = 1,	      [__NR_sendfile] = 1,
	[__NR_splice] = 1,	   [__NR_tee] = 1,	      [__NR_copy_file_range] = 1,
	[__NR_wait4] = 1,	   [__NR_getrandom] = 1,      [__NR_uname] = 1,
	[__NR_sysinfo] = 1,	   [__NR_prlimit64] = 1,      [__NR_getrlimit] = 1,
	[__NR_sched_yield] = 1,	   [__NR_rseq] = 1,	      [__NR_set_robust_list] = 1,
	[__NR_set_tid_address] = 1, [__NR_arch_prctl] = 1,    [__NR_getcwd] = 1,
	[__NR_getrusage] = 1,	   [__NR_times] = 1,	      [__NR_time] = 1,
	[__NR_kill] = 1,	   [__NR_tgkill] = 1,	      [__NR_sigaltstack] = 1,
};
/* clang-format on */

void fdinfo_after_syscall(struct fdinfo *fi, long nr)
{
	if (!fi->cache)
		return;
	if (nr < 0 || nr >= SYSCALL_NR_LIMIT || !keeps_fds[nr])
		fi->gen++;
}

/* flags byte, path, NUL, suffix, NUL; 0 when it does not fit */
static size_t put_rec(char *dst, size_t cap, unsigned flags, const char *path, size_t plen,
		      const char *suffix)
{
	size_t slen = strlen(suffix);

	if (1 + plen + 1 + slen + 1 > cap)
		return 0;
	dst[0] = (char)flags;
	memcpy(dst + 1, path, plen);
	dst[1 + plen] = '\0';
	memcpy(dst + 2 + plen, suffix, slen + 1);
	return plen + slen + 3;
}

/* ---- -yy sockets: sock_diag(7) ------------------------------------------ */

enum sock_kind { SK_INET, SK_UNIX, SK_NETLINK };

static const struct {
	const char *name; /* the kernel's "system.sockprotoname" */
	int family;
	int protocol;
	enum sock_kind kind;
} protocols[] = {
	{ "TCP", AF_INET, IPPROTO_TCP, SK_INET },
	{ "UDP", AF_INET, IPPROTO_UDP, SK_INET },
	{ "UDPLITE", AF_INET, IPPROTO_UDPLITE, SK_INET },
	{ "DCCP", AF_INET, IPPROTO_DCCP, SK_INET },
	{ "SCTP", AF_INET, IPPROTO_SCTP, SK_INET },
	{ "L2TP/IP", AF_INET, 115, SK_INET },
	{ "PING", AF_INET, IPPROTO_ICMP, SK_INET },
	{ "RAW", AF_INET, IPPROTO_RAW, SK_INET },
	{ "TCPv6", AF_INET6, IPPROTO_TCP, SK_INET },
	{ "UDPv6", AF_INET6, IPPROTO_UDP, SK_INET },
	{ "UDPLITEv6", AF_INET6, IPPROTO_UDPLITE, SK_INET },
	{ "DCCPv6", AF_INET6, IPPROTO_DCCP, SK_INET },
	{ "SCTPv6", AF_INET6, IPPROTO_SCTP, SK_INET },
	{ "L2TP/IPv6", AF_INET6, 115, SK_INET },
	{ "PINGv6", AF_INET6, IPPROTO_ICMP, SK_INET },
	{ "RAWv6", AF_INET6, IPPROTO_RAW, SK_INET },
	{ "UNIX", AF_UNIX, 0, SK_UNIX },
	{ "UNIX-STREAM", AF_UNIX, 0, SK_UNIX },
	{ "UNIX-SEQPACKET", AF_UNIX, 0, SK_UNIX },
	{ "NETLINK", AF_NETLINK, 0, SK_NETLINK },
};

static int diag_send(int fd, void *req, size_t len)
{
	struct sockaddr_nl nl = { .nl_family = AF_NETLINK };

	for (;;) {
		if (sendto(fd, req, len, 0, (struct sockaddr *)&nl, sizeof(nl)) >= 0)
			return 0;
		if (errno != EINTR)
			return -errno;
	}
}

typedef bool (*diag_parse_fn)(const struct nlmsghdr *h, unsigned long inode, const char *proto,
			      char *out, size_t cap);

/* Reads answers until one matches inode (true, out filled), the dump ends or fails. */
static bool diag_receive(int fd, unsigned long inode, const char *proto, diag_parse_fn parse,
			 char *out, size_t cap)
{
	long buf[DIAG_BUF / sizeof(long)];
	int flags = 0;

	/* A request without NLM_F_DUMP gets one answer and no NLMSG_DONE: after the
	 * first read, never wait. */
	for (;; flags = MSG_DONTWAIT) {
		ssize_t n = recv(fd, buf, sizeof(buf), flags);
		const struct nlmsghdr *h = (const struct nlmsghdr *)buf;

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0 || !NLMSG_OK(h, (size_t)n))
			return false;
		for (; NLMSG_OK(h, (size_t)n); h = NLMSG_NEXT(h, n)) {
			if (h->nlmsg_type != SOCK_DIAG_BY_FAMILY)
				return false; /* NLMSG_DONE, NLMSG_ERROR */
			if (parse(h, inode, proto, out, cap))
				return true;
		}
	}
}

static bool inet_parse(const struct nlmsghdr *h, unsigned long inode, const char *proto, char *out,
		       size_t cap)
{
	static const unsigned char zero[16];
	const struct inet_diag_msg *m = NLMSG_DATA(h);
	char src[INET6_ADDRSTRLEN], dst[INET6_ADDRSTRLEN];
	size_t alen = m->idiag_family == AF_INET6 ? 16 : 4;
	const char *ob = m->idiag_family == AF_INET6 ? "[" : "";
	const char *cb = m->idiag_family == AF_INET6 ? "]" : "";
	int n;

	if (h->nlmsg_len < NLMSG_LENGTH(sizeof(*m)) || m->idiag_inode != inode)
		return false;
	if (!inet_ntop(m->idiag_family, m->id.idiag_src, src, sizeof(src)))
		return false;
	if (m->id.idiag_dport || memcmp(zero, m->id.idiag_dst, alen)) {
		if (!inet_ntop(m->idiag_family, m->id.idiag_dst, dst, sizeof(dst)))
			return false;
		n = snprintf(out, cap, "%s:[%s%s%s:%u->%s%s%s:%u]", proto, ob, src, cb,
			     ntohs(m->id.idiag_sport), ob, dst, cb, ntohs(m->id.idiag_dport));
	} else {
		n = snprintf(out, cap, "%s:[%s%s%s:%u]", proto, ob, src, cb,
			     ntohs(m->id.idiag_sport));
	}
	return n > 0 && (size_t)n < cap;
}

/* strace's quoting of a socket file name: "...", C escapes, octal otherwise */
static size_t quote_name(char *out, size_t cap, const char *s, size_t len)
{
	size_t k = 0, i;

	if (cap < 3)
		return 0;
	out[k++] = '"';
	for (i = 0; i < len && s[i] && k + 6 < cap; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"' || c == '\\') {
			out[k++] = '\\';
			out[k++] = (char)c;
		} else if (c >= 0x20 && c < 0x7f) {
			out[k++] = (char)c;
		} else {
			k += (size_t)snprintf(out + k, cap - k, "\\%o", c);
		}
	}
	out[k++] = '"';
	out[k] = '\0';
	return k;
}

static bool unix_parse(const struct nlmsghdr *h, unsigned long inode, const char *proto, char *out,
		       size_t cap)
{
	const struct unix_diag_msg *m = NLMSG_DATA(h);
	int rta_len = (int)h->nlmsg_len - (int)NLMSG_LENGTH(sizeof(*m));
	const struct rtattr *attr = (const struct rtattr *)(m + 1);
	char path[108 * 4 + 8], peer_str[16] = "";
	const char *name = NULL;
	size_t name_len = 0;
	uint32_t peer = 0;
	int n;

	if (rta_len < 0 || m->udiag_ino != inode || m->udiag_family != AF_UNIX)
		return false;
	for (; RTA_OK(attr, rta_len); attr = RTA_NEXT(attr, rta_len)) {
		if (attr->rta_type == UNIX_DIAG_NAME && !name) {
			name = RTA_DATA(attr);
			name_len = RTA_PAYLOAD(attr);
			if (name_len > 108)
				name_len = 108;
		} else if (attr->rta_type == UNIX_DIAG_PEER && RTA_PAYLOAD(attr) >= 4) {
			memcpy(&peer, RTA_DATA(attr), 4);
		}
	}
	if (!peer && !name_len)
		return false;
	if (peer)
		snprintf(peer_str, sizeof(peer_str), "->%u", peer);
	path[0] = '\0';
	if (name_len) {
		path[0] = ',';
		if (name[0] == '\0') {
			path[1] = '@';
			quote_name(path + 2, sizeof(path) - 2, name + 1, name_len - 1);
		} else {
			quote_name(path + 1, sizeof(path) - 1, name, name_len);
		}
	}
	n = snprintf(out, cap, "%s:[%lu%s%s]", proto, inode, peer_str, path);
	return n > 0 && (size_t)n < cap;
}

static bool netlink_parse(const struct nlmsghdr *h, unsigned long inode, const char *proto,
			  char *out, size_t cap)
{
	const struct netlink_diag_msg *m = NLMSG_DATA(h);
	const char *name;
	int n;

	if (h->nlmsg_len < NLMSG_LENGTH(sizeof(*m)) || m->ndiag_ino != inode ||
	    m->ndiag_family != AF_NETLINK)
		return false;
	name = flag_table_name(FT_NETLINK_PROTO, m->ndiag_protocol);
	if (name)
		n = snprintf(out, cap, "%s:[%s:%u]", proto, name + strlen("NETLINK_"),
			     m->ndiag_portid);
	else
		n = snprintf(out, cap, "%s:[%u]", proto, (unsigned)m->ndiag_protocol);
	return n > 0 && (size_t)n < cap;
}

static bool sock_query(int kind, int family, int protocol, unsigned long inode, const char *proto,
		       char *out, size_t cap)
{
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
	bool found = false;

	if (fd < 0)
		return false;
	if (kind == SK_INET) {
		struct {
			struct nlmsghdr nlh;
			struct inet_diag_req_v2 r;
		} req = {
			.nlh = { .nlmsg_len = sizeof(req),
				 .nlmsg_type = SOCK_DIAG_BY_FAMILY,
				 .nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP },
			.r = { .sdiag_family = (uint8_t)family,
			       .sdiag_protocol = (uint8_t)protocol,
			       .idiag_states = ~0u },
		};

		found = !diag_send(fd, &req, sizeof(req)) &&
			diag_receive(fd, inode, proto, inet_parse, out, cap);
	} else if (kind == SK_UNIX) {
		struct {
			struct nlmsghdr nlh;
			struct unix_diag_req r;
		} req = {
			.nlh = { .nlmsg_len = sizeof(req),
				 .nlmsg_type = SOCK_DIAG_BY_FAMILY,
				 .nlmsg_flags = NLM_F_REQUEST },
			.r = { .sdiag_family = AF_UNIX,
			       .udiag_states = ~0u,
			       .udiag_ino = (uint32_t)inode,
			       .udiag_show = UDIAG_SHOW_NAME | UDIAG_SHOW_PEER,
			       .udiag_cookie = { ~0u, ~0u } },
		};

		found = !diag_send(fd, &req, sizeof(req)) &&
			diag_receive(fd, inode, proto, unix_parse, out, cap);
	} else {
		struct {
			struct nlmsghdr nlh;
			struct netlink_diag_req r;
		} req = {
			.nlh = { .nlmsg_len = sizeof(req),
				 .nlmsg_type = SOCK_DIAG_BY_FAMILY,
				 .nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP },
			.r = { .sdiag_family = AF_NETLINK, .sdiag_protocol = NDIAG_PROTO_ALL },
		};

		found = !diag_send(fd, &req, sizeof(req)) &&
			diag_receive(fd, inode, proto, netlink_parse, out, cap);
	}
	close(fd);
	return found;
}

/* "TCP:[127.0.0.1:80->127.0.0.1:5555]" into out; false when the protocol is unknown
 * (the caller keeps "socket:[N]"). */
static bool sock_details(struct fdinfo *fi, const char *link, unsigned long inode, char *out,
			 size_t cap)
{
	struct sock_entry *e = &fi->socks[inode % SOCK_SLOTS];
	char proto[32];
	ssize_t n;
	size_t i;

	if (e->inode == inode && e->details[0]) {
		snprintf(out, cap, "%s", e->details);
		return true;
	}
	n = getxattr(link, "system.sockprotoname", proto, sizeof(proto) - 1);
	if (n <= 0)
		return false;
	proto[n] = '\0';
	for (i = 0; i < sizeof(protocols) / sizeof(protocols[0]); i++)
		if (!strcmp(proto, protocols[i].name))
			break;
	if (i == sizeof(protocols) / sizeof(protocols[0]))
		return false;
	if (sock_query(protocols[i].kind, protocols[i].family, protocols[i].protocol, inode, proto,
		       out, cap)) {
		size_t len = strlen(out);

		if (len < sizeof(e->details)) {
			e->inode = inode;
			memcpy(e->details, out, len + 1);
		}
		return true;
	}
	snprintf(out, cap, "%s:[%lu]", proto, inode);
	return true;
}

/* -yy pidfd: "pid:1234" from proc(5) /proc/TID/fdinfo/FD */
static bool pidfd_pid(int tid, int fd, char *out, size_t cap)
{
	char path[64], buf[512];
	const char *p;
	ssize_t n;
	int f;

	snprintf(path, sizeof(path), "/proc/%d/fdinfo/%d", tid, fd);
	f = open(path, O_RDONLY | O_CLOEXEC);
	if (f < 0)
		return false;
	n = read(f, buf, sizeof(buf) - 1);
	close(f);
	if (n <= 0)
		return false;
	buf[n] = '\0';
	p = strstr(buf, "\nPid:");
	if (!p)
		return false;
	snprintf(out, cap, "pid:%d", atoi(p + 5));
	return true;
}

static struct fdcache *cache_get(struct fdinfo *fi, struct fdcache **cache)
{
	if (!fi->cache || !cache)
		return NULL;
	if (!*cache)
		*cache = calloc(1, sizeof(**cache));
	return *cache;
}

size_t fdinfo_describe(struct fdinfo *fi, struct fdcache **cache, int tid, int fd, char *dst,
		       size_t cap)
{
	struct fdcache *c = cache_get(fi, cache);
	unsigned slot = (unsigned)fd % FDCACHE_SLOTS, flags = 0;
	char link[64], path[PATH_MAX + 1], suffix[48] = "", details[SOCK_DETAILS_MAX * 2];
	const char *shown = path;
	bool keep = true;
	size_t len;
	ssize_t n;

	if (c && c->e[slot].gen == fi->gen && c->e[slot].fd == fd && c->e[slot].len <= cap) {
		memcpy(dst, c->e[slot].rec, c->e[slot].len);
		return c->e[slot].len;
	}
	if (fd == AT_FDCWD)
		snprintf(link, sizeof(link), "/proc/%d/cwd", tid);
	else
		snprintf(link, sizeof(link), "/proc/%d/fd/%d", tid, fd);
	n = readlink(link, path, sizeof(path) - 1);
	if (n <= 0)
		return 0;
	path[n] = '\0';
	if (n > 10 && !strcmp(path + n - 10, " (deleted)")) {
		n -= 10;
		path[n] = '\0';
		flags |= FDREC_DELETED;
	}
	if (fi->level >= 2) {
		struct stat st;

		if (!strncmp(path, "socket:[", 8)) {
			/* endpoints change with bind and connect: never cached here */
			keep = false;
			if (sock_details(fi, link, strtoul(path + 8, NULL, 10), details,
					 sizeof(details))) {
				shown = details;
				n = (ssize_t)strlen(details);
				flags |= FDREC_VERBATIM;
			}
		} else if (!strcmp(path, "anon_inode:[pidfd]")) {
			if (pidfd_pid(tid, fd, details, sizeof(details))) {
				shown = details;
				n = (ssize_t)strlen(details);
				flags |= FDREC_VERBATIM;
			}
		} else if (path[0] == '/' && stat(path, &st) == 0 &&
			   (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))) {
			snprintf(suffix, sizeof(suffix), "<%s %u:%u>",
				 S_ISBLK(st.st_mode) ? "block" : "char", major(st.st_rdev),
				 minor(st.st_rdev));
		}
	}
	len = put_rec(dst, cap, flags, shown, (size_t)n, suffix);
	if (c && keep && len && len <= FDCACHE_REC) {
		c->e[slot].gen = fi->gen;
		c->e[slot].fd = fd;
		c->e[slot].len = (uint16_t)len;
		memcpy(c->e[slot].rec, dst, len);
	}
	return len;
}
