package org.teachertraining.core;

import org.junit.jupiter.api.Test;
import org.teachertraining.core.teacher.Xlsx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The roster's first worksheet read as Excel writes it — and what a hostile workbook cannot do. */
class XlsxTest {
    /** A workbook of the given parts. */
    static byte[] workbook(Map<String, String> parts) throws Exception {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var p : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(p.getKey()));
                zip.write(p.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static final String SHARED = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>教师编号</t></si><si><t>姓名</t></si>"
            + "<si><r><t>XX-</t></r><r><t>0001</t></r></si></sst>";

    @Test
    void sharedAndInlineStringsNumbersAndGapsAreReadAsExcelWroteThem_formulasAreNot() throws Exception {
        String sheet = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c><c r=\"C2\"><f>1+1</f><v>2</v></c></row>"
                + "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>XX-0002</t></is></c></row>"
                + "</sheetData></worksheet>";
        var rows = Xlsx.read(workbook(Map.of("xl/sharedStrings.xml", SHARED, "xl/worksheets/sheet1.xml", sheet)));
        assertEquals(3, rows.size());
        assertEquals(List.of("教师编号", "姓名"), rows.get(0).fields());
        assertEquals(List.of("XX-0001", "", "2"), rows.get(1).fields());
        assertEquals(4, rows.get(2).line());
        assertEquals(List.of("XX-0002"), rows.get(2).fields());
    }

    @Test
    void aHostileWorkbookIsRefused_notUnpackedNorResolved() throws Exception {
        assertThrows(Xlsx.Malformed.class, () -> Xlsx.read("not a zip".getBytes(StandardCharsets.UTF_8)));
        assertThrows(Xlsx.Malformed.class, () -> Xlsx.read(workbook(Map.of("xl/other.xml", "<x/>"))));
        // 64 MB of zeros packs into a small file: refused once a part passes 16 MB unpacked
        var bomb = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 64; i++) zip.write(zeros);
            zip.closeEntry();
        }
        assertTrue(bomb.size() < 1024 * 1024, bomb.size() + " bytes");
        assertThrows(Xlsx.Malformed.class, () -> Xlsx.read(bomb.toByteArray()));
        // an external entity is not fetched: the DTD is refused
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><worksheet><sheetData><row r=\"1\">"
                + "<c r=\"A1\" t=\"inlineStr\"><is><t>&x;</t></is></c></row></sheetData></worksheet>";
        var rows = assertThrowsOrRows(workbook(Map.of("xl/worksheets/sheet1.xml", xxe)));
        assertTrue(rows == null || rows.stream().noneMatch(r -> r.fields().toString().contains("root:")), String.valueOf(rows));
    }

    static List<org.teachertraining.core.teacher.Csv.Row> assertThrowsOrRows(byte[] workbook) {
        try {
            return Xlsx.read(workbook);
        } catch (Xlsx.Malformed refused) {
            return null;
        }
    }
}
