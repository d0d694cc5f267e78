import io.configurableagents.it.ItDocker
import java.time.Duration

def out = new File(basedir, 'target/workflow-deploy')
def log = new File(basedir, 'build.log').text
def dockerfile = new File(out, 'Dockerfile').text
def base = (dockerfile =~ /(?m)^ARG BASE_IMAGE=(\S+)$/)[0][1]

try {
  ItDocker.requireContains(log, 'Generated ')
  ItDocker.requireLacks(log, 'Building image', 'an image build by generate')
  assert new File(out, 'workflow.yaml').bytes == new File(basedir, 'workflow.yaml').bytes
  // .env.example: the keys to fill in (the provider's, web_search's Serper by default), the rest commented out
  def example = new File(out, '.env.example').readLines()
  assert example.findAll { it && !it.startsWith('#') } == ['OPENAI_API_KEY=', 'SERPER_API_KEY=']
  assert example.containsAll(['# WEB_SEARCH_PROVIDER=', '# TAVILY_API_KEY=', '# ALLOWED_HOSTS=', '# ALLOWED_PATHS='])
  ItDocker.requireContains(new File(out, 'README.md').text,
      "| `SERPER_API_KEY` | required | the API key of Serper (serper.dev), the web search service | the web_search tool of node 'summarize' |")
  // no sql_query: no SQLite driver (12 MB) in the image's libraries
  assert new File(out, 'libs').list().findAll { it.startsWith('sqlite-jdbc') }.isEmpty()
  ItDocker.requireLacks(log, 'The image gets', 'an optional library added to a workflow without sql_query')
  assert new File(out, '.dockerignore').readLines().containsAll(['.env', '.env.*', '*.env', '!.env.example'])
  assert base.startsWith('configurable-agents-jre:')
  assert ItDocker.exists('image', base) : "the jlink base ${base} is not in Docker: run the deploy ITs first"

  // the README's commands, as written, from the output directory
  def readme = new File(out, 'README.md').text
  def block = (readme =~ /(?s)```sh\n(docker build[^`]*)```/)[0][1]
  block.readLines().findAll { it.trim() }.each { line ->
    def p = new ProcessBuilder('sh', '-c', line).directory(out).redirectErrorStream(true).start()
    def text = p.inputStream.text
    assert p.waitFor() == 0 : "${line}\n${text}"
  }
  ItDocker.awaitOk('http://127.0.0.1:18161/health', Duration.ofSeconds(60))
  // the Dockerfile's health check, run in the container as Docker runs it (no shell): healthy; on a port where
  // nothing listens: unhealthy, saying why
  def healthcheck = new groovy.json.JsonSlurper().parseText(ItDocker.inspect('{{json .Config.Healthcheck}}', 'generate-it:1.0.0'))
  assert healthcheck.Test[0] == 'CMD' && healthcheck.Test[-1] == 'io.configurableagents.runtime.HealthProbe'
  assert healthcheck.Interval == 30_000_000_000L && healthcheck.Retries == 3
  def probe = ItDocker.run((['exec', 'generate-it'] + healthcheck.Test.drop(1)) as String[])
  assert probe.exitCode() == 0 && probe.stdout() == 'healthy: GET http://127.0.0.1:8000/health answered 200\n' : probe
  def refused = ItDocker.run((['exec', '-e', 'PORT=8001', 'generate-it'] + healthcheck.Test.drop(1)) as String[])
  assert refused.exitCode() == 1 && refused.stdout().contains('Connection refused') : refused
  // and with the base named explicitly, as the Dockerfile's comment shows (nothing is pulled: it is local)
  def build = new ProcessBuilder('docker', 'build', '--build-arg', "BASE_IMAGE=${base}", '-t', 'generate-it:build-arg', '.')
      .directory(out).redirectErrorStream(true).start()
  def buildLog = build.inputStream.text
  assert build.waitFor() == 0 : buildLog
  assert ItDocker.inspect('{{.Id}}', 'generate-it:build-arg') == ItDocker.inspect('{{.Id}}', 'generate-it:1.0.0')
  assert ItDocker.inspect('{{.Config.User}}', 'generate-it:1.0.0') == '10001:10001'
  assert ItDocker.inspect('{{range .Mounts}}{{.Name}}:{{.Destination}}{{end}}', 'generate-it') == 'generate-it-data:/app/data'
  // the image runs as the app user of the base, as the Jib image does
  assert ItDocker.run('run', '--rm', '--pull', 'never', '--entrypoint', 'java', 'generate-it:1.0.0',
      '-XshowSettings:properties', '-version').stderr().contains('user.name = app')

  // compose accepts the file, if a compose tool is here
  def compose = [['docker', 'compose'], ['docker-compose']].find { cmd ->
    try { new ProcessBuilder(cmd + ['version']).start().waitFor() == 0 } catch (IOException e) { false }
  }
  if (compose) {
    def p = new ProcessBuilder(compose + ['config', '-q']).directory(out).redirectErrorStream(true).start()
    def text = p.inputStream.text
    assert p.waitFor() == 0 : text
    // and the replicas' file (it builds the image here, as no push was made), with the password it requires
    def replicas = new ProcessBuilder(compose + ['config', '-q']).directory(new File(out, 'replicas'))
    replicas.environment().put('JOB_STORE_PASSWORD', 'compose-config-check')
    def r = replicas.redirectErrorStream(true).start()
    def replicasText = r.inputStream.text
    assert r.waitFor() == 0 : replicasText
    assert new File(out, 'replicas/docker-compose.yml').text.contains('    build: ..')
    println "compose config: valid (${compose.join(' ')})"
  } else {
    println 'compose config: skipped, no docker compose or docker-compose here'
  }
} finally {
  ItDocker.removeQuietly(['generate-it'], ['generate-it-data'], ['generate-it:1.0.0', 'generate-it:build-arg', base])
  new File(basedir, '.env').delete()
}
return true
