package org.teachertraining.adapters.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.function.Function;

/**
 * A function's Lambda entry point (template.yaml's {@code Handler}) around its {@link RequestHandler}: the event read from
 * the bytes Lambda hands over, the handler's answer written back as JSON, both with this project's Jackson. Named a
 * {@code RequestHandler} instead, the function has its events read by the Lambda runtime's own serializer, whose set-up
 * (a Jackson of its own with Joda modules) and introspection of the event classes cost 40–100 ms of each cold start
 * (BENCHMARKS.md, "Made side by side"). The local runtime hands events to {@link #handler()} as objects, as before;
 * TemplateIT checks that every sample event reads here into what the runtime's serializer reads it into.
 */
public abstract class StreamEntry<I, O> implements RequestStreamHandler {
    private static final ObjectMapper JSON = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final RequestHandler<I, O> handler;
    private final Function<JsonNode, I> event;

    /** Around {@code handler}, its event read from the event's JSON by {@code event} ({@link #map}, {@link SqsEvents#read}). */
    protected StreamEntry(RequestHandler<I, O> handler, Function<JsonNode, I> event) {
        this.handler = handler;
        this.event = event;
    }

    /** The handler the events go to: what the local runtime invokes. */
    public RequestHandler<I, O> handler() {
        return handler;
    }

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        O answer = handler.handleRequest(event.apply(JSON.readTree(input)), context);
        JSON.writeValue(output, answer);
    }

    /** A Step Functions task's input or a scheduled event: a JSON object as a map, its numbers as Jackson reads them. */
    public static Map<String, Object> map(JsonNode json) {
        if (!json.isObject()) throw new IllegalArgumentException("the event is not a JSON object but " + json.getNodeType());
        return JSON.convertValue(json, MAP);
    }
}
