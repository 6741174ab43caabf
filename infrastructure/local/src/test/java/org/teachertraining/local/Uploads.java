package org.teachertraining.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Uploads as an institution's browser makes them: request, PUT to the presigned URL, wait for the decision. */
final class Uploads {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    private Uploads() {}

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static Api.Response request(Api api, String token, String project, String kind, String fileName, String contentType, byte[] bytes,
                                String extra) throws Exception {
        return api.send("POST", "/projects/" + project + "/submissions", token, "{\"kind\":\"" + kind + "\",\"fileName\":\"" + fileName
                + "\",\"size\":" + bytes.length + ",\"contentType\":\"" + contentType + "\",\"sha256\":\"" + sha256(bytes) + "\""
                + (extra == null ? "" : "," + extra) + "}");
    }

    /** PUTs to a presigned upload with the headers it was signed with (the client sets Content-Length from the body). */
    static int put(JsonNode upload, byte[] body, String contentTypeOverride) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(upload.get("url").asText())).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        upload.get("headers").fields().forEachRemaining(h -> {
            if (!h.getKey().equalsIgnoreCase("content-length")) b.header(h.getKey(), h.getValue().asText());
        });
        if (contentTypeOverride != null) b.setHeader("Content-Type", contentTypeOverride);
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (java.io.IOException staleConnection) {
            // a kept-alive connection S3Proxy had closed ("header parser received no bytes"): the JDK's client does not
            // resend a PUT by itself; the same bytes to the same key, once more, on a new connection
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        }
    }

    /** Requests, uploads and waits for the decision. */
    static JsonNode submit(Api api, String token, String project, String kind, String fileName, String contentType, byte[] bytes,
                           String extra) throws Exception {
        var requested = request(api, token, project, kind, fileName, contentType, bytes, extra);
        assertEquals(201, requested.status(), requested.toString());
        assertEquals(200, put(requested.json().get("upload"), bytes, null));
        return decided(api, token, project, requested.json().get("submission").get("id").asText());
    }

    /** The id of an upload that ended ACCEPTED. */
    static String accepted(Api api, String token, String project, String kind, String fileName, String contentType, byte[] bytes) throws Exception {
        var s = submit(api, token, project, kind, fileName, contentType, bytes, null);
        assertEquals("ACCEPTED", s.get("status").asText(), s.toString());
        return s.get("id").asText();
    }

    static JsonNode decided(Api api, String token, String project, String submissionId) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            var s = api.send("GET", "/projects/" + project + "/submissions/" + submissionId, token, null);
            assertEquals(200, s.status(), s.toString());
            if (!s.json().get("status").asText().equals("AWAITING_UPLOAD")) return s.json();
            Thread.sleep(50);
        }
        throw new AssertionError("submission " + submissionId + " was never decided");
    }
}
