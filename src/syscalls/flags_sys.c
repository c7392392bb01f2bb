/* SPDX-License-Identifier: MIT */
/* Expands the flags/ .def files named in flags/tables.def into xlat tables and renders
 * values with them, the way strace 6.1 prints those constants. */
#include "syscalls/flags_sys.h"

#include "util/buf.h"
#include "util/xlat.h"

#define FLAG_VAL(n, v) { (uint64_t)(int64_t)(v), #n },
#define ENUM_VAL(n, v) { (uint64_t)(int64_t)(v), #n },
static const struct xlat_item rlimit_items[] = {
#include "syscalls/flags/rlimit.def"
};
static const struct xlat_item arch_prctl_items[] = {
#include "syscalls/flags/arch_prctl.def"
};
static const struct xlat_item wait_options_items[] = {
#include "syscalls/flags/wait_options.def"
};
static const struct xlat_item sigprocmask_how_items[] = {
#include "syscalls/flags/sigprocmask_how.def"
};
static const struct xlat_item clockid_items[] = {
#include "syscalls/flags/clockid.def"
};
static const struct xlat_item futex_op_items[] = {
#include "syscalls/flags/futex_op.def"
};
static const struct xlat_item address_family_items[] = {
#include "syscalls/flags/address_family.def"
};
static const struct xlat_item socket_type_items[] = {
#include "syscalls/flags/socket_type.def"
};
static const struct xlat_item socket_type_flags_items[] = {
#include "syscalls/flags/socket_type_flags.def"
};
static const struct xlat_item ip_proto_items[] = {
#include "syscalls/flags/ip_proto.def"
};
static const struct xlat_item netlink_proto_items[] = {
#include "syscalls/flags/netlink_proto.def"
};
static const struct xlat_item sockopt_level_items[] = {
#include "syscalls/flags/sockopt_level.def"
};
static const struct xlat_item sol_socket_opts_items[] = {
#include "syscalls/flags/sol_socket_opts.def"
};
static const struct xlat_item tcp_opts_items[] = {
#include "syscalls/flags/tcp_opts.def"
};
static const struct xlat_item msg_flags_items[] = {
#include "syscalls/flags/msg_flags.def"
};
static const struct xlat_item shutdown_how_items[] = {
#include "syscalls/flags/shutdown_how.def"
};
static const struct xlat_item flock_op_items[] = {
#include "syscalls/flags/flock_op.def"
};
static const struct xlat_item madvise_items[] = {
#include "syscalls/flags/madvise.def"
};
static const struct xlat_item mremap_flags_items[] = {
#include "syscalls/flags/mremap_flags.def"
};
static const struct xlat_item msync_flags_items[] = {
#include "syscalls/flags/msync_flags.def"
};
static const struct xlat_item mlockall_flags_items[] = {
#include "syscalls/flags/mlockall_flags.def"
};
static const struct xlat_item mlock2_flags_items[] = {
#include "syscalls/flags/mlock2_flags.def"
};
static const struct xlat_item grnd_flags_items[] = {
#include "syscalls/flags/grnd_flags.def"
};
static const struct xlat_item efd_flags_items[] = {
#include "syscalls/flags/efd_flags.def"
};
static const struct xlat_item tfd_flags_items[] = {
#include "syscalls/flags/tfd_flags.def"
};
static const struct xlat_item tfd_settime_flags_items[] = {
#include "syscalls/flags/tfd_settime_flags.def"
};
static const struct xlat_item sfd_flags_items[] = {
#include "syscalls/flags/sfd_flags.def"
};
static const struct xlat_item mfd_flags_items[] = {
#include "syscalls/flags/mfd_flags.def"
};
static const struct xlat_item inotify_init_flags_items[] = {
#include "syscalls/flags/inotify_init_flags.def"
};
static const struct xlat_item inotify_mask_items[] = {
#include "syscalls/flags/inotify_mask.def"
};
static const struct xlat_item epoll_ctl_op_items[] = {
#include "syscalls/flags/epoll_ctl_op.def"
};
static const struct xlat_item epoll_create_flags_items[] = {
#include "syscalls/flags/epoll_create_flags.def"
};
static const struct xlat_item epoll_events_items[] = {
#include "syscalls/flags/epoll_events.def"
};
static const struct xlat_item poll_events_items[] = {
#include "syscalls/flags/poll_events.def"
};
static const struct xlat_item ipc_flags_items[] = {
#include "syscalls/flags/ipc_flags.def"
};
static const struct xlat_item ipc_cmd_items[] = {
#include "syscalls/flags/ipc_cmd.def"
};
static const struct xlat_item shmat_flags_items[] = {
#include "syscalls/flags/shmat_flags.def"
};
static const struct xlat_item splice_flags_items[] = {
#include "syscalls/flags/splice_flags.def"
};
static const struct xlat_item rwf_flags_items[] = {
#include "syscalls/flags/rwf_flags.def"
};
static const struct xlat_item rename_flags_items[] = {
#include "syscalls/flags/rename_flags.def"
};
static const struct xlat_item close_range_flags_items[] = {
#include "syscalls/flags/close_range_flags.def"
};
static const struct xlat_item rusage_who_items[] = {
#include "syscalls/flags/rusage_who.def"
};
static const struct xlat_item prctl_op_items[] = {
#include "syscalls/flags/prctl_op.def"
};
static const struct xlat_item dumpable_items[] = {
#include "syscalls/flags/dumpable.def"
};
static const struct xlat_item sched_policy_items[] = {
#include "syscalls/flags/sched_policy.def"
};
static const struct xlat_item personality_items[] = {
#include "syscalls/flags/personality.def"
};
static const struct xlat_item itimer_which_items[] = {
#include "syscalls/flags/itimer_which.def"
};
static const struct xlat_item fadvise_items[] = {
#include "syscalls/flags/fadvise.def"
};
static const struct xlat_item membarrier_cmd_items[] = {
#include "syscalls/flags/membarrier_cmd.def"
};
static const struct xlat_item idtype_items[] = {
#include "syscalls/flags/idtype.def"
};
static const struct xlat_item fcntl_cmd_items[] = {
#include "syscalls/flags/fcntl_cmd.def"
};
static const struct xlat_item lock_type_items[] = {
#include "syscalls/flags/lock_type.def"
};
static const struct xlat_item fd_flags_items[] = {
#include "syscalls/flags/fd_flags.def"
};
static const struct xlat_item ioctl_cmd_items[] = {
#include "syscalls/flags/ioctl_cmd.def"
};
static const struct xlat_item sa_flags_items[] = {
#include "syscalls/flags/sa_flags.def"
};
static const struct xlat_item timer_flags_items[] = {
#include "syscalls/flags/timer_flags.def"
};
static const struct xlat_item statfs_magic_items[] = {
#include "syscalls/flags/statfs_magic.def"
};
static const struct xlat_item statfs_flags_items[] = {
#include "syscalls/flags/statfs_flags.def"
};
static const struct xlat_item statx_mask_items[] = {
#include "syscalls/flags/statx_mask.def"
};
static const struct xlat_item statx_attrs_items[] = {
#include "syscalls/flags/statx_attrs.def"
};
static const struct xlat_item scm_type_items[] = {
#include "syscalls/flags/scm_type.def"
};
static const struct xlat_item ss_flags_items[] = {
#include "syscalls/flags/ss_flags.def"
};
static const struct xlat_item futex_bitset_items[] = {
#include "syscalls/flags/futex_bitset.def"
};
static const struct xlat_item resolve_flags_items[] = {
#include "syscalls/flags/resolve_flags.def"
};
static const struct xlat_item fan_class_items[] = {
#include "syscalls/flags/fan_class.def"
};
static const struct xlat_item fan_init_flags_items[] = {
#include "syscalls/flags/fan_init_flags.def"
};
static const struct xlat_item fan_mark_flags_items[] = {
#include "syscalls/flags/fan_mark_flags.def"
};
static const struct xlat_item fan_events_items[] = {
#include "syscalls/flags/fan_events.def"
};
static const struct xlat_item capability_items[] = {
#include "syscalls/flags/capability.def"
};
static const struct xlat_item cap_version_items[] = {
#include "syscalls/flags/cap_version.def"
};
#undef FLAG_VAL
#undef ENUM_VAL

struct flag_table_info {
	struct xlat x;
	int is_flags;
};

#define FT_ENUM 0
#define FT_FLAGS 1
static const struct flag_table_info tables[FT_TABLE_COUNT] = {
#define FT(id, file, mode, unknown) [FT_##id] = { XLAT(file##_items, unknown), mode },
#include "syscalls/flags/tables.def"
#undef FT
};

const struct xlat *flag_table(enum flag_table id)
{
	return &tables[id].x;
}

int flag_table_is_flags(enum flag_table id)
{
	return tables[id].is_flags;
}

const char *flag_table_name(enum flag_table id, uint64_t v)
{
	return xlat_name(&tables[id].x, v);
}

int flags_table_put(struct buf *b, enum flag_table id, uint64_t v)
{
	const struct flag_table_info *t = &tables[id];

	if (t->is_flags)
		return xlat_flags(b, &t->x, v, NULL);
	if (xlat_name(&t->x, v))
		return xlat_enum(b, &t->x, v, XLAT_HEX);
	/* strace prints an unnamed enum value in hex with a comment when the table has
	 * one (0x7 with a SEEK_??? comment), else as a signed decimal number. */
	return xlat_enum(b, &t->x, v, t->x.unknown ? XLAT_HEX : XLAT_DEC);
}
