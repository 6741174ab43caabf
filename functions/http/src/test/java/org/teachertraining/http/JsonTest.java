package org.teachertraining.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A value of the wrong type is refused naming the field and what it must be: in Chinese without English words, and in English. */
class JsonTest {
    record Body(Integer seats, BigDecimal amount, String name, List<String> subjects, LocalDate startDate, OffsetDateTime cutoff, Boolean approved) {}

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"seats\":\"3\"}           | seats     | 整数                 | an integer",
            "{\"seats\":2.5}             | seats     | 整数                 | an integer",
            "{\"amount\":\"x\"}          | amount    | 位小数的数            | decimals",
            "{\"name\":[1]}              | name      | 字符串               | a string",
            "{\"subjects\":\"语文\"}      | subjects  | 数组                 | an array",
            "{\"startDate\":\"10/08\"}   | startDate | 日期                 | a date",
            "{\"cutoff\":\"2020-09-25\"} | cutoff    | 带时区偏移的时间       | a time with offset",
            "{\"approved\":\"yes\"}      | approved  | 布尔值               | a boolean",
    })
    void aWrongTypeIsNamedInBothLanguages(String body, String field, String zh, String en) {
        var refused = assertThrows(ProblemException.class, () -> Json.read(body, Body.class));
        assertEquals(400, refused.status());
        var error = refused.refusal().errors().get(0);
        assertEquals(field, error.field());
        assertTrue(error.message().zh().contains(zh), error.message().zh());
        assertFalse(error.message().zh().matches(".*\\b(an?|expected)\\b.*"), "English inside the Chinese message: " + error.message().zh());
        assertTrue(error.message().en().contains(en), error.message().en());
    }

    /** A body saved by Windows Notepad (or an editor that writes UTF-8 "with BOM") starts with U+FEFF: read as without it. */
    @Test
    void aByteOrderMarkBeforeTheBodyIsNoPartOfIt() {
        assertEquals(3, Json.read("\uFEFF{\"seats\":3}", Body.class).seats());
        assertEquals(400, assertThrows(ProblemException.class, () -> Json.read("\uFEFF", Body.class)).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> Json.read("{\"seats\":3}\uFEFF", Body.class)).status());
    }

    /** A long value is quoted by its beginning and an ellipsis, in either language: no English count inside a Chinese message. */
    @Test
    void aLongValueIsQuotedByItsBeginningAlone() {
        var refused = assertThrows(ProblemException.class, () -> Json.read("{\"startDate\":\"" + "9".repeat(40) + "\"}", Body.class));
        String zh = refused.refusal().errors().get(0).message().zh();
        assertTrue(zh.contains("9".repeat(32) + "…"), zh);
        assertFalse(zh.contains("9".repeat(33)), zh);
        assertFalse(zh.matches(".*[A-Za-z]{3,}.*"), "English inside the Chinese message: " + zh);
    }

    /** Two bodies sent as one (a client that concatenates, a paste made twice) are refused for what comes after the first. */
    @Test
    void contentAfterTheValueIsNamedAsSuch() {
        var refused = assertThrows(ProblemException.class, () -> Json.read("{\"seats\":5} {\"seats\":6}", Body.class));
        var error = refused.refusal().errors().get(0);
        assertEquals("body", error.field());
        assertTrue(error.message().zh().startsWith("JSON 值之后还有多余内容（第 1 行第 1"), error.message().zh());
        assertTrue(error.message().en().startsWith("more content after the JSON value"), error.message().en());
    }

    /** A field problem written as JSON (an import's row report) lists allowed codes only where there are some. */
    @Test
    void aFieldProblemListsAllowedCodesOnlyWhereThereAreSome() {
        var text = org.teachertraining.core.common.Text.of("必填", "is required");
        assertEquals("{\"field\":\"id\",\"message\":{\"zh\":\"必填\",\"en\":\"is required\"}}",
                Json.write(new org.teachertraining.core.common.FieldError("id", text)));
        assertTrue(Json.write(new org.teachertraining.core.common.FieldError("stage", text, List.of("PRIMARY"))).contains("\"allowed\":[\"PRIMARY\"]"));
    }
}
