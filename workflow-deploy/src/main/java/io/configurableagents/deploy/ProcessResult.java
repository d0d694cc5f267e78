package io.configurableagents.deploy;

import java.util.List;

/** What one external command printed and how it ended. */
public record ProcessResult(List<String> command, int exitCode, String stdout, String stderr) {
  public ProcessResult {
    command = List.copyOf(command);
  }

  public boolean succeeded() {
    return exitCode == 0;
  }

  /** The first non-blank line of stderr (or the exit code), for messages. */
  public String reason() {
    return stderr.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("exit code " + exitCode);
  }

  /** The command for messages: the executable's file name and the arguments. */
  public String display() {
    return display(command);
  }

  static String display(List<String> command) {
    String exe = command.get(0);
    String name = exe.substring(exe.lastIndexOf('/') + 1);
    return name + (command.size() > 1 ? " " + String.join(" ", command.subList(1, command.size())) : "");
  }
}
