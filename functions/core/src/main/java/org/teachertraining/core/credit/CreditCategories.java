package org.teachertraining.core.credit;

import java.util.Collection;
import java.util.stream.Collectors;

/** The Chinese names of the credit categories (C2), for messages, from {@link org.teachertraining.core.common.Labels}. */
final class CreditCategories {
    private CreditCategories() {}

    static String zh(CreditCategory c) {
        return org.teachertraining.core.common.Labels.zh(c);
    }

    static String zh(Collection<CreditCategory> categories) {
        return categories.stream().map(CreditCategories::zh).collect(Collectors.joining("、"));
    }
}
