package org.community.conventions.http;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import org.community.conventions.problem.ProblemException;

/**
 * A query parameter whose value does not convert (an unknown enum constant, an id that is no UUID) is the caller's
 * mistake in that parameter: 400 naming it and, for an enum, the values it accepts. JAX-RS would answer 404, as if
 * the list itself did not exist. Path parameters keep their 404: a malformed id names no resource.
 */
@Provider
public class ParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = queryParameter(annotations);
        if (name == null) {
            return null;
        }
        if (rawType.isEnum()) {
            return (ParamConverter<T>) new EnumConverter(name, (Class<? extends Enum>) rawType);
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) new UuidConverter(name);
        }
        return null;
    }

    private static String queryParameter(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
        }
        return null;
    }

    private record EnumConverter<E extends Enum<E>>(String name, Class<E> type) implements ParamConverter<E> {

        @Override
        public E fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, value);
            } catch (IllegalArgumentException e) {
                String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
                throw ProblemException.badField(name, "badEnum", value, allowed);
            }
        }

        @Override
        public String toString(E value) {
            return value == null ? null : value.name();
        }
    }

    private record UuidConverter(String name) implements ParamConverter<UUID> {

        @Override
        public UUID fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return UUID.fromString(value);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badField(name, "badUuid", value);
            }
        }

        @Override
        public String toString(UUID value) {
            return value == null ? null : value.toString();
        }
    }
}
