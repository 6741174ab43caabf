package org.teachertraining.local;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import org.teachertraining.http.Open;

/** Test classpath only: a request that takes as long as it is told, to run out the API's time (HttpApiTimeoutIT). */
@Open
@Controller("/dev/test")
@Requires(property = "local.runtime", value = "true")
public class SleepController {
    @Post("/sleep/{millis}")
    public HttpResponse<String> sleep(long millis) throws InterruptedException {
        Thread.sleep(Math.min(millis, 10_000));
        return HttpResponse.ok("slept on " + Thread.currentThread());
    }
}
