import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The AOT training run of the local runtime (local-runtime.sh), with the project's own classes in a class loader of
 * their own: the JVM caches only what the built-in class loaders load, so the cache then holds the emulators,
 * Micronaut, the SDK and the rest of Maven's dependencies, and none of the project's classes. A later build of the
 * project keeps the cache; only other dependencies (another digest) need another one.
 *
 * <p>usage: TrainingLauncher PROJECT_CLASSPATH MAIN_CLASS [arguments...]
 */
public final class TrainingLauncher {
    private TrainingLauncher() {}

    public static void main(String[] args) throws Throwable {
        String[] entries = args[0].split(File.pathSeparator);
        URL[] urls = new URL[entries.length];
        for (int i = 0; i < entries.length; i++) urls[i] = Path.of(entries[i]).toUri().toURL();
        var project = new URLClassLoader("project", urls, TrainingLauncher.class.getClassLoader());
        Thread.currentThread().setContextClassLoader(project);
        try {
            Class.forName(args[1], true, project).getMethod("main", String[].class)
                    .invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
