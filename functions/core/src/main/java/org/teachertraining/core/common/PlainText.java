package org.teachertraining.core.common;

/**
 * Text as a person reads it, for names and free text wherever they enter (JSON, CSV): no control
 * characters but tab and line breaks (no NUL, no terminal escapes), no bidirectional overrides or isolates
 * (which make a name read differently from what is stored), no lone surrogates (which storage would turn
 * into '?'). Names also may not start like a spreadsheet formula ({@code = + - @}), so an export opened in
 * Excel or WPS never runs one. Messages quote at most {@link #QUOTED} characters of what was sent.
 */
public final class PlainText {
    public static final int QUOTED = 32;

    private PlainText() {}

    /** Why {@code s} is not plain text, in English, or null. */
    public static String problem(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "a lone surrogate";
            }
            if (Character.isLowSurrogate(c)) return "a lone surrogate";
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)) return "a control character (U+" + String.format("%04X", (int) c) + ")";
            if (c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
                return "a bidirectional control (U+" + String.format("%04X", (int) c) + ")";
            }
        }
        return null;
    }

    /** True when a spreadsheet would read {@code s} as a formula. */
    public static boolean formulaLeading(String s) {
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0;
    }

    /** A cell for a CSV or XLSX export: formula-leading values get a leading apostrophe, as spreadsheets expect. */
    public static String neutralised(String cell) {
        return cell != null && formulaLeading(cell) ? "'" + cell : cell;
    }

    /**
     * A code, date or label as a clerk typed it into a spreadsheet: full-width letters, digits and punctuation (a Chinese
     * IME's ４１１５２３) read as their ASCII forms (NFKC), the blanks around it removed.
     */
    public static String typed(String cell) {
        return java.text.Normalizer.normalize(cell, java.text.Normalizer.Form.NFKC).strip();
    }

    /** At most {@link #QUOTED} characters of a caller's value, for messages. */
    public static String quote(Object value) {
        String s = String.valueOf(value);
        return printable(s.length() <= QUOTED ? s : s.substring(0, QUOTED)) + (s.length() <= QUOTED ? "" : "…");
    }

    /**
     * The text with what a message must not carry replaced by U+FFFD: control characters, bidirectional overrides
     * and isolates, and surrogates without their pair (a lone one cannot be encoded, in JSON or in UTF-8).
     */
    public static String printable(String s) {
        var b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c) || Character.isISOControl(c) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                b.append('\uFFFD');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
