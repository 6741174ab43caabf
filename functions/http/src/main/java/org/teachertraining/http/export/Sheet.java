package org.teachertraining.http.export;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;

/**
 * A table written row by row to a stream, as XLSX or CSV: nothing is held but the row being written.
 * A text cell that a spreadsheet would read as a formula (it starts with {@code = + - @}, a tab or a
 * carriage return) stays text: in CSV it gets a leading apostrophe; in XLSX, where an inline string is never
 * a formula, it also carries Excel's quote-prefix style, so that editing the cell does not turn it into one.
 */
public interface Sheet extends AutoCloseable {
    void header(List<String> names) throws IOException;

    void row(List<?> values) throws IOException;

    @Override
    void close() throws IOException;

    static Sheet xlsx(OutputStream out, String sheetName) throws IOException {
        return new XlsxSheet(out, sheetName);
    }

    static Sheet csv(OutputStream out, java.nio.charset.Charset charset) throws IOException {
        return new CsvSheet(out, charset);
    }

    /** The text a cell shows: booleans 是/否, the rest as it is. */
    static String text(Object value) {
        if (value == null) return "";
        if (value instanceof Boolean b) return b ? "是" : "否";
        return value.toString();
    }

    /** Whether a spreadsheet would take this text for a formula. */
    static boolean formulaLike(String s) {
        if (s.isEmpty()) return false;
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    static boolean numeric(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof BigDecimal || value instanceof Short;
    }
}
