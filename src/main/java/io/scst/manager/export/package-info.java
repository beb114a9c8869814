/**
 * The composite export of a device to an initiator ({@code /api/v1/exports}): initiator
 * group, initiator entry and LUN in one request.
 */
@NullMarked
package io.scst.manager.export;

import org.jspecify.annotations.NullMarked;
