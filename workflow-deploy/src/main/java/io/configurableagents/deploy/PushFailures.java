package io.configurableagents.deploy;

import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InsecureRegistryException;
import com.google.cloud.tools.jib.api.RegistryUnauthorizedException;
import com.google.cloud.tools.jib.registry.RegistryCredentialsNotSentException;
import java.net.ConnectException;
import java.net.UnknownHostException;

/** Jib's failures to push, turned into what the user can do about them. */
final class PushFailures {
  private PushFailures() {}

  /** The advice for {@code failure} when its cause is one we know; else {@code failure} itself. */
  static DeployException explain(DeployException failure, ImageReference target, DeployRequest request,
      HelpfulSuggestions suggestions) {
    String registry = target.getRegistry();
    for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof InsecureRegistryException) {
        return suggestions.insecureRegistry(registry, cause.getMessage(), request.baseImage().registry()
            .filter(base -> !RegistryHost.isLoopback(base)));
      }
      if (cause instanceof RegistryCredentialsNotSentException) {
        return suggestions.credentialsNotSentOverHttp(registry);
      }
      if (cause instanceof RegistryUnauthorizedException unauthorized
          && unauthorized.getImageReference().startsWith(registry + "/")) {
        return suggestions.registryUnauthorized(registry, target.getRepository(),
            request.registryCredentials().login(registry).map(RegistryLogin::source));
      }
      if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
        return suggestions.registryUnreachable(registry, cause.getClass().getSimpleName() + ": " + cause.getMessage());
      }
    }
    return failure;
  }
}
