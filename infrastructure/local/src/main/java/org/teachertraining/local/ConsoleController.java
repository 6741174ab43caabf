package org.teachertraining.local;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import org.teachertraining.http.Open;

/**
 * The console (console/dist, built by the Maven build) at the runtime's root, as CloudFront serves it from
 * S3 in AWS: {@code /} the page, {@code /assets/*} its scripts and styles (gzip when the browser takes it,
 * cached for good since their names carry their hashes), {@code /console-config.json} how it signs in
 * here (the dev sign-in of {@code /dev/tokens}, the API at the same origin).
 */
@Open
@Controller
@Requires(property = "local.runtime", value = "true")
public class ConsoleController {
    private static final Map<String, String> TYPES = Map.of("js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "html", "text/html; charset=utf-8", "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon",
            "woff2", "font/woff2", "woff", "font/woff", "ttf", "font/ttf", "json", "application/json");

    private final Path dist;
    private final Map<String, byte[]> gzipped = new ConcurrentHashMap<>();

    public ConsoleController(@Value("${local.console-dir}") String dist) {
        this.dist = Path.of(dist).toAbsolutePath().normalize();
    }

    @Get(produces = "text/html")
    public HttpResponse<?> page() {
        var index = dist.resolve("index.html");
        if (!Files.isRegularFile(index)) {
            return HttpResponse.status(HttpStatus.OK).contentType("text/html; charset=utf-8")
                    .body("<!doctype html><meta charset=utf-8><title>教师培训管理平台</title><p>控制台尚未构建：请先运行 "
                            + "<code>mvn -B -q -DskipTests -Dlint.skip package</code>（console/dist）。API 在本地址可用，见 /openapi.yaml。");
        }
        return file(null, index, "html", "no-cache");
    }

    @Get("/console-config.json")
    public HttpResponse<?> config() {
        return HttpResponse.ok("{\"mode\":\"dev\",\"apiBase\":\"\"}").contentType("application/json").header("Cache-Control", "no-cache");
    }

    @Get("/assets/{name}")
    public HttpResponse<?> asset(HttpRequest<?> request, String name) {
        if (!name.matches("[A-Za-z0-9._-]{1,200}") || name.startsWith(".")) return HttpResponse.notFound();
        var path = dist.resolve("assets").resolve(name).normalize();
        if (!path.startsWith(dist) || !Files.isRegularFile(path)) return HttpResponse.notFound();
        String ext = name.substring(name.lastIndexOf('.') + 1);
        return file(request, path, ext, "public, max-age=31536000, immutable");
    }

    private HttpResponse<?> file(HttpRequest<?> request, Path path, String ext, String cache) {
        try {
            String type = TYPES.getOrDefault(ext, "application/octet-stream");
            String accepts = request == null ? null : request.getHeaders().get("Accept-Encoding");
            boolean gzip = accepts != null && accepts.contains("gzip") && (ext.equals("js") || ext.equals("css") || ext.equals("svg") || ext.equals("json"));
            byte[] body = gzip ? gzipped.computeIfAbsent(path.toString(), k -> compress(path)) : Files.readAllBytes(path);
            var response = HttpResponse.ok(body).contentType(type).header("Cache-Control", cache).header("X-Content-Type-Options", "nosniff");
            if (gzip) response.header("Content-Encoding", "gzip").header("Vary", "Accept-Encoding");
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] compress(Path path) {
        try (var out = new ByteArrayOutputStream()) {
            try (var gz = new GZIPOutputStream(out)) {
                gz.write(Files.readAllBytes(path));
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
