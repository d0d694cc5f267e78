package io.configurableagents.maven;

import io.configurableagents.deploy.DeployLog;
import org.apache.maven.plugin.logging.Log;

/** The deploy layer's log, in Maven's. */
final class MavenDeployLog implements DeployLog {
  private final Log log;

  MavenDeployLog(Log log) {
    this.log = log;
  }

  @Override
  public void info(String message) {
    log.info(message);
  }

  @Override
  public void warn(String message) {
    log.warn(message);
  }

  @Override
  public void debug(String message) {
    log.debug(message);
  }
}
