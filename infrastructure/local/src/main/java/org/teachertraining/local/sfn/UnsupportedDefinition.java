package org.teachertraining.local.sfn;

/** A definition uses something the emulation does not implement; the message names the field. Refused, never approximated. */
public final class UnsupportedDefinition extends RuntimeException {
    public UnsupportedDefinition(String field, String what) {
        super(field + ": " + what);
    }
}
