/* SPDX-License-Identifier: MIT */
/* Renderers of the network and descriptor-set kinds as strace 6.1 prints them:
 * sockaddr, iovec, msghdr with control messages, socket options and protocols,
 * epoll events, pollfd arrays and fd_sets. Called from render_struct.c. */
#include "output/render_net.h"

#include <arpa/inet.h>
#include <stdarg.h>
#include <stdbool.h>
#include <string.h>

#include "core/event.h"
#include "output/render.h"
#include "output/render_struct.h"
#include "output/render_util.h"
#include "syscalls/decode_struct.h"
#include "syscalls/flags_sys.h"
#include "syscalls/table.h"
#include "util/buf.h"

/* strace -X raw and verbose show an address field as its bytes in network order,
 * sin_port="\x00\x50", verbose with the usual form in a comment. */
static void put_net_field(struct buf *b, const struct render_opts *ro, const char *name,
			  const char *p, size_t n, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

static void put_net_field(struct buf *b, const struct render_opts *ro, const char *name,
			  const char *p, size_t n, const char *fmt, ...)
{
	va_list ap;
	size_t k;

	buf_printf(b, ", %s=\"", name);
	for (k = 0; k < n; k++)
		buf_printf(b, "\\x%02x", (unsigned char)p[k]);
	buf_putc(b, '"');
	if (ro->xlat != RENDER_XLAT_VERBOSE)
		return;
	buf_puts(b, " /* ");
	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
	buf_puts(b, " */");
}

int render_sockaddr(struct buf *b, const void *sa, uint32_t len, const struct render_opts *ro)
{
	const char *p = sa;
	unsigned fam;
	char tmp[64];
	bool styled = ro && ro->xlat != RENDER_XLAT_ABBREV;

	if (len < 2)
		return buf_puts(b, "{sa_family=AF_UNSPEC}");
	fam = get16(p, 0);
	buf_puts(b, "{sa_family=");
	put_table(b, ro, FT_ADDRESS_FAMILY, fam);
	switch (fam) {
	case 1: /* AF_UNIX */
		if (len > 2) {
			size_t n = len - 2;

			buf_puts(b, ", sun_path=");
			if (p[2] == '\0' && n > 1) {
				buf_putc(b, '@');
				render_quoted(b, p + 3, n - 1, false, ro);
			} else {
				render_quoted(b, p + 2, strnlen(p + 2, n), false, ro);
			}
		}
		break;
	case 2: /* AF_INET */
		if (len >= 8 && styled) {
			put_net_field(b, ro, "sin_port", p + 2, 2, "htons(%u)", ntohs(get16(p, 2)));
			inet_ntop(2, p + 4, tmp, sizeof(tmp));
			put_net_field(b, ro, "sin_addr", p + 4, 4, "inet_addr(\"%s\")", tmp);
		} else if (len >= 8) {
			inet_ntop(2, p + 4, tmp, sizeof(tmp));
			buf_printf(b, ", sin_port=htons(%u), sin_addr=inet_addr(\"%s\")",
				   ntohs(get16(p, 2)), tmp);
		}
		break;
	case 10: /* AF_INET6 */
		if (len >= 24 && styled) {
			put_net_field(b, ro, "sin6_port", p + 2, 2, "htons(%u)",
				      ntohs(get16(p, 2)));
			put_net_field(b, ro, "sin6_flowinfo", p + 4, 4, "htonl(%u)",
				      ntohl(get32(p, 4)));
			inet_ntop(10, p + 8, tmp, sizeof(tmp));
			put_net_field(b, ro, "sin6_addr", p + 8, 16, "inet_pton(AF_INET6, \"%s\")",
				      tmp);
			if (len >= 28)
				buf_printf(b, ", sin6_scope_id=%u", get32(p, 24));
		} else if (len >= 24) {
			inet_ntop(10, p + 8, tmp, sizeof(tmp));
			buf_printf(b,
				   ", sin6_port=htons(%u), sin6_flowinfo=htonl(%u), "
				   "inet_pton(AF_INET6, \"%s\", &sin6_addr)",
				   ntohs(get16(p, 2)), ntohl(get32(p, 4)), tmp);
			if (len >= 28)
				buf_printf(b, ", sin6_scope_id=%u", get32(p, 24));
		}
		break;
	case 16: /* AF_NETLINK */
		if (len >= 12)
			buf_printf(b, ", nl_pid=%d, nl_groups=%08x", (int)get32(p, 4), get32(p, 8));
		break;
	default:
		buf_puts(b, ", sa_data=");
		render_quoted(b, p + 2, len - 2, false, ro);
		break;
	}
	return buf_putc(b, '}');
}

/* count iov records at p: [{iov_base="...", iov_len=5}, ...] */
static const char *put_iovecs(struct buf *b, const char *p, uint32_t count, bool trunc,
			      const struct render_opts *ro)
{
	uint32_t k;

	buf_putc(b, '[');
	for (k = 0; k < count; k++) {
		struct iov_rec r;

		memcpy(&r, p, sizeof(r));
		p += sizeof(r);
		if (k)
			buf_puts(b, ", ");
		buf_puts(b, "{iov_base=");
		if (r.readable)
			render_quoted(b, p, r.dlen, r.trunc, ro);
		else
			put_ptr(b, r.base);
		buf_printf(b, ", iov_len=%llu}", (unsigned long long)r.len);
		p += r.readable ? r.dlen : 0;
	}
	if (trunc)
		buf_puts(b, count ? ", ..." : "...");
	buf_putc(b, ']');
	return p;
}

static void put_cmsgs(struct buf *b, const char *p, uint32_t len, const char *recs,
		      uint32_t recs_len, const struct render_opts *ro)
{
	uint32_t off = 0;
	bool first = true;

	buf_putc(b, '[');
	while (off + 16 <= len) {
		uint64_t clen = get64(p, off);
		int level = (int)get32(p, off + 8), type = (int)get32(p, off + 12);
		uint32_t dlen;

		if (clen < 16)
			break;
		if (!first)
			buf_puts(b, ", ");
		first = false;
		buf_printf(b, "{cmsg_len=%llu, cmsg_level=", (unsigned long long)clen);
		put_enum_int(b, ro, FT_SOCKOPT_LEVEL, (uint32_t)level);
		buf_puts(b, ", cmsg_type=");
		if (level == 1)
			put_enum_int(b, ro, FT_SCM_TYPE, (uint32_t)type);
		else
			buf_put_hex(b, (unsigned)type);
		dlen = (uint32_t)(clen - 16);
		if (off + 16 + dlen > len)
			dlen = len - off - 16;
		buf_puts(b, ", cmsg_data=");
		if (level == 1 && type == 1) {
			uint32_t k;

			buf_putc(b, '[');
			for (k = 0; k + 4 <= dlen; k += 4) {
				size_t used;

				if (k)
					buf_puts(b, ", ");
				buf_put_i64(b, (int)get32(p, off + 16 + k));
				/* -y: "[3</dev/null>]" */
				used = recs_len ? render_fdpath(b, recs, recs_len, ro) : 0;
				recs += used;
				recs_len -= (uint32_t)used;
			}
			buf_putc(b, ']');
		} else {
			render_quoted(b, p + off + 16, dlen, false, ro);
		}
		buf_putc(b, '}');
		off += (uint32_t)((clen + 7) & ~7ull);
	}
	buf_putc(b, ']');
}

static void render_msghdr(struct buf *b, const char *data, const struct render_opts *ro)
{
	struct msghdr_rec m;
	const char *p = data + sizeof(m);

	memcpy(&m, data, sizeof(m));
	buf_puts(b, "{msg_name=");
	if (m.name_len)
		render_sockaddr(b, p, m.name_len, ro);
	else
		put_ptr(b, m.name);
	p += m.name_len;
	buf_printf(b, ", msg_namelen=%u, msg_iov=", m.namelen);
	if (m.iov && (m.iov_count || !m.iovlen))
		put_iovecs(b, p, m.iov_count, m.iov_trunc, ro);
	else
		put_ptr(b, m.iov);
	p += m.iov_bytes;
	buf_printf(b, ", msg_iovlen=%llu", (unsigned long long)m.iovlen);
	if (m.controllen) {
		buf_puts(b, ", msg_control=");
		if (m.ctl_len)
			put_cmsgs(b, p, m.ctl_len, p + m.ctl_len, m.fdrec_len, ro);
		else
			put_ptr(b, m.control);
	}
	buf_printf(b, ", msg_controllen=%llu, msg_flags=", (unsigned long long)m.controllen);
	put_table(b, ro, FT_MSG_FLAGS, (uint32_t)m.flags);
	buf_putc(b, '}');
}

/* sendmmsg/recvmmsg: [{msg_hdr={...}, msg_len=3}, ...] */
static void render_mmsghdrs(struct buf *b, const struct ev_arg *a, const struct render_opts *ro)
{
	const char *p = a->data, *end = a->data + a->len;
	uint32_t k;

	buf_putc(b, '[');
	for (k = 0; k < a->count && p + sizeof(struct mmsghdr_rec) <= end; k++) {
		struct mmsghdr_rec r;

		memcpy(&r, p, sizeof(r));
		if (k)
			buf_puts(b, ", ");
		buf_puts(b, "{msg_hdr=");
		render_msghdr(b, p + sizeof(r), ro);
		if (r.has_len)
			buf_printf(b, ", msg_len=%u", r.msg_len);
		buf_putc(b, '}');
		p += (r.size + 7) & ~7u;
	}
	if (a->trunc)
		buf_puts(b, k ? ", ..." : "...");
	buf_putc(b, ']');
}

static void put_epoll_event(struct buf *b, const char *p, const struct render_opts *ro)
{
	uint64_t data = get64(p, 4);

	buf_puts(b, "{events=");
	put_table(b, ro, FT_EPOLL_EVENTS, get32(p, 0));
	buf_printf(b, ", data={u32=%u, u64=%llu}}", (uint32_t)data, (unsigned long long)data);
}

void render_pollfds(struct buf *b, const struct ev_arg *a, bool revents,
		    const struct render_opts *ro)
{
	uint32_t k, n = a->len / 8;
	const char *recs = revents ? NULL : a->fdpath;
	size_t recs_len = recs ? a->fdpath_len : 0, used;
	bool first = true;

	buf_putc(b, '[');
	for (k = 0; k < n; k++) {
		int fd = (int)get32(a->data, k * 8);
		uint16_t ev = get16(a->data, k * 8 + (revents ? 6 : 4));

		if (revents && !ev)
			continue;
		if (!first)
			buf_puts(b, ", ");
		first = false;
		buf_printf(b, "{fd=%d", fd);
		/* -y at entry: "{fd=3</dev/null>, events=POLLIN}" */
		used = recs_len ? render_fdpath(b, recs, recs_len, ro) : 0;
		recs += used;
		recs_len -= used;
		buf_printf(b, ", %s=", revents ? "revents" : "events");
		put_table(b, ro, FT_POLL_EVENTS, ev);
		buf_putc(b, '}');
	}
	buf_putc(b, ']');
}

static void render_fdset(struct buf *b, const struct ev_arg *a, int nfds,
			 const struct render_opts *ro)
{
	const char *recs = a->fdpath;
	size_t recs_len = recs ? a->fdpath_len : 0, used;
	int fd;
	bool first = true;

	buf_putc(b, '[');
	for (fd = 0; fd < nfds && (uint32_t)fd / 8 < a->len; fd++) {
		if (!((unsigned char)a->data[fd / 8] & (1u << (fd % 8))))
			continue;
		if (!first)
			buf_putc(b, ' ');
		first = false;
		buf_put_i64(b, fd);
		used = recs_len ? render_fdpath(b, recs, recs_len, ro) : 0;
		recs += used;
		recs_len -= used;
	}
	buf_putc(b, ']');
}

static void render_sockopt(struct buf *b, const struct ev_arg *a, const struct render_opts *ro)
{
	if (a->len == 4)
		buf_printf(b, "[%d]", (int)get32(a->data, 0));
	else
		render_quoted(b, a->data, a->len, false, ro);
}

static void render_sock_proto(struct buf *b, const struct event *ev, uint64_t v,
			      const struct render_opts *ro)
{
	unsigned fam = (unsigned)ev->args[0].raw;

	if (fam == 2 || fam == 10)
		put_enum_int(b, ro, FT_IP_PROTO, v);
	else if (fam == 16)
		put_enum_int(b, ro, FT_NETLINK_PROTO, v);
	else
		buf_put_i64(b, (int)v);
}

static void render_sockopt_name(struct buf *b, const struct event *ev, uint64_t v,
				const struct render_opts *ro)
{
	int level = (int)ev->args[1].raw;

	if (level == 1)
		put_enum_int(b, ro, FT_SOL_SOCKET_OPTS, v);
	else if (level == 6)
		put_enum_int(b, ro, FT_TCP_OPTS, v);
	else
		buf_put_i64(b, (int)v);
}

int render_net_data(struct buf *b, const struct event *ev, int i, const struct render_opts *ro)
{
	const struct ev_arg *a = &ev->args[i];
	const char *p = a->data;
	uint32_t k;

	switch (a->kind) {
	case A_SOCKADDR:
	case A_SOCKADDR_OUT: render_sockaddr(b, p, a->len, ro); return 1;
	case A_IOVEC:
	case A_IOVEC_OUT: put_iovecs(b, p, a->count, a->trunc, ro); return 1;
	case A_MSGHDR:
	case A_MSGHDR_OUT: render_msghdr(b, p, ro); return 1;
	case A_MMSGHDR_OUT:
	case A_MMSGHDR_RECV_OUT: render_mmsghdrs(b, a, ro); return 1;
	case A_EPOLL_EVENT: put_epoll_event(b, p, ro); return 1;
	case A_EPOLL_EVENTS_OUT:
		buf_putc(b, '[');
		for (k = 0; k + 12 <= a->len; k += 12) {
			if (k)
				buf_puts(b, ", ");
			put_epoll_event(b, p + k, ro);
		}
		if ((uint64_t)ev->ret * 12 > a->len)
			buf_puts(b, ", ...");
		buf_putc(b, ']');
		return 1;
	case A_POLLFD: render_pollfds(b, a, false, ro); return 1;
	case A_FDSET: render_fdset(b, a, (int)ev->args[0].raw, ro); return 1;
	case A_SOCKOPT_VAL:
	case A_SOCKOPT_OUT: render_sockopt(b, a, ro); return 1;
	default: return 0;
	}
}

int render_net_raw(struct buf *b, const struct event *ev, int i, const struct render_opts *ro)
{
	uint64_t v = ev->args[i].raw;

	switch (ev->args[i].kind) {
	case A_SOCK_TYPE:
		put_enum_int(b, ro, FT_SOCKET_TYPE, v & 0xf);
		if ((uint32_t)v & ~0xfu) {
			buf_putc(b, '|');
			put_table(b, ro, FT_SOCKET_TYPE_FLAGS, (uint32_t)v & ~0xfu);
		}
		return 1;
	case A_SOCK_PROTO: render_sock_proto(b, ev, v, ro); return 1;
	case A_SOCKOPT_NAME: render_sockopt_name(b, ev, v, ro); return 1;
	default: return 0;
	}
}
