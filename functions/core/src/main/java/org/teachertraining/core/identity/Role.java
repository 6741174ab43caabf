package org.teachertraining.core.identity;

/** The roles of docs/domain.md, as carried in the token's {@code role} claim. */
public enum Role {
    PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN, SCHOOL_ADMIN, INSTITUTION, TEACHER, EXPERT;

    public boolean isJurisdictionAdmin() {
        return this == PROVINCE_ADMIN || this == CITY_ADMIN || this == COUNTY_ADMIN;
    }

    public boolean isAdmin() {
        return isJurisdictionAdmin() || this == SCHOOL_ADMIN;
    }
}
