/**
 * scst-manager: a REST management server for the SCST SCSI target subsystem.
 */
@NullMarked
package io.scst.manager;

import org.jspecify.annotations.NullMarked;
