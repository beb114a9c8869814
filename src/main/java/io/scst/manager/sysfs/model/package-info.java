/**
 * A typed, read-through model of SCST's sysfs tree in the style of rtslib-fb: small
 * immutable handles over paths ({@link io.scst.manager.sysfs.model.Scst},
 * {@link io.scst.manager.sysfs.model.DeviceNode},
 * {@link io.scst.manager.sysfs.model.TargetNode},
 * {@link io.scst.manager.sysfs.model.SessionNode}, ...) that read the tree again on every
 * access and keep nothing. Lookups answer handles; whether the object is there is asked
 * with {@code exists()}. Only reads live here: every change still goes through
 * {@link io.scst.manager.sysfs.MgmtCommand} and the change pipeline.
 */
@NullMarked
package io.scst.manager.sysfs.model;

import org.jspecify.annotations.NullMarked;
