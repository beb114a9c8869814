/**
 * Initiator groups of a target and the initiator entries (name patterns) in them.
 */
@NullMarked
package io.scst.manager.group;

import org.jspecify.annotations.NullMarked;
