package org.smoothcert.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smoothcert.cluster.ClusterRuns.succeeded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smoothcert.cluster.FakeKubernetesApi.Request;

/**
 * {@code submit/k8s} without a Kubernetes cluster: the spark-submit arguments of its dry run, every
 * spark.kubernetes.* key among them one that Spark 4.2 defines, and the real spark-submit (from the
 * SPARK_HOME of Maven jars) against a stand-in API server on 127.0.0.1, which keeps the driver pod and
 * config maps Spark asks for: the image, service account, pod template and spark-defaults.conf arrive
 * in them, and nothing of this machine's file system does. Whether pods then run is not tested here.
 */
class KubernetesSubmitIT {
  static final Path DIR = Scripts.TARGET.resolve("k8s-it");
  static final String IMAGE = "registry.example/smoothcert-spark:4.2.0";
  static final String JAR = "local:///opt/smoothcert/smoothcert.jar";
  static final List<String> COMMAND = List.of("run", "--set", "data.dir=s3a://bucket/mnist-1-7",
      "--out", "s3a://bucket/runs/paper");
  static final String TOLERATION = "smoothcert.example/spot";
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static Path template;

  @BeforeAll
  static void sparkHomeAndPodTemplate() throws Exception {
    SparkHome.make(DIR.resolve("logs"));
    template = DIR.resolve("pod-template.yaml");
    Files.writeString(template, String.join("\n", "apiVersion: v1", "kind: Pod", "metadata:", "  labels:",
        "    smoothcert.example/team: certify", "spec:", "  tolerations:", "    - key: " + TOLERATION,
        "      operator: Exists", "      effect: NoSchedule", ""));
  }

  static Map<String, String> env(String master, String... extra) {
    Map<String, String> env = new HashMap<>(Map.of("SPARK_HOME", SparkHome.DIR.toString(), "K8S_MASTER", master,
        "SMOOTHCERT_IMAGE", IMAGE, "SMOOTHCERT_JAR", JAR, "K8S_POD_TEMPLATE", template.toString()));
    for (int i = 0; i < extra.length; i += 2) {
      env.put(extra[i], extra[i + 1]);
    }
    return env;
  }

  @Test
  void dryRunPrintsASubmissionOfKeysSparkDefines() throws Exception {
    String master = "k8s://https://api.example:6443";
    List<String> args = succeeded(Scripts.run(DIR.resolve("logs"), "dry-run",
        env(master, "SMOOTHCERT_DRY_RUN", "1"), 60, "k8s", COMMAND.toArray(String[]::new))).out().lines().toList();
    assertEquals(List.of("--master", master), args.subList(args.indexOf("--master"), args.indexOf("--master") + 2));
    assertEquals("cluster", args.get(args.indexOf("--deploy-mode") + 1));
    assertEquals("org.smoothcert.app.Main", args.get(args.indexOf("--class") + 1));
    List<String> tail = new ArrayList<>(List.of(JAR));
    tail.addAll(COMMAND);
    assertEquals(tail, args.subList(args.size() - tail.size(), args.size()), "the jar, then smoothcert's command");
    assertFalse(args.stream().anyMatch(a -> a.contains("log4j2")), "a driver pod cannot read this machine's files");

    Map<String, String> conf = new HashMap<>();
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals("--conf")) {
        String[] kv = args.get(i + 1).split("=", 2);
        conf.put(kv[0], kv[1]);
      }
    }
    assertEquals(Map.of("spark.kubernetes.container.image", IMAGE,
        "spark.kubernetes.authenticate.driver.serviceAccountName", "spark",
        "spark.kubernetes.driver.podTemplateFile", template.toString(),
        "spark.kubernetes.executor.podTemplateFile", template.toString()), conf);
    assertEquals(List.of(), keysSparkDoesNotDefine(conf.keySet()), "keys unknown to Spark's Kubernetes module");
  }

  @Test
  void sparkSubmitAsksTheApiServerForTheDriverPodItDescribes() throws Exception {
    try (FakeKubernetesApi api = new FakeKubernetesApi()) {
      succeeded(Scripts.run(DIR.resolve("logs"), "submit", env(api.master(), "SPARK_SUBMIT_OPTS_EXTRA",
          "--conf spark.kubernetes.submission.waitAppCompletion=false"), 300, "k8s", COMMAND.toArray(String[]::new)));
      List<Request> pods = api.requests().stream()
          .filter(r -> r.method().equals("POST") && r.path().endsWith("/pods")).toList();
      assertEquals(1, pods.size(), "one driver pod: " + api.requests());
      JsonNode pod = YAML.readTree(pods.get(0).body());
      JsonNode driver = pod.at("/spec/containers/0");
      assertEquals(IMAGE, driver.at("/image").asText());
      assertEquals("spark", pod.at("/spec/serviceAccountName").asText());
      List<String> args = new ArrayList<>();
      driver.at("/args").forEach(a -> args.add(a.asText()));
      List<String> tail = new ArrayList<>(List.of("--class", "org.smoothcert.app.Main", JAR));
      tail.addAll(COMMAND);
      assertEquals(tail, args.subList(args.size() - tail.size(), args.size()), "the driver's command: " + args);
      assertEquals("certify", pod.at("/metadata/labels").path("smoothcert.example/team").asText(), "template label");
      assertEquals(TOLERATION, pod.at("/spec/tolerations/0/key").asText(), "template toleration");

      Properties driverConf = driverProperties(api.requests());
      assertEquals(IMAGE, driverConf.getProperty("spark.kubernetes.container.image"));
      assertEquals("-XX:+UseParallelGC", driverConf.getProperty("spark.executor.extraJavaOptions"),
          "conf/spark-defaults.conf reaches the driver");
      assertEquals("1", driverConf.getProperty("spark.executorEnv.OPENBLAS_NUM_THREADS"));
      // The driver's template was read here, at submission; every other path must be one in the pod.
      driverConf.remove("spark.kubernetes.driver.podTemplateFile");
      for (String key : driverConf.stringPropertyNames()) {
        assertFalse(driverConf.getProperty(key).contains(Scripts.HOME.toString()),
            key + " names a path of this machine: " + driverConf.getProperty(key));
      }
      assertTrue(api.requests().stream().anyMatch(r -> r.path().contains("/configmaps/") && r.body().contains(TOLERATION)),
          "the executors' pod template goes to the driver in a config map");
    }
  }

  /** spark.properties of the config map Spark mounts as the driver's SPARK_CONF_DIR. */
  static Properties driverProperties(List<Request> requests) throws Exception {
    for (Request r : requests) {
      if (r.path().contains("/configmaps/")) {
        JsonNode text = YAML.readTree(r.body()).at("/data/spark.properties");
        if (!text.isMissingNode()) {
          Properties properties = new Properties();
          properties.load(new StringReader(text.asText()));
          return properties;
        }
      }
    }
    throw new AssertionError("no config map with spark.properties: " + requests);
  }

  /** The keys that Spark's Kubernetes module (in the SPARK_HOME, loaded apart from the test's classes) lacks. */
  static List<String> keysSparkDoesNotDefine(Collection<String> keys) throws Exception {
    List<URL> jars = new ArrayList<>();
    try (Stream<Path> files = Files.list(SparkHome.DIR.resolve("jars"))) {
      for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).toList()) {
        jars.add(jar.toUri().toURL());
      }
    }
    try (URLClassLoader spark = new URLClassLoader(jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      Class.forName("org.apache.spark.deploy.k8s.Config$", true, spark);
      Class<?> entries = Class.forName("org.apache.spark.internal.config.ConfigEntry$", true, spark);
      Object registry = entries.getField("MODULE$").get(null);
      Method find = entries.getMethod("findEntry", String.class);
      List<String> unknown = new ArrayList<>();
      for (String key : keys) {
        if (find.invoke(registry, key) == null) {
          unknown.add(key);
        }
      }
      return unknown;
    }
  }
}
