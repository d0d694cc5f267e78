package com.example;

/** The project's own code, which the workflow lives beside. */
public final class Greetings {
  private Greetings() {}

  public static String greet(String name) {
    return "Hello, " + name + "!";
  }
}
