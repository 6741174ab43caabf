package org.teachertraining.core.certificate;

import java.time.LocalDate;

/**
 * A completion certificate (结业证书, C6) of one passed trainee, found publicly by its random verification code.
 */
public record Certificate(String code, String teacherId, String teacherName, String projectId, String projectName,
                          String institutionId, int hours, LocalDate issuedOn) {

    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /**
     * A new verification code: 16 characters from an unambiguous alphabet (no 0/O, 1/I), 80 random bits.
     * Random and stored with the trainee's result, so nobody can derive a code from completion and
     * teacher IDs and look up who passed what; a redelivered posting finds the stored code and reissues it.
     */
    public static String newCode() {
        var code = new StringBuilder(16);
        for (int i = 0; i < 16; i++) code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        return code.toString();
    }

    /**
     * A code as a person types it from the paper, in lower case or in groups with dashes: the code it stands for.
     * Anything else is left as typed, and finds nothing.
     */
    public static String canonical(String typed) {
        return typed.replace("-", "").toUpperCase(java.util.Locale.ROOT);
    }

    /** The name as a public verification shows it: the family name and the last character (王*芳). */
    public String maskedName() {
        if (teacherName.length() <= 1) return teacherName;
        if (teacherName.length() == 2) return teacherName.charAt(0) + "*";
        return teacherName.charAt(0) + "*".repeat(teacherName.length() - 2) + teacherName.charAt(teacherName.length() - 1);
    }
}
