package io.scst.manager.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.server.ServerHttpResponse;

/**
 * The JSON converter, which can also give a body its {@code ETag} while writing it: a
 * body that {@link EntityTagAdvice} hands over as {@link Tagged} is written as always,
 * into memory first; the tag is the hash of those bytes, set before they go out. Before,
 * the advice wrote the body once more only to hash it: a second serialization of every
 * answer, the biggest single cost of a list of a few thousand names. The bytes are the
 * ones {@link EntityTags#of(Object)} hashes (the same mapper writes the same object), so
 * the tag is the same as before and as {@code If-Match} computes it. When the request's
 * {@code If-None-Match} has the tag, the answer is {@code 304 Not Modified} and the bytes
 * are not sent.
 */
class TaggingJsonHttpMessageConverter extends JacksonJsonHttpMessageConverter {

	TaggingJsonHttpMessageConverter(JsonMapper mapper) {
		super(mapper);
	}

	@Override
	protected void writeInternal(Object object, ResolvableType resolvableType, HttpOutputMessage outputMessage,
			@Nullable Map<String, Object> hints) throws IOException, HttpMessageNotWritableException {
		if (!(object instanceof Tagged tagged)) {
			super.writeInternal(object, resolvableType, outputMessage, hints);
			return;
		}
		Buffer buffer = new Buffer();
		super.writeInternal(tagged.body(), resolvableType, new HttpOutputMessage() {

			@Override
			public OutputStream getBody() {
				return buffer;
			}

			@Override
			public HttpHeaders getHeaders() {
				return outputMessage.getHeaders();
			}

		}, hints);
		String tag = buffer.tag();
		outputMessage.getHeaders().setETag(tag);
		if (outputMessage instanceof ServerHttpResponse response
				&& EntityTags.matchesIfNoneMatch(tag, tagged.ifNoneMatch())) {
			response.setStatusCode(HttpStatus.NOT_MODIFIED);
			return;
		}
		buffer.writeTo(outputMessage.getBody());
	}

	/**
	 * A body to write with its entity tag.
	 *
	 * @param body what the handler answered
	 * @param ifNoneMatch the request's {@code If-None-Match} values: when one has the
	 * tag, the answer is {@code 304 Not Modified} without the body
	 */
	record Tagged(Object body, List<String> ifNoneMatch) {

	}

	/** The bytes written, readable without a copy. */
	private static final class Buffer extends ByteArrayOutputStream {

		Buffer() {
			super(1024);
		}

		String tag() {
			return EntityTags.ofJson(this.buf, this.count);
		}

	}

}
