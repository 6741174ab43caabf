package org.teachertraining.core.common;

/** A user-facing message in Chinese (the default) and English. */
public record Text(String zh, String en) {
    public static Text of(String zh, String en) {
        return new Text(zh, en);
    }

    /** {@code n} and an English noun, singular for one: "1 seat", "2 seats", "1 class", "3 classes". */
    public static String count(long n, String noun) {
        return n + " " + (n == 1 ? noun : noun.endsWith("s") ? noun + "es" : noun + "s");
    }

    public String in(boolean english) {
        return english ? en : zh;
    }
}
