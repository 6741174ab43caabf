package org.teachertraining.core.certificate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;

/**
 * A completion certificate (结业证书, C6) of one passed trainee. The verification code is derived from the
 * completion and the teacher, so a redelivered posting issues the same certificate, not a second one.
 */
public record Certificate(String code, String teacherId, String teacherName, String projectId, String projectName,
                          String institutionId, int hours, LocalDate issuedOn) {

    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    /** 16 characters from an unambiguous alphabet (no 0/O, 1/I): 80 bits of the SHA-256 of completion and teacher. */
    public static String codeFor(String completionId, String teacherId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((completionId + "\n" + teacherId).getBytes(StandardCharsets.UTF_8));
            var code = new StringBuilder();
            long bits = 0;
            int available = 0, i = 0;
            while (code.length() < 16) {
                if (available < 5) {
                    bits = (bits << 8) | (digest[i++] & 0xff);
                    available += 8;
                }
                code.append(ALPHABET[(int) ((bits >> (available - 5)) & 31)]);
                available -= 5;
            }
            return code.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The name as a public verification shows it: the family name and the last character (王*芳). */
    public String maskedName() {
        if (teacherName.length() <= 1) return teacherName;
        if (teacherName.length() == 2) return teacherName.charAt(0) + "*";
        return teacherName.charAt(0) + "*".repeat(teacherName.length() - 2) + teacherName.charAt(teacherName.length() - 1);
    }
}
