package org.teachertraining.core.identity;

import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
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

    public boolean covers(Caller caller, String jurisdiction) {
        return caller.jurisdiction() != null && jurisdiction != null && tree.isWithin(jurisdiction, caller.jurisdiction());
    }

    /** Refusal unless the caller has one of the roles and {@code jurisdiction} lies in its subtree. */
    public Optional<Refusal> require(Caller caller, String jurisdiction, Role... roles) {
        if (!caller.hasRole(roles)) {
            return Optional.of(roleRefusal(roles));
        }
        if (!covers(caller, jurisdiction)) {
            return Optional.of(Refusal.forbidden(Text.of(
                    "行政区划 " + jurisdiction + " 不在您的管辖范围（" + caller.jurisdiction() + "）内",
                    "Jurisdiction " + jurisdiction + " is outside your jurisdiction (" + caller.jurisdiction() + ")")));
        }
        return Optional.empty();
    }

    public static Refusal roleRefusal(Role... roles) {
        var names = String.join(", ", java.util.Arrays.stream(roles).map(Enum::name).toList());
        return Refusal.forbidden(Text.of("此操作仅限以下角色：" + names, "This action is limited to the roles: " + names));
    }
}
