/* SPDX-License-Identifier: MIT */
/* Generic decoding of the structure kinds of table.h (A_STAT_OUT, A_IOVEC, ...): which
 * bytes are copied from the tracee, and the layout of composite records in scratch,
 * shared with the renderers of output/render_struct.c. */
#ifndef RN_SYSCALLS_DECODE_STRUCT_H
#define RN_SYSCALLS_DECODE_STRUCT_H

#include <stddef.h>
#include <stdint.h>

struct decode_ctx;
struct event;

/*
 * An iovec array in scratch (A_IOVEC, A_IOVEC_OUT, msghdr's msg_iov): ev_arg.count
 * records, each a struct iov_rec followed by dlen bytes of the buffer; ev_arg.trunc when
 * the array had more elements than were kept.
 */
struct iov_rec {
	uint64_t base;
	uint64_t len;
	uint32_t dlen;	   /* bytes kept */
	uint8_t trunc;	   /* the shown part was cut at the string limit */
	uint8_t readable;  /* 0: show base as an address */
	uint8_t pad[2];
};

/* A msghdr in scratch (A_MSGHDR, A_MSGHDR_OUT): this header, then name_len bytes of
 * msg_name, then iov_count iov records (iov_len bytes in all), then ctl_len bytes of
 * msg_control, then under -y fdrec_len bytes of descriptor records, one per
 * SCM_RIGHTS descriptor in order (FDREC_NONE when not known). */
struct msghdr_rec {
	uint64_t name;
	uint32_t namelen;
	uint32_t pad;
	uint64_t iov;
	uint64_t iovlen;
	uint64_t control;
	uint64_t controllen;
	int32_t flags;
	uint32_t name_len;  /* bytes of msg_name kept (0: unreadable or NULL) */
	uint32_t iov_count; /* iov records kept */
	uint32_t iov_bytes; /* bytes taken by the iov records */
	uint32_t ctl_len;   /* bytes of msg_control kept */
	uint8_t iov_trunc;
	uint8_t pad2[3];
	uint32_t fdrec_len;
	uint32_t pad3;
};

/* A struct mmsghdr array in scratch (A_MMSGHDR_OUT, A_MMSGHDR_RECV_OUT): ev_arg.count
 * elements, each at an 8-byte boundary: this header, then a msghdr record as above;
 * ev_arg.trunc when the array had more elements than were kept. */
struct mmsghdr_rec {
	uint32_t size;	   /* bytes of this header and its msghdr record */
	uint32_t msg_len;
	uint8_t has_len;   /* show msg_len: the kernel set it */
	uint8_t pad[7];
};

/*
 * A -y descriptor record (ev_arg.fdpath, event.ret_fdpath; an fd pair holds two in a
 * row): one FDREC_* flags byte, the path (or socket details), NUL, a suffix shown
 * verbatim after it (-yy devices: "<char 1:3>", else empty), NUL.
 */
#define FDREC_DELETED 0x1  /* the file was unlinked: "(deleted)" follows the '>' */
#define FDREC_VERBATIM 0x2 /* socket details or a pidfd's "pid:N": not quoted */
#define FDREC_NONE 0x80	   /* a place holder: nothing is shown for this descriptor */

/* clone3's clone_args in scratch: the structure, then 8 bytes (the last of ev_arg.len):
 * the pidfd and the parent tid the kernel stored, valid when these bits of
 * ev_arg.count are set. */
#define CLONE3_GOT_PIDFD 0x1
#define CLONE3_GOT_PARENT_TID 0x2

/* Fixed-size structures and arrays read at entry for non-OUT kinds. */
int decode_struct_entry(struct decode_ctx *ctx, struct event *ev, int i);
/* OUT structure kinds, read at exit after a successful call. */
int decode_struct_exit(struct decode_ctx *ctx, struct event *ev, int i);
/* In-out kinds ([128 => 7]): the first value at entry, the second at exit. */
int decode_inout_entry(struct decode_ctx *ctx, struct event *ev, int i);
int decode_inout_exit(struct decode_ctx *ctx, struct event *ev, int i);

/* Reads count iovecs at addr with up to total buffer bytes in all (UINT64_MAX: each in
 * full up to the string limit) into scratch. Returns the bytes used, sets *kept and
 * *trunc; negative when the array cannot be read. */
long decode_iovecs(struct decode_ctx *ctx, uint64_t addr, uint64_t count, uint64_t total,
		   uint32_t *kept, uint8_t *trunc);

/* Reads the struct msghdr at addr with its name, iovecs (up to total bytes of buffer)
 * and control data into scratch, at an 8-byte boundary. Returns the bytes of the
 * record (struct msghdr_rec and what follows), -EFAULT when the header cannot be
 * read, -ENOMEM when scratch is full. */
long decode_msghdr_at(struct decode_ctx *ctx, uint64_t addr, uint64_t total);

#endif
