package org.teachertraining.core.credit;

import java.util.Collection;
import java.util.stream.Collectors;

/** The Chinese names of the credit categories (C2), for messages: no enum codes inside Chinese sentences. */
final class CreditCategories {
    private CreditCategories() {}

    static String zh(CreditCategory c) {
        return switch (c) {
            case CENTRALIZED -> "集中培训";
            case ONLINE -> "网络研修";
            case SCHOOL_BASED -> "校本研修";
            case SHADOWING -> "跟岗研修";
            case PRACTICE -> "返岗实践";
        };
    }

    static String zh(Collection<CreditCategory> categories) {
        return categories.stream().map(CreditCategories::zh).collect(Collectors.joining("、"));
    }
}
