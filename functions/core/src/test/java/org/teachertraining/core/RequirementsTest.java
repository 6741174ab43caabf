package org.teachertraining.core;

import org.junit.jupiter.api.Test;
import org.teachertraining.core.credit.CreditCategory;
import org.teachertraining.core.credit.CreditEntry;
import org.teachertraining.core.credit.Requirement;
import org.teachertraining.core.credit.Requirements;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** C3 with the seeds' numbers, at the boundaries. */
class RequirementsTest {
    final Requirements seeds = Requirements.seeds();

    Requirement byId(String id) {
        return seeds.all().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    static CreditEntry entry(int year, CreditCategory category, int hours, String topic) {
        return new CreditEntry("e" + year + category + hours, "T1", year, category, hours, topic, "src", null, null, null, "test", Instant.EPOCH);
    }

    @Test
    void henan360HoursInFiveYears_359IsShortByOne() {
        var r = byId("HN-CYCLE");
        var ledger = new ArrayList<CreditEntry>(List.of(entry(2021, CreditCategory.CENTRALIZED, 120, null),
                entry(2023, CreditCategory.ONLINE, 139, null), entry(2025, CreditCategory.SCHOOL_BASED, 100, null)));
        var status = Requirements.evaluate(r, ledger, 2021, 2025);
        assertEquals(359, status.earned());
        assertFalse(status.met());
        assertEquals(1, status.shortBy());
        ledger.add(entry(2025, CreditCategory.ONLINE, 1, null));
        var met = Requirements.evaluate(r, ledger, 2021, 2025);
        assertTrue(met.met());
        assertEquals(0, met.shortBy());
    }

    @Test
    void hoursOutsideTheCycleDoNotCount() {
        var r = byId("HN-CYCLE");
        var ledger = List.of(entry(2020, CreditCategory.CENTRALIZED, 200, null), entry(2026, CreditCategory.CENTRALIZED, 200, null),
                entry(2022, CreditCategory.CENTRALIZED, 10, null));
        var status = Requirements.evaluate(r, ledger, 2021, 2022);
        assertEquals(10, status.earned());
        assertArrayEquals(new int[]{2021, 2025}, Requirements.cycle(r, 2021, 2022));
        assertArrayEquals(new int[]{2026, 2030}, Requirements.cycle(r, 2021, 2026));
        assertArrayEquals(new int[]{2016, 2020}, Requirements.cycle(r, 2021, 2020));
    }

    @Test
    void sichuanDistrict240In4YearsWith120SchoolBased_119IsShort() {
        var r = byId("SC-DISTRICT-CYCLE");
        var ledger = List.of(entry(2016, CreditCategory.SCHOOL_BASED, 119, null), entry(2017, CreditCategory.CENTRALIZED, 200, null));
        var status = Requirements.evaluate(r, ledger, 2016, 2019);
        assertEquals(319, status.earned());
        assertFalse(status.met());
        // every hour of the total but one school-based hour: short by that hour, never by 0 while unmet
        assertEquals(1, status.shortBy());
        assertEquals(Map.of(CreditCategory.SCHOOL_BASED, 1), status.shortByCategory());
        var met = Requirements.evaluate(r, List.of(entry(2016, CreditCategory.SCHOOL_BASED, 120, null),
                entry(2019, CreditCategory.ONLINE, 120, null)), 2016, 2019);
        assertTrue(met.met());
    }

    @Test
    void newTeachers100InTheFirstYearWith50SchoolBased() {
        var r = byId("HN-NEW-TEACHER");
        var short49 = Requirements.evaluate(r, List.of(entry(2024, CreditCategory.SCHOOL_BASED, 49, null),
                entry(2024, CreditCategory.CENTRALIZED, 51, null)), 2024, 2024);
        assertFalse(short49.met());
        assertEquals(Map.of(CreditCategory.SCHOOL_BASED, 1), short49.shortByCategory());
        assertEquals(1, short49.shortBy());
        // 40 centralized hours: 60 short in all, 50 of them school-based; 40 school-based: 60 short, 10 of them school-based
        assertEquals(60, Requirements.evaluate(r, List.of(entry(2024, CreditCategory.CENTRALIZED, 40, null)), 2024, 2024).shortBy());
        assertEquals(60, Requirements.evaluate(r, List.of(entry(2024, CreditCategory.SCHOOL_BASED, 40, null)), 2024, 2024).shortBy());
        // 90 centralized hours: 10 short of the total, but all 50 school-based ones are still to come
        assertEquals(50, Requirements.evaluate(r, List.of(entry(2024, CreditCategory.CENTRALIZED, 90, null)), 2024, 2024).shortBy());
        assertTrue(Requirements.evaluate(r, List.of(entry(2024, CreditCategory.SCHOOL_BASED, 50, null),
                entry(2024, CreditCategory.CENTRALIZED, 50, null)), 2024, 2024).met());
    }

    @Test
    void headTeachersCountOnlySpecialTopicHours_andIt20NeedsPractice() {
        var head = byId("HN-HEAD-TEACHER");
        var ledger = List.of(entry(2022, CreditCategory.CENTRALIZED, 29, "HEAD_TEACHER"), entry(2022, CreditCategory.CENTRALIZED, 300, null));
        assertEquals(1, Requirements.evaluate(head, ledger, 2021, 2022).shortBy());
        // a topic is an ID, whatever its case: an institution's "head_teacher" hours are the requirement's
        var inLowerCase = List.of(entry(2022, CreditCategory.CENTRALIZED, 29, "head_teacher"), entry(2022, CreditCategory.CENTRALIZED, 1, "Head_Teacher"));
        assertEquals(0, Requirements.evaluate(head, inLowerCase, 2021, 2022).shortBy());
        var it = byId("HN-IT-2.0");
        var itLedger = List.of(entry(2021, CreditCategory.ONLINE, 26, "IT_2_0"), entry(2021, CreditCategory.PRACTICE, 24, "IT_2_0"));
        var status = Requirements.evaluate(it, itLedger, 2021, 2021);
        assertEquals(50, status.earned());
        assertEquals(Map.of(CreditCategory.PRACTICE, 1), status.shortByCategory());
        assertEquals(1, status.shortBy());
    }

    @Test
    void aReversingEntryTakesItsHoursBack() {
        var r = byId("HN-CYCLE");
        var ledger = List.of(entry(2021, CreditCategory.CENTRALIZED, 360, null),
                new CreditEntry("rev", "T1", 2021, CreditCategory.CENTRALIZED, -40, null, "correction", null, "e2021CENTRALIZED360",
                        "duplicate class", "province", Instant.EPOCH));
        assertEquals(40, Requirements.evaluate(r, ledger, 2021, 2021).shortBy());
    }

    @Test
    void requirementsArePerJurisdiction() {
        assertEquals(4, seeds.of("410000").size());
        assertEquals(1, seeds.of("510000").size());
    }
}
