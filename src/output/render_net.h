/* SPDX-License-Identifier: MIT */
/* Renderers of the network and descriptor-set kinds (render_net.c), called by
 * render_struct.c; render_sockaddr() itself is declared in render_struct.h. Internal. */
#ifndef RN_OUTPUT_RENDER_NET_H
#define RN_OUTPUT_RENDER_NET_H

#include <stdbool.h>

struct buf;
struct ev_arg;
struct event;
struct render_opts;

/* Argument i of a read (ARG_S_DATA) network kind: sockaddr, iovec, msghdr, epoll,
 * pollfd, fd_set, socket option. Returns 1 when the kind is handled here, else 0. */
int render_net_data(struct buf *b, const struct event *ev, int i, const struct render_opts *ro);
/* Raw register kinds of socket(2) and setsockopt(2): SOCK_STREAM|SOCK_CLOEXEC,
 * IPPROTO_TCP, SO_REUSEADDR. Returns 1 when handled, else 0. */
int render_net_raw(struct buf *b, const struct event *ev, int i, const struct render_opts *ro);
/* pollfd array a: events at entry, or only the non-zero revents after the call. */
void render_pollfds(struct buf *b, const struct ev_arg *a, bool revents,
		    const struct render_opts *ro);

#endif
