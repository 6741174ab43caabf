package org.teachertraining.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which language a refusal is written in: Chinese unless the caller's Accept-Language prefers English. */
class ProblemsTest {

    @Test
    void englishWhenItIsPreferred() {
        assertTrue(Problems.english("en"));
        assertTrue(Problems.english("en-US,en;q=0.9"));
        assertTrue(Problems.english("EN-gb"));
        assertTrue(Problems.english("zh-CN;q=0.5, en;q=0.9"));
        assertTrue(Problems.english("fr-FR,fr;q=0.9,en;q=0.8"), "English is preferred to Chinese, though not first");
        assertTrue(Problems.english("en;q=0.8,zh;q=0.8"), "a tie goes to the one named first");
    }

    @Test
    void chineseOtherwise() {
        assertFalse(Problems.english((String) null));
        assertFalse(Problems.english(""));
        assertFalse(Problems.english("*"));
        assertFalse(Problems.english("fr"));
        assertFalse(Problems.english("zh-CN,zh;q=0.9,en;q=0.8"));
        assertFalse(Problems.english("en;q=0.5,zh-CN"), "Chinese weighs more, though named second");
        assertFalse(Problems.english("zh;q=0.8,en;q=0.8"));
        assertFalse(Problems.english("en;q=0"), "q=0 means not acceptable");
        assertFalse(Problems.english("en;q=abc"));
        assertFalse(Problems.english("en;q=7"));
        assertFalse(Problems.english("english"), "not a tag for English");
    }
}
