package org.teachertraining.core.jurisdiction;

/**
 * An administrative division (GB/T 2260 code). {@code quotaParent} is the division that allocates
 * training quotas to this one: the parent, except for counties the province administers directly.
 */
public record Jurisdiction(String code, String name, Level level, String parent, String quotaParent) {
    public enum Level { PROVINCE, CITY, COUNTY }
}
