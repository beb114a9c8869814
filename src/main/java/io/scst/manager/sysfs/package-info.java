/**
 * The sysfs gateway: the only code that knows SCST's file names, {@code mgmt} verbs,
 * {@code [key]} markers and the {@code EAGAIN}/{@code last_sysfs_mgmt_res} protocol.
 */
@NullMarked
package io.scst.manager.sysfs;

import org.jspecify.annotations.NullMarked;
