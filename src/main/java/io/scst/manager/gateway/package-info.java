/**
 * The Spring wiring of the sysfs gateway: the {@code scst.*} properties and the choice
 * between the kernel tree and the embedded simulator.
 */
@NullMarked
package io.scst.manager.gateway;

import org.jspecify.annotations.NullMarked;
