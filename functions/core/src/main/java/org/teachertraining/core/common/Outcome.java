package org.teachertraining.core.common;

import java.util.function.Function;

/** The result of a use case: done (with a value) or refused (with the reason). */
public sealed interface Outcome<T> {

    record Done<T>(T value) implements Outcome<T> {}

    record Refused<T>(Refusal refusal) implements Outcome<T> {}

    static <T> Outcome<T> done(T value) {
        return new Done<>(value);
    }

    static <T> Outcome<T> refused(Refusal refusal) {
        return new Refused<>(refusal);
    }

    default <U> Outcome<U> map(Function<T, U> f) {
        if (this instanceof Done<T> d) return new Done<>(f.apply(d.value()));
        return new Refused<>(((Refused<T>) this).refusal());
    }
}
