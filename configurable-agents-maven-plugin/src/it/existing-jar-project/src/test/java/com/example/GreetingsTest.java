package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GreetingsTest {
  @Test
  void greetsByName() {
    assertEquals("Hello, Ada!", Greetings.greet("Ada"));
  }
}
