package org.teachertraining.core.program;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Port: S6 — program-level summaries that cities submit by a date the program's owner sets. */
public interface CityReports {
    record Deadline(String programId, String programName, String jurisdiction, LocalDate due) {}

    void setDeadline(Deadline deadline);

    List<Deadline> dueBetween(LocalDate from, LocalDate to);

    /** One report per city and program; false if the city had submitted already. */
    boolean submit(String programId, String city, String summary, String by, Instant at);

    Set<String> submitted(String programId);

    /** The program's S6 due date, if its owner set one. */
    java.util.Optional<Deadline> deadline(String programId);

    /** A city's summary as it submitted it. */
    record Report(String programId, String city, String summary, String by, Instant at) {}

    /** The summaries submitted for a program, by city. */
    List<Report> reports(String programId);

    /** When each city that submitted did so. */
    java.util.Map<String, Instant> submittedAt(String programId);
}
