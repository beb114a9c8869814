/**
 * Device handlers and the devices they create: list, create, read, change, delete and
 * resync SCST devices.
 */
@NullMarked
package io.scst.manager.device;

import org.jspecify.annotations.NullMarked;
