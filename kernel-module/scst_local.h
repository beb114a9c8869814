/* SPDX-License-Identifier: GPL-2.0 */
/*
 * scst_local - SCST target driver that exports SCST devices to the local
 * Linux SCSI stack: structures and constants.
 */
#ifndef _SCST_LOCAL_H
#define _SCST_LOCAL_H

#include <linux/completion.h>
#include <linux/device.h>
#include <linux/kobject.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

#ifdef INSIDE_KERNEL_TREE
#include <scst/scst.h>
#include <scst/scst_debug.h>
#else
#include <scst.h>
#include <scst_debug.h>
#endif

/* Name of the target driver, of its sysfs directory and of the SCSI hosts. */
#define SCST_LOCAL_DRV_NAME		SCST_LOCAL_NAME

/* First line of the driver's "version" attribute. */
#define SCST_LOCAL_VERSION		SCST_VERSION_STRING "/20110901"

/* Lines after the version naming how SCST was built, as SCST itself does. */
#ifdef CONFIG_SCST_EXTRACHECKS
#define SCST_LOCAL_FLAG_EXTRACHECKS	"EXTRACHECKS\n"
#else
#define SCST_LOCAL_FLAG_EXTRACHECKS	""
#endif
#ifdef CONFIG_SCST_TRACING
#define SCST_LOCAL_FLAG_TRACING		"TRACING\n"
#else
#define SCST_LOCAL_FLAG_TRACING		""
#endif
#ifdef CONFIG_SCST_DEBUG
#define SCST_LOCAL_FLAG_DEBUG		"DEBUG\n"
#else
#define SCST_LOCAL_FLAG_DEBUG		""
#endif

/*
 * Default of the driver's trace_level: what SCST core and its handlers
 * start with in the same build (out_of_mem, pid, special and mgmt in the
 * TRACING build; more in the DEBUG build). SCST keeps those defaults in
 * private headers only, so the flags are spelled out here.
 */
#ifdef CONFIG_SCST_DEBUG
#define SCST_LOCAL_DEFAULT_TRACE_FLAGS	(TRACE_OUT_OF_MEM | TRACE_PID | \
	TRACE_LINE | TRACE_FUNCTION | TRACE_MGMT | TRACE_MINOR | \
	TRACE_MGMT_DEBUG | TRACE_SPECIAL)
#else
#define SCST_LOCAL_DEFAULT_TRACE_FLAGS	(TRACE_OUT_OF_MEM | TRACE_MGMT | \
	TRACE_PID | TRACE_SPECIAL)
#endif

/* Target and session created at load time when add_default_tgt is set. */
#define SCST_LOCAL_DEFAULT_TGT		"scst_local_tgt"
#define SCST_LOCAL_DEFAULT_SESS		"scst_local_host"

/* SCSI transport version reported while none was set: SAS (SPC-4 table). */
#define SCST_LOCAL_DEF_SCSI_TRANSPORT	0x0BE0

/* Length of the SAS TransportID each session starts with. */
#define SCST_LOCAL_TRANSPORT_ID_LEN	24

/*
 * Command queue limits of every SCSI host. CAN_QUEUE is split among the
 * host's hardware queues (at least 2, at most MAX_HW_QUEUES, else one per
 * CPU), each getting at least CMD_PER_LUN.
 */
#define SCST_LOCAL_CAN_QUEUE		512
#define SCST_LOCAL_MAX_HW_QUEUES	8
#define SCST_LOCAL_CMD_PER_LUN		64
#define SCST_LOCAL_SG_TABLESIZE		0xFFFF
#define SCST_LOCAL_MAX_SECTORS		0xFFFF

/*
 * REPORT LUNS after a change of a session's LUNs: room for every LUN SCST
 * allows (8 header bytes plus 8 per LUN) and the command's timeout.
 */
#define SCST_LOCAL_REPORT_LUNS_LEN	(8 * (SCST_MAX_LUN + 1))
#define SCST_LOCAL_REPORT_LUNS_TIMEOUT	(30 * HZ)

/* Bit numbers in scst_local_sess.flags. */
enum scst_local_sess_flags {
	/* The host is registered; scans may run. */
	SCST_LOCAL_SESS_READY,
	/* Somebody owns the teardown; no new scans, no second teardown. */
	SCST_LOCAL_SESS_CLOSING,
};

/*
 * One SCST target of this driver. Lives from add_target (or module load) to
 * del_target (or module unload).
 */
struct scst_local_tgt {
	/* SCST's target object; its tgt_priv points back here. */
	struct scst_tgt *scst_tgt;
	/* Entry in scst_local_tgt_list, guarded by scst_local_mutex. */
	struct list_head tgt_list_entry;
	/* Sessions in creation order, guarded by scst_local_mutex. */
	struct list_head sess_list;
	/* Value of phys_transport_version; 0 means not defined. */
	u16 phys_transport_version;
	/* Value of scsi_transport_version; 0 means unset (report SAS). */
	u16 scsi_transport_version;
};

/*
 * A transport version attribute of a target (scsi_transport_version,
 * phys_transport_version): one show/store pair serves both.
 */
struct scst_local_tv_attr {
	/* The sysfs attribute; its callbacks find this struct from it. */
	struct kobj_attribute attr;
	/* Offset of the u16 value in struct scst_local_tgt. */
	size_t offset;
	/* Shown (without the key marker) while the value is 0. */
	u16 unset;
};

/*
 * One SCST session of a target, seen by Linux as one SCSI host. The struct
 * device is the parent of the host; it is released only after the host and
 * every scsi_device under it are gone, so the release frees this struct.
 */
struct scst_local_sess {
	/* Parent device of the host: /sys/devices/scst_local/<sessdir>. */
	struct device dev;
	/* SCST's session; its tgt_priv points back here. */
	struct scst_session *scst_sess;
	/* Target this session belongs to. */
	struct scst_local_tgt *tgt;
	/* Entry in tgt->sess_list, guarded by scst_local_mutex. */
	struct list_head sess_list_entry;
	/* The Linux SCSI host; its private area holds a pointer to us. */
	struct Scsi_Host *shost;
	/* SCST_LOCAL_SESS_* bits. */
	unsigned long flags;
	/* Guards READY/CLOSING against queueing scan_work. */
	spinlock_t scan_lock;
	/* Rescans the host when SCST reports changed LUNs (adds, removes). */
	struct work_struct scan_work;
	/* Asynchronous teardown for del_session and force_close. */
	struct work_struct remove_work;
	/* Serialises task management with the teardown. */
	struct mutex tmf_mutex;
	/* Set under tmf_mutex once SCST's session is being unregistered. */
	bool tmf_dead;
	/* Module-wide ordinal of this session, from 1, never reused. */
	unsigned int seq;
	/* Guards transport_id and transport_id_len. */
	spinlock_t tid_lock;
	/* TransportID bytes as read from and written to sysfs. */
	u8 *transport_id;
	/* Number of bytes in transport_id. */
	size_t transport_id_len;
};

/*
 * Per-command state, in the private area that the SCSI midlayer allocates
 * after every scsi_cmnd (host template cmd_size). The SCST command is
 * embedded, so queuecommand allocates nothing; the scsi_cmnd is completed
 * only when SCST frees the embedded command.
 */
struct scst_local_cmd {
	/* The Linux command this state belongs to; set in init_cmd_priv. */
	struct scsi_cmnd *sc;
	/* SCST's command, zeroed and initialised in queuecommand. */
	struct scst_cmd scst_cmd;
};

/* A task management request in flight; lives on the EH thread's stack. */
struct scst_local_tmf {
	/* Completed by task_mgmt_fn_done. */
	struct completion done;
	/* SCST_MGMT_STATUS_* result. */
	int status;
};

#endif /* _SCST_LOCAL_H */
