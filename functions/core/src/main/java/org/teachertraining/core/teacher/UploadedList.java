package org.teachertraining.core.teacher;

import org.teachertraining.core.common.Text;

import java.nio.charset.CharacterCodingException;
import java.util.List;

/**
 * The rows of a list a clerk uploads (teachers, a roster): the first worksheet of an Excel workbook (.xlsx), or CSV
 * text in UTF-8 or GB18030, as Excel in zh-CN saves either. Told apart by their bytes, not by a declared type.
 */
public final class UploadedList {
    private UploadedList() {}

    public sealed interface Read {}

    /** Every row, the header's first, each with the line it starts on. */
    public record Rows(List<Csv.Row> rows) implements Read {}

    /** Why the file cannot be read as a list. */
    public record Unreadable(Text why) implements Read {}

    public static Read read(byte[] bytes) {
        try {
            return new Rows(Xlsx.looksLikeWorkbook(bytes) ? Xlsx.read(bytes) : Csv.parse(Csv.decode(bytes)));
        } catch (Xlsx.Malformed e) {
            return new Unreadable(Text.of("Excel 文件无法读取（需 .xlsx 格式，名单在第一个工作表）",
                    "The Excel file cannot be read (an .xlsx workbook, the list on its first sheet)"));
        } catch (CharacterCodingException e) {
            return new Unreadable(Text.of("文件既不是 UTF-8 也不是 GB18030 编码", "The file is neither UTF-8 nor GB18030 text"));
        } catch (Csv.Malformed e) {
            return new Unreadable(Text.of("CSV 格式错误（第 " + e.line + " 行）：" + e.reason.zh(),
                    "Malformed CSV at line " + e.line + ": " + e.reason.en()));
        }
    }
}
