package org.teachertraining.core.common;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rates as percentages for display (report, fill, completion and coverage rates). */
public final class Percent {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Percent() {}

    /**
     * {@code part} of {@code whole} (not 0) as a percentage to {@code scale} decimals, half up, except that it reads 100
     * only when the part is the whole and 0 only when there is none: 1,999 registered of 2,000 is 99.9%, not 100.0%,
     * which would say that everyone came; 1 of 3,000 is 0.1%, not 0.0%.
     */
    public static BigDecimal of(long part, long whole, int scale) {
        var rounded = BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), scale, RoundingMode.HALF_UP);
        var step = BigDecimal.ONE.movePointLeft(scale);
        if (part < whole && rounded.compareTo(HUNDRED) >= 0) return HUNDRED.subtract(step).setScale(scale, RoundingMode.UNNECESSARY);
        if (part > 0 && rounded.signum() == 0) return step;
        return rounded;
    }
}
