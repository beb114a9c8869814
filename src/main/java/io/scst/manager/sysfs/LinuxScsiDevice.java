package io.scst.manager.sysfs;

import org.jspecify.annotations.Nullable;

/**
 * A Linux SCSI device as the kernel shows it: one line of {@code lsscsi -g}.
 *
 * @param address the SCSI address {@code H:C:T:L}
 * @param lun the LUN ({@code L})
 * @param type the peripheral type as {@code lsscsi} names it ({@code disk},
 * {@code cd/dvd}, ...)
 * @param vendor the INQUIRY vendor
 * @param model the INQUIRY product
 * @param revision the INQUIRY revision
 * @param blockDevice the block node ({@code /dev/sdX}, {@code /dev/srN}), or {@code null}
 * @param genericDevice the SCSI generic node ({@code /dev/sgN}), or {@code null}
 */
public record LinuxScsiDevice(String address, int lun, String type, String vendor, String model, String revision,
		@Nullable String blockDevice, @Nullable String genericDevice) {

}
