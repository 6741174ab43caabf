package org.teachertraining.core;

import org.junit.jupiter.api.Test;
import org.teachertraining.core.jurisdiction.Jurisdiction;
import org.teachertraining.core.jurisdiction.JurisdictionTree;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JurisdictionTreeTest {
    final JurisdictionTree tree = JurisdictionTree.china();

    @Test
    void henanHas18CityLevelUnitsAnd157Counties() {
        assertEquals(18, tree.children("410000").size());
        assertEquals(157, tree.all().stream().filter(j -> j.level() == Jurisdiction.Level.COUNTY && j.code().startsWith("41")).count());
        assertEquals("新县", tree.find("411523").orElseThrow().name());
        assertEquals("兰考县", tree.find("410225").orElseThrow().name());
    }

    @Test
    void allOfMainlandChina_theProvincesOfTheSourcesAmongThem() {
        assertEquals(31, tree.all().stream().filter(j -> j.level() == Jurisdiction.Level.PROVINCE).count());
        assertEquals("山西省", tree.find("140000").orElseThrow().name());
        assertEquals("四川省", tree.find("510000").orElseThrow().name());
        assertEquals(List.of("510104", "510100", "510000"), tree.quotaChain("510104"));   // 成都市锦江区
        assertEquals(List.of("110101", "110100", "110000"), tree.quotaChain("110101"));   // a municipality's district
        assertEquals(Jurisdiction.Level.CITY, tree.find("429004").orElseThrow().level());   // 仙桃: directly under 湖北
        assertEquals("420000", tree.find("429004").orElseThrow().parent());
        assertTrue(tree.all().size() > 3000, tree.all().size() + " units");
        for (var j : tree.all()) {
            if (j.parent() != null) assertTrue(tree.exists(j.parent()), j.code() + " has no parent " + j.parent());
            assertTrue(tree.isWithin(j.code(), j.code().substring(0, 2) + "0000"), j.code() + " outside its province");
        }
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
