/**
 * Sessions of a target: listing, reading (counters, TransportID, LUNs and the Linux SCSI
 * devices behind them), creating and deleting scst_local sessions.
 */
@NullMarked
package io.scst.manager.session;

import org.jspecify.annotations.NullMarked;
