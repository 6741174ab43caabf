package org.teachertraining.core.submission;

import org.teachertraining.core.common.Text;

/**
 * What the bytes of an upload turned out to be: a known type (with its page count for a PDF), or not,
 * and what is wrong with them if anything (encrypted, corrupt, an archive that unpacks to too much).
 *
 * @param type     null when the bytes are none of the accepted types; {@code seen} then says what they are
 * @param seen     a description of the bytes, for the reason
 * @param problem  null when the file opened cleanly
 */
public record Inspection(FileType type, Text seen, Integer pages, Text problem) {
    public static Inspection clean(FileType type, Integer pages) {
        return new Inspection(type, null, pages, null);
    }

    public static Inspection faulty(FileType type, Text problem) {
        return new Inspection(type, null, null, problem);
    }

    public static Inspection unknown(Text seen) {
        return new Inspection(null, seen, null, null);
    }
}
