package org.teachertraining.enrollment;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.credit.ListCompliance;
import org.teachertraining.core.jurisdiction.JurisdictionTree;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;
import org.teachertraining.http.ForRoles;
import org.teachertraining.http.Callers;
import org.teachertraining.http.export.Export;
import org.teachertraining.http.QueryValues;
import org.teachertraining.http.Responses;

import java.util.Map;

import static org.teachertraining.core.identity.Role.CITY_ADMIN;
import static org.teachertraining.core.identity.Role.COUNTY_ADMIN;
import static org.teachertraining.core.identity.Role.PROVINCE_ADMIN;
import static org.teachertraining.core.identity.Role.SCHOOL_ADMIN;

/** The reference data of divisions (GB/T 2260). */
@Controller("/jurisdictions")
public class JurisdictionController {
    private final Callers callers;
    private final JurisdictionTree tree;
    private final ListCompliance listCompliance;

    public JurisdictionController(Callers callers, JurisdictionTree tree, ListCompliance listCompliance) {
        this.callers = callers;
        this.tree = tree;
        this.listCompliance = listCompliance;
    }

    /** Teachers registered in the jurisdiction who are short of a requirement in its current cycle, or the one just ended (C3). */
    @ForRoles(value = {PROVINCE_ADMIN, CITY_ADMIN, COUNTY_ADMIN, SCHOOL_ADMIN}, jurisdiction = "code")
    @Get("/{code}/compliance")
    @io.micronaut.http.annotation.Produces({"application/json", Export.XLSX, "text/csv"})   // ?format= or Accept
    public HttpResponse<?> compliance(HttpRequest<?> request, String code, @Nullable @QueryValue String requirement,
                                      @Nullable @QueryValue String school, @Nullable @QueryValue String firstYear,
                                      @Nullable @QueryValue String year, @Nullable @QueryValue String cursor, @Nullable @QueryValue String limit) {
        var caller = callers.of(request);
        var query = new ListCompliance.Query(code, requirement, school, QueryValues.integer("firstYear", firstYear), QueryValues.integer("year", year));
        var export = Export.asked(request);
        if (export != null) {
            return Export.response(request, export, "学时未达标", ExportColumns.COMPLIANCE,
                    Export.pages(next -> listCompliance.export(caller, query, next)));
        }
        return Responses.of(request, listCompliance.execute(caller, query, cursor, QueryValues.integer("limit", limit)), HttpStatus.OK);
    }

    /** The units directly under {@code parent}, or with {@code level} all units of that level (the provinces by default): never all 3,000 at once. */
    @Get
    public HttpResponse<String> all(HttpRequest<?> request, @Nullable @QueryValue String parent, @Nullable @QueryValue String level) {
        callers.of(request);
        var wanted = QueryValues.constant("level", level, org.teachertraining.core.jurisdiction.Jurisdiction.Level.class);
        if (QueryValues.text(parent) != null) {
            if (!tree.exists(parent)) {
                throw new org.teachertraining.http.ProblemException(400, JurisdictionTree.unknown(new org.teachertraining.core.common.Violations(), "parent", parent).refusal());
            }
            return Responses.json(HttpStatus.OK, Map.of("items", tree.children(parent).stream().filter(j -> wanted == null || j.level() == wanted).toList()));
        }
        var of = wanted == null ? org.teachertraining.core.jurisdiction.Jurisdiction.Level.PROVINCE : wanted;
        return Responses.json(HttpStatus.OK, Map.of("items", tree.all().stream().filter(j -> j.level() == of).toList()));
    }

    @Get("/{code}")
    public HttpResponse<String> one(HttpRequest<?> request, String code) {
        callers.of(request);
        Outcome<Object> outcome = tree.find(code).<Outcome<Object>>map(j -> Outcome.done(Map.of("jurisdiction", j, "children", tree.children(code))))
                .orElseGet(() -> Outcome.refused(Refusal.notFound(Text.of("未知的行政区划代码：" + org.teachertraining.core.common.PlainText.quote(code), "Unknown jurisdiction code: " + org.teachertraining.core.common.PlainText.quote(code)))));
        return Responses.of(request, outcome, HttpStatus.OK);
    }
}
