package org.teachertraining.submissions;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.submission.FileType;
import org.teachertraining.core.submission.Inspection;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Tells what a file is from its bytes, never its name, and opens what can be opened: PDFs (pages;
 * encrypted, truncated or corrupt refused) and ZIP containers, Office files included (entry names that
 * climb out of the archive refused; unpacking stops at {@link #MAX_UNPACKED_BYTES} or
 * {@link #MAX_RATIO} times the archive's size, whichever is smaller, counting the bytes actually
 * inflated rather than trusting the sizes the archive declares).
 */
public final class FileInspector {
    public static final long MAX_UNPACKED_BYTES = 4L * 1024 * 1024 * 1024;
    public static final int MAX_RATIO = 100;
    public static final int MAX_ENTRIES = 10_000;
    /** Below this much unpacked data the ratio is not held against an archive (tiny text compresses well). */
    static final long RATIO_FLOOR_BYTES = 16L * 1024 * 1024;

    /** A one-page PDF in a temporary file, for priming (SubmissionProcessingHandler). */
    static Path primingPdf() throws IOException {
        Path file = Files.createTempFile("priming", ".pdf");
        file.toFile().deleteOnExit();
        try (var doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            doc.save(file.toFile());
        }
        return file;
    }

    public Inspection inspect(Path file) throws IOException {
        byte[] head = new byte[16];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (starts(head, n, "%PDF-".getBytes(StandardCharsets.US_ASCII))) return pdf(file);
        if (starts(head, n, new byte[]{'P', 'K', 3, 4})) return zip(file);
        if (starts(head, n, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) return Inspection.clean(FileType.JPEG, null);
        if (starts(head, n, new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})) return Inspection.clean(FileType.PNG, null);
        if (n >= 8 && head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p') return Inspection.clean(FileType.MP4, null);
        if (starts(head, n, new byte[]{'M', 'Z'})) return Inspection.unknown(Text.of("Windows 可执行程序", "a Windows executable"));
        if (starts(head, n, new byte[]{0x7F, 'E', 'L', 'F'})) return Inspection.unknown(Text.of("可执行程序（ELF）", "an ELF executable"));
        if (starts(head, n, new byte[]{'R', 'a', 'r', '!'})) return Inspection.unknown(Text.of("RAR 压缩包（请改用 ZIP）", "a RAR archive (use ZIP)"));
        if (starts(head, n, new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0})) {
            return Inspection.unknown(Text.of("旧版 Office 97–2003 文件（请另存为 .docx/.xlsx/.pptx）", "an Office 97-2003 file (save it as .docx/.xlsx/.pptx)"));
        }
        return Inspection.unknown(Text.of("无法识别的内容", "unrecognised content"));
    }

    private static Inspection pdf(Path file) {
        try {
            if (!tail(file, 1024).contains("%%EOF")) {
                return Inspection.faulty(FileType.PDF, Text.of("PDF 文件不完整（缺少文件结束标记），可能上传中断", "The PDF is truncated: it has no end-of-file marker"));
            }
            try (var doc = Loader.loadPDF(file.toFile())) {
                if (doc.isEncrypted()) {
                    return Inspection.faulty(FileType.PDF, Text.of("PDF 已加密，请上传未加密的文件", "The PDF is encrypted; upload it without a password or restrictions"));
                }
                int pages = doc.getNumberOfPages();
                if (pages < 1) return Inspection.faulty(FileType.PDF, Text.of("PDF 没有页面", "The PDF has no pages"));
                return Inspection.clean(FileType.PDF, pages);
            }
        } catch (InvalidPasswordException e) {
            return Inspection.faulty(FileType.PDF, Text.of("PDF 需要密码才能打开，请上传未加密的文件", "The PDF needs a password to open; upload it unencrypted"));
        } catch (IOException e) {
            return Inspection.faulty(FileType.PDF, Text.of("PDF 文件已损坏，无法打开", "The PDF is corrupt and cannot be opened: " + e.getMessage()));
        }
    }

    private static Inspection zip(Path file) throws IOException {
        long archiveBytes = Files.size(file);
        long limit = Math.min(MAX_UNPACKED_BYTES, Math.max(RATIO_FLOOR_BYTES, archiveBytes * MAX_RATIO));
        var names = new HashSet<String>();
        try (var zip = new ZipFile(file.toFile())) {
            long unpacked = 0;
            int entries = 0;
            byte[] buffer = new byte[64 * 1024];
            for (var it = zip.entries(); it.hasMoreElements(); ) {
                var entry = it.nextElement();
                if (++entries > MAX_ENTRIES) {
                    return Inspection.faulty(FileType.ZIP, Text.of("压缩包文件数超过 " + MAX_ENTRIES, "The archive holds more than " + MAX_ENTRIES + " entries"));
                }
                String name = entry.getName();
                if (escapes(name)) {
                    return Inspection.faulty(FileType.ZIP, Text.of("压缩包含有越出目录的路径：" + name, "The archive has an entry that escapes its folder: " + name));
                }
                names.add(name);
                if (entry.isDirectory()) continue;
                try (var in = zip.getInputStream(entry)) {
                    for (int r; (r = in.read(buffer)) > 0; ) {
                        unpacked += r;
                        if (unpacked > limit) {
                            return Inspection.faulty(FileType.ZIP, Text.of("压缩包解压后过大（超过 " + limit / 1024 / 1024 + " MB），疑似压缩炸弹",
                                    "The archive unpacks to more than " + limit / 1024 / 1024 + " MB (" + MAX_RATIO + "× its size at most): a zip bomb"));
                        }
                    }
                }
            }
        } catch (ZipException e) {
            return Inspection.faulty(FileType.ZIP, Text.of("压缩包已损坏", "The archive is corrupt: " + e.getMessage()));
        }
        if (names.contains("[Content_Types].xml")) {
            if (names.contains("word/document.xml")) return Inspection.clean(FileType.DOCX, null);
            if (names.contains("xl/workbook.xml")) return Inspection.clean(FileType.XLSX, null);
            if (names.contains("ppt/presentation.xml")) return Inspection.clean(FileType.PPTX, null);
        }
        return Inspection.clean(FileType.ZIP, null);
    }

    /** An entry name that is absolute or climbs out of the folder it is unpacked into. */
    static boolean escapes(String name) {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*")) return true;
        for (String part : n.split("/")) if (part.equals("..")) return true;
        return false;
    }

    private static boolean starts(byte[] head, int n, byte[] magic) {
        if (n < magic.length) return false;
        for (int i = 0; i < magic.length; i++) if (head[i] != magic[i]) return false;
        return true;
    }

    private static String tail(Path file, int bytes) throws IOException {
        try (var raf = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, raf.length() - bytes);
            var buffer = new byte[(int) (raf.length() - start)];
            raf.seek(start);
            raf.readFully(buffer);
            return new String(buffer, StandardCharsets.ISO_8859_1);
        }
    }
}
