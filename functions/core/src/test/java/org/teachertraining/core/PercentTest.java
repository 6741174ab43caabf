package org.teachertraining.core;

import org.junit.jupiter.api.Test;
import org.teachertraining.core.common.Percent;
import org.teachertraining.core.enrollment.ReportRates;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A rate reads 100% only when everyone counted, and 0% only when nobody did (E8's report and fill rates, the mentoring coverage). */
class PercentTest {
    @Test
    void aRateReadsAWholeOnlyForTheWholeAndNothingOnlyForNothing() {
        // 1,999 of 2,000 registered: half up gave 100.0%, as if every selected teacher had come
        assertEquals(new BigDecimal("99.9"), ReportRates.percent(1999, 2000));
        assertEquals(new BigDecimal("99.99"), Percent.of(19_999, 20_000, 2));
        assertEquals(new BigDecimal("100.0"), ReportRates.percent(2000, 2000));
        assertEquals(new BigDecimal("0.1"), ReportRates.percent(1, 3000));
        assertEquals(new BigDecimal("0.0"), ReportRates.percent(0, 3000));
        assertEquals(new BigDecimal("0.0"), ReportRates.percent(0, 0));
        // everything else half up, as before, above 100 included (coverage over a target)
        assertEquals(new BigDecimal("33.3"), ReportRates.percent(1, 3));
        assertEquals(new BigDecimal("66.7"), ReportRates.percent(2, 3));
        assertEquals(new BigDecimal("150.0"), ReportRates.percent(3, 2));
        assertEquals(new BigDecimal("99.95"), Percent.of(1999, 2000, 2));
    }
}
