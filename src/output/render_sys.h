/* SPDX-License-Identifier: MIT */
/* Renderers of the open_how, utimensat times, cpu set, mq_attr, capability and
 * fanotify kinds (render_sys.c), called by render_struct.c. Internal. */
#ifndef RN_OUTPUT_RENDER_SYS_H
#define RN_OUTPUT_RENDER_SYS_H

struct buf;
struct event;
struct render_opts;

/* Argument i of a read (ARG_S_DATA) kind of this file. Returns 1 when handled, else 0. */
int render_sys_data(struct buf *b, const struct event *ev, int i, const struct render_opts *ro);
/* Raw register kinds of this file (fanotify_init flags). Returns 1 when handled, else 0. */
int render_sys_raw(struct buf *b, const struct event *ev, int i, const struct render_opts *ro);

#endif
