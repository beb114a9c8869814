package io.scst.manager.bench;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The floor for list-endpoint throughput: a bare Spring MVC endpoint returning a
 * constant. Test code, and only present in a server started by the benchmarks (with
 * {@code scst.bench.constant=true}).
 */
@RestController
@ConditionalOnProperty("scst.bench.constant")
class ConstantController {

	static final String PATH = "/bench/constant";

	@GetMapping(PATH)
	String constant() {
		return "constant";
	}

}
