package org.teachertraining.core.project;

/** One phase of a project, measured in days, hours or months (e.g. 能力诊断 2 d, 在线伴随 30 h, 返岗实践 3 months). */
public record Phase(PhaseKind kind, Integer days, Integer hours, Integer months) {}
