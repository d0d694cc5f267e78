package io.configurableagents.runtime;

/** Entry point of the container. Wiring only; filled in by the run-API work. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("configurable-agents runtime");
  }
}
