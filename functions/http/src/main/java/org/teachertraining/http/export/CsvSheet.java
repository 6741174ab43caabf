package org.teachertraining.http.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** RFC 4180 CSV as Excel opens it in China: UTF-8 with a byte-order mark, or GB18030; CRLF line ends. */
final class CsvSheet implements Sheet {
    private final Writer out;

    CsvSheet(OutputStream stream, Charset charset) throws IOException {
        out = new BufferedWriter(new OutputStreamWriter(stream, charset));
        if (charset.equals(StandardCharsets.UTF_8)) out.write('\uFEFF');
    }

    @Override
    public void header(List<String> names) throws IOException {
        row(names);
    }

    @Override
    public void row(List<?> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) out.write(',');
            var value = values.get(i);
            String s = Sheet.text(value);
            if (!Sheet.numeric(value) && Sheet.formulaLike(s)) s = "'" + s;
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                out.write('"');
                out.write(s.replace("\"", "\"\""));
                out.write('"');
            } else {
                out.write(s);
            }
        }
        out.write("\r\n");
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
