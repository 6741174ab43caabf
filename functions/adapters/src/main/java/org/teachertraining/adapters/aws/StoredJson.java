package org.teachertraining.adapters.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * JSON of records the platform writes itself (DynamoDB {@code data} attributes, queue messages): ISO-8601
 * times, tolerant of fields added later.
 */
public final class StoredJson {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private StoredJson() {}

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * SnapStart priming ({@link Priming}): the reader and the writer of every record of the platform's core built, as the
     * first read or write of each type would build them. Jackson's introspection of a type is most of what a function
     * restored from a snapshot still did on its first request (BENCHMARKS.md, "SnapStart with priming hooks"). The records
     * are found in the core's jar (or its class directory); one that does not map to JSON is left out, as Jackson leaves
     * it when it prefetches. Returns how many records were found.
     */
    public static int primeRecords() {
        int records = 0;
        for (var type : coreRecords()) {
            MAPPER.readerFor(type);
            MAPPER.writerFor(type);
            records++;
        }
        return records;
    }

    /** The record classes of the platform's core, from the jar or directory its classes were loaded from. */
    static java.util.List<Class<?>> coreRecords() {
        var anchor = org.teachertraining.core.common.Outcome.class;
        var names = new java.util.ArrayList<String>();
        try {
            var location = java.nio.file.Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (java.nio.file.Files.isDirectory(location)) {
                try (var files = java.nio.file.Files.walk(location.resolve(CORE_PACKAGE))) {
                    files.map(f -> location.relativize(f).toString()).forEach(names::add);
                }
            } else {
                try (var jar = new java.util.jar.JarFile(location.toFile())) {
                    jar.stream().map(java.util.zip.ZipEntry::getName).forEach(names::add);
                }
            }
        } catch (java.io.IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException("the core's classes could not be listed", e);
        }
        var records = new java.util.ArrayList<Class<?>>();
        for (String name : names) {
            if (!name.startsWith(CORE_PACKAGE) || !name.endsWith(".class")) continue;
            try {
                var type = Class.forName(name.substring(0, name.length() - ".class".length()).replace('/', '.'), false, anchor.getClassLoader());
                if (type.isRecord()) records.add(type);
            } catch (ClassNotFoundException | LinkageError skipped) {
                // not loadable here: not one this function reads or writes
            }
        }
        return records;
    }

    private static final String CORE_PACKAGE = "org/teachertraining/core/";

    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not read as " + type.getSimpleName(), e);
        }
    }
}
