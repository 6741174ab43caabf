package org.teachertraining.enrollment;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.core.jurisdiction.JurisdictionTree;
import org.teachertraining.http.Callers;
import org.teachertraining.http.Responses;

import java.util.Map;

/** The reference data of divisions (GB/T 2260). */
@Controller("/jurisdictions")
public class JurisdictionController {
    private final Callers callers;
    private final JurisdictionTree tree;

    public JurisdictionController(Callers callers, JurisdictionTree tree) {
        this.callers = callers;
        this.tree = tree;
    }

    @Get
    public HttpResponse<String> all(HttpRequest<?> request) {
        callers.of(request);
        return Responses.json(HttpStatus.OK, Map.of("items", tree.all()));
    }

    @Get("/{code}")
    public HttpResponse<String> one(HttpRequest<?> request, String code) {
        callers.of(request);
        Outcome<Object> outcome = tree.find(code).<Outcome<Object>>map(j -> Outcome.done(Map.of("jurisdiction", j, "children", tree.children(code))))
                .orElseGet(() -> Outcome.refused(Refusal.notFound(Text.of("未知的行政区划代码：" + code, "Unknown jurisdiction code " + code))));
        return Responses.of(request, outcome, HttpStatus.OK);
    }
}
