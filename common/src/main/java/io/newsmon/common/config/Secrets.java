package io.newsmon.common.config;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Decides which configuration values are secrets and how they are shown, by the kind a setting is
 * declared as rather than by its name: newsmon's settings declared as passwords, and the Kafka client
 * properties that Kafka's own producer, consumer, admin and Streams declarations type as passwords
 * ({@code ssl.keystore.key}, {@code sasl.jaas.config}, OAuth client secrets, …). A {@code kafka.} key
 * Kafka does not declare (a serializer's or a schema registry's property such as
 * {@code basic.auth.user.info}) has no known kind; it is hidden when its name reads like a credential.
 * Credentials inside any URL value (user:password@, token query parameters) are hidden too.
 */
final class Secrets {

  static final String MASK = "********";

  private static final Set<String> KAFKA_NAMES = new HashSet<>();
  private static final Set<String> KAFKA_PASSWORDS = kafkaPasswords();
  private static final Pattern CREDENTIAL_NAME =
      Pattern.compile("(?i).*(password|passwd|secret|jaas|token|credential|user\\.info|api[.-]?key|private[.-]key).*");
  private static final Pattern TOKEN_PARAM =
      Pattern.compile("(?i)([?&](?:token|access_token|key|api_key|apikey|secret|sig|signature|password|auth)=)[^&#]*");

  private Secrets() {}

  static String shown(String key, String value, NewsmonConfig.Setting setting) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    if (setting != null && setting.secret()) {
      return maskWhole(value);
    }
    if (key.startsWith(NewsmonConfig.KAFKA_PREFIX)) {
      String name = key.substring(NewsmonConfig.KAFKA_PREFIX.length());
      if (KAFKA_PASSWORDS.contains(name) || !KAFKA_NAMES.contains(name) && CREDENTIAL_NAME.matcher(name).matches()) {
        return MASK;
      }
    }
    return maskInUrl(value);
  }

  /** A secret URL keeps its scheme and host (to tell which receiver it is); anything else is masked. */
  private static String maskWhole(String value) {
    try {
      URI u = new URI(value.strip());
      if (u.getScheme() != null && u.getHost() != null) {
        return u.getScheme() + "://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "") + "/" + MASK;
      }
    } catch (java.net.URISyntaxException e) {
      // not a URL
    }
    return MASK;
  }

  /** Hides user:password@ and token-like query parameters in a URL value; other values unchanged. */
  static String maskInUrl(String value) {
    if (!value.contains("://")) {
      return value;
    }
    String v = value.replaceAll("(://)[^/@\\s]+@", "$1" + MASK + "@");
    return TOKEN_PARAM.matcher(v).replaceAll("$1" + MASK);
  }

  private static Set<String> kafkaPasswords() {
    Set<String> passwords = new HashSet<>();
    for (ConfigDef def : List.of(ProducerConfig.configDef(), ConsumerConfig.configDef(),
        AdminClientConfig.configDef(), StreamsConfig.configDef())) {
      def.configKeys().forEach((name, k) -> {
        KAFKA_NAMES.add(name);
        if (k.type == ConfigDef.Type.PASSWORD) {
          passwords.add(name.toLowerCase(Locale.ROOT));
        }
      });
    }
    return passwords;
  }
}
