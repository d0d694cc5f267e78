import io.configurableagents.it.ItConsole
import io.configurableagents.it.ItDocker
import io.configurableagents.it.ItMaven
import java.time.Duration

def jdk17 = '/usr/lib/jvm/java-17-openjdk-amd64'
def port = 18601
def log = new File(basedir, 'build.log').text

// the invoker's build: Maven on JDK 17 loads the plugin; the JDK 17 named for the console is refused, saying what to do
ItDocker.requireContains(log, "The console runs on Java 21 or newer, but ${jdk17} is Java 17")
ItDocker.requireContains(log, "; perhaps you should point -Dworkflow.consoleJdk=")
ItDocker.requireContains(log, 'BUILD FAILURE')
assert !ItConsole.listening(port)

def started = []
def stop = { running, String name ->
  def console = ItConsole.consoleOf(running.process())
  assert new ProcessBuilder('kill', '-INT', "${running.process().pid()}").inheritIO().start().waitFor() == 0
  running.exit(Duration.ofSeconds(60))
  new File(basedir, "build-${name}.log").text = running.output()
  def deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos()
  while ((ItConsole.listening(port) || console.map { it.isAlive() }.orElse(false)) && System.nanoTime() < deadline) {
    ItDocker.sleep(100)
  }
  assert !ItConsole.listening(port) : "the console of ${name} still listens after Ctrl-C"
  assert !console.map { it.isAlive() }.orElse(false) : "the console's JVM of ${name} outlived Ctrl-C"
}

try {
  // Maven on JDK 17, no Java named: the console runs on a Java 21+ found on this machine, in a JVM of its own
  def console = ItMaven.start(basedir, localRepositoryPath, [JAVA_HOME: jdk17], 'workflow:console',
      "-Dworkflow.consolePort=${port}")
  started << console
  def output = console.await("Workflow console on http://127.0.0.1:${port}/", Duration.ofSeconds(120))
  assert output =~ /\[INFO\] Starting the console on Java (2[1-9]|[3-9]\d)[.0-9]*/
  assert ItConsole.consoleOf(console.process()).isPresent()

  // the page, from the jar, with its token, and nothing from elsewhere
  def page = ItDocker.get("http://127.0.0.1:${port}/")
  assert page.statusCode() == 200
  assert page.body().contains('<title>Workflow console</title>')
  assert page.headers().firstValue('Content-Security-Policy').orElse('').contains("default-src 'self'")
  def token = ItConsole.token(page.body())
  def asset = ItDocker.get("http://127.0.0.1:${port}/assets/console.js")
  assert asset.statusCode() == 200 && !asset.body().contains('https://')

  // the API answers the page's own requests: the project's workflow, judged by workflow-core
  def host = "127.0.0.1:${port}".toString()
  def files = ItConsole.request(port, 'GET', '/api/files', [Host: host, 'X-Console-Token': token], '')
  assert files.status() == 200 && files.body().contains('"initial":"workflow.yaml"')
  def text = new File(basedir, 'workflow.yaml').text.replace('{state.ticket}', '{state.tikcet}')
  def body = groovy.json.JsonOutput.toJson([fileName: 'workflow.yaml', text: text])
  def validate = ItConsole.request(port, 'POST', '/api/validate',
      [Host: host, 'X-Console-Token': token, 'Content-Type': 'application/json'], body)
  assert validate.status() == 200
  assert validate.body().contains('"line":15')
  assert validate.body().contains('did you mean \\"ticket\\"?')

  // refused: no token, another site's page, a DNS name rebound to this machine
  assert ItConsole.request(port, 'POST', '/api/validate', [Host: host, 'Content-Type': 'application/json'], body).status() == 403
  def foreign = ItConsole.request(port, 'POST', '/api/env', [Host: host, Origin: 'http://evil.example',
      'X-Console-Token': token, 'Content-Type': 'application/json'], '{"text":"A=b"}')
  assert foreign.status() == 403 && foreign.body().contains('refuses requests from other sites')
  def rebound = ItConsole.request(port, 'GET', '/', [Host: "evil.example:${port}".toString()], '')
  assert rebound.status() == 403 && rebound.body().contains('answers only at an address of this machine')

  // a second console on the same port: refused before it starts, naming the port and the setting
  def second = ItMaven.run(basedir, localRepositoryPath, 'workflow:console', "-Dworkflow.consolePort=${port}")
  new File(basedir, 'build-second.log').text = second.log()
  assert second.exitCode() != 0
  ItDocker.requireContains(second.log(), "Port ${port} on 127.0.0.1 is already in use (is a console running already?);"
      + " perhaps you should open that one, stop what listens there, or choose another port with -Dworkflow.consolePort=${port + 1}")

  // Ctrl-C: Maven ends, and the console's JVM with it
  stop(console, 'console')

  // without a pom, from any directory
  def noPom = new File(basedir, 'target/no-pom')
  noPom.mkdirs()
  new File(noPom, 'workflow.yaml').text = new File(basedir, 'workflow.yaml').text
  def bare = ItMaven.start(noPom, localRepositoryPath, [:], 'workflow:console', "-Dworkflow.consolePort=${port}")
  started << bare
  bare.await("Workflow console on http://127.0.0.1:${port}/", Duration.ofSeconds(120))
  def bareToken = ItConsole.token(ItDocker.get("http://127.0.0.1:${port}/").body())
  def bareFiles = ItConsole.request(port, 'GET', '/api/files', [Host: host, 'X-Console-Token': bareToken], '')
  assert bareFiles.status() == 200 && bareFiles.body().contains('"files":["workflow.yaml"]')
  assert bareFiles.body().contains('"initial":"workflow.yaml"')
  stop(bare, 'no-pom')
} finally {
  started.each { it.process().descendants().forEach { it.destroyForcibly() }; it.process().destroyForcibly() }
}
return true
