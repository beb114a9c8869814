// SPDX-License-Identifier: GPL-2.0
/*
 * scst_local - SCST target driver that makes the devices SCST exports visible
 * to the Linux SCSI stack of the same machine.
 *
 * Every SCST session of this driver is one Linux SCSI host with one target
 * (channel 0, id 0). Commands that the midlayer queues on that host enter
 * SCST through the session; SCST's responses complete them. Task
 * management from the midlayer's error handler becomes SCST task
 * management, and a handler reports success only once SCST has freed every
 * affected command.
 *
 * Object lifetime, outermost first: target (add_target/del_target) ->
 * session (add_session/del_session) -> session device -> Scsi_Host ->
 * scsi_device. A session is torn down host first, so the midlayer never
 * sends a command to an unregistered SCST session, and module exit waits
 * until every session device is released, so no midlayer object still
 * points at this module's host template when the module goes away.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/async.h>
#include <linux/atomic.h>
#include <linux/blk-mq.h>
#include <linux/cpumask.h>
#include <linux/device.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>

#include <scsi/scsi.h>
#include <scsi/scsi_cmnd.h>
#include <scsi/scsi_common.h>
#include <scsi/scsi_device.h>
#include <scsi/scsi_eh.h>
#include <scsi/scsi_host.h>

#include "scst_local.h"
#include "scst_local_compat.h"

/* ------------------------------------------------------------------------
 * Module parameters
 */

static bool scst_local_add_default_tgt = true;
module_param_named(add_default_tgt, scst_local_add_default_tgt, bool, 0444);
MODULE_PARM_DESC(add_default_tgt,
		 "Create target " SCST_LOCAL_DEFAULT_TGT " with session "
		 SCST_LOCAL_DEFAULT_SESS " at load time (default: Y)");

/*
 * Read by scst-manager too: with Y it also waits, after a LUN removal, for the
 * LUN's Linux devices to go.
 */
static bool scst_local_remove_stale_devices = true;
module_param_named(remove_stale_devices, scst_local_remove_stale_devices, bool,
		   0644);
MODULE_PARM_DESC(remove_stale_devices,
		 "After a rescan, remove the SCSI devices of LUNs the session no "
		 "longer has, like hot-unplugged disks (default: Y)");

/* ------------------------------------------------------------------------
 * Globals
 */

/* Guards scst_local_tgt_list, every target's sess_list and unloading. */
static DEFINE_MUTEX(scst_local_mutex);
/* All targets of this driver; scst_local_mutex. */
static LIST_HEAD(scst_local_tgt_list);
/* Set once module exit has begun; written under scst_local_mutex. */
static bool scst_local_unloading;

/*
 * Bumped under scst_local_mutex whenever a session leaves its target's
 * sess_list, then scst_local_sess_gone_wq is woken. A waiter reads it under
 * the mutex, drops the mutex and waits for a change, so no wakeup is lost
 * and no lock is taken inside a wait condition.
 */
static unsigned int scst_local_sess_gone_seq;
static DECLARE_WAIT_QUEUE_HEAD(scst_local_sess_gone_wq);

/* Session ordinal counter (transport IDs); atomic, never reset. */
static atomic_t scst_local_sess_seq = ATOMIC_INIT(0);

/* Driver "stats" counters; atomic. */
static atomic_t scst_local_nr_aborts = ATOMIC_INIT(0);
static atomic_t scst_local_nr_dev_resets = ATOMIC_INIT(0);
static atomic_t scst_local_nr_tgt_resets = ATOMIC_INIT(0);

/* Parent of all session devices: /sys/devices/scst_local; set in init. */
static struct device *scst_local_root;

/* Session devices not yet released; exit waits for zero. Atomic. */
static atomic_t scst_local_nr_sess_devs = ATOMIC_INIT(0);
static DECLARE_WAIT_QUEUE_HEAD(scst_local_sess_devs_wq);

/* Build lines of the driver's "version" attribute; constant. */
static const char scst_local_build_flags[] = SCST_LOCAL_FLAG_EXTRACHECKS
	SCST_LOCAL_FLAG_TRACING SCST_LOCAL_FLAG_DEBUG;

#if defined(CONFIG_SCST_DEBUG) || defined(CONFIG_SCST_TRACING)
/* Trace level shown in targets/scst_local/trace_level; written by SCST. */
static unsigned long scst_local_trace_flag = SCST_LOCAL_DEFAULT_TRACE_FLAGS;
#endif

static struct scst_tgt_template scst_local_tgt_template;

static ssize_t scst_local_add_target(const char *target_name, char *params);
static ssize_t scst_local_del_target(const char *target_name);
static ssize_t scst_local_mgmt_cmd(char *cmd);

/* ------------------------------------------------------------------------
 * Container accessors
 */

static inline struct scst_local_sess *
scst_local_shost_to_sess(struct Scsi_Host *shost)
{
	return *(struct scst_local_sess **)shost_priv(shost);
}

static inline struct scst_local_cmd *scst_local_cmd_of(struct scst_cmd *cmd)
{
	return container_of(cmd, struct scst_local_cmd, scst_cmd);
}

static inline struct scst_local_tgt *scst_local_kobj_to_tgt(struct kobject *kobj)
{
	struct scst_tgt *scst_tgt = container_of(kobj, struct scst_tgt, tgt_kobj);

	return scst_tgt_get_tgt_priv(scst_tgt);
}

static inline struct scst_local_sess *
scst_local_kobj_to_sess(struct kobject *kobj)
{
	struct scst_session *scst_sess;

	scst_sess = container_of(kobj, struct scst_session, sess_kobj);
	return scst_sess_get_tgt_priv(scst_sess);
}

static inline struct scst_local_sess *scst_local_dev_to_sess(struct device *dev)
{
	return container_of(dev, struct scst_local_sess, dev);
}

static inline struct scst_local_tv_attr *
scst_local_to_tv_attr(struct kobj_attribute *attr)
{
	return container_of(attr, struct scst_local_tv_attr, attr);
}

/* ------------------------------------------------------------------------
 * SCSI host side
 */

static int scst_local_queuecommand(struct Scsi_Host *shost,
				   struct scsi_cmnd *sc)
{
	struct scst_local_sess *sess = scst_local_shost_to_sess(shost);
	struct scst_local_cmd *lcmd = scsi_cmd_priv(sc);
	struct scst_cmd *cmd = &lcmd->scst_cmd;
	scst_data_direction dir;
	struct scsi_lun lun;

	/* SCST requires a zeroed command for scst_rx_cmd_prealloced(). */
	memset(cmd, 0, sizeof(*cmd));
	int_to_scsilun(sc->device->lun, &lun);

	/* queuecommand may run in atomic context: allocate atomically. */
	if (unlikely(scst_rx_cmd_prealloced(cmd, sess->scst_sess, lun.scsi_lun,
					    sizeof(lun), sc->cmnd, sc->cmd_len,
					    true)))
		return SCSI_MLQUEUE_HOST_BUSY;

	scst_cmd_set_tag(cmd, blk_mq_unique_tag(scsi_cmd_to_rq(sc)));
	scst_cmd_set_queue_type(cmd, SCST_CMD_QUEUE_SIMPLE);

	switch (sc->sc_data_direction) {
	case DMA_TO_DEVICE:
		dir = SCST_DATA_WRITE;
		break;
	case DMA_FROM_DEVICE:
		dir = SCST_DATA_READ;
		break;
	default:
		dir = SCST_DATA_NONE;
		break;
	}
	scst_cmd_set_expected(cmd, dir, scsi_bufflen(sc));

	/* Zero copy: SCST reads and writes the midlayer's own pages. */
	if (scsi_sg_count(sc))
		scst_cmd_set_tgt_sg(cmd, scsi_sglist(sc), scsi_sg_count(sc));

	/* Overwritten by xmit_response; an aborted command is retried. */
	sc->result = DID_SOFT_ERROR << 16;

	scst_cmd_init_done(cmd, SCST_CONTEXT_THREAD);
	return 0;
}

/*
 * Called once when the midlayer allocates a request. Having it tells the
 * midlayer that the driver initialises its private area itself, so it does
 * not zero the area before every queuecommand, which zeroes the SCST
 * command anyway (SCST wants it so).
 */
static int scst_local_init_cmd_priv(struct Scsi_Host *shost,
				    struct scsi_cmnd *sc)
{
	struct scst_local_cmd *lcmd = scsi_cmd_priv(sc);

	lcmd->sc = sc;
	return 0;
}

/*
 * Completion helper, called when SCST frees the embedded command. Only now
 * may the midlayer reuse the scsi_cmnd and with it the private area. If the
 * error handler already owns the command, the call is ignored.
 *
 * SCST frees most commands in one of its threads. scsi_done() would raise
 * the block softirq there, which from process context means waking
 * ksoftirqd: two more context switches per command. The request is
 * completed in the current context instead.
 */
static void scst_local_complete(struct scst_local_cmd *lcmd)
{
	scsi_done_direct(lcmd->sc);
}

/*
 * Sends one task management function to SCST and waits until SCST reports
 * it done, which SCST does only after every affected command was freed,
 * i.e. after each of them went through scst_local_complete().
 */
static int scst_local_tmf(struct scsi_cmnd *sc, int fn)
{
	struct scst_local_sess *sess = scst_local_shost_to_sess(sc->device->host);
	struct scst_rx_mgmt_params params = {};
	struct scst_local_tmf tmf;
	struct scsi_lun lun;
	int rc;

	init_completion(&tmf.done);
	tmf.status = SCST_MGMT_STATUS_FAILED;

	params.fn = fn;
	params.atomic = SCST_NON_ATOMIC;
	params.tgt_priv = &tmf;
	if (fn == SCST_ABORT_TASK) {
		params.tag = blk_mq_unique_tag(scsi_cmd_to_rq(sc));
		params.tag_set = 1;
	} else {
		/* SCST wants a LUN for all but a few functions; give it always. */
		int_to_scsilun(sc->device->lun, &lun);
		params.lun = lun.scsi_lun;
		params.lun_len = sizeof(lun);
		params.lun_set = 1;
	}

	mutex_lock(&sess->tmf_mutex);
	if (sess->tmf_dead) {
		mutex_unlock(&sess->tmf_mutex);
		return FAILED;
	}
	rc = scst_rx_mgmt_fn(sess->scst_sess, &params);
	if (rc == 0)
		wait_for_completion(&tmf.done);
	mutex_unlock(&sess->tmf_mutex);

	if (rc) {
		pr_err("task management function %d not accepted: %d\n", fn,
		       rc);
		return FAILED;
	}
	if (tmf.status == SCST_MGMT_STATUS_SUCCESS)
		return SUCCESS;
	/* The command to abort has completed in the meantime. */
	if (fn == SCST_ABORT_TASK &&
	    tmf.status == SCST_MGMT_STATUS_TASK_NOT_EXIST)
		return SUCCESS;
	return FAILED;
}

static int scst_local_eh_abort(struct scsi_cmnd *sc)
{
	atomic_inc(&scst_local_nr_aborts);
	return scst_local_tmf(sc, SCST_ABORT_TASK);
}

static int scst_local_eh_device_reset(struct scsi_cmnd *sc)
{
	atomic_inc(&scst_local_nr_dev_resets);
	return scst_local_tmf(sc, SCST_LUN_RESET);
}

static int scst_local_eh_target_reset(struct scsi_cmnd *sc)
{
	atomic_inc(&scst_local_nr_tgt_resets);
	return scst_local_tmf(sc, SCST_TARGET_RESET);
}

/* A host is one I_T nexus: resetting it is an I_T nexus loss. */
static int scst_local_eh_host_reset(struct scsi_cmnd *sc)
{
	return scst_local_tmf(sc, SCST_NEXUS_LOSS_SESS);
}

/* Writable before 6.4: see scst_local_compat.h. */
static scst_local_hostt_const struct scsi_host_template scst_local_template = {
	.module			= THIS_MODULE,
	.name			= SCST_LOCAL_DRV_NAME,
	.queuecommand		= scst_local_queuecommand,
	.eh_abort_handler	= scst_local_eh_abort,
	.eh_device_reset_handler = scst_local_eh_device_reset,
	.eh_target_reset_handler = scst_local_eh_target_reset,
	.eh_host_reset_handler	= scst_local_eh_host_reset,
	.can_queue		= SCST_LOCAL_CAN_QUEUE,
	.this_id		= -1,
	.sg_tablesize		= SCST_LOCAL_SG_TABLESIZE,
	.cmd_per_lun		= SCST_LOCAL_CMD_PER_LUN,
	.max_sectors		= SCST_LOCAL_MAX_SECTORS,
	.cmd_size		= sizeof(struct scst_local_cmd),
	.init_cmd_priv		= scst_local_init_cmd_priv,
};

/* ------------------------------------------------------------------------
 * SCST target side
 */

static int scst_local_xmit_response(struct scst_cmd *cmd)
{
	struct scsi_cmnd *sc = scst_local_cmd_of(cmd)->sc;
	int sense_len, resid;

	if (likely(!scst_cmd_aborted_on_xmit(cmd))) {
		sc->result = scst_cmd_get_status(cmd);
		sense_len = scst_cmd_get_sense_buffer_len(cmd);
		if (sense_len)
			memcpy(sc->sense_buffer, scst_cmd_get_sense_buffer(cmd),
			       min_t(int, sense_len, SCSI_SENSE_BUFFERSIZE));
		if (scst_cmd_get_data_direction(cmd) & SCST_DATA_READ) {
			resid = scsi_bufflen(sc) -
				scst_cmd_get_resp_data_len(cmd);
			if (resid > 0)
				scsi_set_resid(sc, resid);
		}
	}

	scst_tgt_cmd_done(cmd, SCST_CONTEXT_SAME);
	return SCST_TGT_RES_SUCCESS;
}

static void scst_local_on_free_cmd(struct scst_cmd *cmd)
{
	scst_local_complete(scst_local_cmd_of(cmd));
}

static void scst_local_task_mgmt_fn_done(struct scst_mgmt_cmd *mcmd)
{
	struct scst_local_tmf *tmf = scst_mgmt_cmd_get_tgt_priv(mcmd);

	if (!tmf)
		return;
	tmf->status = scst_mgmt_cmd_get_status(mcmd);
	complete(&tmf->done);
}

/*
 * A "reported LUNs data has changed" event becomes a rescan of the host,
 * which adds new LUNs and removes gone ones; every other event is left to
 * SCST, which then queues a unit attention.
 */
static int scst_local_report_aen(struct scst_aen *aen)
{
	struct scst_local_sess *sess;
	struct scsi_sense_hdr sshdr;
	unsigned long flags;

	if (scst_aen_get_event_fn(aen) != SCST_AEN_SCSI ||
	    !scsi_normalize_sense(scst_aen_get_sense(aen),
				  scst_aen_get_sense_len(aen), &sshdr) ||
	    sshdr.asc != 0x3f || sshdr.ascq != 0x0e)
		return SCST_AEN_RES_NOT_SUPPORTED;

	sess = scst_sess_get_tgt_priv(scst_aen_get_sess(aen));
	spin_lock_irqsave(&sess->scan_lock, flags);
	if (test_bit(SCST_LOCAL_SESS_READY, &sess->flags))
		schedule_work(&sess->scan_work);
	spin_unlock_irqrestore(&sess->scan_lock, flags);

	scst_aen_done(aen);
	return SCST_AEN_RES_SUCCESS;
}

static int scst_local_get_initiator_port_transport_id(struct scst_tgt *tgt,
						      struct scst_session *scst_sess,
						      u8 **transport_id)
{
	struct scst_local_sess *sess;
	unsigned long flags;
	u8 *tid;

	if (!scst_sess)
		return SCSI_TRANSPORTID_PROTOCOLID_SAS;

	sess = scst_sess_get_tgt_priv(scst_sess);
	spin_lock_irqsave(&sess->tid_lock, flags);
	tid = kmemdup(sess->transport_id, sess->transport_id_len, GFP_ATOMIC);
	spin_unlock_irqrestore(&sess->tid_lock, flags);
	if (!tid)
		return -ENOMEM;
	*transport_id = tid;
	return 0;
}

static u16 scst_local_get_phys_transport_version(struct scst_tgt *scst_tgt)
{
	struct scst_local_tgt *tgt = scst_tgt_get_tgt_priv(scst_tgt);

	return tgt ? tgt->phys_transport_version : 0;
}

static u16 scst_local_get_scsi_transport_version(struct scst_tgt *scst_tgt)
{
	struct scst_local_tgt *tgt = scst_tgt_get_tgt_priv(scst_tgt);

	if (!tgt || !tgt->scsi_transport_version)
		return SCST_LOCAL_DEF_SCSI_TRANSPORT;
	return tgt->scsi_transport_version;
}

static int scst_local_close_session(struct scst_session *scst_sess)
{
	struct scst_local_sess *sess = scst_sess_get_tgt_priv(scst_sess);

	/* May be called under scst_mutex: only hand the work over. */
	if (!test_and_set_bit(SCST_LOCAL_SESS_CLOSING, &sess->flags))
		schedule_work(&sess->remove_work);
	return 0;
}

static int scst_local_release(struct scst_tgt *scst_tgt)
{
	return 0;
}

/* ------------------------------------------------------------------------
 * sysfs: driver level (targets/scst_local/)
 */

static ssize_t scst_local_version_show(struct kobject *kobj,
				       struct kobj_attribute *attr, char *buf)
{
	int len = sysfs_emit(buf, "%s\n", SCST_LOCAL_VERSION);

	return len + sysfs_emit_at(buf, len, "%s", scst_local_build_flags);
}

static ssize_t scst_local_stats_show(struct kobject *kobj,
				     struct kobj_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "Aborts: %d, Device Resets: %d, Target Resets: %d\n",
			  atomic_read(&scst_local_nr_aborts),
			  atomic_read(&scst_local_nr_dev_resets),
			  atomic_read(&scst_local_nr_tgt_resets));
}

static struct kobj_attribute scst_local_version_attr =
	__ATTR(version, 0444, scst_local_version_show, NULL);
static struct kobj_attribute scst_local_stats_attr =
	__ATTR(stats, 0444, scst_local_stats_show, NULL);

static const struct attribute *scst_local_tgtt_attrs[] = {
	&scst_local_version_attr.attr,
	&scst_local_stats_attr.attr,
	NULL,
};

/* ------------------------------------------------------------------------
 * sysfs: target level (targets/scst_local/<tgt>/)
 */

/* Resolves a target attribute's owner, or the errno the spec asks for. */
static struct scst_local_tgt *scst_local_attr_tgt(struct kobject *kobj,
						  int *err)
{
	struct scst_local_tgt *tgt;

	if (READ_ONCE(scst_local_unloading)) {
		*err = -ENOENT;
		return NULL;
	}
	tgt = scst_local_kobj_to_tgt(kobj);
	if (!tgt)
		*err = -EBUSY;
	return tgt;
}

/* The u16 field of @tgt that a transport version attribute stands for. */
static u16 *scst_local_tv_field(struct scst_local_tgt *tgt,
				struct kobj_attribute *attr)
{
	struct scst_local_tv_attr *tva = scst_local_to_tv_attr(attr);

	return (u16 *)((char *)tgt + tva->offset);
}

/*
 * Both transport version attributes of a target: 0 means unset, shown as
 * the attribute's unset value without the key marker; any other value was
 * set and carries it.
 */
static ssize_t scst_local_tv_show(struct kobject *kobj,
				  struct kobj_attribute *attr, char *buf)
{
	struct scst_local_tgt *tgt;
	int err;
	u16 v;

	tgt = scst_local_attr_tgt(kobj, &err);
	if (!tgt)
		return err;
	v = READ_ONCE(*scst_local_tv_field(tgt, attr));
	if (!v)
		return sysfs_emit(buf, "0x%x\n",
				  scst_local_to_tv_attr(attr)->unset);
	return sysfs_emit(buf, "0x%x\n%s\n", v, SCST_SYSFS_KEY_MARK);
}

/* Parses like kstrtoul(.., 0, ..) and keeps the low 16 bits, unchecked. */
static ssize_t scst_local_tv_store(struct kobject *kobj,
				   struct kobj_attribute *attr,
				   const char *buf, size_t count)
{
	struct scst_local_tgt *tgt;
	unsigned long v;
	int err;

	tgt = scst_local_attr_tgt(kobj, &err);
	if (!tgt)
		return err;
	err = kstrtoul(buf, 0, &v);
	if (err) {
		pr_err("strtoul() for %s failed: %d\n", buf, err);
		return err;
	}
	WRITE_ONCE(*scst_local_tv_field(tgt, attr), (u16)v);
	return count;
}

static struct scst_local_tv_attr scst_local_scsi_transport_version_attr = {
	.attr	= __ATTR(scsi_transport_version, 0644, scst_local_tv_show,
			 scst_local_tv_store),
	.offset	= offsetof(struct scst_local_tgt, scsi_transport_version),
	.unset	= SCST_LOCAL_DEF_SCSI_TRANSPORT,
};

static struct scst_local_tv_attr scst_local_phys_transport_version_attr = {
	.attr	= __ATTR(phys_transport_version, 0644, scst_local_tv_show,
			 scst_local_tv_store),
	.offset	= offsetof(struct scst_local_tgt, phys_transport_version),
	.unset	= 0,
};

static const struct attribute *scst_local_tgt_attrs[] = {
	&scst_local_scsi_transport_version_attr.attr.attr,
	&scst_local_phys_transport_version_attr.attr.attr,
	NULL,
};

/* ------------------------------------------------------------------------
 * sysfs: session level (targets/scst_local/<tgt>/sessions/<sess>/)
 */

static ssize_t scst_local_host_no_show(struct kobject *kobj,
				       struct kobj_attribute *attr, char *buf)
{
	struct scst_local_sess *sess = scst_local_kobj_to_sess(kobj);

	if (!sess)
		return -EBUSY;
	return sysfs_emit(buf, "%u\n", sess->shost->host_no);
}

/* Raw bytes, no newline: a TransportID is binary. */
static ssize_t scst_local_transport_id_show(struct kobject *kobj,
					    struct kobj_attribute *attr,
					    char *buf)
{
	struct scst_local_sess *sess = scst_local_kobj_to_sess(kobj);
	ssize_t len;

	if (READ_ONCE(scst_local_unloading))
		return -ENOENT;
	if (!sess)
		return -EBUSY;
	spin_lock_irq(&sess->tid_lock);
	len = min_t(size_t, sess->transport_id_len, PAGE_SIZE);
	memcpy(buf, sess->transport_id, len);
	spin_unlock_irq(&sess->tid_lock);
	return len;
}

/* Stores exactly the bytes written. */
static ssize_t scst_local_transport_id_store(struct kobject *kobj,
					     struct kobj_attribute *attr,
					     const char *buf, size_t count)
{
	struct scst_local_sess *sess = scst_local_kobj_to_sess(kobj);
	u8 *tid, *old;

	if (READ_ONCE(scst_local_unloading))
		return -ENOENT;
	if (!sess)
		return -EBUSY;
	tid = kmemdup(buf, count, GFP_KERNEL);
	if (!tid)
		return -ENOMEM;
	spin_lock_irq(&sess->tid_lock);
	old = sess->transport_id;
	sess->transport_id = tid;
	sess->transport_id_len = count;
	spin_unlock_irq(&sess->tid_lock);
	kfree(old);
	return count;
}

static struct kobj_attribute scst_local_host_no_attr =
	__ATTR(host_no, 0444, scst_local_host_no_show, NULL);
static struct kobj_attribute scst_local_transport_id_attr =
	__ATTR(transport_id, 0644, scst_local_transport_id_show,
	       scst_local_transport_id_store);

static const struct attribute *scst_local_sess_attrs[] = {
	&scst_local_host_no_attr.attr,
	&scst_local_transport_id_attr.attr,
	NULL,
};

/*
 * The target template comes after the attribute arrays it points at (C has
 * no forward declaration for a static array of unknown size). No
 * rdy_to_xfer: a WRITE's data is already in the midlayer's pages when the
 * command arrives, so SCST goes on to execute it in the same context.
 */
static struct scst_tgt_template scst_local_tgt_template = {
	.name			= SCST_LOCAL_DRV_NAME,
	.sg_tablesize		= SCST_LOCAL_SG_TABLESIZE,
	.xmit_response_atomic	= 1,
	.enabled_attr_not_needed = 1,
	.tgtt_attrs		= scst_local_tgtt_attrs,
	.tgt_attrs		= scst_local_tgt_attrs,
	.sess_attrs		= scst_local_sess_attrs,
	.add_target		= scst_local_add_target,
	.del_target		= scst_local_del_target,
	.mgmt_cmd		= scst_local_mgmt_cmd,
	.add_target_parameters	= "session_name",
	.mgmt_cmd_help		=
		"       echo \"add_session target_name session_name\" >mgmt\n"
		"       echo \"del_session target_name session_name\" >mgmt\n",
	.release		= scst_local_release,
	.close_session		= scst_local_close_session,
	.xmit_response		= scst_local_xmit_response,
	.on_free_cmd		= scst_local_on_free_cmd,
	.task_mgmt_fn_done	= scst_local_task_mgmt_fn_done,
	.report_aen		= scst_local_report_aen,
	.get_initiator_port_transport_id =
		scst_local_get_initiator_port_transport_id,
	.get_phys_transport_version = scst_local_get_phys_transport_version,
	.get_scsi_transport_version = scst_local_get_scsi_transport_version,
#if defined(CONFIG_SCST_DEBUG) || defined(CONFIG_SCST_TRACING)
	.default_trace_flags	= SCST_LOCAL_DEFAULT_TRACE_FLAGS,
	.trace_flags		= &scst_local_trace_flag,
#endif
};

/* ------------------------------------------------------------------------
 * Adapter lifecycle: session devices and their SCSI hosts
 */

static void scst_local_sess_release(struct device *dev)
{
	struct scst_local_sess *sess = scst_local_dev_to_sess(dev);

	kfree(sess->transport_id);
	kfree(sess);
	if (atomic_dec_and_test(&scst_local_nr_sess_devs))
		wake_up(&scst_local_sess_devs_wq);
}

/*
 * Reads the session's LUN list with REPORT LUNS through @sdev into @buf
 * (@len bytes). SCST answers REPORT LUNS for any LUN number, even one it
 * no longer has. Returns the number of LUNs listed from byte 8 on, or a
 * negative errno.
 */
static int scst_local_report_luns(struct scsi_device *sdev, u8 *buf,
				  unsigned int len)
{
	u8 cdb[12] = { REPORT_LUNS };
	struct scsi_sense_hdr sshdr;
	const struct scsi_exec_args args = { .sshdr = &sshdr };
	int tries, res = -EIO;

	put_unaligned_be32(len, &cdb[6]);
	/* A unit attention (e.g. from a reset) is retried, as scans do. */
	for (tries = 0; tries < 3; tries++) {
		memset(buf, 0, 8);
		res = scsi_execute_cmd(sdev, cdb, REQ_OP_DRV_IN, buf, len,
				       SCST_LOCAL_REPORT_LUNS_TIMEOUT, 3, &args);
		if (res == 0)
			break;
		if (!scsi_sense_valid(&sshdr) ||
		    sshdr.sense_key != UNIT_ATTENTION)
			break;
	}
	if (res)
		return res < 0 ? res : -EIO;
	return min(get_unaligned_be32(buf), len - 8) / 8;
}

static bool scst_local_lun_listed(const u8 *buf, int n, u64 lun)
{
	int i;

	for (i = 0; i < n; i++)
		if (scsilun_to_int((struct scsi_lun *)(buf + 8 + 8 * i)) == lun)
			return true;
	return false;
}

/*
 * Removes the scsi_devices of LUNs that the session no longer has, as if
 * their disks had been unplugged. sd's final SYNCHRONIZE CACHE then fails
 * (SCST answers LOGICAL UNIT NOT SUPPORTED) and sd logs that, as it does
 * for any unplugged disk with a write cache.
 */
static void scst_local_remove_stale_luns(struct scst_local_sess *sess)
{
	struct Scsi_Host *shost = sess->shost;
	struct scsi_device *sdev, *via = NULL;
	u8 *buf;
	int n;

	/* The loop keeps a reference on the device it stops at. */
	shost_for_each_device(sdev, shost) {
		via = sdev;
		break;
	}
	if (!via)
		return;

	buf = kvzalloc(SCST_LOCAL_REPORT_LUNS_LEN, GFP_KERNEL);
	n = buf ? scst_local_report_luns(via, buf, SCST_LOCAL_REPORT_LUNS_LEN) :
		  -ENOMEM;
	scsi_device_put(via);
	if (n < 0) {
		pr_warn("%s: REPORT LUNS failed (%d), removed LUNs stay\n",
			dev_name(&sess->dev), n);
		goto out_free;
	}

	shost_for_each_device(sdev, shost) {
		if (scst_local_lun_listed(buf, n, sdev->lun))
			continue;
		sdev_printk(KERN_INFO, sdev, "LUN gone from the session, removing\n");
		/* Our reference keeps sdev on the host's list until the next step. */
		scsi_remove_device(sdev);
	}

out_free:
	kvfree(buf);
}

/* After a change of the session's LUNs: add the new ones, drop the gone. */
static void scst_local_scan_work_fn(struct work_struct *work)
{
	struct scst_local_sess *sess;

	sess = container_of(work, struct scst_local_sess, scan_work);
	scsi_scan_target(&sess->shost->shost_gendev, 0, 0, SCAN_WILD_CARD,
			 SCSI_SCAN_RESCAN);
	if (READ_ONCE(scst_local_remove_stale_devices))
		scst_local_remove_stale_luns(sess);
}

/*
 * Tears a session down. The caller owns it (set SCST_LOCAL_SESS_CLOSING).
 * The host goes first, while SCST still serves its commands, so that sd's
 * final SYNCHRONIZE CACHE succeeds. The session device, named after SCST's
 * session directory, leaves sysfs next: a client that sees the directory
 * gone may add a session of that name at once, and the new device must not
 * collide with the old one. Only then is SCST's session removed.
 */
static void scst_local_sess_teardown(struct scst_local_sess *sess)
{
	spin_lock_irq(&sess->scan_lock);
	clear_bit(SCST_LOCAL_SESS_READY, &sess->flags);
	spin_unlock_irq(&sess->scan_lock);
	cancel_work_sync(&sess->scan_work);
	/*
	 * sd probes a new disk asynchronously (capacity, cache mode,
	 * partition table). Removing the host under a running probe fails its
	 * commands and fills the log with I/O errors; let it finish first.
	 */
	async_synchronize_full();

	sysfs_remove_link(&sess->scst_sess->sess_kobj, "host");
	scsi_remove_host(sess->shost);
	device_del(&sess->dev);

	mutex_lock(&sess->tmf_mutex);
	sess->tmf_dead = true;
	mutex_unlock(&sess->tmf_mutex);

	scst_unregister_session(sess->scst_sess, 1, NULL);
	scsi_host_put(sess->shost);

	mutex_lock(&scst_local_mutex);
	list_del(&sess->sess_list_entry);
	WRITE_ONCE(scst_local_sess_gone_seq, scst_local_sess_gone_seq + 1);
	mutex_unlock(&scst_local_mutex);
	wake_up_all(&scst_local_sess_gone_wq);

	/* Freed once the host and its scsi_devices let go of the parent. */
	put_device(&sess->dev);
}

/*
 * Drops scst_local_mutex until some session has left its target's list,
 * then takes it again. Called with scst_local_mutex held.
 */
static void scst_local_wait_sess_gone(void)
{
	unsigned int seq = scst_local_sess_gone_seq;

	lockdep_assert_held(&scst_local_mutex);
	mutex_unlock(&scst_local_mutex);
	wait_event(scst_local_sess_gone_wq,
		   READ_ONCE(scst_local_sess_gone_seq) != seq);
	mutex_lock(&scst_local_mutex);
}

static void scst_local_remove_work_fn(struct work_struct *work)
{
	scst_local_sess_teardown(container_of(work, struct scst_local_sess,
					      remove_work));
}

static int scst_local_init_transport_id(struct scst_local_sess *sess)
{
	u8 lo = sess->seq & 0xff;
	u8 *tid;

	tid = kzalloc(SCST_LOCAL_TRANSPORT_ID_LEN, GFP_KERNEL);
	if (!tid)
		return -ENOMEM;
	/* SAS TransportID: protocol 6, SAS address 5FEEDE4x_x0ADE050. */
	tid[0] = SCSI_TRANSPORTID_PROTOCOLID_SAS;
	tid[4] = 0x5f;
	tid[5] = 0xee;
	tid[6] = 0xde;
	tid[7] = 0x40 | (lo >> 4);
	tid[8] = 0x0f | ((lo & 0x0f) << 4);
	tid[9] = 0xad;
	tid[10] = 0xe0;
	tid[11] = 0x50;
	sess->transport_id = tid;
	sess->transport_id_len = SCST_LOCAL_TRANSPORT_ID_LEN;
	return 0;
}

/* ------------------------------------------------------------------------
 * Add/remove pairs
 */

/* Creates a session and its SCSI host. Called with scst_local_mutex held. */
static int scst_local_sess_add(struct scst_local_tgt *tgt, const char *name)
{
	struct scst_local_sess *sess;
	struct Scsi_Host *shost;
	int res;

	sess = kzalloc(sizeof(*sess), GFP_KERNEL);
	if (!sess)
		return -ENOMEM;

	device_initialize(&sess->dev);
	sess->dev.parent = scst_local_root;
	sess->dev.release = scst_local_sess_release;
	atomic_inc(&scst_local_nr_sess_devs);

	sess->tgt = tgt;
	INIT_LIST_HEAD(&sess->sess_list_entry);
	spin_lock_init(&sess->scan_lock);
	spin_lock_init(&sess->tid_lock);
	mutex_init(&sess->tmf_mutex);
	INIT_WORK(&sess->scan_work, scst_local_scan_work_fn);
	INIT_WORK(&sess->remove_work, scst_local_remove_work_fn);
	sess->seq = atomic_inc_return(&scst_local_sess_seq);

	res = scst_local_init_transport_id(sess);
	if (res)
		goto out_put_dev;

	shost = scsi_host_alloc(&scst_local_template, sizeof(sess));
	if (!shost) {
		res = -ENOMEM;
		goto out_put_dev;
	}
	*(struct scst_local_sess **)shost_priv(shost) = sess;
	shost->max_id = 1;
	shost->max_channel = 0;
	shost->max_lun = SCST_MAX_LUN;
	shost->max_cmd_len = sizeof(((struct scsi_cmnd *)NULL)->cmnd);
	/*
	 * Several hardware queues with their own tags: the block layer gives
	 * such a device no I/O scheduler and issues a request in the
	 * submitter's context. A single-queue device (or one with shared
	 * tags) gets mq-deadline, which hands every request to kblockd: one
	 * more context switch per command. SCST orders and queues the
	 * commands itself. The tags are split so that a session still
	 * allocates about SCST_LOCAL_CAN_QUEUE requests in all.
	 */
	shost->nr_hw_queues = clamp_t(unsigned int, num_online_cpus(), 2,
				      SCST_LOCAL_MAX_HW_QUEUES);
	shost->can_queue = max_t(int, SCST_LOCAL_CAN_QUEUE / shost->nr_hw_queues,
				 SCST_LOCAL_CMD_PER_LUN);
	sess->shost = shost;

	sess->scst_sess = scst_register_session(tgt->scst_tgt, false, name,
						sess, NULL, NULL);
	if (!sess->scst_sess) {
		pr_err("registering session %s failed\n", name);
		res = -ENOMEM;
		goto out_put_host;
	}

	/* The Linux device is named like SCST's session directory. */
	res = dev_set_name(&sess->dev, "%s",
			   kobject_name(&sess->scst_sess->sess_kobj));
	if (res)
		goto out_unreg_sess;
	res = device_add(&sess->dev);
	if (res)
		goto out_unreg_sess;

	res = scsi_add_host(shost, &sess->dev);
	if (res)
		goto out_del_dev;

	res = sysfs_create_link(&sess->scst_sess->sess_kobj,
				&shost->shost_dev.kobj, "host");
	if (res)
		goto out_remove_host;

	list_add_tail(&sess->sess_list_entry, &tgt->sess_list);

	spin_lock_irq(&sess->scan_lock);
	set_bit(SCST_LOCAL_SESS_READY, &sess->flags);
	spin_unlock_irq(&sess->scan_lock);
	if (scst_initiator_has_luns(tgt->scst_tgt, name))
		schedule_work(&sess->scan_work);
	return 0;

out_remove_host:
	scsi_remove_host(shost);
out_del_dev:
	device_del(&sess->dev);
out_unreg_sess:
	scst_unregister_session(sess->scst_sess, 1, NULL);
out_put_host:
	scsi_host_put(shost);
out_put_dev:
	put_device(&sess->dev);
	return res;
}

/*
 * Asks for the removal of the oldest session of @tgt with initiator name
 * @name that is not already going away. Called with scst_local_mutex held.
 */
static int scst_local_sess_del(struct scst_local_tgt *tgt, const char *name)
{
	struct scst_local_sess *sess;

	list_for_each_entry(sess, &tgt->sess_list, sess_list_entry) {
		if (test_bit(SCST_LOCAL_SESS_CLOSING, &sess->flags) ||
		    strcmp(sess->scst_sess->initiator_name, name) != 0)
			continue;
		if (!test_and_set_bit(SCST_LOCAL_SESS_CLOSING, &sess->flags))
			schedule_work(&sess->remove_work);
		return 0;
	}
	pr_err("Session %s not found (target %s)\n", name,
	       scst_get_tgt_name(tgt->scst_tgt));
	return -EINVAL;
}

static struct scst_local_tgt *scst_local_tgt_find(const char *name)
{
	struct scst_local_tgt *tgt;

	lockdep_assert_held(&scst_local_mutex);
	list_for_each_entry(tgt, &scst_local_tgt_list, tgt_list_entry)
		if (strcmp(scst_get_tgt_name(tgt->scst_tgt), name) == 0)
			return tgt;
	return NULL;
}

/*
 * Whether a session of @tgt whose directory is named @name is still going
 * away. SCST frees a session's name only after its directory is gone, and
 * names a new session of a taken name <name>_1, <name>_2, ... Called with
 * scst_local_mutex held.
 */
static bool scst_local_sess_closing(struct scst_local_tgt *tgt,
				    const char *name)
{
	struct scst_local_sess *sess;

	list_for_each_entry(sess, &tgt->sess_list, sess_list_entry)
		if (test_bit(SCST_LOCAL_SESS_CLOSING, &sess->flags) &&
		    strcmp(dev_name(&sess->dev), name) == 0)
			return true;
	return false;
}

/*
 * Removes a target that is no longer on scst_local_tgt_list: its sessions
 * first (some may already be going away in remove_work), then the target.
 */
static void scst_local_tgt_remove(struct scst_local_tgt *tgt)
{
	struct scst_local_sess *sess;
	bool found;

	for (;;) {
		found = false;
		mutex_lock(&scst_local_mutex);
		list_for_each_entry(sess, &tgt->sess_list, sess_list_entry) {
			if (!test_and_set_bit(SCST_LOCAL_SESS_CLOSING,
					      &sess->flags)) {
				found = true;
				break;
			}
		}
		mutex_unlock(&scst_local_mutex);
		if (!found)
			break;
		scst_local_sess_teardown(sess);
	}

	/* Sessions that remove_work is still tearing down. */
	mutex_lock(&scst_local_mutex);
	while (!list_empty(&tgt->sess_list))
		scst_local_wait_sess_gone();
	mutex_unlock(&scst_local_mutex);

	scst_unregister_target(tgt->scst_tgt);
	kfree(tgt);
}

/* Registers a target. Called with scst_local_mutex held. */
static struct scst_local_tgt *scst_local_tgt_add(const char *name, int *err)
{
	struct scst_local_tgt *tgt;

	tgt = kzalloc(sizeof(*tgt), GFP_KERNEL);
	if (!tgt) {
		*err = -ENOMEM;
		return NULL;
	}
	INIT_LIST_HEAD(&tgt->sess_list);

	tgt->scst_tgt = scst_register_target(&scst_local_tgt_template, name);
	if (!tgt->scst_tgt) {
		/* SCST does not say why; EFAULT is what clients know. */
		kfree(tgt);
		*err = -EFAULT;
		return NULL;
	}
	scst_tgt_set_tgt_priv(tgt->scst_tgt, tgt);
	list_add_tail(&tgt->tgt_list_entry, &scst_local_tgt_list);
	return tgt;
}

/* Unlinks and removes a target after a failed add_target. Mutex held. */
static void scst_local_tgt_undo(struct scst_local_tgt *tgt)
{
	list_del(&tgt->tgt_list_entry);
	mutex_unlock(&scst_local_mutex);
	scst_local_tgt_remove(tgt);
	mutex_lock(&scst_local_mutex);
}

/* add_target <name> [session_name=<s>[;session_name=<s2>...]] */
static ssize_t scst_local_add_target(const char *target_name, char *params)
{
	struct scst_local_tgt *tgt;
	char *tok, *name, *value;
	int res = 0;

	mutex_lock(&scst_local_mutex);
	if (scst_local_unloading) {
		res = -ENOENT;
		goto out_unlock;
	}
	tgt = scst_local_tgt_add(target_name, &res);
	if (!tgt)
		goto out_unlock;

	while ((tok = scst_get_next_token_str(&params)) != NULL) {
		name = scst_get_next_lexem(&tok);
		if (*name == '\0')
			break;
		if (strcasecmp(name, "session_name") != 0) {
			pr_err("Unknown parameter %s\n", name);
			res = -EINVAL;
			break;
		}
		value = scst_get_next_lexem(&tok);
		if (*value == '\0') {
			pr_err("Wrong session name\n");
			res = -EINVAL;
			break;
		}
		res = scst_local_sess_add(tgt, value);
		if (res)
			break;
	}
	if (res)
		scst_local_tgt_undo(tgt);

out_unlock:
	mutex_unlock(&scst_local_mutex);
	return res;
}

static ssize_t scst_local_del_target(const char *target_name)
{
	struct scst_local_tgt *tgt;

	mutex_lock(&scst_local_mutex);
	tgt = scst_local_unloading ? NULL : scst_local_tgt_find(target_name);
	if (!tgt) {
		mutex_unlock(&scst_local_mutex);
		pr_err("Target %s not found\n", target_name);
		return -ENOENT;
	}
	list_del(&tgt->tgt_list_entry);
	mutex_unlock(&scst_local_mutex);

	scst_local_tgt_remove(tgt);
	return 0;
}

/* add_session/del_session <tgt> <sess>; other verbs succeed silently. */
static ssize_t scst_local_mgmt_cmd(char *cmd)
{
	char *p = cmd, *verb, *tgt_name, *sess_name;
	struct scst_local_tgt *tgt;
	int res = 0;

	verb = scst_get_next_lexem(&p);
	tgt_name = scst_get_next_lexem(&p);
	if (*tgt_name == '\0') {
		pr_err("Target name required\n");
		return -EINVAL;
	}

	mutex_lock(&scst_local_mutex);
	tgt = scst_local_unloading ? NULL : scst_local_tgt_find(tgt_name);
	if (!tgt) {
		pr_err("Target %s not found\n", tgt_name);
		res = -EINVAL;
		goto out_unlock;
	}
	sess_name = scst_get_next_lexem(&p);
	if (*sess_name == '\0') {
		pr_err("Session name required\n");
		res = -EINVAL;
		goto out_unlock;
	}

	if (strcasecmp(verb, "add_session") == 0) {
		/*
		 * A session of that name still going away (del_session
		 * returns before it is gone) first finishes, so that the new
		 * one gets the plain name, not <name>_1.
		 */
		while (scst_local_sess_closing(tgt, sess_name)) {
			scst_local_wait_sess_gone();
			tgt = scst_local_unloading ? NULL :
				scst_local_tgt_find(tgt_name);
			if (!tgt) {
				pr_err("Target %s not found\n", tgt_name);
				res = -EINVAL;
				goto out_unlock;
			}
		}
		res = scst_local_sess_add(tgt, sess_name);
	} else if (strcasecmp(verb, "del_session") == 0) {
		res = scst_local_sess_del(tgt, sess_name);
	}

out_unlock:
	mutex_unlock(&scst_local_mutex);
	return res;
}

/* ------------------------------------------------------------------------
 * Module init and exit
 */

static int __init scst_local_init(void)
{
	struct scst_local_tgt *tgt;
	int res;

	scst_local_root = root_device_register(SCST_LOCAL_DRV_NAME);
	if (IS_ERR(scst_local_root))
		return PTR_ERR(scst_local_root);

	res = scst_register_target_template(&scst_local_tgt_template);
	if (res) {
		pr_err("registering the target template failed: %d\n", res);
		goto out_unreg_root;
	}

	if (scst_local_add_default_tgt) {
		mutex_lock(&scst_local_mutex);
		tgt = scst_local_tgt_add(SCST_LOCAL_DEFAULT_TGT, &res);
		if (tgt) {
			res = scst_local_sess_add(tgt, SCST_LOCAL_DEFAULT_SESS);
			if (res)
				scst_local_tgt_undo(tgt);
		}
		mutex_unlock(&scst_local_mutex);
		if (res)
			goto out_unreg_tgtt;
	}

	pr_info("loaded, version %s\n", SCST_LOCAL_VERSION);
	return 0;

out_unreg_tgtt:
	scst_unregister_target_template(&scst_local_tgt_template);
	wait_event(scst_local_sess_devs_wq,
		   atomic_read(&scst_local_nr_sess_devs) == 0);
out_unreg_root:
	root_device_unregister(scst_local_root);
	return res;
}

static void __exit scst_local_exit(void)
{
	struct scst_local_tgt *tgt, *tmp;
	LIST_HEAD(doomed);

	mutex_lock(&scst_local_mutex);
	scst_local_unloading = true;
	list_splice_init(&scst_local_tgt_list, &doomed);
	mutex_unlock(&scst_local_mutex);

	/* Hosts and their disks go before the target template does. */
	list_for_each_entry_safe(tgt, tmp, &doomed, tgt_list_entry) {
		list_del(&tgt->tgt_list_entry);
		scst_local_tgt_remove(tgt);
	}

	scst_unregister_target_template(&scst_local_tgt_template);

	/* No scsi_device may outlive the host template it points at. */
	wait_event(scst_local_sess_devs_wq,
		   atomic_read(&scst_local_nr_sess_devs) == 0);
	root_device_unregister(scst_local_root);
	pr_info("unloaded\n");
}

module_init(scst_local_init);
module_exit(scst_local_exit);

MODULE_AUTHOR("scst-manager authors");
MODULE_DESCRIPTION("SCST local target driver: SCST devices as local SCSI disks");
MODULE_LICENSE("GPL");
