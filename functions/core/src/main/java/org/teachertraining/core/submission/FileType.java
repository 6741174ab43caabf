package org.teachertraining.core.submission;

/** The file types an upload may turn out to be, told by its bytes, not its name. */
public enum FileType {
    PDF("application/pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    ZIP("application/zip"),
    MP4("video/mp4"),
    JPEG("image/jpeg"),
    PNG("image/png");

    private final String contentType;

    FileType(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    public static java.util.Optional<FileType> ofContentType(String contentType) {
        for (var t : values()) if (t.contentType.equalsIgnoreCase(contentType)) return java.util.Optional.of(t);
        return java.util.Optional.empty();
    }
}
