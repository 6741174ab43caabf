package org.teachertraining.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.teachertraining.core.common.PlainText;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.common.Violations;


/**
 * Strict JSON for request bodies: unknown fields, wrong types, strings for numbers, fractions for
 * integers, numbers out of range and unknown enum values are 400s that name the field. A field given twice in
 * one object is refused too: parsers differ on which of the two counts, so a body that one reads one way (a gateway,
 * a log, a client's own check) must not be stored as the other.
 */
public final class Json {
    /** Request bodies larger than this are refused with 400 before parsing (the contract: oversize bodies are bad input). */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    /** How much of a caller's value an error message quotes. */
    static final int QUOTED_PREFIX = PlainText.QUOTED;

    public static final ObjectMapper MAPPER = JsonMapper.builder(com.fasterxml.jackson.core.JsonFactory.builder()
                    .errorReportConfiguration(com.fasterxml.jackson.core.ErrorReportConfiguration.builder()
                            .maxErrorTokenLength(QUOTED_PREFIX).maxRawContentLength(0).build())
                    .build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .addModule(new JavaTimeModule())
            .addModule(StrictValues.module())
            // null inside an array or as a map value is refused where it is, not found later as a 500
            .defaultSetterInfo(com.fasterxml.jackson.annotation.JsonSetter.Value.forContentNulls(com.fasterxml.jackson.annotation.Nulls.FAIL))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            // a field problem lists its allowed codes only where there are some (a problem+json's errors say so the same way)
            .addMixIn(org.teachertraining.core.common.FieldError.class, FieldErrorJson.class)
            .build();

    private abstract static class FieldErrorJson {
        @com.fasterxml.jackson.annotation.JsonInclude(JsonInclude.Include.NON_EMPTY)
        abstract java.util.List<String> allowed();
    }

    static {
        for (LogicalType t : new LogicalType[]{LogicalType.Integer, LogicalType.Float, LogicalType.Boolean, LogicalType.Textual}) {
            MAPPER.coercionConfigFor(t).setCoercion(CoercionInputShape.String, t == LogicalType.Textual ? CoercionAction.TryConvert : CoercionAction.Fail);
        }
        MAPPER.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        MAPPER.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    }

    private Json() {}

    public static <T> T read(String body, Class<T> type) {
        if (body != null && body.startsWith("\uFEFF")) body = body.substring(1);   // UTF-8 "with BOM", as Notepad saves it
        if (body == null || body.isBlank()) throw new ProblemException(400, emptyBody());
        if (body.length() > MAX_BODY_BYTES / 3 && body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            throw new ProblemException(400, new Violations().add("body", "请求体超过 " + MAX_BODY_BYTES + " 字节",
                    "the body exceeds " + MAX_BODY_BYTES + " bytes").refusal());
        }
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) throw invalid("body", "需要 JSON 对象", "a JSON object is required");
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw invalid(path(e), "未知字段", "unknown field; known fields: " + e.getKnownPropertyIds());
        } catch (InvalidFormatException e) {
            if (e.getTargetType() != null && e.getTargetType().isEnum()) {
                throw new ProblemException(400, new Violations().notOneOf(path(e), org.teachertraining.core.common.Text.of(
                        "未知的取值「" + PlainText.quote(e.getValue()) + "」", "unknown value '" + PlainText.quote(e.getValue()) + "'"), e.getTargetType()).refusal());
            }
            if (e.getTargetType() == String.class) {
                throw invalid(path(e), "含有不可见或控制字符（控制字符、双向控制符或不成对的代理项）",
                    "invalid text: it contains a control character, a bidirectional control or a lone surrogate");
            }
            var expected = expected(e.getTargetType());
            throw invalid(path(e), "格式不正确：" + PlainText.quote(e.getValue()) + "，应为" + expected.zh(), "invalid value '" + PlainText.quote(e.getValue()) + "'; expected " + expected.en());
        } catch (InputCoercionException e) {
            throw invalid("body", "数值超出范围", "number out of range");
        } catch (MismatchedInputException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {   // FAIL_ON_TRAILING_TOKENS
                var at = e.getLocation();
                throw invalid("body", "JSON 值之后还有多余内容（第 " + at.getLineNr() + " 行第 " + at.getColumnNr() + " 列）",
                        "more content after the JSON value, at line " + at.getLineNr() + ", column " + at.getColumnNr());
            }
            var expected = expected(e.getTargetType());
            throw invalid(path(e), "类型不正确，应为" + expected.zh(), "wrong type; expected " + expected.en());
        } catch (JsonMappingException e) {
            String twice = e.getCause() instanceof JsonParseException p ? duplicateField(p) : null;
            if (twice != null) throw givenTwice(path(e).equals("body") ? twice : path(e) + "." + twice);
            if (e.getCause() instanceof InputCoercionException) {
                throw invalid(path(e), "数值超出范围", "number out of range");
            }
            throw invalid(path(e), "内容不正确", "invalid value: " + PlainText.quote(e.getOriginalMessage()));
        } catch (JsonParseException e) {
            String twice = duplicateField(e);
            if (twice != null) throw givenTwice(twice);
            var at = e.getLocation();
            throw invalid("body", "JSON 格式错误（第 " + at.getLineNr() + " 行第 " + at.getColumnNr() + " 列）",
                    "malformed JSON at line " + at.getLineNr() + ", column " + at.getColumnNr() + ": " + PlainText.quote(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw invalid("body", "JSON 格式错误", "malformed JSON: " + PlainText.quote(e.getOriginalMessage()));
        }
    }

    /** {@code value}'s JSON members and one more, for an answer that is a record plus what it led to. */
    public static java.util.Map<String, Object> with(Object value, String name, Object extra) {
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> members = MAPPER.convertValue(value, java.util.LinkedHashMap.class);
        if (extra != null) members.put(name, extra);
        return members;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final java.util.regex.Pattern DUPLICATE = java.util.regex.Pattern.compile("Duplicate (?:field|Object property) '(.*)'", java.util.regex.Pattern.DOTALL);

    /** The name of the field a body gives twice in one object, as {@link com.fasterxml.jackson.core.StreamReadFeature#STRICT_DUPLICATE_DETECTION} reports it; null if that is not the error. */
    private static String duplicateField(JsonParseException e) {
        var m = e.getOriginalMessage() == null ? null : DUPLICATE.matcher(e.getOriginalMessage());
        return m != null && m.find() ? PlainText.quote(m.group(1)) : null;
    }

    private static ProblemException givenTwice(String field) {
        return invalid(field, "字段在同一对象中出现两次", "the field is given twice in one object");
    }

    /** A request without the JSON body its route needs: refused here, and by the framework's own check of a route. */
    static Refusal emptyBody() {
        return new Violations().add("body", "请求体为空，需要 JSON 对象", "the body is empty; a JSON object is required").refusal();
    }

    private static ProblemException invalid(String field, String zh, String en) {
        return new ProblemException(400, new Violations().add(field, zh, en).refusal());
    }

    private static String path(JsonMappingException e) {
        var sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) sb.append('.');
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "body" : sb.toString();
    }

    /** What a value of {@code type} must be, as the refusal says it, in Chinese and in English. */
    private static Text expected(Class<?> type) {
        if (type == null) return Text.of("一个值", "a value");
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) return Text.of("整数", "an integer");
        if (type == java.math.BigDecimal.class) return Text.of("不超过 " + StrictValues.MAX_DIGITS + " 位、至多 " + StrictValues.MAX_SCALE + " 位小数的数",
                "a number of at most " + StrictValues.MAX_DIGITS + " digits and " + StrictValues.MAX_SCALE + " decimals");
        if (type == String.class) return Text.of("字符串", "a string");
        if (java.util.Collection.class.isAssignableFrom(type)) return Text.of("数组", "an array");
        if (type == java.time.LocalDate.class) return Text.of("日期（如 2020-10-08），" + StrictValues.MIN_YEAR + " 至 " + StrictValues.MAX_YEAR + " 年",
                "a date (2020-10-08) between " + StrictValues.MIN_YEAR + " and " + StrictValues.MAX_YEAR);
        if (type == java.time.OffsetDateTime.class || type == java.time.Instant.class) {
            return Text.of("带时区偏移的时间（如 2020-09-25T23:59:59+08:00），" + StrictValues.MIN_YEAR + " 至 " + StrictValues.MAX_YEAR + " 年",
                    "a time with offset (2020-09-25T23:59:59+08:00) between " + StrictValues.MIN_YEAR + " and " + StrictValues.MAX_YEAR);
        }
        if (type == Boolean.class || type == boolean.class) return Text.of("布尔值（true 或 false）", "a boolean (true or false)");
        if (type.isRecord() || java.util.Map.class.isAssignableFrom(type)) return Text.of("对象", "an object");
        return Text.of("一个值", type.getSimpleName());
    }
}
