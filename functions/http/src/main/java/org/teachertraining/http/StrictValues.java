package org.teachertraining.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The value types of request bodies, read strictly, so nothing is coerced, truncated or stored that a person
 * cannot see: strings only from JSON strings (never from numbers or booleans), without control characters
 * other than tab and line breaks, without bidirectional overrides or isolates, without lone surrogates;
 * dates exactly {@code yyyy-MM-dd} and times with an offset, both between {@value #MIN_YEAR} and
 * {@value #MAX_YEAR} (a date-time is no date, and a date no time); numbers of at most
 * {@value #MAX_DIGITS} digits and {@value #MAX_SCALE} decimals, so no exponent like 1e-999999999 reaches a
 * computation.
 */
final class StrictValues {
    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 2100;
    static final int MAX_DIGITS = 30;
    static final int MAX_SCALE = 10;

    private StrictValues() {}

    static SimpleModule module() {
        var m = new SimpleModule("strict-values");
        m.addDeserializer(String.class, new Text());
        m.addDeserializer(LocalDate.class, new Date());
        m.addDeserializer(OffsetDateTime.class, new DateTime());
        m.addDeserializer(Instant.class, new InstantValue());
        m.addDeserializer(BigDecimal.class, new Decimal());
        return m;
    }

    static final class Text extends JsonDeserializer<String> {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String s = p.getText();
            String problem = org.teachertraining.core.common.PlainText.problem(s);
            if (problem != null) {
                throw InvalidFormatException.from(p, "contains " + problem, org.teachertraining.core.common.PlainText.quote(s), String.class);
            }
            return s;
        }
    }

    static final class Date extends JsonDeserializer<LocalDate> {
        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            String s = p.getText();
            try {
                if (s.length() != 10) throw new DateTimeParseException("not yyyy-MM-dd", s, 0);
                var d = LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE);
                if (d.getYear() < MIN_YEAR || d.getYear() > MAX_YEAR) throw new DateTimeParseException("year out of range", s, 0);
                return d;
            } catch (DateTimeParseException e) {
                throw InvalidFormatException.from(p, "not a date yyyy-MM-dd between " + MIN_YEAR + " and " + MAX_YEAR, org.teachertraining.core.common.PlainText.quote(s), LocalDate.class);
            }
        }
    }

    static final class DateTime extends JsonDeserializer<OffsetDateTime> {
        @Override
        public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) return (OffsetDateTime) ctxt.handleUnexpectedToken(OffsetDateTime.class, p);
            String s = p.getText();
            try {
                if (s.length() > 40) throw new DateTimeParseException("too long", s, 0);
                var t = OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                if (t.getYear() < MIN_YEAR || t.getYear() > MAX_YEAR) throw new DateTimeParseException("year out of range", s, 0);
                return t;
            } catch (DateTimeParseException e) {
                throw InvalidFormatException.from(p, "not a time with offset between " + MIN_YEAR + " and " + MAX_YEAR, org.teachertraining.core.common.PlainText.quote(s), OffsetDateTime.class);
            }
        }
    }

    static final class InstantValue extends JsonDeserializer<Instant> {
        private final DateTime delegate = new DateTime();

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return delegate.deserialize(p, ctxt).toInstant();
        }
    }

    static final class Decimal extends JsonDeserializer<BigDecimal> {
        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.currentToken().isNumeric()) return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p);
            String raw = p.getText();
            if (raw.length() > MAX_DIGITS + 8) {
                throw InvalidFormatException.from(p, "a number of at most " + MAX_DIGITS + " digits", org.teachertraining.core.common.PlainText.quote(raw), BigDecimal.class);
            }
            var d = p.getDecimalValue();
            if (d.precision() > MAX_DIGITS || d.scale() > MAX_SCALE || d.scale() < -MAX_SCALE) {
                throw InvalidFormatException.from(p, "a number of at most " + MAX_DIGITS + " digits and " + MAX_SCALE + " decimals",
                        org.teachertraining.core.common.PlainText.quote(raw), BigDecimal.class);
            }
            return d;
        }
    }
}
