package io.scst.manager.sysfs.simulation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.scst.manager.sysfs.Errno;
import io.scst.manager.sysfs.ScstPath;

/**
 * One write attempt seen by the simulator, successful or not.
 *
 * @param time when it arrived
 * @param path the file
 * @param data the bytes written, as ISO-8859-1 text
 * @param errno the errno returned to the writer ({@code EAGAIN} for a write whose work
 * went on in the background), or {@code null} on success
 */
public record WriteRecord(Instant time, ScstPath path, String data, @Nullable Errno errno) {
}
