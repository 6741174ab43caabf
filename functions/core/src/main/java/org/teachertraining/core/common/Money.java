package org.teachertraining.core.common;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money is held as integer fen (分) everywhere; clients send yuan with at most 2 decimals (a JSON number
 * or a string), answered back as fen fields ({@code …Fen}) and yuan strings. Rates are whole fen too,
 * so ceilings and settlements are exact products. The one place that rounds is a percentage of an amount
 * ({@link #percentOf}): the minimum it sets is rounded up to the next fen, so "at least 1.5%" is never
 * met by a budget one fen short of it.
 */
public final class Money {
    /** 1 billion yuan: larger than any training budget, small enough that sums of many never overflow a long. */
    public static final BigDecimal MAX_YUAN = new BigDecimal("1000000000");

    private Money() {}

    /** The amount in fen, or null (with a violation on {@code field}) when absent, negative, finer than a fen or too large. */
    public static Long fen(Violations v, String field, BigDecimal yuan) {
        if (!v.required(field, yuan)) return null;
        if (yuan.signum() < 0) {
            v.add(field, "金额不能为负数", "must not be negative");
        } else if (yuan.stripTrailingZeros().scale() > 2) {
            v.add(field, "金额最多两位小数（元）：" + yuan.toPlainString(), "must have at most 2 decimals (yuan, to the fen): " + yuan.toPlainString());
        } else if (yuan.compareTo(MAX_YUAN) > 0) {
            v.add(field, "金额过大", "must be at most " + MAX_YUAN.toPlainString() + " yuan");
        } else {
            return yuan.movePointRight(2).longValueExact();
        }
        return null;
    }

    /** Fen as yuan with two decimals: 24450000 → "244500.00". */
    public static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    /** {@code percent}% of {@code fen}, rounded up to the next whole fen. */
    public static long percentOf(long fen, BigDecimal percent) {
        return BigDecimal.valueOf(fen).multiply(percent).divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING).longValueExact();
    }

    /**
     * {@code part} as a percentage of {@code whole}, to 2 decimals, rounded as given (for display only; decisions compare
     * fen): a share reported below a limit is rounded down, one above it up, so that the figure shown is never the limit
     * itself (4.999995% is not "5.00%, below 5%"). Rates of people are {@link Percent#of}.
     */
    public static BigDecimal percent(long part, long whole, RoundingMode rounding) {
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(whole), 2, rounding);
    }
}
