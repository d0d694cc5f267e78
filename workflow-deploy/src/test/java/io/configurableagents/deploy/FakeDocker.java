package io.configurableagents.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A stand-in for the docker executable behind {@link DockerCli}'s seam: records every command and
 * answers it with a real process (sh) that prints what docker would and exits with its code.
 */
final class FakeDocker implements Function<List<String>, ProcessBuilder> {
  /** What one call answers. */
  record Answer(int exitCode, String stdout, String stderr, boolean holds) {
    static Answer ok(String stdout) {
      return new Answer(0, stdout, "", false);
    }

    static Answer fail(String stderr) {
      return new Answer(1, "", stderr, false);
    }

    /** Prints, then keeps running until it is ended (as docker logs --follow does). */
    static Answer holding(String stdout, String stderr) {
      return new Answer(0, stdout, stderr, true);
    }
  }

  private final Function<List<String>, Answer> script;
  private final List<List<String>> commands = new ArrayList<>();

  FakeDocker(Function<List<String>, Answer> script) {
    this.script = script;
  }

  @Override
  public synchronized ProcessBuilder apply(List<String> command) {
    commands.add(List.copyOf(command));
    Answer answer = script.apply(command.subList(1, command.size()));
    ProcessBuilder builder = new ProcessBuilder("sh", "-c",
        "printf '%s' \"$OUT\"; printf '%s' \"$ERR\" >&2; if [ \"$HOLD\" = 1 ]; then exec sleep 600; fi; exit $CODE");
    builder.environment().putAll(Map.of("OUT", answer.stdout(), "ERR", answer.stderr(),
        "CODE", String.valueOf(answer.exitCode()), "HOLD", answer.holds() ? "1" : "0"));
    return builder;
  }

  /** The commands run so far, each without the executable. */
  synchronized List<List<String>> commands() {
    List<List<String>> args = new ArrayList<>();
    for (List<String> c : commands) {
      args.add(c.subList(1, c.size()));
    }
    return args;
  }

  DockerCli cli(Map<String, String> environment) {
    return new DockerCli("docker", environment, this, new HelpfulSuggestions());
  }

  DockerCli cli() {
    return cli(Map.of());
  }
}
