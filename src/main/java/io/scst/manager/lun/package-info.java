/**
 * LUNs: the LUN set of a target or of one of its initiator groups.
 */
@NullMarked
package io.scst.manager.lun;

import org.jspecify.annotations.NullMarked;
