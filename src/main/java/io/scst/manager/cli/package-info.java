/**
 * The commands run instead of the server when the first argument names one:
 * {@code mount-simulator}, {@code healthcheck} and {@code create-token}.
 */
@NullMarked
package io.scst.manager.cli;

import org.jspecify.annotations.NullMarked;
