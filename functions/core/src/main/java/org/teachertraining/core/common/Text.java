package org.teachertraining.core.common;

/** A user-facing message in Chinese (the default) and English. */
public record Text(String zh, String en) {
    public static Text of(String zh, String en) {
        return new Text(zh, en);
    }

    public String in(boolean english) {
        return english ? en : zh;
    }
}
