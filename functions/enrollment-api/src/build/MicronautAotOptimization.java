import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * Micronaut AOT for the Enrollment API's deployment package, run by the build (pom.xml, {@code prepare-package}) in a JVM
 * whose class path is the function's runtime class path — what its zip's {@code lib/} holds — and the Micronaut AOT
 * tool. It analyses the API's application context once, at build time, in the environments Lambda starts it in
 * ({@code function}, {@code lambda}), and writes what the context would otherwise find out at every cold start as
 * classes: which bean definitions, introspections, converters and property-source loaders the class path offers and
 * which of them can apply (service loading without scanning the ~70 jars), and which optional types are missing.
 * The classes go into a jar of their own, which only the zip carries ({@code lib/}); the function's jar, the tests and
 * the local runtime are unchanged. Nothing that depends on the deployment — environment variables, properties from
 * them, the cloud the function runs in — is decided here.
 *
 * <p>Usage: {@code java MicronautAotOptimization.java <work dir> <jar> <runtime class path> <Micronaut AOT's jars> <this
 * file>}. The analysis runs in a class loader of exactly the function's runtime class path and the tool's jars, nothing
 * else. It is skipped (about 2 s of every build of the API, the README's run command's too) when the jar exists and
 * nothing it is made from changed: the class path's files (paths, sizes, times), the tool's jars, this file.
 */
public class MicronautAotOptimization {
    /** Where the generated classes live; the context finds them through ApplicationContextConfigurer's service file. */
    static final String PACKAGE = "org.teachertraining.enrollment.micronautaot";
    /** One time for every entry, so that the same build makes the same jar. */
    static final FileTime ENTRY_TIME = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        Path jar = Path.of(args[1]);
        String runtimeClasspath = args[2];
        var urls = new java.util.ArrayList<java.net.URL>();
        for (String entry : (runtimeClasspath + java.io.File.pathSeparator + args[3]).split(java.io.File.pathSeparator)) {
            if (!Files.exists(Path.of(entry))) throw new IllegalArgumentException("not on this machine: " + entry);
            urls.add(Path.of(entry).toUri().toURL());
        }
        String inputs = digest(runtimeClasspath + java.io.File.pathSeparator + args[3] + java.io.File.pathSeparator + args[4]);
        Path stamp = work.resolve("inputs.sha256");
        if (Files.exists(jar) && Files.exists(stamp) && Files.readString(stamp).equals(inputs)) {
            return;
        }
        deleteTree(work);   // nothing left from an earlier build's analysis
        var options = new Properties();
        options.setProperty("package", PACKAGE);
        options.setProperty("output.directory", work.toAbsolutePath().toString());
        options.setProperty("runtime", "jit");
        options.setProperty("classpath", String.join(",", runtimeClasspath.split(java.io.File.pathSeparator)));
        // the environments of EnrollmentApiHandler.newApplicationContextBuilder: the only ones its context runs in
        options.setProperty("possible.environments", "function,lambda");
        options.setProperty("target.environments", "function,lambda");
        options.setProperty("serviceloading.jit.enabled", "true");
        options.setProperty("service.types", String.join(",",
                "io.micronaut.context.env.PropertySourceLoader", "io.micronaut.inject.BeanConfiguration",
                "io.micronaut.inject.BeanDefinitionReference", "io.micronaut.http.HttpRequestFactory",
                "io.micronaut.http.HttpResponseFactory", "io.micronaut.core.beans.BeanIntrospectionReference",
                "io.micronaut.core.convert.TypeConverterRegistrar", "io.micronaut.context.env.PropertyExpressionResolver"));
        options.setProperty("known.missing.types.enabled", "true");
        options.setProperty("known.missing.types.list", String.join(",",
                "io.reactivex.Observable", "reactor.core.publisher.Flux", "kotlinx.coroutines.flow.Flow",
                "io.reactivex.rxjava3.core.Flowable", "io.reactivex.rxjava3.core.Observable", "io.reactivex.Single",
                "reactor.core.publisher.Mono", "io.reactivex.Maybe", "io.reactivex.rxjava3.core.Single",
                "io.reactivex.rxjava3.core.Maybe", "io.reactivex.Completable", "io.reactivex.rxjava3.core.Completable",
                "io.micronaut.core.async.publisher.CompletableFuturePublisher",
                "io.micronaut.core.async.publisher.Publishers.JustPublisher", "io.micronaut.core.async.subscriber.Completable"));
        options.setProperty("scan.reactive.types.enabled", "true");
        // left off: what would fix at build time what only the deployment knows (its environment variables, its
        // cloud, the properties derived from them) or what this function does not use (Netty, Logback)
        for (String off : new String[] {"cached.environment", "deduce.environment", "precompute.environment.properties",
                "sealed.property.source", "property-source-loader.generate", "logback.xml.to.java", "netty.properties"}) {
            options.setProperty(off + ".enabled", "false");
        }
        try (var loader = new java.net.URLClassLoader(urls.toArray(java.net.URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            Class.forName("io.micronaut.aot.MicronautAotOptimizer", true, loader).getMethod("execute", Properties.class).invoke(null, options);
        }
        writeJar(work.resolve("classes"), jar);
        Files.writeString(stamp, inputs);
    }

    /** A digest of every file under the entries of {@code classpath}: its path, size and time. */
    static String digest(String classpath) throws Exception {
        var sha = java.security.MessageDigest.getInstance("SHA-256");
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            try (var files = Files.walk(Path.of(entry))) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    String line = f + " " + Files.size(f) + " " + Files.getLastModifiedTime(f).toMillis() + "\n";
                    sha.update(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        return java.util.HexFormat.of().formatHex(sha.digest());
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    static void writeJar(Path classes, Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar); var out = new JarOutputStream(file);
             var paths = Files.walk(classes)) {
            for (Path p : paths.sorted().toList()) {
                if (p.equals(classes)) continue;
                String name = classes.relativize(p).toString().replace('\\', '/') + (Files.isDirectory(p) ? "/" : "");
                var entry = new JarEntry(name);
                entry.setLastModifiedTime(ENTRY_TIME);
                out.putNextEntry(entry);
                if (!Files.isDirectory(p)) Files.copy(p, out);
                out.closeEntry();
            }
        }
    }
}
