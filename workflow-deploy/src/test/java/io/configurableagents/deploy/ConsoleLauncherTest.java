package io.configurableagents.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks before the console's JVM starts (starting it is the console IT's part). */
class ConsoleLauncherTest {
  @Test
  void aTakenPortOrAnAddressOfNoMachineIsRefusedBeforeTheConsoleStarts() throws IOException {
    List<String> warnings = new ArrayList<>();
    DeployLog log = new DeployLog() {
      @Override
      public void info(String message) {}

      @Override
      public void warn(String message) {
        warnings.add(message);
      }

      @Override
      public void debug(String message) {}
    };
    HelpfulSuggestions suggestions = new HelpfulSuggestions();
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(() -> ConsoleLauncher.checkAddress("127.0.0.1", taken.getLocalPort(), suggestions, log))
          .hasMessage("Port " + taken.getLocalPort() + " on 127.0.0.1 is already in use (is a console running already?);"
              + " perhaps you should open that one, stop what listens there, or choose another port with the"
              + " consolePort setting (consolePort=" + (taken.getLocalPort() + 1) + ")");
    }
    assertThatThrownBy(() -> ConsoleLauncher.checkAddress("no such host.invalid", 0, suggestions, log))
        .hasMessageStartingWith("Invalid consoleBind 'no such host.invalid': not an address of this machine");
    assertThatThrownBy(() -> ConsoleLauncher.checkAddress("127.0.0.1", 70000, suggestions, log))
        .hasMessageStartingWith("Invalid consolePort '70000': a port is 1 to 65535");

    ConsoleLauncher.checkAddress("127.0.0.1", 0, suggestions, log);
    assertThat(warnings).isEmpty();
    ConsoleLauncher.checkAddress("0.0.0.0", 0, suggestions, log);
    assertThat(warnings).singleElement().asString().startsWith("The console listens on 0.0.0.0, beyond this machine");
  }
}
