package org.teachertraining.core.quota;

import org.teachertraining.core.common.NotFound;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.common.Violations;
import org.teachertraining.core.identity.Access;
import org.teachertraining.core.identity.Caller;
import org.teachertraining.core.project.Projects;

import java.util.Map;

/** E1: the admin of a jurisdiction's quota parent sets its seats; sub-allocations never exceed the parent's. */
public final class AllocateQuota {
    public static final int MAX_SEATS = 1_000_000;

    private final Projects projects;
    private final Quotas quotas;
    private final Access access;

    public AllocateQuota(Projects projects, Quotas quotas, Access access) {
        this.projects = projects;
        this.quotas = quotas;
        this.access = access;
    }

    public Outcome<Quota> execute(Caller caller, String projectId, String jurisdiction, Integer seats) {
        var project = projects.find(projectId);
        if (project.isEmpty()) {
            return Outcome.refused(NotFound.project(projectId));
        }
        var tree = access.tree();
        var v = new Violations();
        if (v.required("seats", seats)) v.range("seats", seats, 0, MAX_SEATS);
        String owner = project.get().ownerJurisdiction();
        if (!tree.exists(jurisdiction)) {
            String quoted = org.teachertraining.core.common.PlainText.quote(jurisdiction);
            v.add("jurisdiction", "未知的行政区划代码或学校代码：" + quoted, "not a known division code nor a school's code: " + quoted);
        } else if (jurisdiction.equals(owner) || !tree.quotaChain(jurisdiction).contains(owner)) {
            v.add("jurisdiction", tree.nameOf(jurisdiction) + "不在项目所属区划" + tree.nameOf(owner) + "之下",
                    jurisdiction + " is not below the project's owner " + owner);
        }
        if (!v.isEmpty()) return Outcome.refused(v.refusal());

        String parent = tree.quotaParent(jurisdiction).orElseThrow();
        if (!caller.role().isJurisdictionAdmin() || !parent.equals(caller.jurisdiction())) {
            return Outcome.refused(Refusal.forbidden(Text.of(
                    tree.nameOf(jurisdiction) + "的名额只能由上级" + tree.nameOf(parent) + "的管理员分配",
                    "Only an admin of " + parent + ", the allocating parent, may set the quota of " + jurisdiction)));
        }
        if (project.get().cancelledAt() != null) return Outcome.refused(cancelled());
        var allocation = quotas.allocate(projectId, parent, jurisdiction, seats);
        if (allocation instanceof Quotas.Allocation.PoolClosed) return Outcome.refused(cancelled());   // cancelled meanwhile
        if (allocation instanceof Quotas.Allocation.Allocated a) return Outcome.done(a.quota());
        if (allocation instanceof Quotas.Allocation.ParentShort s) {
            return Outcome.refused(Refusal.conflict("E1", Text.of(
                            "超出上级名额：" + tree.nameOf(parent) + "仅剩 " + s.parentFree() + " 个名额可分配",
                            "Over the parent's allocation: " + parent + " has only " + Text.count(s.parentFree(), "seat") + " left to allocate"))
                    .withDetails(Map.of("parentAvailable", s.parentFree())));
        }
        if (allocation instanceof Quotas.Allocation.BelowUsed b) {
            return Outcome.refused(Refusal.conflict("E1", Text.of(
                            "不能低于已使用的名额数 " + b.usedSeats() + "（已遴选或已下分）",
                            "Cannot go below the " + Text.count(b.usedSeats(), "seat") + " already used (enrolled or sub-allocated)"))
                    .withDetails(Map.of("used", b.usedSeats())));
        }
        return Outcome.refused(Refusal.conflict("E1", Text.of(
                "上级" + tree.nameOf(parent) + "尚未获得该项目名额", "The parent " + parent + " holds no quota of this project yet")));
    }

    private static Refusal cancelled() {
        return Refusal.conflict(null, Text.of("项目已取消，名额不再分配", "The project was cancelled; its seats are no longer allocated"));
    }
}
