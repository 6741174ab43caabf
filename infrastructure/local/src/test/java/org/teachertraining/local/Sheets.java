package org.teachertraining.local;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipInputStream;

/** Reads back what the API exports: the first sheet of an XLSX, or CSV, as rows of cell texts. */
final class Sheets {
    private static final Pattern ROW = Pattern.compile("<row[^>]*>(.*?)</row>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<c([^>]*?)(?:/>|>(.*?)</c>)", Pattern.DOTALL);
    private static final Pattern TEXT = Pattern.compile("<t[^>]*>(.*?)</t>|<v>(.*?)</v>", Pattern.DOTALL);

    private Sheets() {}

    static List<List<String>> xlsx(byte[] bytes) throws IOException {
        String sheet = null;
        var parts = new ArrayList<String>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                parts.add(e.getName());
                if (e.getName().equals("xl/worksheets/sheet1.xml")) sheet = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        if (sheet == null || !parts.containsAll(List.of("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml"))) {
            throw new AssertionError("not a workbook: " + parts);
        }
        var rows = new ArrayList<List<String>>();
        var r = ROW.matcher(sheet);
        while (r.find()) {
            var cells = new ArrayList<String>();
            var c = CELL.matcher(r.group(1));
            while (c.find()) {
                var t = c.group(2) == null ? null : TEXT.matcher(c.group(2));
                cells.add(t != null && t.find() ? unescape(t.group(1) != null ? t.group(1) : t.group(2)) : "");
            }
            rows.add(cells);
        }
        return rows;
    }

    /** RFC 4180, as the API writes it (quoted fields may hold commas, quotes and line breaks). */
    static List<List<String>> csv(String text) {
        var rows = new ArrayList<List<String>>();
        var row = new ArrayList<String>();
        var cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') { cell.append('"'); i++; }
                else if (ch == '"') quoted = false;
                else cell.append(ch);
            } else if (ch == '"') quoted = true;
            else if (ch == ',') { row.add(cell.toString()); cell.setLength(0); }
            else if (ch == '\r') { /* CRLF */ }
            else if (ch == '\n') { row.add(cell.toString()); cell.setLength(0); rows.add(row); row = new ArrayList<>(); }
            else cell.append(ch);
        }
        if (cell.length() > 0 || !row.isEmpty()) { row.add(cell.toString()); rows.add(row); }
        return rows;
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
    }
}
