package org.teachertraining.core.jurisdiction;

/**
 * An administrative division (GB/T 2260 code), or a school under its county. {@code quotaParent} is the
 * division that allocates training quotas to this one: the parent, except for counties the province
 * administers directly. A school's code is its county's six digits and four of its own (0001–9999,
 * e.g. 4115230001): the county allocates its seats (名额到校), and its school admin acts for it alone.
 */
public record Jurisdiction(String code, String name, Level level, String parent, String quotaParent) {
    public enum Level { PROVINCE, CITY, COUNTY, SCHOOL }

    /** Whether {@code code} is written as a school of {@code unit}: the unit's six digits and four more, 0001–9999. */
    public static boolean isSchoolCodeOf(String code, String unit) {
        return code != null && unit != null && unit.length() == 6 && code.length() == 10 && code.startsWith(unit)
                && code.chars().allMatch(c -> c >= '0' && c <= '9') && !code.endsWith("0000");
    }
}
