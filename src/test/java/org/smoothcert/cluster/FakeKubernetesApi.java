package org.smoothcert.cluster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for a Kubernetes API server on 127.0.0.1, enough for spark-submit's cluster-mode client:
 * it keeps every request and answers each write with the object written (a GET finds nothing). No pod
 * ever runs; what is kept is what Spark would have asked a real cluster to create.
 */
final class FakeKubernetesApi implements AutoCloseable {
  /** One request: its method, path (with query) and body. */
  record Request(String method, String path, String body) {}

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  FakeKubernetesApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  /** {@code k8s://http://127.0.0.1:PORT}, for spark-submit's --master. */
  String master() {
    return "k8s://http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  private void answer(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(), body));
    boolean read = exchange.getRequestMethod().equals("GET");
    // A pod is written as JSON, and echoed; server-side apply sends YAML, answered by a bare object.
    String reply = read ? "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":404}"
        : body.startsWith("{") ? body : "{\"apiVersion\":\"v1\",\"kind\":\"Status\"}";
    byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(read ? 404 : exchange.getRequestMethod().equals("POST") ? 201 : 200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
