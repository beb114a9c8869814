/**
 * Health contributors: the SCST tree, the sysfs gateway, scst_local and the saved
 * configuration.
 */
@NullMarked
package io.scst.manager.health;

import org.jspecify.annotations.NullMarked;
