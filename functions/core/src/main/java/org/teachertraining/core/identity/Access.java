package org.teachertraining.core.identity;

import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.common.Identifiers;
import org.teachertraining.core.jurisdiction.Jurisdiction;
import org.teachertraining.core.jurisdiction.JurisdictionTree;

import java.util.Optional;

/** Role and jurisdiction-subtree checks shared by the use cases. A user acts only inside its own subtree. */
public final class Access {
    private final JurisdictionTree tree;

    public Access(JurisdictionTree tree) {
        this.tree = tree;
    }

    public JurisdictionTree tree() {
        return tree;
    }

    /**
     * Why a verified token still does not identify someone who may act, or empty. The claims must name a
     * real unit of the tree at the role's level: a province admin a province, a city admin a city-level
     * unit, a county admin a county-level unit, a school admin a school (its county's code and four digits);
     * an institution its institution ID, a teacher its teacher ID. A prefix such as "4115" or an empty
     * code never passes, so no subtree query is ever built from an unchecked claim.
     */
    public Optional<Text> claimProblem(Caller caller) {
        var level = switch (caller.role()) {
            case PROVINCE_ADMIN -> Jurisdiction.Level.PROVINCE;
            case CITY_ADMIN -> Jurisdiction.Level.CITY;
            case COUNTY_ADMIN -> Jurisdiction.Level.COUNTY;
            case SCHOOL_ADMIN -> Jurisdiction.Level.SCHOOL;
            default -> null;
        };
        if (level != null) {
            var unit = tree.find(caller.jurisdiction());
            if (unit.isEmpty()) {
                return Optional.of(Text.of("令牌中的行政区划代码不存在", "The token's jurisdiction is not a known division code"));
            }
            if (unit.get().level() != level) {
                return Optional.of(Text.of("令牌中的行政区划级别与角色不符", "The token's jurisdiction is not at the level of its role"));
            }
        }
        if (caller.role() == Role.INSTITUTION && !Identifiers.valid(caller.institutionId())) {
            return Optional.of(Text.of("承训单位令牌缺少有效的 institutionId", "An institution's token needs a valid institutionId"));
        }
        if (caller.role() == Role.TEACHER && !Identifiers.valid(caller.teacherId())) {
            return Optional.of(Text.of("教师令牌缺少有效的 teacherId", "A teacher's token needs a valid teacherId"));
        }
        if (!Identifiers.valid(caller.userId(), 128)) {
            return Optional.of(Text.of("令牌中的 sub 无效", "The token's sub claim is not a valid user ID"));
        }
        return Optional.empty();
    }

    public boolean covers(Caller caller, String jurisdiction) {
        return caller.jurisdiction() != null && jurisdiction != null && tree.isWithin(jurisdiction, caller.jurisdiction());
    }

    /**
     * Refusal unless the caller has one of the roles and {@code jurisdiction} lies in its subtree: 403, or 400 for a code
     * that names no unit at all (a mistake in the request, not a unit outside the caller's subtree).
     */
    public Optional<Refusal> require(Caller caller, String jurisdiction, Role... roles) {
        if (!caller.hasRole(roles)) {
            return Optional.of(roleRefusal(roles));
        }
        if (jurisdiction != null && !tree.exists(jurisdiction)) return Optional.of(unknownUnit(jurisdiction));
        if (!covers(caller, jurisdiction)) {
            return Optional.of(Refusal.forbidden(Text.of(
                    tree.nameOf(jurisdiction) + "不在您的管辖范围（" + tree.nameOf(caller.jurisdiction()) + "）内",
                    "Jurisdiction " + jurisdiction + " is outside your jurisdiction (" + caller.jurisdiction() + ")")));
        }
        return Optional.empty();
    }

    /** 400 for a {@code jurisdiction} that names no unit of the tree: what is wrong is the code, not who asks about it. */
    public static Refusal unknownUnit(String jurisdiction) {
        return JurisdictionTree.unknown(new org.teachertraining.core.common.Violations(), "jurisdiction", jurisdiction).refusal();
    }

    public static Refusal roleRefusal(Role... roles) {
        var names = org.teachertraining.core.common.Labels.list(java.util.Arrays.asList(roles));
        return Refusal.forbidden(Text.of("此操作仅限以下角色：" + names.zh(), "This action is limited to the roles: " + names.en()));
    }
}
