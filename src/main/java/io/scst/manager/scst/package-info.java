/**
 * The SCST core as a whole: version, global settings, target drivers and handlers, and
 * its health.
 */
@NullMarked
package io.scst.manager.scst;

import org.jspecify.annotations.NullMarked;
