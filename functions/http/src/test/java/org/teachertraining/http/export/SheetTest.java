package org.teachertraining.http.export;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SheetTest {
    private static final List<String> HOSTILE = List.of("=HYPERLINK(\"http://x\",\"点我\")", "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR", "a<b&c>\"d'", "普通文字");

    @Test
    void formulaCellsAreNeutralisedInBothFormats_andXmlIsEscaped() throws Exception {
        var xlsx = new ByteArrayOutputStream();
        try (var sheet = Sheet.xlsx(xlsx, "测试")) {
            sheet.header(List.of("内容"));
            for (var s : HOSTILE) sheet.row(List.of(s));
            sheet.row(java.util.Arrays.asList(-5, new java.math.BigDecimal("12.50"), true, null));
        }
        String xml = sheetXml(xlsx.toByteArray());
        // text cells (never <f> formulas); the formula-like ones with the quote-prefix style (cellXfs 2)
        assertTrue(xml.contains("<c t=\"inlineStr\" s=\"2\"><is><t xml:space=\"preserve\">=HYPERLINK(&quot;http://x&quot;,&quot;点我&quot;)</t>"), xml);
        for (var s : List.of("+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR")) {
            assertTrue(xml.contains("<c t=\"inlineStr\" s=\"2\"><is><t xml:space=\"preserve\">" + s + "</t>"), s);
        }
        assertTrue(xml.contains("<c t=\"inlineStr\"><is><t xml:space=\"preserve\">a&lt;b&amp;c&gt;&quot;d&apos;</t>"), xml);
        assertTrue(xml.contains("<c t=\"inlineStr\"><is><t xml:space=\"preserve\">普通文字</t>"), xml);
        assertTrue(styles(xlsx.toByteArray()).contains("<xf fontId=\"0\" quotePrefix=\"1\"/>"));
        assertFalse(xml.contains("<f>"), "no formula elements");
        assertTrue(xml.contains("<c><v>-5</v></c><c><v>12.50</v></c>"), "numbers stay numbers, a negative one too: " + xml);
        assertTrue(xml.contains(">是<"), "booleans in Chinese");

        var csv = new ByteArrayOutputStream();
        try (var sheet = Sheet.csv(csv, Charset.forName("GB18030"))) {
            for (var s : HOSTILE) sheet.row(List.of(s, "x"));
        }
        var lines = new String(csv.toByteArray(), Charset.forName("GB18030"));
        assertTrue(lines.startsWith("\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\",x\r\n'+1+1,x\r\n'-2+3,x\r\n'@SUM(A1),x\r\n"), lines);
        assertTrue(lines.contains("\"'\rCR\",x"), "a field holding a line break is quoted");
    }

    @Test
    void controlCharactersXmlCannotCarryAreDropped() throws Exception {
        var xlsx = new ByteArrayOutputStream();
        try (var sheet = Sheet.xlsx(xlsx, "s")) {
            sheet.row(List.of("a\u0000b\u0001c\u000Bd"));
        }
        assertTrue(sheetXml(xlsx.toByteArray()).contains(">abcd<"));
    }

    /**
     * 100,000 rows of a bureau's list, generated one at a time as the store's pages give them: what stays in
     * the heap while writing is the compressed file, not the rows. Measured after a full collection.
     */
    @Test
    void aHundredThousandRowsAreWrittenWithoutHoldingThem() throws Exception {
        var memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        long started = System.nanoTime();
        var out = new ByteArrayOutputStream(1 << 20);
        long during;
        try (var sheet = Sheet.xlsx(out, "入选名单")) {
            sheet.header(List.of("教师编号", "姓名", "行政区划代码", "名额来源", "状态", "项目", "开班日期", "入选时间", "退出时间"));
            for (int i = 0; i < 100_000; i++) {
                sheet.row(java.util.Arrays.asList("HN-" + (1_000_000 + i), "教师" + i, "4115" + (i % 100), "411500", i % 7 == 0 ? "已退出" : "已入选",
                        "乡村骨干教师素质提升培训项目", "2027-10-12", "2027-09-0" + (1 + i % 9) + " 10:00:00", null));
                if (i == 99_999) break;
            }
            System.gc();
            during = memory.getHeapMemoryUsage().getUsed() - before;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        int rows = 0;
        try (var zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    var xml = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                    for (int at = xml.indexOf("<row "); at >= 0; at = xml.indexOf("<row ", at + 1)) rows++;
                }
            }
        }
        System.out.printf("100,000-row export: %,d bytes of XLSX in %,d ms; heap held while writing (after GC): %,d bytes%n", out.size(), millis, during);
        assertEquals(100_001, rows);
        assertTrue(out.size() < 6_000_000 / 4 * 3, "fits a Lambda answer, base64 included: " + out.size());
        assertTrue(during < 24L << 20, "held " + during + " bytes while writing");
    }

    private static String sheetXml(byte[] bytes) throws Exception {
        return part(bytes, "xl/worksheets/sheet1.xml");
    }

    private static String styles(byte[] bytes) throws Exception {
        return part(bytes, "xl/styles.xml");
    }

    private static String part(byte[] bytes, String name) throws Exception {
        try (var zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals(name)) return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name);
    }
}
