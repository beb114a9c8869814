package io.scst.manager.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC's request mapping, which tries a mapping's path before its other conditions.
 * A path with variables (every object below a target) is matched against every mapping of
 * the application, and Spring tries the method condition first, which asks the request
 * for its method three or four times through every request wrapper of the filter chain: a
 * few percent of a small list's whole cost. The path patterns reject all mappings but one
 * or two at once. A mapping matches exactly when all its conditions do, in any order, so
 * the mapping found is the same.
 */
class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

	@Override
	protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
		PathPatternsRequestCondition paths = info.getPathPatternsCondition();
		if (paths != null && paths.getMatchingCondition(request) == null) {
			return null;
		}
		return super.getMatchingMapping(info, request);
	}

}
