package io.scst.manager.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Inside the security filter chain, after authentication and before authorisation: notes
 * who is making the change for the audit entry (the security context is gone by the time
 * the audit filter writes it).
 */
final class PrincipalRecordingFilter extends OncePerRequestFilter {

	private final AuditRecorder recorder;

	PrincipalRecordingFilter(AuditRecorder recorder) {
		this.recorder = recorder;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		AuditRecorder.Recording recording = this.recorder.current();
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (recording != null && authentication != null) {
			recording.principal(authentication.getName());
		}
		chain.doFilter(request, response);
	}

}
