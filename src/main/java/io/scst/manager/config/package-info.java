/**
 * The desired state: scstadmin's {@code scst.conf} format read and written, the live
 * configuration exported, plans and applies with rollback, persistence of the saved
 * state, drift and restore on start.
 */
@NullMarked
package io.scst.manager.config;

import org.jspecify.annotations.NullMarked;
