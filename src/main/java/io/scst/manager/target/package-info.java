/**
 * Target drivers and their targets: listing, creating (where the driver can), reading and
 * changing attributes, deleting.
 */
@NullMarked
package io.scst.manager.target;

import org.jspecify.annotations.NullMarked;
