/**
 * Cross-cutting wiring: configuration properties, the choice of sysfs gateway, and the
 * one place where exceptions become RFC 9457 problem responses.
 */
@NullMarked
package io.scst.manager.system;

import org.jspecify.annotations.NullMarked;
