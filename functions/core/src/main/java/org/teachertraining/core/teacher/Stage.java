package org.teachertraining.core.teacher;

/** School stage taught (学段). */
public enum Stage { KINDERGARTEN, PRIMARY, JUNIOR, SENIOR }
