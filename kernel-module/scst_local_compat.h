/* SPDX-License-Identifier: GPL-2.0 */
/*
 * scst_local - version shims. Each one is named after the modern kernel API
 * it stands in for, so that scst_local.c is written against that API only.
 */
#ifndef _SCST_LOCAL_COMPAT_H
#define _SCST_LOCAL_COMPAT_H

#include <linux/version.h>
#include <linux/sysfs.h>
#include <scsi/scsi_cmnd.h>
#include <scsi/scsi_device.h>
#include <scsi/scsi_host.h>

/* The unaligned access helpers moved out of asm/ in 6.12. */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
#include <linux/unaligned.h>
#else
#include <asm/unaligned.h>
#endif

#if LINUX_VERSION_CODE < KERNEL_VERSION(5, 16, 0)
/* scsi_done() replaced the per-command done pointer in 5.16. */
static inline void scsi_done(struct scsi_cmnd *sc)
{
	sc->scsi_done(sc);
}
#endif

#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 1, 0)
/* Before 6.1 only the completion through the block softirq exists. */
static inline void scsi_done_direct(struct scsi_cmnd *sc)
{
	scsi_done(sc);
}
#endif

#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 3, 0)
/* scsi_execute_cmd() and its argument struct replaced scsi_execute_req(). */
struct scsi_exec_args {
	struct scsi_sense_hdr *sshdr;
};

static inline int scsi_execute_cmd(struct scsi_device *sdev,
				   const unsigned char *cmd, unsigned int opf,
				   void *buffer, unsigned int bufflen,
				   int timeout, int retries,
				   const struct scsi_exec_args *args)
{
	return scsi_execute_req(sdev, cmd,
				opf == REQ_OP_DRV_OUT ? DMA_TO_DEVICE :
							DMA_FROM_DEVICE,
				buffer, bufflen, args->sshdr, timeout, retries,
				NULL);
}
#endif

#if LINUX_VERSION_CODE < KERNEL_VERSION(5, 10, 0)
static inline int sysfs_emit(char *buf, const char *fmt, ...)
{
	va_list args;
	int len;

	va_start(args, fmt);
	len = vscnprintf(buf, PAGE_SIZE, fmt, args);
	va_end(args);
	return len;
}
#endif

/*
 * Before 6.4 the midlayer takes a non-const host template, and on 6.1 it
 * even writes to it: scsi_device_dev_release() clears hostt->module when
 * the module is going away. The template must then live in writable
 * memory; from 6.4 on it is const.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 4, 0)
#define scst_local_hostt_const const
#else
#define scst_local_hostt_const
#endif

#endif /* _SCST_LOCAL_COMPAT_H */
