package org.teachertraining.core.teacher;

import org.teachertraining.core.common.Text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV reading, with the encodings spreadsheets in China write: UTF-8 (with or without BOM) or GB18030. */
public final class Csv {
    private Csv() {}

    /** A record with the 1-based line it starts on. */
    public record Row(int line, List<String> fields) {}

    public static final class Malformed extends Exception {
        public final int line;
        /** What is wrong on that line, in the words of the refusal that reports it. */
        public final Text reason;

        Malformed(int line, Text reason) {
            super(reason.en());
            this.line = line;
            this.reason = reason;
        }
    }

    /** UTF-8 when the bytes carry its BOM or decode as UTF-8 strictly; otherwise GB18030 (Excel's "CSV" in zh-CN). */
    public static String decode(byte[] bytes) throws CharacterCodingException {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            return strict(StandardCharsets.UTF_8, ByteBuffer.wrap(bytes, 3, bytes.length - 3));
        }
        try {
            return strict(StandardCharsets.UTF_8, ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException notUtf8) {
            return strict(Charset.forName("GB18030"), ByteBuffer.wrap(bytes));
        }
    }

    private static String strict(Charset charset, ByteBuffer bytes) throws CharacterCodingException {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
    }

    public static List<Row> parse(String text) throws Malformed {
        var rows = new ArrayList<Row>();
        var fields = new ArrayList<String>();
        var field = new StringBuilder();
        boolean quoted = false, fieldStarted = false;
        int line = 1, rowLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (ch == '\n') line++;
                    field.append(ch);
                }
            } else if (ch == '"') {
                if (field.length() > 0) throw new Malformed(line, Text.of("未加引号的字段中有引号", "quote inside an unquoted field"));
                quoted = true;
                fieldStarted = true;
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldStarted = true;
            } else if (ch == '\r' || ch == '\n') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                endRow(rows, fields, field, fieldStarted, rowLine);
                fieldStarted = false;
                line++;
                rowLine = line;
            } else {
                field.append(ch);
                fieldStarted = true;
            }
        }
        if (quoted) throw new Malformed(rowLine, Text.of("引号未闭合", "unterminated quoted field"));
        endRow(rows, fields, field, fieldStarted, rowLine);
        return rows;
    }

    private static void endRow(List<Row> rows, List<String> fields, StringBuilder field, boolean started, int line) {
        if (started || field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            rows.add(new Row(line, List.copyOf(fields)));
        }
        fields.clear();
        field.setLength(0);
    }
}
