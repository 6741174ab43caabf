package org.teachertraining.http.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The smallest workbook Excel, WPS and LibreOffice open: one sheet, its rows streamed into the zip as
 * inline strings and numbers, the header row bold and frozen. Written with the JDK alone.
 */
final class XlsxSheet implements Sheet {
    /** The style of text that must stay text (Excel's quotePrefix): index 2 of styles.xml's cellXfs. */
    private static final int QUOTE_PREFIX = 2;
    private final ZipOutputStream zip;
    private final Writer xml;
    private int rows;
    private boolean closed;

    XlsxSheet(OutputStream out, String sheetName) throws IOException {
        zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        entry("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
                </Types>""");
        entry("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                </Relationships>""");
        entry("xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                <sheets><sheet name="%s" sheetId="1" r:id="rId1"/></sheets></workbook>""".formatted(escape(sheetName)));
        entry("xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
                <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
                </Relationships>""");
        entry("xl/styles.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
                <fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts>\
                <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
                <borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>\
                <cellXfs count="3"><xf fontId="0"/><xf fontId="1" applyFont="1"/><xf fontId="0" quotePrefix="1"/></cellXfs></styleSheet>""");
        zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
        xml = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews><sheetData>");
    }

    @Override
    public void header(List<String> names) throws IOException {
        write(names, 1);
    }

    @Override
    public void row(List<?> values) throws IOException {
        write(values, 0);
    }

    private void write(List<?> values, int style) throws IOException {
        rows++;
        xml.write("<row r=\"" + rows + "\">");
        for (var v : values) {
            if (v == null) {
                xml.write("<c/>");
            } else if (Sheet.numeric(v)) {
                xml.write("<c" + (style == 0 ? "" : " s=\"" + style + "\"") + "><v>" + v + "</v></c>");
            } else {
                String text = Sheet.text(v);
                int s = style == 0 && Sheet.formulaLike(text) ? QUOTE_PREFIX : style;
                xml.write("<c t=\"inlineStr\"" + (s == 0 ? "" : " s=\"" + s + "\"") + "><is><t xml:space=\"preserve\">");
                xml.write(escape(text));
                xml.write("</t></is></c>");
            }
        }
        xml.write("</row>");
    }

    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        xml.write("</sheetData></worksheet>");
        xml.flush();
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }

    private void entry(String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** XML text: the five specials escaped, and the control characters XML 1.0 cannot carry dropped. */
    static String escape(String s) {
        var b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') b.append(c);
                }
            }
        }
        return b.toString();
    }
}
