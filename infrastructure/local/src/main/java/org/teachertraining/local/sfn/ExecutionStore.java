package org.teachertraining.local.sfn;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where state machines and executions are kept: one JSON file each under a directory (replaced atomically on
 * every change), or nowhere (in memory only).
 */
final class ExecutionStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;

    /** @param dir null keeps nothing */
    ExecutionStore(Path dir) {
        this.dir = dir;
        if (dir != null) {
            try {
                Files.createDirectories(dir.resolve("executions"));
                Files.createDirectories(dir.resolve("state-machines"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    void saveExecution(String arn, ObjectNode record) {
        write(dir == null ? null : dir.resolve("executions").resolve(fileName(arn)), record);
    }

    void saveStateMachine(String arn, ObjectNode record) {
        write(dir == null ? null : dir.resolve("state-machines").resolve(fileName(arn)), record);
    }

    List<ObjectNode> executions() {
        return read("executions");
    }

    List<ObjectNode> stateMachines() {
        return read("state-machines");
    }

    private static void write(Path file, ObjectNode record) {
        if (file == null) return;
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, record.toString(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<ObjectNode> read(String kind) {
        var out = new ArrayList<ObjectNode>();
        if (dir == null) return out;
        try (Stream<Path> files = Files.list(dir.resolve(kind))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                out.add((ObjectNode) JSON.readTree(f.toFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String fileName(String arn) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(arn.getBytes(StandardCharsets.UTF_8))) + ".json";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
