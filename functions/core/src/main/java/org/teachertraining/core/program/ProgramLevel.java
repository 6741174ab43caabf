package org.teachertraining.core.program;

/** The level a program is run at: 国培, 省培, city, county, school. */
public enum ProgramLevel {
    NATIONAL, PROVINCIAL, CITY, COUNTY, SCHOOL;

    /** E4 applies to provincial and national projects. */
    public boolean isProvincialOrAbove() {
        return this == NATIONAL || this == PROVINCIAL;
    }
}
