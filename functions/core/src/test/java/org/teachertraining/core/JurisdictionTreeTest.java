package org.teachertraining.core;

import org.junit.jupiter.api.Test;
import org.teachertraining.core.jurisdiction.Jurisdiction;
import org.teachertraining.core.jurisdiction.JurisdictionTree;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JurisdictionTreeTest {
    final JurisdictionTree tree = JurisdictionTree.henan();

    @Test
    void henanHas18CityLevelUnitsAnd157Counties() {
        assertEquals(18, tree.children("410000").size());
        assertEquals(157, tree.all().stream().filter(j -> j.level() == Jurisdiction.Level.COUNTY).count());
        assertEquals("新县", tree.find("411523").orElseThrow().name());
        assertEquals("兰考县", tree.find("410225").orElseThrow().name());
    }

    @Test
    void subtreesAndQuotaChains() {
        assertTrue(tree.isWithin("411523", "411500"));
        assertTrue(tree.isWithin("411523", "410000"));
        assertFalse(tree.isWithin("411523", "410100"));
        assertEquals(List.of("411523", "411500", "410000"), tree.quotaChain("411523"));
        assertEquals(List.of("410225", "410000"), tree.quotaChain("410225")); // 兰考: 省直管县
        assertEquals("4115", JurisdictionTree.subtreePrefix("411500"));
        assertEquals("41", JurisdictionTree.subtreePrefix("410000"));
        assertEquals("419001", JurisdictionTree.subtreePrefix("419001"));
    }
}
