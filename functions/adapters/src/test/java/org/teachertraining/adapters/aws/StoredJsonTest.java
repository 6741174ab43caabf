package org.teachertraining.adapters.aws;

import org.junit.jupiter.api.Test;
import org.teachertraining.core.funding.Budget;
import org.teachertraining.core.jurisdiction.Jurisdiction;
import org.teachertraining.core.project.Project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoredJsonTest {

    @Test
    void primingFindsTheCoresRecordsAndNothingElse() {
        var records = StoredJson.coreRecords();
        assertTrue(records.contains(Project.class) && records.contains(Budget.class) && records.contains(Jurisdiction.class), "records found: " + records);
        assertTrue(records.stream().allMatch(Class::isRecord), "not all records: " + records);
        assertTrue(records.stream().allMatch(c -> c.getName().startsWith("org.teachertraining.core.")), "outside the core: " + records);
        assertFalse(records.contains(org.teachertraining.core.jurisdiction.JurisdictionTree.class));
        assertEquals(records.size(), StoredJson.primeRecords());
    }
}
