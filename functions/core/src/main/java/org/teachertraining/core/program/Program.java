package org.teachertraining.core.program;

import java.time.Instant;

/** A yearly training plan (计划) at one level, owned by one jurisdiction. */
public record Program(String id, int year, ProgramLevel level, String name, String jurisdiction,
                      String createdBy, Instant createdAt) {}
