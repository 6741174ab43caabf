package org.teachertraining.local;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.teachertraining.http.PlatformFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The local runtime's clock: real time plus an offset that tests and demos set (POST /dev/clock), so
 * that a demo can live in September 2020 or a test can step past a cutoff without waiting.
 */
@Singleton
@Replaces(bean = Clock.class, factory = PlatformFactory.class)
public final class LocalClock extends Clock {
    private final Path file;
    private volatile Duration offset = Duration.ZERO;

    /** @param file where the offset is kept across restarts (under .local/); empty keeps it in memory */
    public LocalClock(@Value("${local.clock-file:}") String file) {
        this.file = file.isBlank() ? null : Path.of(file);
        try {
            if (this.file != null && Files.exists(this.file)) offset = Duration.parse(Files.readString(this.file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void set(Instant now) {
        offset = Duration.between(Instant.now(), now);
        try {
            if (file != null) Files.writeString(file, offset.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Duration offset() {
        return offset;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }
}
