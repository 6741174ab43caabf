package org.teachertraining.core.credit;

import org.teachertraining.core.common.Labels;
import org.teachertraining.core.common.Text;

import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;

/**
 * One teacher's standing against one requirement in one cycle, as the compliance aggregate keeps it:
 * what a bureau's list shows without reading any ledger. {@code shortBy} is the fewest hours still to earn, and
 * {@code shortByCategory} the hours of each category the requirement names still missing (a row stored before it was
 * kept has none until its teacher's next refresh).
 */
public record ComplianceRow(String teacherId, String name, String jurisdiction, String schoolId, String requirementId,
                            int cycleFrom, int cycleTo, int earned, int required, int shortBy,
                            Map<CreditCategory, Integer> shortByCategory, boolean met) {
    public ComplianceRow {
        shortByCategory = shortByCategory == null ? Map.of() : Map.copyOf(shortByCategory);
    }

    /** The categories still short, in the categories' order: "校本研修 50 学时、实践应用 25 学时" (empty when none is). */
    public Text categoriesShort() {
        var zh = new ArrayList<String>();
        var en = new ArrayList<String>();
        for (var e : new TreeMap<>(shortByCategory).entrySet()) {
            zh.add(Labels.zh(e.getKey()) + " " + e.getValue() + " 学时");
            en.add(Labels.of(e.getKey()).en() + ": " + e.getValue());
        }
        return Text.of(String.join("、", zh), String.join(", ", en));
    }

    /** Which row of its teacher this is: one per requirement and cycle. */
    public record Key(String requirementId, int cycleFrom) {}

    public Key key() {
        return new Key(requirementId, cycleFrom);
    }
}
