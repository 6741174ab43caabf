package org.teachertraining.core.common;

import java.util.regex.Pattern;

/**
 * The one shape of identifiers the platform accepts wherever one enters (path, body, token): letters,
 * digits, '-', '_' and '.', at most 64 characters. Keys built from them stay far below DynamoDB's key
 * limits (2048 bytes partition, 1024 sort), and nothing invisible or ambiguous can hide in them.
 */
public final class Identifiers {
    public static final int MAX_LENGTH = 64;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9._-]+");

    private Identifiers() {}

    public static boolean valid(String value) {
        return valid(value, MAX_LENGTH);
    }

    public static boolean valid(String value, int maxLength) {
        return value != null && !value.isEmpty() && value.length() <= maxLength && SHAPE.matcher(value).matches();
    }
}
