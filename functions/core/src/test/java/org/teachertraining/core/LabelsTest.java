package org.teachertraining.core;

import org.junit.jupiter.api.Test;
import org.teachertraining.core.common.Labels;
import org.teachertraining.core.enrollment.EnrollmentStatus;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Role;
import org.teachertraining.core.teacher.Stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelsTest {
    /** Enumerations that never reach a person: kinds of refusal, steps inside a use case, columns of a parser. */
    private static final Set<String> INTERNAL = Set.of("Refusal.Kind", "Waitlists.Promotion", "Waitlists.Listing", "ImportTeachers.Column", "Store.Joined",
            "Funding.ExpenseWrite");

    /** Every enumeration compiled into core, found on disk, so a new one without names fails here. */
    @Test
    void everyConstantOfEveryEnumerationHasAChineseAndAnEnglishName() throws Exception {
        var missing = new ArrayList<String>();
        for (var type : coreEnumerations()) {
            String name = type.getEnclosingClass() == null ? type.getSimpleName() : type.getEnclosingClass().getSimpleName() + "." + type.getSimpleName();
            if (INTERNAL.contains(name)) continue;
            for (var constant : type.getEnumConstants()) {
                try {
                    var label = Labels.of((Enum<?>) constant);
                    if (label.zh().isBlank() || label.en().isBlank()) missing.add(name + "." + constant);
                    assertTrue(Labels.codesIn(label.zh()).isEmpty(), name + "." + constant + " is named with a code: " + label.zh());
                } catch (IllegalStateException e) {
                    missing.add(name + "." + constant);
                }
            }
        }
        assertEquals(List.of(), missing, "enumerations without names in Labels");
    }

    @Test
    void theTableHasNoNameForACodeThatDoesNotExist() throws Exception {
        var real = new java.util.HashSet<String>();
        for (var type : coreEnumerations()) for (var c : type.getEnumConstants()) real.add(((Enum<?>) c).name());
        for (var entry : Labels.all().entrySet()) {
            for (var code : entry.getValue().keySet()) assertTrue(real.contains(code), entry.getKey() + "." + code + " names no constant");
        }
    }

    @Test
    void aCodeInsideAChineseSentenceIsFound_withItsNameBesideItToo() {
        assertEquals(List.of("URBAN"), Labels.codesIn("项目面向乡村、乡镇，该教师学校为 URBAN"));
        assertEquals(List.of("NO_SHOW", "CITY_ADMIN"), Labels.codesIn("状态 NO_SHOW，角色 CITY_ADMIN"));
        assertEquals(List.of("PRIMARY", "JUNIOR"), Labels.codesIn("可选：PRIMARY（小学）、JUNIOR（初中）"));
        assertEquals(List.of(), Labels.codesIn("项目申报书（盖章 PDF）须为 PDF 文件，项目 HN2020-01"));
        assertEquals(List.of(), Labels.codesIn("URBANIZED 不是代码"));
    }

    @Test
    void refusalsNameRolesAndChoicesInChinese() {
        var refusal = Access.roleRefusal(Role.CITY_ADMIN, Role.COUNTY_ADMIN);
        assertEquals("此操作仅限以下角色：市级教育行政部门、县级教育行政部门", refusal.message().zh());
        assertEquals("This action is limited to the roles: City admin, County admin", refusal.message().en());
        // the choices by their names in Chinese, by their codes in English; the codes also in the field error's "allowed"
        assertEquals("已入选", Labels.choices(EnrollmentStatus.class).zh().split("、")[0]);
        assertEquals(List.of(), Labels.codesIn(Labels.choices(EnrollmentStatus.class).zh()));
        assertEquals("SELECTED", Labels.choices(EnrollmentStatus.class).en().split(", ")[0]);
        var error = new org.teachertraining.core.common.Violations().notOneOf("status", org.teachertraining.core.common.Text.of("未知的取值", "unknown value"), EnrollmentStatus.class)
                .refusal().errors().get(0);
        assertEquals("未知的取值，可选：" + Labels.choices(EnrollmentStatus.class).zh(), error.message().zh());
        assertEquals(Labels.codes(EnrollmentStatus.class), error.allowed());
        assertEquals("已报到", EnrollmentStatus.REGISTERED.zh());
        assertEquals("初中", Stage.JUNIOR.zh());
    }

    private static List<Class<?>> coreEnumerations() throws IOException, ClassNotFoundException {
        var root = Path.of(Labels.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        var found = new ArrayList<Class<?>>();
        try (var files = Files.walk(root)) {
            for (var f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                var type = Class.forName(name, false, Labels.class.getClassLoader());
                if (type.isEnum()) found.add(type);
            }
        }
        assertTrue(found.size() > 20, "found only " + found.size() + " enumerations under " + root);
        return found;
    }
}
