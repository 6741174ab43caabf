package org.teachertraining.core.teacher;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The first worksheet of an Excel workbook (XLSX: a zip of XML parts) as rows of text, the way {@link Csv}
 * gives a CSV file: shared and inline strings, numbers as written. Nothing but the JDK: the parts are read
 * with DTDs and external entities off, each at most {@value #MAX_PART_BYTES} bytes unpacked (a zip bomb is
 * refused, not unpacked), formulas and styles ignored.
 */
public final class Xlsx {
    static final int MAX_PART_BYTES = 16 * 1024 * 1024;
    static final int MAX_ROWS = 100_000;

    private Xlsx() {}

    public static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    /** Whether the bytes start as a zip archive does (an XLSX workbook). */
    public static boolean looksLikeWorkbook(byte[] bytes) {
        return bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    public static List<Csv.Row> read(byte[] workbook) throws Malformed {
        Map<String, byte[]> parts = new HashMap<>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(workbook))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                String name = e.getName();
                if (name.equals("xl/sharedStrings.xml") || name.equals("xl/worksheets/sheet1.xml")) parts.put(name, bounded(zip));
            }
        } catch (IOException e) {
            throw new Malformed("not a readable workbook");
        }
        if (!parts.containsKey("xl/worksheets/sheet1.xml")) throw new Malformed("the workbook has no first worksheet");
        try {
            var shared = parts.containsKey("xl/sharedStrings.xml") ? sharedStrings(parts.get("xl/sharedStrings.xml")) : List.<String>of();
            return sheet(parts.get("xl/worksheets/sheet1.xml"), shared);
        } catch (XMLStreamException | RuntimeException e) {
            throw new Malformed("the worksheet cannot be read");
        }
    }

    private static byte[] bounded(InputStream in) throws IOException {
        var out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) > 0) {
            out.write(buf, 0, n);
            if (out.size() > MAX_PART_BYTES) throw new IOException("part too large");
        }
        return out.toByteArray();
    }

    private static XMLStreamReader reader(byte[] xml) throws XMLStreamException {
        var f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f.createXMLStreamReader(new ByteArrayInputStream(xml));
    }

    private static List<String> sharedStrings(byte[] xml) throws XMLStreamException {
        var out = new ArrayList<String>();
        var r = reader(xml);
        StringBuilder current = null;
        boolean inText = false;
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("si")) current = new StringBuilder();
            else if (ev == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("t")) inText = true;
            else if (ev == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("t")) inText = false;
            else if ((ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) && inText && current != null) current.append(r.getText());
            else if (ev == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("si")) {
                out.add(current == null ? "" : current.toString());
                current = null;
            }
        }
        return out;
    }

    private static List<Csv.Row> sheet(byte[] xml, List<String> shared) throws XMLStreamException {
        var rows = new ArrayList<Csv.Row>();
        var r = reader(xml);
        List<String> row = null;
        int line = 0, column = 0;
        String type = null;
        StringBuilder value = null;
        boolean collecting = false;   // inside <v> or an inline string's <t>, not a formula's <f>
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "row" -> {
                        String at = r.getAttributeValue(null, "r");
                        line = at == null ? line + 1 : Integer.parseInt(at);
                        row = new ArrayList<>();
                        if (rows.size() >= MAX_ROWS) throw new XMLStreamException("too many rows");
                    }
                    case "c" -> {
                        String ref = r.getAttributeValue(null, "r");
                        column = ref == null ? (row == null ? 0 : row.size()) : columnOf(ref);
                        type = r.getAttributeValue(null, "t");
                        value = new StringBuilder();
                    }
                    case "v", "t" -> collecting = true;
                    default -> { }
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT && (r.getLocalName().equals("v") || r.getLocalName().equals("t"))) {
                collecting = false;
            } else if ((ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) && value != null && collecting) {
                value.append(r.getText());
            } else if (ev == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("c") && row != null && value != null) {
                String text = value.toString();
                if ("s".equals(type)) text = text.isBlank() ? "" : shared.get(Integer.parseInt(text.strip()));
                while (row.size() < column) row.add("");
                if (column > 1000) throw new XMLStreamException("too many columns");
                row.add(text);
                value = null;
            } else if (ev == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("row") && row != null) {
                rows.add(new Csv.Row(line, List.copyOf(row)));
                row = null;
            }
        }
        return rows;
    }

    /** "C7" → 2: the column letters of a cell reference, 0-based. */
    static int columnOf(String ref) {
        int n = 0;
        for (char ch : ref.toCharArray()) {
            if (ch < 'A' || ch > 'Z') break;
            n = n * 26 + (ch - 'A' + 1);
        }
        return n - 1;
    }
}
