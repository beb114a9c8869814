/**
 * The embedded simulator as a FUSE filesystem: the same tree, contents and errno values
 * as {@code /sys/kernel/scst_tgt} for any tool ({@code echo}, {@code cat},
 * {@code scstadmin}), from the {@code mount-simulator} command or the server option
 * {@code scst.simulator.mount}.
 */
@NullMarked
package io.scst.manager.mount;

import org.jspecify.annotations.NullMarked;
