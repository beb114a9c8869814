/**
 * The event stream ({@code GET /api/v1/events}, Server-Sent Events) of changes made
 * through the API, and the tree watcher that reports changes made behind its back.
 */
@NullMarked
package io.scst.manager.events;

import org.jspecify.annotations.NullMarked;
