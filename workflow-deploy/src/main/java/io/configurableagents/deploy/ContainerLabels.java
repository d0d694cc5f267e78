package io.configurableagents.deploy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The labels {@code docker run} puts on every container a deploy starts, so that the lifecycle
 * goals and the console find our containers by label ({@code docker ps --filter label=...}),
 * never by guessing from names, and know what each one is without asking the user again.
 */
public final class ContainerLabels {
  /** On every container we start: the label the deployed ones are found by. */
  public static final String DEPLOYED_BY = "io.configurableagents.deployed-by";
  /** The value of {@link #DEPLOYED_BY}. */
  public static final String TOOL = "configurable-agents";
  /** The flow's name (also an image label). */
  public static final String WORKFLOW_NAME = "io.configurableagents.workflow.name";
  /** The flow's version (also an image label). */
  public static final String WORKFLOW_VERSION = "io.configurableagents.workflow.version";
  /** The named volume on {@code /app/data}: jobs, traces, the AOT cache. */
  public static final String DATA_VOLUME = "io.configurableagents.data-volume";
  /** The host port of the API. */
  public static final String API_PORT = "io.configurableagents.api-port";
  /** The host port of the traces page; 0 when there is none. */
  public static final String TRACES_PORT = "io.configurableagents.traces-port";

  private ContainerLabels() {}

  /** The labels of the container {@code request} starts, in a fixed order. */
  public static Map<String, String> of(DeployRequest request) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(DEPLOYED_BY, TOOL);
    labels.put(WORKFLOW_NAME, request.workflow().name());
    labels.put(WORKFLOW_VERSION, request.workflow().versionOrDefault());
    labels.put(DATA_VOLUME, request.dataVolume());
    labels.put(API_PORT, String.valueOf(request.port()));
    labels.put(TRACES_PORT, String.valueOf(request.tracesPort()));
    return labels;
  }

  /** The data volume of the container called {@code containerName}. */
  public static String dataVolumeOf(String containerName) {
    return containerName + "-data";
  }
}
