package io.configurableagents.runtime.jobs.postgres;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the shared job store is and how this replica holds its lease ({@code JOB_STORE_URL},
 * {@code JOB_STORE_USER}, {@code JOB_STORE_PASSWORD}, {@code JOB_LEASE_SECONDS}; see
 * {@code docs/scaling.md}). The password never appears in {@link #toString()}, and {@link
 * #displayUrl()} leaves out the URL's parameters, which may hold one.
 *
 * @param url a PostgreSQL JDBC URL, {@code jdbc:postgresql://host:5432/database}
 * @param lease how long a replica's jobs stay its own without a heartbeat
 */
public record PostgresSettings(String url, Optional<String> user, Optional<String> password, Duration lease) {
  public static final String URL_PREFIX = "jdbc:postgresql://";

  public PostgresSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(lease, "lease");
  }

  /** The URL without its parameters: safe to print. */
  public String displayUrl() {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }

  @Override
  public String toString() {
    return "PostgresSettings[url=" + displayUrl() + ", user=" + user.orElse("(none)")
        + ", password=" + (password.isPresent() ? "(set)" : "(none)") + ", lease=" + lease + "]";
  }
}
