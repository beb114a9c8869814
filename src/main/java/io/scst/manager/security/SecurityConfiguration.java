package io.scst.manager.security;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import io.scst.manager.gateway.SysfsGateway;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Authentication (bearer API tokens, HTTP Basic), the role rules per URL, the request
 * size limit, the backing-file policy and the audit log.
 *
 * <p>
 * Rules, first match wins: health and the OpenAPI document are open;
 * {@code /actuator/prometheus} needs viewer or scraper; {@code /api/v1/audit} needs
 * admin; every other GET/HEAD/OPTIONS needs viewer; changes to sessions, LUNs, initiator
 * groups (and their initiators) and exports need operator; every other request needs
 * admin (devices, handlers, targets, target drivers, configuration apply).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScstSecurityProperties.class)
class SecurityConfiguration {

	/** Order of the audit filter: before everything else, Spring Security included. */
	static final int AUDIT_FILTER_ORDER = -300;

	/** Order of the body size filter: after the audit filter, before Spring Security. */
	static final int BODY_SIZE_FILTER_ORDER = -250;

	private static final String TARGET = "/api/v1/target-drivers/*/targets/*";

	/** Where operators may change things (each pattern also matches its base path). */
	static final String[] OPERATOR_PATHS = { TARGET + "/sessions/**", TARGET + "/luns/**", TARGET + "/ini-groups/**",
			"/api/v1/exports/**" };

	@Bean
	AccessDecision accessDecision(SysfsGateway gateway, Environment environment, ScstSecurityProperties properties) {
		return AccessDecision.decide(gateway.simulated(), environment.getProperty("server.address"), properties);
	}

	@Bean
	BackingFilePolicy backingFilePolicy(SysfsGateway gateway, ScstSecurityProperties properties) {
		return BackingFilePolicy.of(gateway.simulated(), properties.backingFiles());
	}

	@Bean
	ProblemResponses securityProblemResponses(JsonMapper mapper) {
		return new ProblemResponses(mapper);
	}

	@Bean
	RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.fromHierarchy(Role.HIERARCHY);
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	@Bean
	UserDetailsService userDetailsService(ScstSecurityProperties properties) {
		List<UserDetails> users = new ArrayList<>();
		for (ScstSecurityProperties.User user : properties.users()) {
			users.add(User.withUsername(user.name())
				.password(user.passwordHash())
				.authorities(user.role().authority())
				.build());
		}
		return new InMemoryUserDetailsManager(users);
	}

	@Bean
	ApiTokens apiTokens(ScstSecurityProperties properties) {
		return new ApiTokens(properties.tokenFile());
	}

	@Bean
	AuditRecorder auditRecorder() {
		return new AuditRecorder();
	}

	@Bean
	SystemAudit systemAudit(AuditRecorder recorder, AuditLog log) {
		return new SystemAudit(recorder, log);
	}

	@Bean
	AuditLog auditLog(ScstSecurityProperties properties, JsonMapper mapper) {
		return new AuditLog(properties.auditFile(), properties.auditMaxSize().toBytes(), properties.auditKeep(),
				mapper);
	}

	@Bean
	FilterRegistrationBean<AuditFilter> auditFilter(AuditRecorder recorder, AuditLog log) {
		FilterRegistrationBean<AuditFilter> registration = new FilterRegistrationBean<>(new AuditFilter(recorder, log));
		registration.setOrder(AUDIT_FILTER_ORDER);
		return registration;
	}

	@Bean
	FilterRegistrationBean<BodySizeFilter> bodySizeFilter(ScstSecurityProperties properties,
			ProblemResponses problems) {
		FilterRegistrationBean<BodySizeFilter> registration = new FilterRegistrationBean<>(
				new BodySizeFilter(properties.maxBodySize().toBytes(), problems));
		registration.setOrder(BODY_SIZE_FILTER_ORDER);
		return registration;
	}

	/**
	 * Spring Security's strict firewall with its own rules for header names and values
	 * and parameter names, checked by a loop first: a name or value of printable ASCII
	 * passes those rules, anything else is checked by them as before. The rules are
	 * regular expressions, run for every header the application asks for (Spring MVC asks
	 * for a few dozen per request), which cost a few percent of a small answer.
	 */
	@Bean
	static HttpFirewall httpFirewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(printableAsciiOr(StrictHttpFirewall.ALLOWED_HEADER_NAMES));
		firewall.setAllowedHeaderValues(printableAsciiOr(StrictHttpFirewall.ALLOWED_HEADER_VALUES));
		firewall.setAllowedParameterNames(printableAsciiOr(StrictHttpFirewall.ALLOWED_PARAMETER_NAMES));
		return firewall;
	}

	/**
	 * Accepts printable ASCII (space to tilde, every character assigned and none a
	 * control character) at once, and asks the given rule about anything else.
	 */
	static Predicate<String> printableAsciiOr(Predicate<String> rule) {
		return (text) -> {
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c < ' ' || c > '~') {
					return rule.test(text);
				}
			}
			return true;
		};
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, AccessDecision access, ApiTokens tokens,
			ProblemResponses problems, AuditRecorder recorder) throws Exception {
		http.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable())
			.httpBasic((basic) -> basic.authenticationEntryPoint(problems))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.anonymous((anonymous) -> {
				anonymous.principal("anonymous");
				if (access.anonymousAdmin()) {
					anonymous.authorities(Role.ADMIN.authority());
				}
			})
			.addFilterBefore(new BearerTokenFilter(tokens, problems), BasicAuthenticationFilter.class)
			.addFilterBefore(new PrincipalRecordingFilter(recorder), AuthorizationFilter.class)
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/actuator/health", "/actuator/health/**", "/error", "/v3/api-docs", "/v3/api-docs/**",
						"/swagger-ui.html", "/swagger-ui/**")
				.permitAll()
				.requestMatchers("/actuator/prometheus")
				.hasAnyRole(Role.VIEWER.name(), Role.SCRAPER.name())
				.requestMatchers("/api/v1/audit", "/api/v1/audit/**")
				.hasRole(Role.ADMIN.name())
				.requestMatchers(HttpMethod.GET)
				.hasRole(Role.VIEWER.name())
				.requestMatchers(HttpMethod.HEAD)
				.hasRole(Role.VIEWER.name())
				.requestMatchers(HttpMethod.OPTIONS)
				.hasRole(Role.VIEWER.name())
				.requestMatchers(OPERATOR_PATHS)
				.hasRole(Role.OPERATOR.name())
				.anyRequest()
				.hasRole(Role.ADMIN.name()));
		return http.build();
	}

}
