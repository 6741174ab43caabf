package org.teachertraining.submissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teachertraining.core.submission.FileType;
import org.teachertraining.core.submission.Inspection;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileInspectorTest {
    @TempDir
    Path dir;
    final FileInspector inspector = new FileInspector();

    Inspection inspect(byte[] bytes) throws Exception {
        Path f = Files.write(dir.resolve("upload-" + System.nanoTime()), bytes);
        return inspector.inspect(f);
    }

    @Test
    void aCleanPdfIsCountedInPages() throws Exception {
        var i = inspect(SampleFiles.pdf(3));
        assertEquals(FileType.PDF, i.type());
        assertEquals(3, i.pages());
        assertNull(i.problem());
    }

    @Test
    void encryptedTruncatedAndCorruptPdfsAreRefused() throws Exception {
        assertTrue(inspect(SampleFiles.encryptedPdf()).problem().en().contains("password"));
        assertTrue(inspect(SampleFiles.truncatedPdf()).problem().en().contains("truncated"));
        byte[] garbage = ("%PDF-1.7\n" + "x".repeat(2000) + "\n%%EOF\n").getBytes();
        assertTrue(inspect(garbage).problem().en().contains("corrupt"), inspect(garbage).problem().en());
    }

    @Test
    void theBytesTellTheTypeNotTheName() throws Exception {
        var exe = inspect(SampleFiles.exe());
        assertNull(exe.type());
        assertEquals("a Windows executable", exe.seen().en());
        assertEquals(FileType.DOCX, inspect(SampleFiles.docx()).type());
        assertEquals(FileType.ZIP, inspect(SampleFiles.zip(new String[][]{{"a.txt", "hello"}})).type());
        assertEquals(FileType.PNG, inspect(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0}).type());
        assertEquals(FileType.JPEG, inspect(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0}).type());
        assertEquals(FileType.MP4, inspect(new byte[]{0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'}).type());
        assertNull(inspect("just text".getBytes()).type());
    }

    @Test
    void archivesThatInflateTooMuchOrEscapeTheirFolderAreRefused() throws Exception {
        var bomb = SampleFiles.zipBomb(64);   // ~64 KB that inflates to 64 MB: 1000x
        assertTrue(bomb.length < 1024 * 1024, "fixture size " + bomb.length);
        assertTrue(inspect(bomb).problem().en().contains("zip bomb"));
        assertTrue(inspect(SampleFiles.zip(new String[][]{{"../../etc/cron.d/x", "boom"}})).problem().en().contains("escapes"));
        assertTrue(inspect(SampleFiles.zip(new String[][]{{"C:\\Windows\\x.dll", "boom"}})).problem().en().contains("escapes"));
        // a well-compressible but honest archive under the floor passes
        assertNull(inspect(SampleFiles.zipBomb(8)).problem());
        assertFalse(FileInspector.escapes("课程/第1讲.mp4"));
    }
}
