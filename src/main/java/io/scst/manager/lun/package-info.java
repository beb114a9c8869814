/**
 * LUN sets, initiator groups and their initiator entries, and the composite export of a
 * device to an initiator.
 */
@NullMarked
package io.scst.manager.lun;

import org.jspecify.annotations.NullMarked;
