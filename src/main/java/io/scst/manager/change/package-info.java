/**
 * The one path every change to SCST takes: a request, the config apply and the restore at
 * start describe their writes as {@link io.scst.manager.change.Step steps}, and
 * {@link io.scst.manager.change.ChangePipeline} checks all of them (names and values,
 * then policy) before the first write, writes them in order and undoes the done ones when
 * one fails.
 */
@NullMarked
package io.scst.manager.change;

import org.jspecify.annotations.NullMarked;
