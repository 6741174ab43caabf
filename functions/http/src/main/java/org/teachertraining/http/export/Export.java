package org.teachertraining.http.export;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Page;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.common.Violations;
import org.teachertraining.http.ProblemException;
import org.teachertraining.http.Problems;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * A list as a spreadsheet: {@code ?format=xlsx} (or {@code Accept:} the XLSX type) gives a workbook with
 * Chinese headers (English with {@code Accept-Language: en}), {@code ?format=csv} CSV in UTF-8 with a BOM,
 * or {@code &charset=gb18030}. The rows are read page by page from the store and written as they come,
 * so a list of any length is never held in memory; only the compressed file is, because Lambda answers
 * API Gateway with the whole body (at most 6 MB).
 */
public final class Export {
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final int MAX_ROWS = 200_000;

    public enum Format { XLSX, CSV }

    /** A column: its header in both languages and what a row shows in it. */
    public record Column<T>(Text header, Function<T, Object> value) {
        public static <T> Column<T> of(String zh, String en, Function<T, Object> value) {
            return new Column<>(Text.of(zh, en), value);
        }
    }

    /** What was asked: the format and, for CSV, the character set. */
    public record Asked(Format format, Charset charset) {}

    private Export() {}

    /** The export the request asks for, or null when it asks for the JSON list. A bad value is a 400. */
    public static Asked asked(HttpRequest<?> request) {
        String format = request.getParameters().get("format");
        String charset = request.getParameters().get("charset");
        String accept = request.getHeaders().get("Accept");
        Format f;
        if (format == null) {
            if (accept != null && accept.contains(XLSX)) f = Format.XLSX;
            else if (accept != null && accept.startsWith("text/csv")) f = Format.CSV;
            else f = null;
        } else {
            f = switch (format) {
                case "xlsx" -> Format.XLSX;
                case "csv" -> Format.CSV;
                case "json" -> null;
                default -> throw new ProblemException(400, new Violations().add("format", "导出格式可选：xlsx、csv、json", "format: xlsx, csv or json").refusal());
            };
        }
        if (charset != null && f != Format.CSV) {
            throw new ProblemException(400, new Violations().add("charset", "字符集只适用于 CSV 导出", "charset applies to CSV exports only").refusal());
        }
        Charset cs = StandardCharsets.UTF_8;
        if (charset != null) {
            cs = switch (charset.toLowerCase(java.util.Locale.ROOT)) {
                case "utf-8", "utf8" -> StandardCharsets.UTF_8;
                case "gb18030" -> Charset.forName("GB18030");
                default -> throw new ProblemException(400, new Violations().add("charset", "字符集可选：utf-8、gb18030", "charset: utf-8 or gb18030").refusal());
            };
        }
        return f == null ? null : new Asked(f, cs);
    }

    /** Every item of a paged list, fetching the next page only when the rows before it are written. */
    public static <T> Outcome<Iterator<T>> pages(Function<String, Outcome<Page<T>>> page) {
        var first = page.apply(null);
        if (first instanceof Outcome.Refused<Page<T>> refused) return Outcome.refused(refused.refusal());
        var start = ((Outcome.Done<Page<T>>) first).value();
        return Outcome.done(new Iterator<>() {
            Iterator<T> items = start.items().iterator();
            String next = start.nextCursor();

            @Override
            public boolean hasNext() {
                while (!items.hasNext() && next != null) {
                    var more = page.apply(next);
                    if (more instanceof Outcome.Refused<Page<T>> r) throw new ProblemException(Problems.status(r.refusal().kind()), r.refusal());
                    var p = ((Outcome.Done<Page<T>>) more).value();
                    items = p.items().iterator();
                    next = p.nextCursor();
                }
                return items.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) throw new NoSuchElementException();
                return items.next();
            }
        });
    }

    /** The rows of a list that is read whole (a project's quotas, deliverables, settlement lines). */
    public static <T> Outcome<Iterator<T>> list(Outcome<? extends List<T>> rows) {
        return rows.map(List::iterator);
    }

    /** The answer to an export: the file, or the refusal of reading the list. */
    public static <T> MutableHttpResponse<?> response(HttpRequest<?> request, Asked asked, String name, List<Column<T>> columns,
                                                     Outcome<? extends Iterator<T>> rows) {
        if (rows instanceof Outcome.Refused<? extends Iterator<T>> refused) return Problems.response(request, refused.refusal());
        boolean english = Problems.english(request);
        var body = new ByteArrayOutputStream(64 * 1024);
        try (var sheet = asked.format() == Format.XLSX ? Sheet.xlsx(body, name) : Sheet.csv(body, asked.charset())) {
            sheet.header(columns.stream().map(c -> c.header().in(english)).toList());
            var it = ((Outcome.Done<? extends Iterator<T>>) rows).value();
            int n = 0;
            while (it.hasNext()) {
                if (++n > MAX_ROWS) {
                    throw new ProblemException(422, new Violations().add("format", "导出行数超过 " + MAX_ROWS + " 行，请按单位或状态筛选后分批导出",
                            "more than " + MAX_ROWS + " rows: filter by unit or status and export in parts").refusal());
                }
                T row = it.next();
                sheet.row(columns.stream().map(c -> c.value().apply(row)).map(v -> v instanceof Text t ? t.in(english) : v).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String file = name + (asked.format() == Format.XLSX ? ".xlsx" : ".csv");
        String type = asked.format() == Format.XLSX ? XLSX : "text/csv; charset=" + (asked.charset().equals(StandardCharsets.UTF_8) ? "utf-8" : "gb18030");
        return HttpResponse.status(HttpStatus.OK).contentType(type)
                .header("Content-Disposition", "attachment; filename=\"export" + (asked.format() == Format.XLSX ? ".xlsx" : ".csv")
                        + "\"; filename*=UTF-8''" + URLEncoder.encode(file, StandardCharsets.UTF_8).replace("+", "%20"))
                .header("Cache-Control", "no-store")
                .body(body.toByteArray());
    }
}
