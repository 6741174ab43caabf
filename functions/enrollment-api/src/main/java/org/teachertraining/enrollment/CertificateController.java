package org.teachertraining.enrollment;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import org.teachertraining.core.certificate.Certificate;
import org.teachertraining.core.certificate.CertificateRegistry;
import org.teachertraining.core.common.Outcome;
import org.teachertraining.core.common.Refusal;
import org.teachertraining.core.common.Text;
import org.teachertraining.http.Open;
import org.teachertraining.http.Responses;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Public verification of a completion certificate (no token: whoever holds the certificate can check it).
 * It confirms the certificate and shows the name masked (王*芳), never the teacher's id.
 */
@Open
@Controller("/certificates/{code}")
public class CertificateController {
    private final CertificateRegistry registry;

    public CertificateController(CertificateRegistry registry) {
        this.registry = registry;
    }

    @Get
    public HttpResponse<String> verify(HttpRequest<?> request, String code) {
        Outcome<Map<String, Object>> outcome = registry.find(Certificate.canonical(code)).<Outcome<Map<String, Object>>>map(c -> {
            var body = new LinkedHashMap<String, Object>();
            body.put("code", c.code());
            body.put("valid", true);
            body.put("teacher", c.maskedName());
            body.put("projectName", c.projectName());
            body.put("institutionId", c.institutionId());
            body.put("hours", c.hours());
            body.put("issuedOn", c.issuedOn().toString());
            return Outcome.done(body);
        }).orElseGet(() -> Outcome.refused(Refusal.notFound(Text.of("没有这个证书验证码：" + code, "No certificate with code " + code))));
        return Responses.of(request, outcome, HttpStatus.OK);
    }
}
