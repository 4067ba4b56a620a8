package org.community.conventions.http;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * How request bodies are read, in every service:
 * <ul>
 * <li>a JSON object that names a field twice is refused (400 naming the field), instead of the last value silently
 * winning;</li>
 * <li>a string holding the NUL character (U+0000) is refused (400 naming the field): PostgreSQL cannot store it, and
 * no name, title or note needs it.</li>
 * </ul>
 */
@Singleton
public class JsonConventions implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.registerModule(new SimpleModule("community-conventions").addDeserializer(String.class, new NulFreeStrings()));
    }

    /** A string value with a NUL character; the exception carries the JSON path of the field. */
    public static class NulCharacterException extends MismatchedInputException {

        NulCharacterException(JsonParser parser) {
            super(parser, "String value contains the NUL character (U+0000)", String.class);
        }
    }

    static final class NulFreeStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\0') >= 0) {
                throw new NulCharacterException(parser);
            }
            return value;
        }
    }
}
