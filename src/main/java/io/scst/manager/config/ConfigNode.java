package io.scst.manager.config;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One entry of an {@code scst.conf} file as written: its tokens and, when it opens a
 * block, the entries inside. Used for blocks and entries the model does not know, so that
 * they are written back as they came.
 *
 * @param tokens the entry's tokens, e.g. {@code [DEVICE_GROUP, dg1]}
 * @param block whether the entry opens a block ({@code {...}})
 * @param children the entries inside the block
 */
@Schema(description = "An scst.conf entry the model does not know, kept as written")
public record ConfigNode(List<String> tokens, boolean block, List<ConfigNode> children) {

	public ConfigNode {
		tokens = ScstConfig.copy(tokens);
		children = ScstConfig.copy(children);
	}

	String keyword() {
		return this.tokens.isEmpty() ? "" : this.tokens.get(0);
	}

}
