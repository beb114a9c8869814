/**
 * An in-memory SCST that answers sysfs reads and writes like the kernel does.
 */
@NullMarked
package io.scst.manager.sysfs.simulation;

import org.jspecify.annotations.NullMarked;
