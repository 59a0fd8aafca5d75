package io.vipd.http;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A test main run inside a namespace by {@link io.vipd.testkit.NamespacedJvm}, so that tests reach an API
 * that listens on the namespace's loopback without needing curl: each stdin line {@code METHOD URL [TOKEN]}
 * is answered {@code OK <status> <base64 body>}, or {@code ERR <exception>}.
 */
public final class HttpAgent {
  private HttpAgent() {}

  public static void main(String[] args) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    System.out.println("READY");
    try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] words = line.trim().split("\\s+");
        try {
          HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(words[1]))
              .timeout(Duration.ofSeconds(10))
              .method(words[0], HttpRequest.BodyPublishers.noBody());
          if (words.length > 2) {
            request.header("Authorization", "Bearer " + words[2]);
          }
          HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
          System.out.println("OK " + response.statusCode() + " " + Base64.getEncoder().encodeToString(response.body()));
        } catch (Exception e) {
          System.out.println("ERR " + e);
        }
      }
    }
  }
}
