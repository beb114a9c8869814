/**
 * Cross-cutting HTTP: the one place where exceptions become RFC 9457 problem responses,
 * entity tags and {@code If-Match}, content negotiation, the order of reads and changes,
 * paging of lists and the OpenAPI document.
 */
@NullMarked
package io.scst.manager.web;

import org.jspecify.annotations.NullMarked;
