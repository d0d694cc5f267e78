package io.configurableagents.deploy;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Names Docker accepts, made from a workflow's name, as the reference tool made them. */
public final class ContainerNames {
  private static final Pattern CONTAINER = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");
  private static final Pattern REPOSITORY =
      Pattern.compile("(?:[a-zA-Z0-9.-]+(?::[0-9]+)?/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
          + "(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

  private ContainerNames() {}

  /**
   * The flow name lower-cased, every character other than a-z, 0-9, {@code -} and {@code _} made
   * {@code -}, leading and trailing separators dropped; {@code workflow} when nothing is left.
   * Accents are dropped first ({@code Übersetzer} gives {@code ubersetzer}): Docker takes ASCII only.
   */
  public static String sanitize(String flowName) {
    String ascii = Normalizer.normalize(flowName.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String lower = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
    String trimmed = lower.replaceAll("^[-_]+", "").replaceAll("[-_]+$", "");
    return trimmed.isEmpty() ? "workflow" : trimmed;
  }

  public static boolean isValidContainerName(String name) {
    return CONTAINER.matcher(name).matches();
  }

  /** The default image: the name as a repository and the project version as the tag. */
  public static String defaultImage(String name, String version) {
    String repository = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "-").replaceAll("^[._-]+", "");
    String tag = version.replaceAll("[^A-Za-z0-9_.-]", "_");
    return (repository.isEmpty() ? "workflow" : repository) + ":" + (TAG.matcher(tag).matches() ? tag : "latest");
  }

  /** {@code [registry/]repository[:tag]}, with the repository in lower case as Docker requires. */
  public static boolean isValidImage(String image) {
    int colon = image.lastIndexOf(':');
    boolean hasTag = colon > image.lastIndexOf('/');
    String repository = hasTag ? image.substring(0, colon) : image;
    return REPOSITORY.matcher(repository).matches() && (!hasTag || TAG.matcher(image.substring(colon + 1)).matches());
  }
}
