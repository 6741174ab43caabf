package org.teachertraining.submissions;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Files as institutions upload them, good and bad, made on the spot (shared with the local runtime's ITs). */
public final class SampleFiles {
    private SampleFiles() {}

    public static byte[] pdf(int pages) {
        return save(pdfDocument(pages), null);
    }

    /** A PDF that opens only with a password. */
    public static byte[] encryptedPdf() {
        return save(pdfDocument(1), "secret");
    }

    /** A PDF cut off halfway, as an interrupted upload leaves it. */
    public static byte[] truncatedPdf() {
        byte[] whole = pdf(3);
        return Arrays.copyOf(whole, whole.length / 2);
    }

    /** A Windows executable renamed to .pdf. */
    public static byte[] exe() {
        byte[] b = new byte[4096];
        b[0] = 'M';
        b[1] = 'Z';
        System.arraycopy("This program cannot be run in DOS mode".getBytes(StandardCharsets.US_ASCII), 0, b, 78, 38);
        return b;
    }

    public static byte[] docx() {
        return zip(new String[][]{{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", "<w:document/>"}});
    }

    /** A small archive that inflates to {@code megabytes} of zeros. */
    public static byte[] zipBomb(int megabytes) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("zeros.bin"));
            byte[] mb = new byte[1024 * 1024];
            for (int i = 0; i < megabytes; i++) zip.write(mb);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] zip(String[][] entries) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var e : entries) {
                zip.putNextEntry(new ZipEntry(e[0]));
                zip.write(e[1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static PDDocument pdfDocument(int pages) {
        var doc = new PDDocument();
        for (int i = 0; i < pages; i++) doc.addPage(new PDPage());
        return doc;
    }

    private static byte[] save(PDDocument doc, String password) {
        try (doc) {
            if (password != null) {
                var policy = new StandardProtectionPolicy(password + "-owner", password, new AccessPermission());
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
            }
            var out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
