package org.teachertraining.enrollment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import org.teachertraining.core.notification.ReadNotifications;
import org.teachertraining.core.program.ProgramCityReports;
import org.teachertraining.http.ForRoles;
import org.teachertraining.http.Callers;
import org.teachertraining.http.Json;
import org.teachertraining.http.QueryValues;
import org.teachertraining.http.Responses;

import java.time.LocalDate;

import static org.teachertraining.core.identity.Role.CITY_ADMIN;
import static org.teachertraining.core.identity.Role.PROVINCE_ADMIN;

/** The caller's notifications (the reminders), and the program summaries cities owe (S6). */
@Controller
public class NotificationController {

    public record DeadlineBody(LocalDate dueDate) {}

    public record SummaryBody(String summary) {}

    private final Callers callers;
    private final ReadNotifications notifications;
    private final ProgramCityReports cityReports;

    public NotificationController(Callers callers, ReadNotifications notifications, ProgramCityReports cityReports) {
        this.callers = callers;
        this.notifications = notifications;
        this.cityReports = cityReports;
    }

    @Get("/me/notifications")
    public HttpResponse<String> inbox(HttpRequest<?> request, @Nullable @QueryValue String cursor, @Nullable @QueryValue String limit) {
        var caller = callers.of(request);
        return Responses.of(request, notifications.inbox(caller, cursor, QueryValues.integer("limit", limit)), HttpStatus.OK);
    }

    @Post("/me/notifications/{notificationId}/read")
    public HttpResponse<String> markRead(HttpRequest<?> request, String notificationId) {
        return Responses.of(request, notifications.markRead(callers.of(request), notificationId), HttpStatus.OK);
    }

    @ForRoles({PROVINCE_ADMIN})
    @Put("/programs/{programId}/city-report-deadline")
    public HttpResponse<String> deadline(HttpRequest<?> request, String programId, @Body String body) {
        var caller = callers.of(request);
        return Responses.of(request, cityReports.setDeadline(caller, programId, Json.read(body, DeadlineBody.class).dueDate()), HttpStatus.OK);
    }

    @ForRoles({PROVINCE_ADMIN, CITY_ADMIN})
    @io.micronaut.http.annotation.Get("/programs/{programId}/city-reports")
    public HttpResponse<String> read(HttpRequest<?> request, String programId) {
        return Responses.of(request, cityReports.read(callers.of(request), programId), HttpStatus.OK);
    }

    @ForRoles({CITY_ADMIN})
    @Post("/programs/{programId}/city-reports")
    public HttpResponse<String> submit(HttpRequest<?> request, String programId, @Body String body) {
        var caller = callers.of(request);
        return Responses.of(request, cityReports.submit(caller, programId, Json.read(body, SummaryBody.class).summary()), HttpStatus.CREATED);
    }
}
