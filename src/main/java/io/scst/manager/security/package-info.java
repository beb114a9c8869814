/**
 * Who may do what: API tokens and HTTP Basic users with roles, the access rules per URL,
 * the backing-file policy for device files, request size limits and the audit log of
 * every change attempt.
 */
@NullMarked
package io.scst.manager.security;

import org.jspecify.annotations.NullMarked;
