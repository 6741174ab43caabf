package org.teachertraining.adapters.s3;

import org.teachertraining.core.certificate.Certificate;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a certificate as a one-page PDF 1.4 without a PDF library: Chinese text in the standard CJK
 * font STSong-Light (UniGB-UCS2-H), which PDF readers supply, so nothing is embedded.
 */
public final class CertificatePdf {
    private CertificatePdf() {}

    public static byte[] render(Certificate c) {
        var lines = List.of(
                new Line(26, 150, 720, "结 业 证 书"),
                new Line(12, 72, 660, c.teacherName() + " 同志："),
                new Line(12, 96, 630, "参加 " + c.projectName() + "，"),
                new Line(12, 72, 605, "完成全部培训任务，考核合格，获得 " + c.hours() + " 学时，准予结业。"),
                new Line(12, 72, 560, "承训单位：" + c.institutionId() + "    日期：" + c.issuedOn()),
                new Line(10, 72, 520, "证书验证码 Verification code: " + c.code()),
                new Line(10, 72, 500, "Certificate of completion: " + c.hours() + " hours, project " + c.projectId()));
        var content = new StringBuilder();
        for (var l : lines) {
            content.append("BT /F1 ").append(l.size).append(" Tf ").append(l.x).append(' ').append(l.y).append(" Td <")
                    .append(ucs2Hex(l.text)).append("> Tj ET\n");
        }
        byte[] stream = content.toString().getBytes(StandardCharsets.US_ASCII);
        var objects = new ArrayList<String>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        objects.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>");
        objects.add("<< /Length " + stream.length + " >>\nstream\n" + new String(stream, StandardCharsets.US_ASCII) + "endstream");
        objects.add("<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>");
        objects.add("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R >>");
        objects.add("<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>");

        var out = new ByteArrayOutputStream();
        write(out, "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new ArrayList<Integer>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xref = out.size();
        var table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (int offset : offsets) table.append(String.format("%010d 00000 n \n", offset));
        table.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        write(out, table.toString());
        return out.toByteArray();
    }

    private record Line(int size, int x, int y, String text) {}

    private static String ucs2Hex(String text) {
        var hex = new StringBuilder();
        text.chars().forEach(ch -> hex.append(String.format("%04X", ch)));
        return hex.toString();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
